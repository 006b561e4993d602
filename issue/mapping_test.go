package issue

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

func TestMapText(t *testing.T) {
	dir := writeIssue(t, map[string]string{
		"issue.yaml": `title: t
issue: l
date: 2025-03-01
subtitle: s
number: n
publisher: p
description: d
cover: {caption: c, credit: r}
highlights: [h]
colophon: [{label: k, value: v}]
sections:
  - title: st
    title_en: se
    articles:
      - title: at
        subtitle: as
        authors: [aa]
        affiliation: af
        source: so
        editor: ed
        body: |
          ## head
          para *em* ` + "`code`" + ` [link](http://x)

          > quote

          - item

          | h |
          |---|
          | c |

          ` + "```" + `
          block
          ` + "```" + `
`,
	})
	iss, _, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var seen []string
	iss.MapText(func(s string) string {
		seen = append(seen, s)
		return "<" + s + ">"
	})
	a := iss.Articles()[0]
	checks := map[string]string{
		"title": iss.Title, "label": iss.Label, "subtitle": iss.Subtitle, "number": iss.Number, "publisher": iss.Publisher,
		"description": iss.Description, "caption": iss.Cover.Caption, "credit": iss.Cover.Credit, "highlight": iss.Highlights[0],
		"colophon": iss.Colophon[0].Label + iss.Colophon[0].Value, "section": iss.Sections[0].Title + iss.Sections[0].TitleEN,
		"article": a.Title + a.Subtitle + a.Authors[0] + a.Affiliation + a.Source + a.Editor,
		"body":    dump(a.Blocks),
	}
	for name, got := range checks {
		if !strings.Contains(got, "<") {
			t.Errorf("%s not mapped: %q", name, got)
		}
	}
	body := checks["body"]
	for _, want := range []string{"<head>", "<para >", "<em>", "<link>", "<quote>", "<item>", "<h>", "<c>", "Text:code", "Text:block"} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %q: %s", want, body)
		}
	}
	for _, s := range seen {
		if s == "code" || s == "block" || s == "http://x" {
			t.Errorf("MapText passed code or a link destination %q to f", s)
		}
	}
	if iss.Identifier == "" || strings.Contains(iss.Identifier, "<") || strings.Contains(iss.Language, "<") || strings.Contains(a.File, "<") {
		t.Errorf("MapText touched identifier/language/path: %q %q %q", iss.Identifier, iss.Language, filepath.Base(a.File))
	}
}

func TestArticlesOrder(t *testing.T) {
	dir := writeIssue(t, map[string]string{
		"issue.yaml": "title: t\nissue: l\ndate: 2025-03-01\nsections:\n  - title: A\n    articles: [x.md, y.md]\n  - title: B\n    articles: [z.md]\n",
		"x.md":       "---\ntitle: X\n---\n",
		"y.md":       "---\ntitle: Y\nlanguage: ja\n---\n",
		"z.md":       "---\ntitle: Z\n---\n",
	})
	iss, _, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range iss.Articles() {
		got = append(got, a.ID+a.Title+a.Language)
	}
	if strings.Join(got, ",") != "a001Xzh-CN,a002Yja,a003Zzh-CN" || iss.Sections[1].ID != "s02" {
		t.Errorf("articles = %q", got)
	}
}

// TestMapRuns: f sees the runs of a paragraph together, cut at code spans
// and hard line breaks, and single texts alone.
func TestMapRuns(t *testing.T) {
	a := &Article{
		Title: "标题",
		Blocks: []Block{
			&Paragraph{Inlines: []Inline{
				{Text: "重点", Style: Strong}, {Text: ",正文"}, {Text: "链接", Link: "https://example.org"},
				{Text: "x,y", Style: CodeSpan}, {Text: "后文"}, {Text: "\n"}, {Text: "下一行"},
			}},
			&Figure{Caption: "图注"},
		},
	}
	var got [][]string
	a.MapRuns(func(runs []string) []string {
		got = append(got, append([]string(nil), runs...))
		out := make([]string, len(runs))
		for i, r := range runs {
			out[i] = "<" + r + ">"
		}
		return out
	})
	want := [][]string{{"标题"}, {""}, {""}, {""}, {""}, {"重点", ",正文", "链接"}, {"后文"}, {"下一行"}, {"图注"}, {""}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("groups\n got %q\nwant %q", got, want)
	}
	p := a.Blocks[0].(*Paragraph)
	var texts []string
	for _, in := range p.Inlines {
		texts = append(texts, in.Text)
	}
	if w := []string{"<重点>", "<,正文>", "<链接>", "x,y", "<后文>", "\n", "<下一行>"}; fmt.Sprint(texts) != fmt.Sprint(w) {
		t.Errorf("runs %q, want %q", texts, w)
	}
	// A result of another length is ignored.
	a.MapRuns(func(runs []string) []string { return nil })
	if p.Inlines[0].Text != "<重点>" {
		t.Errorf("a nil result changed the text: %q", p.Inlines[0].Text)
	}
}

