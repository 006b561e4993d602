package issue

import (
	"bytes"
	"errors"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// writeIssue creates the files (path → content) in a new temporary
// directory and returns it.
func writeIssue(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const minimalYAML = "title: 期刊\nissue: 2025年第1期\ndate: 2025-03-01\nsections:\n  - title: 栏目\n    articles:\n      - a.md\n"

// problemsOf loads dir and returns its problems, failing when it loads.
func problemsOf(t *testing.T, dir string) Problems {
	t.Helper()
	iss, _, err := Load(dir)
	if err == nil {
		t.Fatalf("Load(%s) succeeded (%d sections), want problems", dir, len(iss.Sections))
	}
	if iss != nil {
		t.Errorf("Load(%s) returned an issue together with an error", dir)
	}
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("Load(%s) error is %T, want Problems: %v", dir, err, err)
	}
	return ps
}

func TestMinimal(t *testing.T) {
	iss, warnings, err := Load(filepath.Join("..", "testdata", "minimal"))
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 0 {
		t.Errorf("warnings: %v", warnings)
	}
	if iss.Title != "示例期刊" || iss.Label != "2025年第1期" || !iss.Date.Equal(time.Date(2025, 1, 15, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("masthead = %q %q %v", iss.Title, iss.Label, iss.Date)
	}
	if iss.Language != "zh-CN" {
		t.Errorf("Language = %q, want the default zh-CN", iss.Language)
	}
	// uuid.uuid5(uuid.NAMESPACE_URL, "示例期刊\n2025年第1期") in Python.
	if want := "urn:uuid:9d3b6f16-ddac-55ad-bafe-146073d9737c"; iss.Identifier != want {
		t.Errorf("Identifier = %q, want %q", iss.Identifier, want)
	}
	if iss.Print != (Print{TrimWidth: 210, TrimHeight: 285, Bleed: 3, Columns: 2}) {
		t.Errorf("Print = %+v, want the defaults", iss.Print)
	}
	if !filepath.IsAbs(iss.Dir) || iss.File != filepath.Join(iss.Dir, "issue.yaml") {
		t.Errorf("Dir, File = %q, %q", iss.Dir, iss.File)
	}
	arts := iss.Articles()
	if len(iss.Sections) != 1 || iss.Sections[0].ID != "s01" || len(arts) != 1 {
		t.Fatalf("sections %d, articles %d", len(iss.Sections), len(arts))
	}
	a := arts[0]
	if a.ID != "a001" || a.Title != "你好，期刊" || len(a.Authors) != 1 || a.Authors[0] != "编辑部" || a.Language != "zh-CN" {
		t.Errorf("article = %s %q %q %q", a.ID, a.Title, a.Authors, a.Language)
	}
	if a.File != filepath.Join(iss.Dir, "articles", "hello.md") || a.Line != 5 {
		t.Errorf("article at %s:%d, want articles/hello.md:5", a.File, a.Line)
	}
	want := "这是一篇最小的文章。它只有一段文字，用来检查加载器能读完整个期刊。"
	if len(a.Blocks) != 1 || plain(a.Blocks[0].(*Paragraph).Inlines) != want {
		t.Errorf("blocks = %#v, want one paragraph %q", a.Blocks, want)
	}
}

// TestInvalid loads every directory under testdata/invalid and checks the
// problem it must report: the file it names, the line and a part of the
// message.
func TestInvalid(t *testing.T) {
	tests := []struct {
		dir  string
		file string // the problem's file must end with this
		line int    // 0: no line
		msg  string // substring of the message or hint
	}{
		{"yaml-syntax", "issue.yaml", 6, "YAML syntax error"},
		{"unknown-key", "issue.yaml", 1, `unknown key "titel" in issue.yaml (did you mean "title"?)`},
		{"unknown-front-matter-key", "a.md", 3, `did you mean "authors"?`},
		{"missing-title", "issue.yaml", 1, "missing required key title"},
		{"missing-article-title", "a.md", 2, "front matter: missing required key title"},
		{"missing-sections", "issue.yaml", 1, "missing required key sections"},
		{"date-nonexistent", "issue.yaml", 3, `date "2025-02-30" does not exist`},
		{"date-format", "issue.yaml", 3, `"2025/3/1" is not written YYYY-MM-DD`},
		{"missing-article", "issue.yaml", 7, `file "a.md" not found`},
		{"path-dotdot", "issue.yaml", 7, "leads outside the issue directory"},
		{"path-absolute", "issue.yaml", 7, "is an absolute path"},
		{"article-gbk", "a.md", 2, "looks like GBK (convert with iconv -f GBK -t UTF-8"},
		{"article-latin1", "a.md", 2, "file is not UTF-8 text (save the file as UTF-8)"},
		{"article-utf16", "a.md", 0, "file is UTF-16 text"},
		{"issue-gbk", "issue.yaml", 1, "looks like GBK"},
		{"issue-yml", "issue.yaml", 0, "rename issue.yml to issue.yaml"},
		{"empty-section", "issue.yaml", 6, `section "栏目" has no articles`},
		{"duplicate-article", "issue.yaml", 10, `"./a.md" is listed twice (first at line 7)`},
		{"front-matter-unclosed", "a.md", 1, "missing its closing ---"},
		{"front-matter-missing", "a.md", 1, "article has no front matter"},
		{"image-corrupt", "a.md", 6, "corrupt png image"},
		{"image-webp", "a.md", 6, "WEBP images are not supported"},
		{"image-bmp", "a.md", 6, "BMP images are not supported"},
		{"image-svg", "a.md", 6, "SVG images are not supported"},
		{"image-huge", "a.md", 6, "too large: 20000×20000 pixels"},
		{"image-no-pixels", "a.md", 6, "pixel data missing or cut short: 0 bytes of compressed data cannot hold 3000×2000 pixels"},
		{"image-missing", "a.md", 8, `file "img/none.jpg" not found`},
		{"image-escape", "a.md", 6, "leads outside the issue directory"},
		{"cover-missing", "issue.yaml", 5, `cover image: file "cover.jpg" not found`},
		{"bad-issn", "issue.yaml", 4, "wrong check digit (expected 2)"},
		{"bad-language", "issue.yaml", 4, "not a BCP 47 language tag"},
		{"bad-print", "issue.yaml", 5, `trim "10x10mm" is out of range`},
		{"bad-print", "issue.yaml", 6, "has no unit"},
		{"bad-print", "issue.yaml", 7, "from 1 to 4"},
		{"bad-print", "issue.yaml", 8, `writing "diagonal"`},
		{"bad-page", "a.md", 3, `page "-3" must be a whole number`},
		{"font-missing", "issue.yaml", 5, `fonts: body: file "fonts/none.ttf" not found`},
		{"inline-no-body", "issue.yaml", 7, "missing required key body"},
	}
	covered := map[string]bool{}
	for _, tt := range tests {
		covered[tt.dir] = true
		t.Run(tt.dir, func(t *testing.T) {
			dir := filepath.Join("..", "testdata", "invalid", tt.dir)
			ps := problemsOf(t, dir)
			for _, p := range ps {
				if strings.HasSuffix(p.File, filepath.FromSlash(tt.file)) && p.Line == tt.line && strings.Contains(p.String(), tt.msg) {
					if !strings.HasPrefix(p.File, dir) {
						t.Errorf("problem file %q does not start with the directory as given, %q", p.File, dir)
					}
					return
				}
			}
			t.Errorf("no problem in %s line %d containing %q; got:\n%v", tt.file, tt.line, tt.msg, ps)
		})
	}
	entries, err := os.ReadDir(filepath.Join("..", "testdata", "invalid"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !covered[e.Name()] && e.Name() != "many" {
			t.Errorf("testdata/invalid/%s has no entry in the table", e.Name())
		}
	}
}

// TestAllProblemsReported checks that one problem does not hide the others.
func TestAllProblemsReported(t *testing.T) {
	ps := problemsOf(t, filepath.Join("..", "testdata", "invalid", "many"))
	want := []string{
		`issue.yaml:1:1: unknown key "titel"`,
		`issue.yaml:3:7: date "2025-13-01" does not exist`,
		`issue.yaml:4:7: ISSN "1234-5678" has a wrong check digit`,
		`issue.yaml:9:9: article: file "b.md" not found`,
		`issue.yaml:11:5: section "空栏目" has no articles`,
		`a.md:3:1: unknown key "pgae" in front matter (did you mean "page"?)`,
		`a.md:7:1: image: file "missing.png" not found`,
	}
	text := ps.Error()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("missing %q in\n%s", w, text)
		}
	}
	if len(ps) != len(want) {
		t.Errorf("%d problems, want %d (a misspelt key must not also be reported missing):\n%s", len(ps), len(want), text)
	}
	if n := strings.Count(text, "\n") + 1; n != len(ps) {
		t.Errorf("Error() has %d lines for %d problems", n, len(ps))
	}
}

func TestProblemString(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{File: "x/issue.yaml", Line: 3, Col: 7, Message: "bad", Hint: "fix it"}, "x/issue.yaml:3:7: bad (fix it)"},
		{Problem{File: "x/a.md", Line: 3, Message: "bad"}, "x/a.md:3: bad"},
		{Problem{File: "x/a.md", Col: 4, Message: "bad"}, "x/a.md: bad"},
		{Problem{File: "x", Message: "bad", Hint: "h"}, "x: bad (h)"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.p, got, tt.want)
		}
	}
	w := Warning{File: "x/a.md", Line: 5, Message: "hm"}
	if got := w.String(); got != "x/a.md:5: warning: hm" {
		t.Errorf("Warning.String() = %q", got)
	}
	if got := (Warning{File: "x/a.md", Message: "hm"}).String(); got != "x/a.md: warning: hm" {
		t.Errorf("Warning.String() without line = %q", got)
	}
}

