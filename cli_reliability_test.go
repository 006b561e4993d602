package main

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	imagepng "image/png"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/qikan-dev/qikan/internal/testtool"
	"github.com/qikan-dev/qikan/issue"
)

// The reliability contract of the command line (issue 17): no input can
// hang qikan, exhaust memory, overwrite another issue or lose a figure
// silently. The refusals among the cases join the bad-input corpus of
// cli_invalid_test.go (reliabilityCases), so that export, validate and
// batch are each run on them as a separate process, with a time limit, and
// checked for the exit status, the message at file:line with its fix,
// nothing written and a peak memory under 300 MB. The cases that are not
// refusals have tests of their own below.

// relArticle is a valid article; relIssue an issue.yaml with extra lines
// before its sections and articles as the list of its one section.
const relArticle = "---\ntitle: 标题\n---\n\n正文。\n"

func relIssue(extra, articles string) []byte {
	return []byte("title: 期刊\nissue: 2025年第1期\ndate: 2025-03-28\n" + extra + "sections:\n  - title: 栏目\n    articles: " + articles + "\n")
}

// relBody is an article whose body is body.
func relBody(body string) []byte {
	return []byte("---\ntitle: 标题\n---\n\n" + body + "\n")
}

// reliabilityCases adds the refusals of issue 17 to the bad-input corpus.
func reliabilityCases(cb *caseBuilder) {
	add := cb.add
	plain := func(md []byte) map[string][]byte {
		return map[string][]byte{"issue.yaml": relIssue("", "[a.md]"), "a.md": md}
	}

	// 1. Nesting in YAML is bounded before it is parsed (80 KB of "["
	// took 7 s and 2.4 GB in validate, the same in front matter).
	const yamlDeep = "YAML nests more than 64 levels deep"
	deepFlow := strings.Repeat("[", 40000) + strings.Repeat("]", 40000)
	add("yaml-nested-80k", map[string][]byte{"issue.yaml": relIssue("highlights: "+deepFlow+"\n", "[a.md]"), "a.md": []byte(relArticle)}, nil, 1,
		fault{"issue.yaml", "highlights:", yamlDeep, "flatten it"})
	add("front-matter-nested-40k", plain([]byte("---\ntitle: 标题\nauthors: "+deepFlow[20000:60000]+"\n---\n\n正文。\n")), nil, 1,
		fault{"a.md", "authors:", yamlDeep, "flatten it"})
	var lone strings.Builder // goccy/go-yaml nests a key after a lone "-"
	for range 2000 {
		lone.WriteString("-\nk:\n")
	}
	add("yaml-lone-dashes", map[string][]byte{"issue.yaml": []byte("title: 期刊\nissue: 1\ndate: 2025-03-28\nsections:\n  - title: 栏目\n    articles: [a.md]\nhighlights:\n" + lone.String()), "a.md": []byte(relArticle)}, nil, 1,
		fault{"issue.yaml", "", yamlDeep, "flatten it"})

	// 2. A named pipe where a file belongs is refused before it is
	// opened (validate, export and batch hung on it).
	const pipe = "is a named pipe (FIFO), not a regular file"
	const regular = "give a regular file"
	add("fifo-article", map[string][]byte{"issue.yaml": relIssue("", "[a.md]"), "a.md": []byte("|fifo")}, nil, 1,
		fault{"issue.yaml", "a.md", pipe, regular})
	add("fifo-image", map[string][]byte{"issue.yaml": relIssue("", "[a.md]"), "a.md": relBody("正文。\n\n![图](p.png)"), "p.png": []byte("|fifo")}, nil, 1,
		fault{"a.md", "p.png", pipe, regular})
	add("fifo-font", map[string][]byte{"issue.yaml": relIssue("fonts:\n  body: f.ttf\n", "[a.md]"), "a.md": []byte(relArticle), "f.ttf": []byte("|fifo")}, nil, 1,
		fault{"issue.yaml", "f.ttf", pipe, regular})
	add("fifo-cover", map[string][]byte{"issue.yaml": relIssue("cover:\n  image: c.jpg\n", "[a.md]"), "a.md": []byte(relArticle), "c.jpg": []byte("|fifo")}, nil, 1,
		fault{"issue.yaml", "c.jpg", pipe, regular})
	add("fifo-issue-yaml", map[string][]byte{"issue.yaml": []byte("|fifo"), "a.md": []byte(relArticle)}, nil, 1,
		fault{"issue.yaml", "", "issue.yaml is a named pipe (FIFO), not a regular file", regular})
	// A device is refused too: linked from the issue directory it leads
	// outside it; given as --body-font it is named as a device.
	add("device-article", map[string][]byte{"issue.yaml": relIssue("", "[a.md]"), "a.md": []byte("-> /dev/zero")}, nil, 1,
		fault{"issue.yaml", "a.md", `"a.md" leads outside the issue directory through a symbolic link`, "copy the file into the issue directory"})
	add("device-image", map[string][]byte{"issue.yaml": relIssue("", "[a.md]"), "a.md": relBody("正文。\n\n![图](p.png)"), "p.png": []byte("-> /dev/urandom")}, nil, 1,
		fault{"a.md", "p.png", `"p.png" leads outside the issue directory through a symbolic link`, "copy the file into the issue directory"})
	add("device-body-font", map[string][]byte{"issue.yaml": relIssue("", "[a.md]"), "a.md": []byte(relArticle)}, []string{"--body-font", "/dev/zero"}, 2,
		fault{"/dev/zero", "", "is a device, not a font file", "give the font file itself"})
	fifoFont := filepath.Join(cb.root, "fifo-body-font", "f.ttf")
	add("fifo-body-font", map[string][]byte{"issue.yaml": relIssue("", "[a.md]"), "a.md": []byte(relArticle), "f.ttf": []byte("|fifo")}, []string{"--body-font", fifoFont}, 2,
		fault{fifoFont, "", "is a named pipe (FIFO), not a font file", "give the font file itself"})

	// 3. What the cover and the contents cannot hold is refused (a
	// 2,000-character cover line took 10.6 s in the EPUB cover; 40 cover
	// lines showed 29 on the PDF cover; a 10,000-character title emptied
	// the contents page).
	var many strings.Builder
	for i := range 40 {
		many.WriteString("  - 第" + strconv.Itoa(i) + "条看点\n")
	}
	add("cover-40-lines", map[string][]byte{"issue.yaml": relIssue("highlights:\n"+many.String(), "[a.md]"), "a.md": []byte(relArticle)}, nil, 1,
		fault{"issue.yaml", "第12条", "highlights: 40 items, at most 12", "a cover holds 12"})
	add("cover-line-2000", map[string][]byte{"issue.yaml": relIssue("highlights:\n  - "+strings.Repeat("看", 2000)+"\n", "[a.md]"), "a.md": []byte(relArticle)}, nil, 1,
		fault{"issue.yaml", "看看看", "cover line is 2000 characters long; a cover line holds at most 60", "shorten it"})
	add("title-10000", plain([]byte("---\ntitle: "+strings.Repeat("题", 10000)+"\n---\n\n正文。\n")), nil, 1,
		fault{"a.md", "title:", "title is 10000 characters long; the contents and the running heads hold at most 200", "put the rest in subtitle:"})

	// ... and so is a text the cover design would cut short or leave off
	// (the PDF cover showed 29 of 40 cover lines, silently).
	var long strings.Builder
	for i := range 12 {
		long.WriteString("  - 第" + strconv.Itoa(i+10) + "条推动交通运输行业稳步向好助力区域协调均衡发展\n")
	}
	add("cover-line-left-off", map[string][]byte{"issue.yaml": relIssue("highlights:\n"+long.String(), "[a.md]"), "a.md": []byte(relArticle)}, nil, 1,
		fault{"issue.yaml", "第21条", "cover line 12 of 12 does not fit on the 210×285 mm cover of the PDF", "shorten the cover lines or keep fewer"})
	masthead := "新疆维吾尔自治区党员教育工作通讯与组织建设研究理论与实践探索"
	add("cover-masthead-cut", map[string][]byte{"issue.yaml": []byte("title: " + masthead + "\nissue: 1\ndate: 2025-03-28\nsections:\n  - title: 栏目\n    articles: [a.md]\n"), "a.md": []byte(relArticle)}, nil, 1,
		fault{"issue.yaml", "title:", "the masthead (title) does not fit on the 210×285 mm cover of the PDF: it shows", "shorten it"})

	// 4. Text reused through YAML aliases counts each time it is used
	// (a 300 KB cover line used 2,000 times hung export).
	big := strings.Repeat("重", 100000)
	add("alias-2000", map[string][]byte{"issue.yaml": relIssue("highlights:\n  - &x "+big+"\n"+strings.Repeat("  - *x\n", 2000), "[a.md]"), "a.md": []byte(relArticle)}, nil, 1,
		fault{"issue.yaml", "&x", "cover line is 100000 characters long", "shorten it"},
		fault{"issue.yaml", "", "highlights: 2001 items, at most 12", "a cover holds 12"})
	var bodies strings.Builder
	for range 20 {
		bodies.WriteString("      - {title: 文, body: *b}\n")
	}
	add("alias-bodies", map[string][]byte{"issue.yaml": []byte("title: 期刊\nissue: 1\ndate: 2025-03-28\nsections:\n  - title: 栏目\n    articles:\n      - {title: 文, body: &b \"" + strings.Repeat("正文。", 80000) + "\"}\n" + bodies.String())}, nil, 1,
		fault{"issue.yaml", "", "the issue's text passes 4 MB here", "split the issue"})

	// 6. Long text: 20 MB in one paragraph took 3.2-9.7 GB; files and
	// paragraphs are bounded.
	add("article-20mb", plain(relBody(strings.Repeat("中", 6_700_000))), nil, 1,
		fault{"a.md", "", "file is larger than 4 MB", "split it"})
	add("paragraph-3mb", plain(relBody(strings.Repeat("中文段落。\n", 200_000))), nil, 1,
		fault{"a.md", "中文段落", "paragraph of 3125 KB is longer than the 64 KB qikan sets in one paragraph", "split it into paragraphs"})

	// ... and so are Markdown elements beyond 40,000 an issue, counted
	// before parsing (within 4 MB of text, 2 million emphasis marks took
	// 960 MB and 37 s to validate, 1.7 million table cells 1.1 GB, 650,000
	// list items 630 MB); the count runs over the issue's articles.
	const markup = "the issue holds more than 40000 Markdown elements by this line"
	var items, emph, rows strings.Builder
	for i := range 15_000 {
		fmt.Fprintf(&items, "- 项%d\n", i+1)
		fmt.Fprintf(&emph, "*强%d* 文。\n\n", i+1)
	}
	rows.WriteString("|列|值|\n|-|-|\n")
	for i := range 15_000 {
		fmt.Fprintf(&rows, "|%d|值|\n", i+1)
	}
	// Two articles of list items, 2 elements each: passed at b.md's 5,001st.
	add("markup-list-items", map[string][]byte{"issue.yaml": relIssue("", "[a.md, b.md]"), "a.md": relBody(items.String()), "b.md": relBody(items.String())}, nil, 1,
		fault{"b.md", "- 项5001", markup, "split the issue into several"})
	// A paragraph and two emphasis marks each: passed at the 13,334th.
	add("markup-emphasis", plain(relBody(emph.String())), nil, 1,
		fault{"a.md", "*强13334*", markup, "split the issue into several"})
	// 4 + 3 for the table's head, 3 a row: passed at row 13,332.
	add("markup-table-cells", plain(relBody(rows.String())), nil, 1,
		fault{"a.md", "|13332|", markup, "split the issue into several"})

	// 8. An image that would take more than 128 MB to decode is refused
	// (a 100-megapixel 16-bit PNG of under 1 MB took 1.2-1.8 GB to export).
	add("png-16-bit-100mp", plain(relBody("正文。\n\n![图](p.png)")), nil, 1,
		fault{"a.md", "p.png", `image "p.png" (10000×10000 pixels) takes about 1239 MB to decode, more than the 128 MB qikan decodes for one image`, "scale it down to at most 10 megapixels, or save it as a JPEG or an 8-bit PNG"})
	writeFile(cb.t, filepath.Join(cb.root, "png-16-bit-100mp", "p.png"), png16(cb.t, 10000, 10000))

	// ... and so is an image file over 64 MB, by its size alone (the PDF
	// reads an image whole).
	add("image-file-65mb", plain(relBody("正文。\n\n![图](p.jpg)")), nil, 1,
		fault{"a.md", "p.jpg", `image "p.jpg": image file is 65 MB, more than the 64 MB qikan reads for one image`, "save it smaller"})
	big65 := filepath.Join(cb.root, "image-file-65mb", "p.jpg")
	writeFile(cb.t, big65, realJPEG(cb.t))
	if err := os.Truncate(big65, 65<<20); err != nil { // sparse: no 65 MB written
		cb.t.Fatal(err)
	}

	// 18. Tabs and CR-only line endings are named as such.
	add("yaml-tab-indent", map[string][]byte{"issue.yaml": []byte("title: 期刊\nissue: 1\ndate: 2025-03-28\nsections:\n\t- title: 栏目\n\t  articles: [a.md]\n"), "a.md": []byte(relArticle)}, nil, 1,
		fault{"issue.yaml", "\t- title", "a tab indents this line", "YAML indents with spaces only"})
	add("article-cr-only", plain([]byte(strings.ReplaceAll(relArticle, "\n", "\r"))), nil, 1,
		fault{"a.md", "", "CR-only line endings", "tr '\\r' '\\n'"})

	// 19. A path that differs from the file's name only in case, slashes
	// or Unicode normalisation names the file it means.
	add("path-case", map[string][]byte{"issue.yaml": relIssue("", "[Articles/Hello.md]"), "articles/hello.md": []byte(relArticle)}, nil, 1,
		fault{"issue.yaml", "Articles/Hello.md", `file "Articles/Hello.md" not found`, `did you mean "articles/hello.md"? file names are case-sensitive`})
	add("path-backslash", map[string][]byte{"issue.yaml": relIssue("", `['articles\hello.md']`), "articles/hello.md": []byte(relArticle)}, nil, 1,
		fault{"issue.yaml", `articles\hello.md`, "not found", `write the path with / instead of \: "articles/hello.md"`})
	add("path-nfd", map[string][]byte{"issue.yaml": relIssue("", "[caf\u00e9.md]"), "cafe\u0301.md": []byte(relArticle)}, nil, 1,
		fault{"issue.yaml", "caf\u00e9.md", "not found", `"cafe\u0301.md" (decomposed, as macOS writes names) where the path has "caf\u00e9.md"`})
	add("image-path-case", plain(relBody("正文。\n\n![图](Images/Photo.PNG)")), nil, 1,
		fault{"a.md", "Photo.PNG", `file "Images/Photo.PNG" not found`, `did you mean "images/photo.png"?`})
	writeFile(cb.t, filepath.Join(cb.root, "image-path-case", "images", "photo.png"), realPNG(cb.t, 4, 4))

	// 7. Nesting beyond 32 levels is refused while parsing, before the
	// tree is built (60,000 ">" took 11 s before, 100,000 "- " levels
	// over 60 s).
	const deep = "quotes and lists nest more than 32 levels deep"
	add("nest-quote-60000", plain(relBody(strings.Repeat(">", 60000)+" 深")), nil, 1,
		fault{"a.md", ">>>", deep, "flatten the quotes or lists"})
	add("nest-dash-30000", plain(relBody(strings.Repeat("- ", 30000)+"深")), nil, 1,
		fault{"a.md", "- - -", deep, "flatten the quotes or lists"})
	var lines strings.Builder
	for i := range 1000 {
		lines.WriteString(strings.Repeat("  ", i) + "- 层\n")
	}
	// Reported where the 33rd level opens (the 33rd line of the list).
	add("nest-indented-list-1000", plain(relBody(lines.String())), nil, 1,
		fault{"a.md", strings.Repeat("  ", 32) + "- 层", deep, "flatten the quotes or lists"})
	// ... and brackets or emphasis marks by the ten thousand in one
	// paragraph (quadratic in goldmark) are refused before inline parsing.
	add("paragraph-brackets", plain(relBody(strings.Repeat("[甲\n", 5000))), nil, 1,
		fault{"a.md", "[甲", `paragraph holds 5000 "["`, `write the brackets as ［ or \[`})
	add("line-emphasis", plain(relBody(strings.Repeat("*a ", 20000)+"x")), nil, 1,
		fault{"a.md", "*a", `line holds 20000 "*" and "_"`, `write them as \* and \_`})

	// 12. The contract: at least one section, each with an article.
	add("sections-empty-list", map[string][]byte{"issue.yaml": []byte("title: 期刊\nissue: 1\ndate: 2025-03-28\nsections: []\n")}, nil, 1,
		fault{"issue.yaml", "sections:", "sections is empty", "add at least one section"})
	add("section-articles-empty", map[string][]byte{"issue.yaml": []byte("title: 期刊\nissue: 1\ndate: 2025-03-28\nsections:\n  - title: 空栏目\n    articles: []\n  - title: 栏目\n    articles: [a.md]\n"), "a.md": []byte(relArticle)}, nil, 1,
		fault{"issue.yaml", "articles: []", `section "空栏目" has no articles`, "list its article files"})

	// 13. A table whose columns cannot each get four characters across
	// the PDF's text block is refused (500 columns overprinted before).
	table := func(cols int) []byte {
		var head, rule, row []string
		for i := range cols {
			head = append(head, "列"+strconv.Itoa(i))
			rule = append(rule, "---")
			row = append(row, "值")
		}
		return relBody("正文。\n\n|" + strings.Join(head, "|") + "|\n|" + strings.Join(rule, "|") + "|\n|" + strings.Join(row, "|") + "|")
	}
	add("table-500-columns", plain(table(500)), nil, 1,
		fault{"a.md", "|列0|", "table has 500 columns; a 210 mm wide page holds at most 12 legible columns in the PDF", "split it into narrower tables"})
}