// TestEachText: every text of the blocks, in reading order, inline runs
// apart from captions, credits and code.
func TestEachText(t *testing.T) {
	blocks := []Block{
		&Paragraph{Inlines: []Inline{{Text: "p1"}, {Text: "p2", Style: Strong}}},
		&Heading{Level: 2, Inlines: []Inline{{Text: "h"}}},
		&Quote{Blocks: []Block{&Paragraph{Inlines: []Inline{{Text: "q"}}}}},
		&List{Items: [][]Block{{&Paragraph{Inlines: []Inline{{Text: "l1"}}}}, {&Paragraph{Inlines: []Inline{{Text: "l2"}}}}}},
		&Table{Header: [][]Inline{{{Text: "th"}}}, Rows: [][][]Inline{{{{Text: "td"}}}}},
		&Figure{Caption: "cap", Credit: "cred"},
		&Code{Text: "code"},
		&Rule{},
	}
	var got []string
	EachText(blocks, func(in []Inline) {
		var s []string
		for _, r := range in {
			s = append(s, r.Text)
		}
		got = append(got, "["+strings.Join(s, "|")+"]")
	}, func(s string) { got = append(got, s) })
	want := "[p1|p2] [h] [q] [l1] [l2] [th] [td] cap cred code"
	if strings.Join(got, " ") != want {
		t.Errorf("got %s, want %s", strings.Join(got, " "), want)
	}
	EachText(blocks, nil, nil) // either callback may be nil
}

// TestMapOwnRuns: the issue's own texts, section titles included, and
// nothing of its articles.
func TestMapOwnRuns(t *testing.T) {
	a := &Article{Title: "文章", Blocks: []Block{&Paragraph{Inlines: []Inline{{Text: "正文"}}}}}
	iss := &Issue{Title: "刊名", Highlights: []string{"看点"}, Sections: []*Section{{Title: "栏目", Articles: []*Article{a}}}}
	var got []string
	iss.MapOwnRuns(func(runs []string) []string {
		got = append(got, runs...)
		return runs
	})
	all := strings.Join(got, " ")
	for _, want := range []string{"刊名", "看点", "栏目"} {
		if !strings.Contains(all, want) {
			t.Errorf("MapOwnRuns did not give %q: %q", want, got)
		}
	}
	if strings.Contains(all, "文章") || strings.Contains(all, "正文") {
		t.Errorf("MapOwnRuns gave article text: %q", got)
	}
}

// TestWalk: every block, nested ones included, in reading order, each
// container before what it holds.
func TestWalk(t *testing.T) {
	p := func(s string) *Paragraph { return &Paragraph{Inlines: []Inline{{Text: s}}} }
	fig := &Figure{Caption: "图"}
	inner := &Quote{Blocks: []Block{p("c"), fig}}
	list := &List{Items: [][]Block{{p("d"), inner}, {p("e")}}}
	outer := &Quote{Blocks: []Block{p("b"), list}}
	blocks := []Block{p("a"), outer, &Rule{}, p("f")}
	var got []string
	Walk(blocks, func(b Block) {
		switch b := b.(type) {
		case *Paragraph:
			got = append(got, b.Inlines[0].Text)
		case *Quote:
			got = append(got, "quote")
		case *List:
			got = append(got, "list")
		case *Figure:
			got = append(got, b.Caption)
		case *Rule:
			got = append(got, "rule")
		}
	})
	want := "a quote b list d quote c 图 e rule f"
	if s := strings.Join(got, " "); s != want {
		t.Errorf("Walk visits %s, want %s", s, want)
	}
	Walk(nil, func(Block) { t.Error("Walk(nil) calls fn") })
}