// TestSymlinks checks that links leading out of the issue are refused and
// links that stay inside are followed.
func TestSymlinks(t *testing.T) {
	outside := writeIssue(t, map[string]string{"secret.md": "---\ntitle: 秘密\n---\n外部文件。\n", "pics/p.png": string(tinyPNG(t))})
	dir := writeIssue(t, map[string]string{
		"issue.yaml": "title: 期刊\nissue: 1\ndate: 2025-03-01\nsections:\n  - title: 栏目\n    articles:\n      - link.md\n      - inner/ok.md\n      - linkdir/secret.md\n",
		"real/ok.md": "---\ntitle: 内部\n---\n![图](../pics/p.png)\n",
	})
	mustLink := func(target, name string) {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	mustLink(filepath.Join(outside, "secret.md"), "link.md")
	mustLink("real", "inner")
	mustLink(outside, "linkdir")
	mustLink(filepath.Join(outside, "pics"), "pics")

	ps := problemsOf(t, dir)
	text := ps.Error()
	for _, want := range []string{
		`issue.yaml:7:9: article: "link.md" leads outside the issue directory through a symbolic link`,
		`issue.yaml:9:9: article: "linkdir/secret.md" leads outside the issue directory through a symbolic link`,
		filepath.Join("inner", "ok.md") + `:4:1: image: "../pics/p.png" leads outside the issue directory through a symbolic link`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%s", want, text)
		}
	}
	if len(ps) != 3 {
		t.Errorf("%d problems, want 3:\n%s", len(ps), text)
	}

	// The issue directory itself may be reached through a link.
	link := filepath.Join(t.TempDir(), "issue-link")
	if err := os.Symlink(filepath.Join("..", "testdata", "minimal"), link); err == nil {
		abs, _ := filepath.Abs(filepath.Join("..", "testdata", "minimal"))
		os.Remove(link)
		if err := os.Symlink(abs, link); err != nil {
			t.Fatal(err)
		}
		if _, _, err := Load(link); err != nil {
			t.Errorf("Load through a linked directory: %v", err)
		}
	}
}