// relExport builds an issue from files in a new directory and exports it
// with args; it returns the directory, the output directory, the exit
// status and stderr, after checking the peak memory.
func relExport(t *testing.T, files map[string][]byte, args ...string) (dir, out string, status int, stderr string) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "issue")
	for p, data := range files {
		writeFile(t, filepath.Join(dir, p), data)
	}
	out = t.TempDir()
	status, stderr, rss := qikanIn(t, t.TempDir(), append(append([]string{"export", "--out", out}, args...), dir)...)
	if rss > maxRSSLimit {
		t.Errorf("peak memory %d MiB, want under %d MiB", rss>>10, maxRSSLimit>>10)
	}
	return dir, out, status, stderr
}

// TestImageLeftAsText (case 11): an image CommonMark does not read as one
// (a space in its path) is printed as text; qikan says so at its line with
// both ways to write the path, and the export still succeeds.
func TestImageLeftAsText(t *testing.T) {
	if testing.Short() {
		t.Skip("runs qikan in a subprocess")
	}
	md := relBody("正文。\n\n![封面照片](../images/my photo.jpg)\n\n再看 ![图](a b.png \"说明\") 这里。\n\n输入法 ![图]（b.png） 打的。")
	dir, _, status, stderr := relExport(t, map[string][]byte{"issue.yaml": relIssue("", "[a.md]"), "a.md": md}, "--format", "epub")
	if status != 0 {
		t.Errorf("exit status %d, want 0", status)
	}
	file := filepath.Join(dir, "a.md")
	checkSays(t, stderr, []wantLine{
		{file: file, line: lineOf(t, md, "my photo"), says: `warning: "![封面照片](../images/my photo.jpg)" is printed as text, not shown as an image`,
			hint: "write ![封面照片](<../images/my photo.jpg>) or ![封面照片](../images/my%20photo.jpg)"},
		{file: file, line: lineOf(t, md, "a b.png"), says: "is printed as text", hint: `write ![图](<a b.png> "说明") or ![图](a%20b.png "说明")`},
		{file: file, line: lineOf(t, md, "（b.png）"), says: `"![图]（b.png）" is printed as text`, hint: "its parentheses are full-width: write ![图](b.png)"},
	})
}

