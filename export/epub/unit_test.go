package epub

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/qikan-dev/qikan/issue"
	"github.com/qikan-dev/qikan/lang"
)

func TestTateChuYoko(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"3月28日", `<span class="tcy">3</span>月<span class="tcy">28</span>日`},
		{"第344期", `第<span class="tcy">344</span>期`},
		{"2025年", "2025年"},
		{"21.3%", "21.3%"},
		{"G0711线", "G0711线"},
		{"第 12 期", "第 12 期"},
		{"12", `<span class="tcy">12</span>`},
		{"a<1>", "a&lt;1&gt;"},
		{"共5个", `共<span class="tcy">5</span>个`},
	} {
		m := &markup{}
		m.tateChuYoko(tc.in)
		if got := m.buf.String(); got != tc.want {
			t.Errorf("%q: %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestXMLText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain 文字", "plain 文字"},
		{"a\x00b\x1bc", "abc"},
		{"a\r\nb\rc", "a\nb\nc"},
		{"tab\tok\n", "tab\tok\n"},
		{"bad \xff utf8", "bad \uFFFD utf8"},
		{"\uFFFE\uFFFF", ""},
		{"\u0085x", "x"},
		{"𠮷", "𠮷"},
	} {
		if got := xmlText(tc.in); got != tc.want {
			t.Errorf("xmlText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSafeLink(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://example.com/a", "https://example.com/a"},
		{"HTTP://example.com", "http://example.com"},
		{"https://example.com/a b", "https://example.com/a%20b"},
		{"mailto:x@example.com", "mailto:x@example.com"},
		{"javascript:alert(1)", ""},
		{" JavaScript:alert(1)", ""},
		{"data:text/html,<script>", ""},
		{"../../etc/passwd", ""},
		{"file:///etc/passwd", ""},
		{"https://", ""},
		{"https://exa mple.com", ""},
		{"", ""},
	} {
		if got := safeLink(tc.in); got != tc.want {
			t.Errorf("safeLink(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestGroupPosition(t *testing.T) {
	for in, want := range map[string]string{"总第344期": "344", "No. 0012": "12", "": "", "第期": "", "99999999999": ""} {
		if got := groupPosition(in); got != want {
			t.Errorf("groupPosition(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanLang(t *testing.T) {
	for tag, want := range map[string]string{"zh-cn": "zh-CN", "": "und", "bad tag!": "und", "ja": "ja"} {
		if got := cleanLang(tag); got != want {
			t.Errorf("cleanLang(%q) = %s, want %s", tag, got, want)
		}
	}
}

// goEpubLike builds a container as go-epub lays it out, entries in the
// given order.
func goEpubLike(t *testing.T, order []string) []byte {
	t.Helper()
	files := map[string]string{
		"mimetype":                  mimetype,
		containerPath:               `<rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml" />`,
		opfPath:                     "<package>go-epub's</package>",
		"EPUB/nav.xhtml":            "old nav",
		"EPUB/toc.ncx":              "old ncx",
		"EPUB/xhtml/a001.xhtml":     xhtmlHead + goEpubHTMLStart + "<head><title>t</title></head><body><p>x</p></body></html>",
		"EPUB/css/qikan.css":        "p{}",
		"EPUB/images/cover.png":     "\x89PNG",
		"EPUB/fonts/f0.woff2":       "wOF2",
		"EPUB/xhtml/contents.xhtml": xhtmlHead + goEpubHTMLStart + "<head><title>c</title></head><body/></html>",
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range order {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, files[name])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func testFinishing() *finishing {
	return &finishing{
		pkg: &packageInfo{identifier: "urn:x", title: "T", lang: "zh-CN", modified: "2025-01-01T00:00:00Z",
			coverImage: "images/cover.png", spine: []string{"xhtml/contents.xhtml", "xhtml/a001.xhtml"}},
		replace: map[string][]byte{"EPUB/nav.xhtml": []byte("new nav"), "EPUB/toc.ncx": []byte("new ncx")},
		pages: map[string][2]string{
			"EPUB/xhtml/a001.xhtml":     {"ja", "page-article"},
			"EPUB/xhtml/contents.xhtml": {"zh-CN", "page-contents"},
		},
		want: []string{"EPUB/css/qikan.css", "EPUB/images/cover.png", "EPUB/fonts/f0.woff2"},
		time: testTime,
	}
}

func TestFinish(t *testing.T) {
	order := []string{"mimetype", containerPath, "EPUB/xhtml/a001.xhtml", "EPUB/images/cover.png", opfPath,
		"EPUB/nav.xhtml", "EPUB/toc.ncx", "EPUB/css/qikan.css", "EPUB/fonts/f0.woff2", "EPUB/xhtml/contents.xhtml"}
	var a, b bytes.Buffer
	n, err := testFinishing().finish(goEpubLike(t, order), &a)
	if err != nil {
		t.Fatal(err)
	}
	if n != len(order) {
		t.Errorf("%d files, want %d", n, len(order))
	}
	// go-epub's entry order must not matter.
	rev := append([]string{"mimetype"}, order[1:]...)
	for i, j := 1, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	if _, err := testFinishing().finish(goEpubLike(t, rev), &b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("output depends on go-epub's entry order")
	}
	c := unpack(t, a.Bytes())
	wantOrder := []string{"mimetype", containerPath, opfPath, "EPUB/nav.xhtml", "EPUB/toc.ncx",
		"EPUB/xhtml/a001.xhtml", "EPUB/xhtml/contents.xhtml", "EPUB/css/qikan.css", "EPUB/fonts/f0.woff2", "EPUB/images/cover.png"}
	if strings.Join(c.order, " ") != strings.Join(wantOrder, " ") {
		t.Errorf("order %v\nwant %v", c.order, wantOrder)
	}
	for _, f := range c.zip {
		wantMethod := zip.Deflate
		if stored(f.Name) {
			wantMethod = zip.Store
		}
		if f.Method != wantMethod || len(f.Extra) != 0 {
			t.Errorf("%s: method %d, extra %d", f.Name, f.Method, len(f.Extra))
		}
	}
	if string(c.files["EPUB/nav.xhtml"]) != "new nav" || string(c.files["EPUB/toc.ncx"]) != "new ncx" {
		t.Error("nav or ncx not replaced")
	}
	html := parseXML(t, "a001", c.files["EPUB/xhtml/a001.xhtml"])
	if l, _ := html.xmlAttr("lang"); html.attr("lang") != "ja" || l != "ja" || html.attr("class") != "page-article" {
		t.Errorf("html attributes %v", html.attrs)
	}
	opf := parseXML(t, "opf", c.files[opfPath])
	var refs []string
	for _, r := range opf.all(func(n *node) bool { return n.name.Local == "itemref" }) {
		refs = append(refs, r.attr("idref"))
	}
	if strings.Join(refs, " ") != "contents a001" {
		t.Errorf("spine %v", refs)
	}
	for _, it := range opf.all(func(n *node) bool { return n.name.Local == "item" }) {
		if it.attr("href") == "images/cover.png" && it.attr("properties") != "cover-image" {
			t.Error("cover image without cover-image property")
		}
		if it.attr("href") == "fonts/f0.woff2" && it.attr("media-type") != "font/woff2" {
			t.Errorf("font media type %s", it.attr("media-type"))
		}
	}
}

func TestFinishRejects(t *testing.T) {
	full := []string{"mimetype", containerPath, opfPath, "EPUB/nav.xhtml", "EPUB/toc.ncx", "EPUB/xhtml/a001.xhtml",
		"EPUB/css/qikan.css", "EPUB/images/cover.png", "EPUB/fonts/f0.woff2", "EPUB/xhtml/contents.xhtml"}
	without := func(name string) []string {
		var out []string
		for _, n := range full {
			if n != name {
				out = append(out, n)
			}
		}
		return out
	}
	for _, name := range []string{"mimetype", "EPUB/xhtml/a001.xhtml", "EPUB/fonts/f0.woff2", "EPUB/nav.xhtml", containerPath} {
		_, err := testFinishing().finish(goEpubLike(t, without(name)), io.Discard)
		if err == nil {
			t.Errorf("no error without %s", name)
		}
	}
	if _, err := testFinishing().finish([]byte("not a zip"), io.Discard); err == nil {
		t.Error("no error for garbage")
	}
	if _, err := setHTMLStart([]byte(`<html xmlns="http://www.w3.org/1999/xhtml">`), "zh", "x"); err == nil {
		t.Error("setHTMLStart accepted an unknown html start tag")
	}
}

// FuzzArticle renders arbitrary text as titles, paragraphs, code and
// links; the document must stay well-formed XML that shows the text.
func FuzzArticle(f *testing.F) {
	for _, s := range []string{"<img src=x onerror=alert(1)>", `a&b"c'd`, "]]>", "\x00\xff\uFFFE", "3月28日", "𠮷", "</article>"} {
		f.Add(s, s)
	}
	set, err := defaultFaces()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, title, text string) {
		for _, vertical := range []bool{false, true} {
			b := newBook(&issue.Issue{Title: title, Label: text}, set, Options{Vertical: vertical})
			a := &issue.Article{Title: title, Subtitle: text, Authors: []string{text}, Source: text, Blocks: []issue.Block{
				&issue.Paragraph{Inlines: []issue.Inline{{Text: text, Link: text}, {Text: title, Style: issue.Strong | issue.CodeSpan}}},
				&issue.Code{Language: title, Text: text},
			}}
			p := b.articlePage(a, "a001", &issue.Section{Title: title, TitleEN: text}, "s01", "page-1")
			doc := "<body>" + string(p.body) + "</body>"
			d := xml.NewDecoder(strings.NewReader(doc))
			var got strings.Builder
			for {
				tok, err := d.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("not well-formed: %v\n%s", err, doc)
				}
				if cd, ok := tok.(xml.CharData); ok {
					got.Write(cd)
				}
			}
			if want := xmlText(text); utf8.ValidString(text) && !strings.Contains(got.String(), strings.TrimSpace(want)) {
				t.Fatalf("text %q lost", text)
			}
			if m := b.use; len(m) == 0 && strings.TrimSpace(xmlText(title+text)) != "" {
				t.Fatal("no glyph use recorded")
			}
		}
	})
}

// TestStylesheetEmphasis: emphasis in Chinese, Japanese and Korean text is
// set in the heading face, never slanted (an oblique CJK glyph is a
// synthesised distortion), as the PDF sets it; other languages keep the
// reading system's italic.
func TestStylesheetEmphasis(t *testing.T) {
	files := []fontFile{{name: "f0.woff2", family: "qikan-f0", weight: 400}, {name: "f1.woff2", family: "qikan-f1", weight: 700}}
	for _, vertical := range []bool{false, true} {
		css := stylesheet(files, "qikan-f0", "qikan-f1", lang.For("zh-CN"), vertical)
		rule := regexp.MustCompile(`(?m)^:lang\(zh\) em, :lang\(ja\) em, :lang\(ko\) em \{ font-style: normal; font-family: "qikan-f1"`)
		if !rule.MatchString(css) {
			t.Errorf("vertical=%v: no CJK emphasis rule in\n%s", vertical, css)
		}
		if strings.Contains(css, "em { font-style: italic") {
			t.Error("emphasis made italic")
		}
	}
}