func TestIssueFields(t *testing.T) {
	png := string(tinyPNG(t))
	dir := writeIssue(t, map[string]string{
		"issue.yaml": `title: 期刊
issue: 2025年第3期
date: 2025-03-28
language: zh-Hant-TW
subtitle: 副题
number: 总第344期
issn: 2434-561x
publisher: 出版社
description: 简介
identifier: urn:isbn:123
cover: {image: img/cover.png, caption: 封面, credit: 某某/摄}
highlights: [看点一, 看点二]
colophon:
  - {label: 主管, value: 某部}
fonts: {body: f/body.ttc#1, heading: "f/head.ttf"}
print: {trim: B5, bleed: 0.5cm, columns: 1, writing: vertical}
sections:
  - title: 栏目
    title_en: Column
    articles:
      - title: 内联文章
        authors: [甲, 乙]
        page: 7
        language: en
        body: |
          First line
          second line.

          ![图](img/cover.png "credit")
`,
		"img/cover.png": png,
		"f/body.ttc":    "x",
		"f/head.ttf":    "x",
	})
	iss, warnings, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 0 {
		t.Errorf("warnings: %v", warnings)
	}
	if iss.Language != "zh-Hant-TW" || iss.ISSN != "2434-561X" || iss.Identifier != "urn:isbn:123" || iss.Number != "总第344期" {
		t.Errorf("fields = %q %q %q %q", iss.Language, iss.ISSN, iss.Identifier, iss.Number)
	}
	if iss.Cover.Image == nil || iss.Cover.Image.Rel != "img/cover.png" || iss.Cover.Image.Format != "png" || iss.Cover.Image.Width != 3 || iss.Cover.Image.Height != 2 {
		t.Errorf("cover = %+v", iss.Cover.Image)
	}
	if iss.Cover.Caption != "封面" || iss.Cover.Credit != "某某/摄" {
		t.Errorf("cover text = %q %q", iss.Cover.Caption, iss.Cover.Credit)
	}
	if len(iss.Highlights) != 2 || len(iss.Colophon) != 1 || iss.Colophon[0] != (ColophonRow{"主管", "某部"}) {
		t.Errorf("highlights %q colophon %q", iss.Highlights, iss.Colophon)
	}
	if iss.Fonts.Body != filepath.Join(iss.Dir, "f", "body.ttc")+"#1" || iss.Fonts.Heading != filepath.Join(iss.Dir, "f", "head.ttf") {
		t.Errorf("fonts = %+v", iss.Fonts)
	}
	if iss.Print != (Print{TrimWidth: 176, TrimHeight: 250, Bleed: 5, Columns: 1, Vertical: true}) {
		t.Errorf("print = %+v", iss.Print)
	}
	a := iss.Articles()[0]
	if a.File != iss.File || a.Line != 26 || a.Page != 7 || a.Language != "en" || len(a.Authors) != 2 || iss.Sections[0].TitleEN != "Column" {
		t.Errorf("inline article at %s:%d page %d lang %q authors %q", a.File, a.Line, a.Page, a.Language, a.Authors)
	}
	if len(a.Blocks) != 2 || plain(a.Blocks[0].(*Paragraph).Inlines) != "First line second line." {
		t.Fatalf("inline body = %#v", a.Blocks)
	}
	if f, ok := a.Blocks[1].(*Figure); !ok || f.Image.Rel != "img/cover.png" || f.Credit != "credit" || f.Caption != "图" {
		t.Errorf("figure = %#v", a.Blocks[1])
	}
}