// TestLinkPolicy (case 14): javascript:, vbscript:, data: and file: links
// are dropped from both formats with a warning at their line; http, https
// and mailto links stay live in both.
func TestLinkPolicy(t *testing.T) {
	if testing.Short() {
		t.Skip("runs qikan in a subprocess")
	}
	qpdf := testtool.Need(t, "qpdf")
	md := relBody("正文。\n\n[脚本](javascript:alert(1)) [旧脚本](VBScript:msgbox)\n[数据](data:text/html,hi) [文件](file:///etc/passwd)\n[网站](https://example.com/a) [信](mailto:a@example.com)")
	dir, out, status, stderr := relExport(t, map[string][]byte{"issue.yaml": relIssue("", "[a.md]"), "a.md": md})
	if status != 0 {
		t.Fatalf("exit status %d, want 0\n%s", status, stderr)
	}
	file := filepath.Join(dir, "a.md")
	var want []wantLine
	for _, l := range []struct{ dest, scheme string }{{"javascript:alert(1)", "javascript"}, {"VBScript:msgbox", "vbscript"}, {"data:text/html,hi", "data"}, {"file:///etc/passwd", "file"}} {
		want = append(want, wantLine{file: file, line: lineOf(t, md, l.dest), says: `link "` + l.dest + `" is dropped (its text stays): ` + l.scheme + ":", hint: "only http, https and mailto links are kept"})
	}
	checkSays(t, stderr, want)

	qdf := filepath.Join(t.TempDir(), "qdf.pdf")
	if msg, err := exec.Command(qpdf, "--qdf", "--object-streams=disable", filepath.Join(out, "issue.pdf"), qdf).CombinedOutput(); err != nil {
		t.Fatalf("qpdf: %v\n%s", err, msg)
	}
	pdfData, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	epubData := unzipAll(t, filepath.Join(out, "issue.epub"))
	for _, bad := range []string{"javascript:", "vbscript:", "VBScript:", "data:text", "file:///"} {
		if strings.Contains(string(pdfData), bad) {
			t.Errorf("the PDF holds %q", bad)
		}
		if strings.Contains(epubData, `href="`+bad) {
			t.Errorf("the EPUB links to %q", bad)
		}
	}
	for _, good := range []string{"https://example.com/a", "mailto:a@example.com"} {
		if !strings.Contains(string(pdfData), "/URI ("+good+")") {
			t.Errorf("the PDF lacks the link to %s", good)
		}
		if !strings.Contains(epubData, `href="`+good+`"`) {
			t.Errorf("the EPUB lacks the link to %s", good)
		}
	}
}

