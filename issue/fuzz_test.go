package issue

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzIssueYAML loads arbitrary issue.yaml text next to one valid article
// and one image: Load must return an issue or problems, never panic, and
// never both or neither.
func FuzzIssueYAML(f *testing.F) {
	f.Add([]byte(minimalYAML))
	f.Add([]byte("title: &a x\nissue: *a\ndate: 2025-01-01\nsections: [{title: s, articles: [a.md, {title: i, body: \"![x](p.png)\"}]}]\n"))
	f.Add([]byte("title: [\nissue"))
	f.Add([]byte("<<: {title: x}\nprint: {trim: A4, bleed: 1in, columns: 9}\ncover: {image: p.png}\nfonts: {body: '#'}\n"))
	f.Add([]byte("a: &x [*x]\nsections: *x\n"))
	f.Add([]byte("sections:\n  - !!str x\n  - ~\n  - [1, 2]\n"))
	// Deep nesting, flow and block, and goccy/go-yaml's nesting after a
	// lone "-": refused by the bounds before the parser runs.
	f.Add([]byte(minimalYAML + "highlights: " + strings.Repeat("[", 70) + strings.Repeat("]", 70) + "\n"))
	f.Add([]byte(minimalYAML + "colophon: " + strings.Repeat("{a: ", 40) + strings.Repeat("}", 40) + "\n"))
	f.Add([]byte(minimalYAML + "highlights:\n" + strings.Repeat("-\nk:\n", 40)))
	f.Add([]byte(minimalYAML + "cover:\n" + strings.Repeat("  ", 1) + strings.Repeat("- ", 70) + "x\n"))
	f.Add([]byte("title: &t " + strings.Repeat("长", 70) + "\nissue: *t\ndate: 2025-01-01\nhighlights: [*t, *t, *t]\nsections: [{title: *t, articles: [a.md]}]\n"))
	if seeds, err := filepath.Glob(filepath.Join("..", "testdata", "invalid", "*", "issue.yaml")); err == nil {
		for _, s := range seeds {
			if b, err := os.ReadFile(s); err == nil {
				f.Add(b)
			}
		}
	}
	png := tinyPNG(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "issue.yaml"), data, 0o644)
		os.WriteFile(filepath.Join(dir, "a.md"), []byte("---\ntitle: a\n---\n正文\n"), 0o644)
		os.WriteFile(filepath.Join(dir, "p.png"), png, 0o644)
		checkLoad(t, dir)
	})
}

// FuzzFrontMatter loads an issue whose one article is arbitrary text.
func FuzzFrontMatter(f *testing.F) {
	f.Add([]byte("---\ntitle: x\n---\n正文\n"))
	f.Add([]byte("---\ntitle: [\n---\n"))
	f.Add([]byte("---\ntitle: x\nauthors: {a: b}\npage: 99999999999999999999\nlanguage: 中文\n---\n"))
	f.Add([]byte("---\n---\n"))
	f.Add([]byte("---\ntitle: x\n"))
	f.Add([]byte("\xef\xbb\xbf---\r\ntitle: x\r\n...\r\n![a](p.png)\n![b](../x.png)\n"))
	f.Add([]byte("---\ntitle: x\nauthors: " + strings.Repeat("[", 70) + strings.Repeat("]", 70) + "\n---\n"))
	f.Add([]byte("---\ntitle: x\nauthors:\n" + strings.Repeat("-\nk:\n", 40) + "---\n"))
	f.Add([]byte("---\rtitle: x\r---\r正文\r"))
	f.Add([]byte("---\n\ttitle: x\n---\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "issue.yaml"), []byte(minimalYAML), 0o644)
		os.WriteFile(filepath.Join(dir, "a.md"), data, 0o644)
		checkLoad(t, dir)
	})
}