func TestBOMAndCRLF(t *testing.T) {
	dir := writeIssue(t, map[string]string{
		"issue.yaml": "\ufeff" + strings.ReplaceAll(minimalYAML, "\n", "\r\n"),
		"a.md":       "\ufeff---\r\ntitle: 标题\r\n---\r\n第一行\r\n第二行\r\n",
	})
	iss, _, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	a := iss.Articles()[0]
	if a.Title != "标题" || plain(a.Blocks[0].(*Paragraph).Inlines) != "第一行第二行" {
		t.Errorf("title %q body %#v", a.Title, a.Blocks)
	}
}

func TestLoadImagesAndHTML(t *testing.T) {
	big := pngOf(t, 400, 300)
	dir := writeIssue(t, map[string]string{
		"issue.yaml": minimalYAML,
		"a.md": "---\ntitle: 标题\n---\n\n文字中的![小图](x.png)图片。\n\n" + // 5
			"大图![大](big.png)在文中。\n\n" + // 7
			"<img src=\"https://e.com/a.png\" alt=\"远程\">\n\n" + // 9
			"<span style=\"color:red\">红</span><iframe src=\"https://v.com/1\"></iframe>\n" + // 11
			"<span style=\"x\">再</span>\n",
		"x.png":   string(tinyPNG(t)),
		"big.png": string(big),
	})
	iss, warnings, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`a.md:7: warning: image "big.png" is taller than a line of text (300 px): it is set as a figure after the paragraph`,
		`a.md:9: warning: HTML image: "https://e.com/a.png" is a URL; only local files can be used; the image is left out and its alt text kept`,
		`a.md:11: warning: dropped <iframe> element and its content (https://v.com/1)`,
		`a.md:11: warning: dropped the style attribute of <span>, and once more at line 12`,
	}
	var got []string
	for _, w := range warnings {
		got = append(got, w.String())
	}
	if len(got) != len(want) {
		t.Fatalf("warnings:\n%s", strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.Contains(got[i], want[i]) {
			t.Errorf("warning %d = %s\nwant %s", i, got[i], want[i])
		}
	}
	blocks := iss.Articles()[0].Blocks
	p := blocks[0].(*Paragraph)
	if len(p.Inlines) != 3 || p.Inlines[1].Image == nil || p.Inlines[1].Text != "小图" || p.Inlines[1].Pos.Line != 5 || p.Inlines[1].Pos.Col != 5 {
		t.Errorf("inline image: %+v", p.Inlines)
	}
	if f, ok := blocks[2].(*Figure); !ok || f.Caption != "大" || f.Pos.Line != 7 || plain(blocks[1].(*Paragraph).Inlines) != "大图在文中。" {
		t.Errorf("figure after the paragraph: %s", dump(blocks))
	}
	if got := plain(blocks[3].(*Paragraph).Inlines); got != "远程" {
		t.Errorf("remote image: %q", got)
	}
}

