package issue

import (
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