// FuzzMarkdown converts arbitrary Markdown: it must not panic, and every
// inline run must be non-empty (hard breaks are "\n" runs).
func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{
		"第一行\n第二行", "**a**\n*b*", "| a | b |\n|---|:-:|\n| 1 |", "> - [x](y)\n>   ```\n>   code",
		"<div>\n<img src=x onerror=alert(1)>\n", "![a](b \"c\")![d](e)", "1. a\n   2. b\n\n---\n\n# h\n", "\\\n&#0;&#xD800;",
		"[a]: <>\n[a]", "`` ` ``", "    \tcode", "*a **b***c**",
		strings.Repeat(">", 200) + " x", strings.Repeat("- ", 200) + "x", strings.Repeat("> 1. ", 100) + "x",
		strings.Repeat("[", 1200), strings.Repeat("*a ", 2100), "![a](b c.png) ![d](<e f.png>)", "[j](javascript:x) <file:///x>",
		"<ruby>漢<rt>かん</rt>字<rt>じ</rt></ruby>{東京|とう|きょう}", "<table><tr><th>a<td>b<tr><td colspan=3>c</table>",
		"叫做**《书》**", "<p>文<img src=a.png><br>字</p>", "[![](a.png)](https://x.org)", "<ul><li>a<li>b</ul><h1>t</h1><pre> x\n y</pre>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		r := &report{}
		md := mdSource{text: []byte(src), file: "a.md", abs: "/a.md", cols: true}
		blocks := convertMarkdown(md, r, func(string, Pos, bool) (Image, bool) { return Image{Width: 40, Height: 90}, true })
		lines := strings.Count(src, "\n") + 1
		var walk func([]Block)
		walk = func(bs []Block) {
			for _, b := range bs {
				if b == nil {
					t.Fatal("nil block")
				}
				if at := b.Position(); at.File != "/a.md" || at.Line < 1 || at.Line > lines {
					t.Fatalf("%T at %+v in a text of %d lines", b, at, lines)
				}
				switch b := b.(type) {
				case *Paragraph:
					checkRuns(t, b.Inlines)
				case *Heading:
					checkRuns(t, b.Inlines)
				case *Quote:
					walk(b.Blocks)
				case *List:
					for _, it := range b.Items {
						walk(it)
					}
				case *Table:
					for _, row := range append([][][]Inline{b.Header}, b.Rows...) {
						if len(row) != len(b.Align) && !(len(row) == 0 && b.Header == nil) {
							t.Fatalf("row of %d cells in a table of %d columns", len(row), len(b.Align))
						}
						for _, c := range row {
							checkRuns(t, c)
						}
					}
				}
			}
		}
		walk(blocks)
	})
}

func checkRuns(t *testing.T, in []Inline) {
	for i, r := range in {
		if r.Text == "" && r.Image == nil {
			t.Fatalf("empty run %d in %#v", i, in)
		}
		if r.Pos.Line < 1 {
			t.Fatalf("run %q without a line", r.Text)
		}
		if i > 0 && joinable(in[i-1], r) {
			t.Fatalf("unmerged runs %q %q", in[i-1].Text, r.Text)
		}
	}
}

func checkLoad(t *testing.T, dir string) {
	iss, _, err := Load(dir)
	if (iss == nil) == (err == nil) {
		t.Fatalf("Load returned issue %v and error %v", iss != nil, err)
	}
	if err != nil {
		ps, ok := err.(Problems)
		if !ok || len(ps) == 0 {
			t.Fatalf("error %T %v is not a non-empty Problems", err, err)
		}
		for _, p := range ps {
			if p.File == "" || p.Message == "" {
				t.Fatalf("problem without file or message: %+v", p)
			}
		}
		return
	}
	if len(iss.Sections) == 0 || iss.Title == "" || iss.Label == "" || iss.Date.IsZero() {
		t.Fatalf("loaded issue lacks a required field: %+v", iss)
	}
	for _, s := range iss.Sections {
		if len(s.Articles) == 0 || s.Title == "" {
			t.Fatalf("section %q with %d articles", s.Title, len(s.Articles))
		}
		for _, a := range s.Articles {
			if a.Title == "" {
				t.Fatal("article without title")
			}
		}
	}
}