// pngOf returns a w×h PNG.
func pngOf(t *testing.T, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestLoadPositions(t *testing.T) {
	dir := writeIssue(t, map[string]string{
		"issue.yaml": "title: 期刊\nissue: 2025年第1期\ndate: 2025-03-01\nhighlights:\n  - 看点一\n  - 看点二\nsections:\n  - title: 栏目\n    articles:\n      - a.md\n      - title: 内联\n        authors: [甲, 乙]\n        body: |\n          第一段\n\n          第二段\n",
		"a.md":       "---\ntitle: 标题\nauthors:\n  - 张三\nlanguage: ko\n---\n\n# 小标题\n\n正文 **强调**\n第二行\n\n> 引文\n",
	})
	iss, _, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	yaml, md := filepath.Join(iss.Dir, "issue.yaml"), filepath.Join(iss.Dir, "a.md")
	at := func(f string, l, c int) Pos { return Pos{File: f, Line: l, Col: c} }
	checks := []struct {
		name      string
		got, want Pos
	}{
		{"issue title", iss.Where["title"], at(yaml, 1, 8)},
		{"highlight", iss.Where["highlights[1]"], at(yaml, 6, 5)},
		{"section", iss.Sections[0].Where["title"], at(yaml, 8, 12)},
		{"front matter title", iss.Articles()[0].Where["title"], at(md, 2, 8)},
		{"author", iss.Articles()[0].Where["authors[0]"], at(md, 4, 5)},
		{"language", iss.Articles()[0].Where["language"], at(md, 5, 11)},
		{"heading", iss.Articles()[0].Blocks[0].Position(), at(md, 8, 3)},
		{"paragraph", iss.Articles()[0].Blocks[1].Position(), at(md, 10, 1)},
		{"strong run", iss.Articles()[0].Blocks[1].(*Paragraph).Inlines[1].Pos, at(md, 10, 6)},
		{"second line", iss.Articles()[0].Blocks[1].(*Paragraph).Inlines[2].Pos, at(md, 11, 1)},
		{"quote", iss.Articles()[0].Blocks[2].Position(), at(md, 13, 3)},
		{"inline article", iss.Articles()[1].Where[""], at(yaml, 11, 9)},
		{"inline author", iss.Articles()[1].Where["authors[1]"], at(yaml, 12, 22)},
		{"inline body", iss.Articles()[1].Blocks[1].Position(), at(yaml, 16, 0)},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s at %+v, want %+v", c.name, c.got, c.want)
		}
	}
}