// unzipAll returns the contents of every file of the zip archive at path,
// one after another.
func unzipAll(t *testing.T, path string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var b strings.Builder
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(&b, rc); err != nil {
			t.Fatal(err)
		}
		rc.Close()
	}
	return b.String()
}

// maximalCover is issue.yaml of a cover that holds as much as the design
// shows in full on the default page: a masthead, label and number of two
// lines, a slogan of two, twelve cover lines and a caption with credit.
const maximalCover = `title: 党员之友新疆维吾尔自治区党员教育工作通讯党员之友
issue: 2025年第3期总第344期特别增刊合订本202
date: 2025-03-28
subtitle: 学习贯彻党的二十大精神学习贯彻党的二十大精神学习贯彻党的二十大精神学习贯彻党的二十大精神学习贯彻党的二十大精神学习贯彻党的二十大精神学习贯彻党的二十大精神学习贯
number: 总第344期总第344期总第344期总第344期总第344期总第344期
issn: 2096-7462
cover: {caption: 天山脚下的牧场天山脚下的牧场天山脚下的牧场天山脚下的牧场天山脚下的牧场天山脚下的, credit: 新华社记者 燕雁 摄}
highlights:
  - 第00条推动交通运输行业稳步向好助力区域协调
  - 第01条推动交通运输行业稳步向好助力区域协调
  - 第02条推动交通运输行业稳步向好助力区域协调
  - 第03条推动交通运输行业稳步向好助力区域协调
  - 第04条推动交通运输行业稳步向好助力区域协调
  - 第05条推动交通运输行业稳步向好助力区域协调
  - 第06条推动交通运输行业稳步向好助力区域协调
  - 第07条推动交通运输行业稳步向好助力区域协调
  - 第08条推动交通运输行业稳步向好助力区域协调
  - 第09条推动交通运输行业稳步向好助力区域协调
  - 第10条推动交通运输行业稳步向好助力区域协调
  - 第11条推动交通运输行业稳步向好助力区域协调
sections:
  - title: 卷首语特别策划卷首语特别策划卷首语特别策划
    articles: [a.md]
`

