package epub

import (
	"bytes"
	"encoding/xml"
	"image"
	pngenc "image/png"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/qikan-dev/qikan/issue"
)

// xssPayloads are known ways to sneak script into HTML (after the OWASP
// filter evasion cheat sheet), as they would come pasted into Markdown.
var xssPayloads = []string{
	`<script>alert(1)</script>`,
	`前<img src=x onerror=alert(1)>后`,
	`<img src="javascript:alert(1)">`,
	`<IMG SRC=JaVaScRiPt:alert('XSS')>`,
	`<svg onload=alert(1)><circle r=1 /></svg>`,
	`<a href="javascript:alert(1)">点</a>`,
	`<a href="jav&#x09;ascript:alert(1)">点</a>`,
	`<a href="  JaVaScRiPt:alert(1)">点</a>`,
	`<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">点</a>`,
	`<iframe src="data:text/html,<script>alert(1)</script>"></iframe>`,
	`<body onload=alert(1)>`,
	`<math><mi xlink:href="javascript:alert(1)">x</mi></math>`,
	`<style>@import 'https://evil.example/x.css';</style>`,
	`<div style="background:url(javascript:alert(1))">字</div>`,
	`<object data="javascript:alert(1)"></object>`,
	`<<script>script>alert(1)//<</script>`,
	`<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`,
	`<form><button formaction=javascript:alert(1)>x</button></form>`,
	`<details open ontoggle=alert(1)><summary>x</summary></details>`,
	`[链接](javascript:alert(1)) <javascript:alert(1)>`,
	`<table background="javascript:alert(1)"><tr><td onclick="x()">格</td></tr></table>`,
	`<span title="x" onmouseover="alert(1)" class="evil" id="x">字</span>`,
	`<ruby onclick="x()">漢<rt style="x">かん</rt></ruby>`,
	`<p><a href="https://ok.example/" target="_blank" rel="opener" ping="https://evil.example/">好</a></p>`,
	`<figure><img src="a.png" srcset="javascript:alert(1) 2x" usemap="#m"></figure>`,
	`<figure><img src="a.png" alt="&quot; onerror=&quot;alert(1)"><figcaption>说<script>x()</script>明</figcaption></figure>`,
	"<kbd>Ctrl</kbd><sub>2</sub><sup>3</sup><mark>m</mark><small>s</small><u>u</u><s>s</s><ins>i</ins><del>d</del>",
	`<template><script>alert(1)</script></template><noscript><img src=x onerror=alert(1)></noscript>`,
	`<a href="https://ok.example/" onclick="x()"><img src="a.png" onerror="x()"></a>`,
	"<base href=\"javascript:/\"><link rel=stylesheet href=x.css>",
	"<!-- <script>alert(1)</script> --><![CDATA[<script>alert(1)</script>]]>",
}

// articleAttrs are the attributes qikan writes in an article's XHTML;
// their values are checked by checkAttr.
var articleAttrs = map[string]bool{
	"class": true, "id": true, "lang": true, "xml:lang": true, "href": true, "src": true, "alt": true,
	"width": true, "height": true, "start": true, "title": true, "epub:type": true, "role": true,
	"aria-label": true, "aria-labelledby": true, "dir": true,
}

// articleTags are the elements qikan writes in an article's XHTML body.
var articleTags = map[string]bool{
	"body": true, "article": true, "header": true, "footer": true, "section": true, "div": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "p": true, "br": true,
	"span": true, "a": true, "em": true, "strong": true, "u": true, "s": true, "sup": true, "sub": true,
	"small": true, "mark": true, "kbd": true, "code": true, "pre": true, "ruby": true, "rt": true,
	"rp": true, "img": true, "figure": true, "figcaption": true, "table": true, "thead": true,
	"tbody": true, "tr": true, "th": true, "td": true, "blockquote": true, "ul": true, "ol": true,
	"li": true, "hr": true,
}