// TestLoadDirProblems covers arguments that are not issue directories.
func TestLoadDirProblems(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "issue.yaml")
	os.WriteFile(file, []byte(minimalYAML), 0o644)
	empty := filepath.Join(dir, "empty")
	os.Mkdir(empty, 0o755)
	os.WriteFile(filepath.Join(empty, "issue.yaml"), []byte("# nothing\n"), 0o644)
	for _, tt := range []struct{ dir, msg string }{
		{filepath.Join(dir, "nope"), "no such directory"},
		{file, "not a directory"},
		{empty, "issue.yaml is empty"},
	} {
		ps := problemsOf(t, tt.dir)
		if !strings.Contains(ps.Error(), tt.msg) {
			t.Errorf("Load(%s) = %v, want %q", tt.dir, ps, tt.msg)
		}
	}
}

func TestTruncatedImageWarning(t *testing.T) {
	png := tinyPNG(t)
	dir := writeIssue(t, map[string]string{
		"issue.yaml": minimalYAML,
		"a.md":       "---\ntitle: 标题\n---\n\n![全](full.png)\n\n![半](half.png)\n\n![又](half.png)\n",
		"full.png":   string(png),
		"half.png":   string(png[:len(png)-12]),
	})
	_, warnings, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 || warnings[0].Line != 7 || !strings.Contains(warnings[0].Message, `"half.png" seems truncated`) {
		t.Errorf("warnings = %v, want one for half.png at line 7", warnings)
	}
}

func TestTruncated(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		format, data string
		want         bool
	}{
		{"jpeg", "\xff\xd8\xff\xe0....\xff\xd9", false},
		{"jpeg", "\xff\xd8\xff\xe0....\xff\xd9\x00\x00", false},
		{"jpeg", "\xff\xd8\xff\xe0....", true},
		{"gif", "GIF89a...;", false},
		{"gif", "GIF89a...", true},
		{"png", string(tinyPNG(t)), false},
	}
	for i, tt := range tests {
		p := filepath.Join(dir, strings.Repeat("x", i+1))
		os.WriteFile(p, []byte(tt.data), 0o644)
		if got := truncated(p, tt.format); got != tt.want {
			t.Errorf("truncated(%s %q) = %v", tt.format, tt.data, got)
		}
	}
}