// TestMaximalCover (case 3): the fullest cover validate accepts exports
// in both formats within the time limit (a 2,000-character cover line took
// 8.6 s, 4,000 took 63 s), and both covers show every text in full.
func TestMaximalCover(t *testing.T) {
	if testing.Short() {
		t.Skip("runs qikan in a subprocess")
	}
	pdftotext := testtool.Need(t, "pdftotext")
	md := relBody("正文。")
	_, out, status, stderr := relExport(t, map[string][]byte{"issue.yaml": []byte(maximalCover), "a.md": md})
	if status != 0 {
		t.Fatalf("exit status %d\n%s", status, stderr)
	}
	text, err := exec.Command(pdftotext, "-f", "1", "-l", "1", filepath.Join(out, "issue.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	page := strings.Join(strings.Fields(string(text)), "")
	epub := unzipAll(t, filepath.Join(out, "issue.epub"))
	for _, l := range strings.Split(maximalCover, "\n") {
		k, v, _ := strings.Cut(l, ": ") // the masthead, label and slogan
		if cl, ok := strings.CutPrefix(l, "  - 第"); ok {
			k, v = "highlights", "第"+cl // a cover line
		}
		if k != "title" && k != "issue" && k != "subtitle" && k != "highlights" {
			continue
		}
		if !strings.Contains(page, strings.ReplaceAll(v, " ", "")) {
			t.Errorf("the PDF cover lacks %q", v)
		}
		if !strings.Contains(epub, v) {
			t.Errorf("the EPUB cover lacks %q", v)
		}
	}
}

// startQikan starts qikan in cwd with args and extra environment
// variables; it returns the command and its stderr.
func startQikan(t *testing.T, cwd string, env []string, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := qikanCommand(t, args...)
	cmd.Dir = cwd
	cmd.Env = append(cmd.Env, env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &stderr
}

// waitQikan waits for cmd at most limit and returns its exit status (-1
// when a signal ended it) and peak memory in KiB.
func waitQikan(t *testing.T, cmd *exec.Cmd, limit time.Duration) (status int, rss int64) {
	t.Helper()
	timer := time.AfterFunc(limit, func() { cmd.Process.Kill() })
	err := cmd.Wait()
	if !timer.Stop() {
		t.Fatalf("qikan did not end within %v", limit)
	}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		status = exit.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return status, peakRSS(t, cmd)
}

// TestFlagBounds (case 5): --pad beyond what a printer uses and --jobs
// beyond twice the CPUs are usage errors, before any work (--pad 1000000
// took 24 GB and left a temporary file; --jobs 1000 took 4.1 GB).
func TestFlagBounds(t *testing.T) {
	if testing.Short() {
		t.Skip("runs qikan in a subprocess")
	}
	dir := filepath.Join(t.TempDir(), "issue")
	copyTree(t, minimal, dir)
	most := strconv.Itoa(2 * runtime.NumCPU())
	for _, tt := range []struct {
		args []string
		says string
	}{
		{[]string{"export", "--pad", "1000000"}, "--pad must be from 1 to 64"},
		{[]string{"export", "--pad", "65"}, "--pad must be from 1 to 64"},
		{[]string{"batch", "--pad", "1000000"}, "--pad must be from 1 to 64"},
		{[]string{"batch", "--jobs", "1000"}, "--jobs must be from 1 to " + most},
		{[]string{"batch", "--jobs", "0"}, "--jobs must be from 1 to " + most},
	} {
		out, cwd := t.TempDir(), t.TempDir()
		args := append(append(tt.args, "--out", out), dir)
		status, stderr, rss := qikanIn(t, cwd, args...)
		if status != 2 || !strings.Contains(stderr, tt.says) {
			t.Errorf("qikan %q: status %d, stderr %q; want 2 and %q", tt.args, status, stderr, tt.says)
		}
		if rss > maxRSSLimit {
			t.Errorf("qikan %q: peak memory %d MiB", tt.args, rss>>10)
		}
		for _, d := range []string{out, cwd} {
			if e, _ := os.ReadDir(d); len(e) > 0 {
				t.Errorf("qikan %q left %s", tt.args, e[0].Name())
			}
		}
	}
	out := t.TempDir()
	if status, stderr, _ := qikanIn(t, t.TempDir(), "export", "--pad", "64", "--format", "pdf", "--out", out, dir); status != 0 {
		t.Errorf("--pad 64: status %d\n%s", status, stderr)
	}
}

// bigIssue writes an issue of n articles of 250 KB of real text each (the
// sample issue's paragraphs over and over) into dir: its export takes
// about a second an article.
func bigIssue(t *testing.T, dir string, n int) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("testdata", "dangyuanzhiyou-2025-03", "articles", "*.md"))
	var paras []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range strings.Split(string(data), "\n\n") {
			if p = strings.TrimSpace(p); len(p) > 100 && !strings.ContainsAny(p[:1], "-!#>|") {
				paras = append(paras, p)
			}
		}
	}
	if len(paras) < 10 {
		t.Fatal("too few paragraphs in the sample issue")
	}
	var yaml strings.Builder
	yaml.WriteString("title: 期刊\nissue: 2025年第1期\ndate: 2025-03-28\nsections:\n  - title: 栏目\n    articles:\n")
	for a := range n {
		var body strings.Builder
		body.WriteString("---\ntitle: 第" + strconv.Itoa(a+1) + "篇\n---\n\n")
		for i := 0; body.Len() < 250_000; i++ {
			body.WriteString(paras[(a*7+i)%len(paras)] + "\n\n")
		}
		name := "a" + strconv.Itoa(a) + ".md"
		writeFile(t, filepath.Join(dir, name), []byte(body.String()))
		yaml.WriteString("      - " + name + "\n")
	}
	writeFile(t, filepath.Join(dir, "issue.yaml"), []byte(yaml.String()))
}

// TestSignalDuringExport (case 9): SIGINT, SIGTERM or SIGHUP while export writes
// ends it with 130 or 143 and leaves no temporary file (an empty hidden
// .X.pdf.tmp-N was left forever), whether the signal comes while it lays
// out (no temporary file exists yet: they are created at the first byte)
// or while the files are being written.
func TestSignalDuringExport(t *testing.T) {
	if testing.Short() {
		t.Skip("exports a large issue in a subprocess")
	}
	dir := filepath.Join(t.TempDir(), "big")
	bigIssue(t, dir, 8)
	for _, tt := range []struct {
		name   string
		sig    syscall.Signal
		status int
		atTemp bool // signal once a temporary file exists
	}{
		{"SIGINT while laying out", syscall.SIGINT, 130, false},
		{"SIGTERM while writing", syscall.SIGTERM, 143, true},
		{"SIGINT while writing", syscall.SIGINT, 130, true},
		{"SIGHUP while writing", syscall.SIGHUP, 129, true}, // the terminal closed
	} {
		t.Run(tt.name, func(t *testing.T) {
			out := t.TempDir()
			cmd, stderr := startQikan(t, t.TempDir(), nil, "export", "--out", out, dir)
			waitBusy(t, cmd, 50*time.Millisecond)
			start := time.Now()
			for tt.atTemp && !hasTemp(t, out) {
				time.Sleep(2 * time.Millisecond)
				if time.Since(start) > 30*time.Second {
					cmd.Process.Kill()
					t.Fatal("no temporary file appeared")
				}
			}
			cmd.Process.Signal(tt.sig)
			status, rss := waitQikan(t, cmd, 10*time.Second)
			if status != tt.status {
				t.Errorf("exit status %d, want %d\n%s", status, tt.status, stderr)
			}
			if !strings.Contains(stderr.String(), "stopped; no partial file is left") {
				t.Errorf("stderr does not say it stopped: %q", stderr)
			}
			if e, _ := os.ReadDir(out); len(e) > 0 {
				t.Errorf("left %s in the output directory", e[0].Name())
			}
			if rss > maxRSSLimit {
				t.Errorf("peak memory %d MiB", rss>>10)
			}
		})
	}
}

// hasTemp reports whether dir holds a temporary file of an export.
func hasTemp(t *testing.T, dir string) bool {
	e, _ := os.ReadDir(dir)
	for _, f := range e {
		if strings.Contains(f.Name(), ".tmp-") {
			return true
		}
	}
	return false
}