var (
	safeHref = regexp.MustCompile(`^(https?://[^\s"<>]+|mailto:[^\s"<>]+)$`)
	safeSrc  = regexp.MustCompile(`^\.\./images/img\d+\.(png|jpg|gif)$`)
)

// FuzzAllowlist: whatever the Markdown and the raw HTML in it, an
// article's XHTML holds only the elements and attributes qikan writes,
// links only to http, https and mailto addresses and images only from the
// publication's own.
func FuzzAllowlist(f *testing.F) {
	for _, s := range xssPayloads {
		f.Add(s)
	}
	set, err := defaultFaces()
	if err != nil {
		f.Fatal(err)
	}
	var png bytes.Buffer
	if err := pngenc.Encode(&png, image.NewGray(image.Rect(0, 0, 3, 2))); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, md string) {
		if !utf8.ValidString(md) || len(md) > 4096 {
			return
		}
		dir := t.TempDir()
		files := map[string]string{
			"issue.yaml": "title: 刊\nissue: 1\ndate: 2025-01-01\nsections:\n  - title: 栏\n    articles: [a.md]\n",
			"a.md":       "---\ntitle: 题\n---\n\n" + md + "\n",
			"a.png":      png.String(),
		}
		for name, data := range files {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		iss, _, err := issue.Load(dir)
		if err != nil {
			return // a problem (a missing image): nothing is written
		}
		for _, vertical := range []bool{false, true} {
			b := newBook(iss, set, Options{Vertical: vertical})
			p := b.articlePage(iss.Articles()[0], "a001", nil, "", "")
			checkAllowlist(t, md, "<body>"+string(p.body)+"</body>")
		}
	})
}

func checkAllowlist(t *testing.T, md, doc string) {
	if v := violation(doc); v != "" {
		t.Fatalf("%q: %s in\n%s", md, v, doc)
	}
}

// violation returns what in doc qikan does not write — an element, an
// attribute, an unsafe link or image — or "".
func violation(doc string) string {
	d := xml.NewDecoder(strings.NewReader(doc))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return ""
		}
		if err != nil {
			return "not well-formed: " + err.Error()
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if !articleTags[el.Name.Local] || el.Name.Space != "" {
			return "element <" + el.Name.Local + ">"
		}
		for _, a := range el.Attr {
			name := a.Name.Local
			if a.Name.Space == "http://www.w3.org/XML/1998/namespace" {
				name = "xml:" + name
			} else if a.Name.Space != "" {
				name = a.Name.Space + ":" + name
			}
			if !articleAttrs[name] || !safeAttr(name, a.Value) {
				return "attribute " + name + "=" + strconv.Quote(a.Value) + " on <" + el.Name.Local + ">"
			}
		}
	}
}

// safeAttr checks the values that could lead somewhere: links go to the
// web or a mail address, images come from the publication, nothing holds
// a script URL.
func safeAttr(name, value string) bool {
	switch name {
	case "href":
		return safeHref.MatchString(value)
	case "src":
		return safeSrc.MatchString(value)
	case "alt", "title", "aria-label":
		return true // text for people, never followed
	}
	l := strings.ToLower(value)
	return !strings.Contains(l, "javascript:") && !strings.Contains(l, "vbscript:")
}

// TestViolation: the check of FuzzAllowlist finds what it is for.
func TestViolation(t *testing.T) {
	for doc, bad := range map[string]bool{
		`<body><p class="lines">字<a href="https://e.org/">链</a><img src="../images/img001.png" alt="x"/></p></body>`: false,
		`<body><script>x</script></body>`:               true,
		`<body><p onclick="x()">字</p></body>`:           true,
		`<body><p style="color:red">字</p></body>`:       true,
		`<body><a href="javascript:x()">链</a></body>`:   true,
		`<body><img src="https://e.org/a.png"/></body>`: true,
		`<body><svg/></body>`:                           true,
	} {
		if got := violation(doc) != ""; got != bad {
			t.Errorf("violation(%s) = %q", doc, violation(doc))
		}
	}
}