// TestSignalDuringBatch (case 2): batch answers SIGINT and SIGTERM and
// writes its report (with a FIFO among the inputs it hung and ignored
// both). The first signal lets the issue in progress finish and reports
// the rest not-done; a second stops at once, removing the temporary files.
func TestSignalDuringBatch(t *testing.T) {
	if testing.Short() {
		t.Skip("exports large issues in a subprocess")
	}
	root := filepath.Join(t.TempDir(), "archive")
	for _, name := range []string{"a", "b", "c"} {
		bigIssue(t, filepath.Join(root, name), 4)
	}
	writeFile(t, filepath.Join(root, "d", "issue.yaml"), relIssue("", "[a.md]"))
	if err := syscall.Mkfifo(filepath.Join(root, "d", "a.md"), 0o644); err != nil {
		t.Skipf("named pipes: %v", err)
	}
	for _, tt := range []struct {
		name    string
		signals []syscall.Signal
	}{
		{"one SIGTERM", []syscall.Signal{syscall.SIGTERM}},
		{"two SIGINTs", []syscall.Signal{syscall.SIGINT, syscall.SIGINT}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, cwd := t.TempDir(), t.TempDir()
			report := filepath.Join(cwd, "report.json")
			cmd, stderr := startQikan(t, cwd, nil, "batch", "--jobs", "1", "--report", report, "--out", out, root)
			start := time.Now()
			for !hasTemp(t, out) { // the first issue is being written
				time.Sleep(2 * time.Millisecond)
				if time.Since(start) > 30*time.Second {
					cmd.Process.Kill()
					t.Fatal("no temporary file appeared")
				}
			}
			for _, s := range tt.signals {
				cmd.Process.Signal(s)
				time.Sleep(20 * time.Millisecond)
			}
			status, rss := waitQikan(t, cmd, 20*time.Second)
			if status != 1 {
				t.Errorf("exit status %d, want 1\n%s", status, stderr)
			}
			if rss > maxRSSLimit {
				t.Errorf("peak memory %d MiB", rss>>10)
			}
			data, err := os.ReadFile(report)
			if err != nil {
				t.Fatalf("no report: %v\n%s", err, stderr)
			}
			var rep struct {
				NotDone int `json:"not_done"`
			}
			if err := json.Unmarshal(data, &rep); err != nil || rep.NotDone < 2 {
				t.Errorf("report: %v, %d not done, want at least 2\n%s", err, rep.NotDone, data)
			}
			if hasTemp(t, out) {
				t.Errorf("a temporary file is left in %s", out)
			}
			if !strings.Contains(stderr.String(), "not-done") && !strings.Contains(stderr.String(), "not done") {
				t.Errorf("the summary does not count the issues not done:\n%s", stderr)
			}
		})
	}
}

// TestExportNameCollision (case 10): two issue directories of one name
// exported into one directory are refused before anything is written
// (the second silently overwrote the first).
func TestExportNameCollision(t *testing.T) {
	if testing.Short() {
		t.Skip("runs qikan in a subprocess")
	}
	root := t.TempDir()
	for _, y := range []string{"2024", "2025"} {
		copyTree(t, minimal, filepath.Join(root, "x", y, "03"))
	}
	out := filepath.Join(root, "d")
	for _, tt := range []struct {
		dirs []string
		says string
	}{
		{[]string{"x/2024/03", "x/2025/03"}, "export: x/2024/03 and x/2025/03 would both be written as 03.epub and 03.pdf, the second over the first; export them to different --out directories, or use qikan batch"},
		{[]string{"x/2024/03", "x/2024/03/"}, "export: x/2024/03/ is given twice"},
	} {
		status, stderr, rss := qikanIn(t, root, append([]string{"export", "--out", out}, tt.dirs...)...)
		if status != 2 || !strings.Contains(stderr, tt.says) {
			t.Errorf("export %q: status %d, stderr %q; want 2 and %q", tt.dirs, status, stderr, tt.says)
		}
		if rss > maxRSSLimit {
			t.Errorf("export %q: peak memory %d MiB", tt.dirs, rss>>10)
		}
		if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("export %q wrote the output directory", tt.dirs)
		}
	}
}

// TestConcurrentExportsOneDirectory (case 16): two exports into one output
// directory at once take turns (a lock on the directory), so its EPUB and
// PDF always come from the same run (8 of 20 pairs were mixed before).
func TestConcurrentExportsOneDirectory(t *testing.T) {
	if testing.Short() {
		t.Skip("runs qikan in subprocesses")
	}
	pdftotext := testtool.Need(t, "pdftotext")
	root := t.TempDir()
	for _, run := range []string{"甲", "乙"} {
		dir := filepath.Join(root, run, "issue")
		bigIssue(t, dir, 1)
		yaml, _ := os.ReadFile(filepath.Join(dir, "issue.yaml"))
		writeFile(t, filepath.Join(dir, "issue.yaml"), []byte(strings.Replace(string(yaml), "title: 期刊", "title: 期刊"+run, 1)))
	}
	out := filepath.Join(root, "out")
	for round := range 3 {
		var cmds []*exec.Cmd
		for _, run := range []string{"甲", "乙"} {
			cmd, _ := startQikan(t, root, nil, "export", "--out", out, filepath.Join(root, run, "issue"))
			cmds = append(cmds, cmd)
		}
		for _, cmd := range cmds {
			status, rss := waitQikan(t, cmd, 60*time.Second)
			if status != 0 {
				t.Fatalf("round %d: exit status %d", round, status)
			}
			if rss > maxRSSLimit {
				t.Errorf("round %d: peak memory %d MiB", round, rss>>10)
			}
		}
		text, err := exec.Command(pdftotext, "-l", "1", filepath.Join(out, "issue.pdf"), "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		epub := unzipAll(t, filepath.Join(out, "issue.epub"))
		pdfRun, epubRun := "", ""
		for _, run := range []string{"甲", "乙"} {
			if strings.Contains(string(text), "期刊"+run) {
				pdfRun = run
			}
			if strings.Contains(epub, "期刊"+run) {
				epubRun = run
			}
		}
		if pdfRun == "" || pdfRun != epubRun {
			t.Errorf("round %d: the PDF is from run %q, the EPUB from run %q", round, pdfRun, epubRun)
		}
	}
}

// TestOutputProblems (case 20): an output directory that cannot be used
// gets a message saying what to do, without the name of a temporary file,
// and nothing is written; so does a TMPDIR that is not a directory (it
// gave "epub: stat /nonexistent").
func TestOutputProblems(t *testing.T) {
	if testing.Short() {
		t.Skip("runs qikan in subprocesses")
	}
	dir := filepath.Join(t.TempDir(), "issue")
	copyTree(t, minimal, dir)
	root := t.TempDir()
	file := filepath.Join(root, "afile")
	writeFile(t, file, []byte("x"))
	busy := filepath.Join(root, "busy")
	os.MkdirAll(filepath.Join(busy, "issue.pdf"), 0o755)
	locked := filepath.Join(root, "locked")
	os.MkdirAll(locked, 0o555)
	if os.Geteuid() == 0 { // root writes anywhere: use a directory no one can write in
		if _, err := os.Stat("/sys/kernel"); err == nil {
			locked = "/sys"
		} else {
			locked = ""
		}
	}
	cases := []struct {
		name, out string
		env       []string
		says      string
	}{
		{"out is a file", file, nil, "output directory " + file + " is a file, not a directory; give a directory"},
		{"out below a file", filepath.Join(file, "sub"), nil, "cannot create output directory " + filepath.Join(file, "sub") + ": " + file + " is a file"},
		{"output is a directory", busy, nil, filepath.Join(busy, "issue.pdf") + " is a directory, so the output cannot be written there; remove it"},
		{"TMPDIR missing", filepath.Join(root, "t"), []string{"TMPDIR=/nonexistent"}, "TMPDIR=/nonexistent is not a directory; the EPUB is assembled in a temporary directory there: create it, or unset TMPDIR"},
	}
	if locked != "" {
		cases = append(cases, struct {
			name, out string
			env       []string
			says      string
		}{"unwritable", locked, nil, "cannot write in the output directory " + locked + ": permission denied; give another output directory, or make it writable"})
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			before := tree(t, root)
			cmd, stderr := startQikan(t, t.TempDir(), tt.env, "export", "--out", tt.out, dir)
			status, rss := waitQikan(t, cmd, qikanTimeout(t))
			if status != 1 || !strings.Contains(stderr.String(), tt.says) {
				t.Errorf("status %d, stderr %q; want 1 and %q", status, stderr, tt.says)
			}
			if rss > maxRSSLimit {
				t.Errorf("peak memory %d MiB", rss>>10)
			}
			if strings.Contains(stderr.String(), ".tmp-") || strings.Contains(stderr.String(), "probe") {
				t.Errorf("the message names a temporary file: %q", stderr)
			}
			if after := tree(t, root); !slices.Equal(before, after) {
				t.Errorf("files changed:\nbefore %q\nafter  %q", before, after)
			}
		})
	}
}

// TestControlCharactersInMessages (case 17): control characters in file
// names and titles never reach the terminal raw (ESC sequences recoloured
// or cleared it): they are printed as escapes; a U+FFFE written as a YAML
// escape in a title gets a warning at its line.
func TestControlCharactersInMessages(t *testing.T) {
	if testing.Short() {
		t.Skip("runs qikan in a subprocess")
	}
	dir := filepath.Join(t.TempDir(), "issue\x1b[31m\u202e")
	yaml := "title: \"期刊\\uFFFE\"\nissue: 1\ndate: 2025-03-28\nsections:\n  - title: \"栏目\\e[2J\"\n    articles: [\"a\\e[5m.md\"]\n"
	md := "---\ntitle: \"标题\\e]0;pwned\\a\"\n---\n\n正文。\n\n![照片](my photo\x1b[1m.jpg)\n"
	writeFile(t, filepath.Join(dir, "issue.yaml"), []byte(yaml))
	writeFile(t, filepath.Join(dir, "a\x1b[5m.md"), []byte(md))
	status, stderr, rss := qikanIn(t, t.TempDir(), "validate", dir)
	if status != 0 {
		t.Errorf("exit status %d\n%s", status, stderr)
	}
	if rss > maxRSSLimit {
		t.Errorf("peak memory %d MiB", rss>>10)
	}
	for _, raw := range []string{"\x1b", "\u202e", "\a", "\ufffe"} {
		if strings.Contains(stderr, raw) {
			t.Errorf("stderr holds %q raw:\n%q", raw, stderr)
		}
	}
	escaped := issue.Printable(dir)
	checkSays(t, stderr, []wantLine{
		{file: filepath.Join(escaped, "issue.yaml"), line: 1, says: "U+FFFE is in none of the fonts"},
		{file: filepath.Join(escaped, `a\x1b[5m.md`), line: 7, says: `my photo\x1b[1m.jpg`},
	})
}

// png16 encodes a w×h PNG of 16-bit RGB samples, all zero: a few hundred
// KB for 100 megapixels.
func png16(t *testing.T, w, h int) []byte { return flatPNG(t, w, h, 16) }

// flatPNG encodes a w×h RGB PNG of the given bit depth, all zero.
func flatPNG(t *testing.T, w, h int, depth byte) []byte {
	t.Helper()
	var idat bytes.Buffer
	z, _ := zlib.NewWriterLevel(&idat, zlib.BestCompression)
	row := make([]byte, 1+3*int(depth/8)*w)
	for range h {
		z.Write(row)
	}
	z.Close()
	return rgbPNG(uint32(w), uint32(h), depth, idat.Bytes())
}

// orientedJPEG returns a JPEG whose stored pixels are w×h, the left half
// green and the right half blue, with EXIF orientation o: shown with
// orientation 6 (turned a quarter clockwise) it is h×w, green on top.
func orientedJPEG(t *testing.T, w, h int, o byte) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.RGBA{20, 200, 20, 255}
			if x >= w/2 {
				c = color.RGBA{20, 20, 220, 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	var enc bytes.Buffer
	if err := jpeg.Encode(&enc, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	// An APP1 EXIF segment after SOI: a big-endian TIFF header and one IFD
	// holding the orientation.
	tiff := []byte("MM\x00\x2a\x00\x00\x00\x08\x00\x01\x01\x12\x00\x03\x00\x00\x00\x01\x00" + string([]byte{o}) + "\x00\x00\x00\x00\x00\x00")
	seg := append([]byte("Exif\x00\x00"), tiff...)
	app1 := append([]byte{0xff, 0xe1, 0, byte(len(seg) + 2)}, seg...)
	return append(append([]byte{0xff, 0xd8}, app1...), enc.Bytes()[2:]...)
}

// TestExifOrientation (case 15): a portrait phone photo stored landscape
// with EXIF orientation 6 is declared portrait in the EPUB (its JPEG bytes
// unchanged: reading systems turn it by its EXIF, as browsers do), the
// EPUB's cover drawn from it is upright, and the PDF shows it upright on
// the cover and as a figure (turned at placement, its JPEG data as it is).
func TestExifOrientation(t *testing.T) {
	if testing.Short() {
		t.Skip("runs qikan in a subprocess")
	}
	photo := orientedJPEG(t, 600, 400, 6)
	files := map[string][]byte{
		"issue.yaml": relIssue("cover:\n  image: p.jpg\n", "[a.md]"),
		"a.md":       relBody("正文。\n\n![竖拍](p.jpg)"),
		"p.jpg":      photo,
	}
	pdftoppm := testtool.Need(t, "pdftoppm")
	_, out, status, stderr := relExport(t, files)
	if status != 0 {
		t.Fatalf("exit status %d\n%s", status, stderr)
	}
	zr, err := zip.OpenReader(filepath.Join(out, "issue.epub"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var declared bool
	for _, f := range zr.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		switch {
		case strings.HasSuffix(f.Name, ".xhtml") && strings.Contains(string(data), `alt="竖拍"`):
			declared = strings.Contains(string(data), `width="400" height="600"`)
		case strings.Contains(f.Name, "images/") && !strings.Contains(f.Name, "cover") && !bytes.Equal(data, photo):
			t.Errorf("%s: the JPEG is not copied as it is", f.Name)
		case strings.HasSuffix(f.Name, "cover.jpg"):
			cover, err := jpeg.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if !greenAboveBlue(cover) {
				t.Errorf("the EPUB's cover does not show the photo upright")
			}
		}
	}
	if !declared {
		t.Error("the figure is not declared 400×600 (as shown)")
	}
	for _, page := range []string{"1", "3"} { // the cover and the article
		prefix := filepath.Join(t.TempDir(), "p")
		if msg, err := exec.Command(pdftoppm, "-r", "30", "-png", "-f", page, "-l", page, filepath.Join(out, "issue.pdf"), prefix).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v\n%s", err, msg)
		}
		files, _ := filepath.Glob(prefix + "*.png")
		if len(files) != 1 {
			t.Fatalf("pdftoppm made %q", files)
		}
		f, err := os.Open(files[0])
		if err != nil {
			t.Fatal(err)
		}
		img, err := imagepng.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if !greenAboveBlue(img) {
			t.Errorf("PDF page %s does not show the photo upright", page)
		}
	}
}

// greenAboveBlue reports whether img shows the test photo upright: green
// above blue, their mean heights a quarter of the photo's height apart
// (turned the wrong way they would lie side by side).
func greenAboveBlue(img image.Image) bool {
	var gy, by, gn, bn int
	top, bottom := math.MaxInt, 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			switch {
			case g > 0x9000 && r < 0x5000 && bl < 0x5000:
				gy, gn = gy+y, gn+1
			case bl > 0x9000 && r < 0x5000 && g < 0x5000:
				by, bn = by+y, bn+1
			default:
				continue
			}
			top, bottom = min(top, y), max(bottom, y)
		}
	}
	return gn > 10 && bn > 10 && gy/gn+(bottom-top)/4 < by/bn
}

// TestMaximalIssueMemory (cases 6 and 8): an issue at the loader's limits
// — 4 MB of text, Markdown elements near their bound, a cover photo and a
// figure that each take nearly the 128 MB qikan decodes for one image —
// exports in both formats under 300
// MB (20 MB of text in one paragraph took 3.2-9.7 GB, one 100-megapixel
// 16-bit PNG 1.2-1.8 GB; this issue 357 MiB before qikan set a soft memory
// limit, 221 MiB with it; 225 MiB with the Markdown elements).
func TestMaximalIssueMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("exports a large issue in a subprocess")
	}
	dir := filepath.Join(t.TempDir(), "issue")
	bigIssue(t, dir, 16)
	yaml, _ := os.ReadFile(filepath.Join(dir, "issue.yaml"))
	yaml = bytes.Replace(yaml, []byte("sections:"), []byte("cover:\n  image: cover.png\nsections:"), 1)
	writeFile(t, filepath.Join(dir, "issue.yaml"), yaml)
	writeFile(t, filepath.Join(dir, "cover.png"), flatPNG(t, 6000, 5000, 8)) // 30 MP: 120 MB as RGBA
	a0, _ := os.ReadFile(filepath.Join(dir, "a0.md"))
	writeFile(t, filepath.Join(dir, "a0.md"), append(a0, "\n![图](fig.png)\n"...))
	writeFile(t, filepath.Join(dir, "fig.png"), png16(t, 3000, 3000)) // 9 MP of 16 bits: 117 MB
	// Markdown elements near the limit, in the shape that takes most: 5,000
	// lines of nested quotes and lists, 25,000 elements besides the text's.
	a1, _ := os.ReadFile(filepath.Join(dir, "a1.md"))
	writeFile(t, filepath.Join(dir, "a1.md"), append(a1, "\n"+strings.Repeat("> - > - 项\n", 5000)...))
	out := t.TempDir()
	status, stderr, rss := qikanIn(t, t.TempDir(), "export", "--out", out, dir)
	t.Logf("peak memory %d MiB", rss>>10)
	if status != 0 {
		t.Fatalf("exit status %d\n%s", status, stderr)
	}
	if rss > maxRSSLimit {
		t.Errorf("peak memory %d MiB, want under %d MiB", rss>>10, maxRSSLimit>>10)
	}
}

// noiseJPEG is a w×h JPEG of random colours at quality 95: it hardly
// compresses, as a sharp photo hardly does (2000×1500: 3.4 MB).
func noiseJPEG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	x := uint32(2463534242)
	for i := range img.Pix {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		img.Pix[i] = byte(x)
		if i%4 == 3 {
			img.Pix[i] = 255
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestManyImagesMemory: an issue with 100 photos of 3.4 MB each (340 MB
// of image files, each within the limits) exports in both formats under
// 300 MB: the PDF writer keeps only a bounded part of the images it has
// read until it writes them (it kept every image: over 369 MiB).
func TestManyImagesMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("exports a large issue in a subprocess")
	}
	photo := noiseJPEG(t, 2000, 1500)
	const n = 100
	dir := filepath.Join(t.TempDir(), "issue")
	var body strings.Builder
	body.WriteString("---\ntitle: 图集\n---\n\n")
	for i := range n {
		name := "p" + strconv.Itoa(i) + ".jpg"
		writeFile(t, filepath.Join(dir, name), photo)
		body.WriteString("第" + strconv.Itoa(i+1) + "张。\n\n![图" + strconv.Itoa(i+1) + "](" + name + ")\n\n")
	}
	writeFile(t, filepath.Join(dir, "a.md"), []byte(body.String()))
	writeFile(t, filepath.Join(dir, "issue.yaml"), relIssue("", "[a.md]"))
	out := t.TempDir()
	status, stderr, rss := qikanIn(t, t.TempDir(), "export", "--out", out, dir)
	t.Logf("%d photos of %d KB: peak memory %d MiB", n, len(photo)>>10, rss>>10)
	if status != 0 {
		t.Fatalf("exit status %d\n%s", status, stderr)
	}
	if rss > maxRSSLimit {
		t.Errorf("peak memory %d MiB, want under %d MiB", rss>>10, maxRSSLimit>>10)
	}
}
