package epub

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/qikan-dev/qikan/fonts"
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

// TestContrast: every text colour of the style sheet has a contrast ratio
// of at least 4.5:1 (WCAG 2.1 AA, 1.4.3) on the page's white and on every
// background the sheet sets (table headers, mark), in both writing modes.
func TestContrast(t *testing.T) {
	files := []fontFile{{name: "f0.woff2", family: "qikan-f0", weight: 400}}
	color := regexp.MustCompile(`(?:^|[;{\s])color:\s*#([0-9a-fA-F]{3,6})\b`)
	backgrounds := []string{"fff", "f2eeee", "fbeeb0"} // the page, th, mark
	for _, vertical := range []bool{false, true} {
		css := stylesheet(files, "qikan-f0", "qikan-f0", "qikan-f0", lang.For("zh-CN"), nil, vertical)
		found := color.FindAllStringSubmatch(css, -1)
		if len(found) < 5 {
			t.Fatalf("found only %d colours in\n%s", len(found), css)
		}
		for _, bg := range regexp.MustCompile(`background(?:-color)?:\s*#([0-9a-fA-F]{3,6})`).FindAllStringSubmatch(css, -1) {
			if !slices.Contains(backgrounds, bg[1]) {
				t.Errorf("background #%s is not checked", bg[1])
			}
		}
		for _, m := range found {
			for _, bg := range backgrounds {
				if r := contrast(m[1], bg); r < 4.5 {
					t.Errorf("vertical=%v: #%s on #%s has contrast %.2f:1", vertical, m[1], bg, r)
				}
			}
		}
	}
	// The check itself: #777 on white is the 4.48:1 Ace reported.
	if r := contrast("777", "fff"); r >= 4.5 || r < 4.4 {
		t.Errorf("#777 on white: %.2f", r)
	}
}

// contrast is the WCAG contrast ratio of two hex colours.
func contrast(a, b string) float64 {
	lum := func(hex string) float64 {
		if len(hex) == 3 {
			hex = string([]byte{hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]})
		}
		v, _ := strconv.ParseUint(hex, 16, 32)
		var l float64
		for i, w := range []float64{0.2126, 0.7152, 0.0722} {
			c := float64(v>>(16-8*i)&0xff) / 255
			if c <= 0.03928 {
				c /= 12.92
			} else {
				c = math.Pow((c+0.055)/1.055, 2.4)
			}
			l += w * c
		}
		return l
	}
	la, lb := lum(a), lum(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// TestSmallScreenMarkup: what keeps small screens readable is in the
// markup: short table columns are kept on one line (no 危/险 a character a
// line), tables sit in a wrapper that scrolls, hand-broken lines (verse)
// are set flush instead of under a first-line indent.
func TestSmallScreenMarkup(t *testing.T) {
	set, err := defaultFaces()
	if err != nil {
		t.Fatal(err)
	}
	cell := func(s string) []issue.Inline { return []issue.Inline{{Text: s}} }
	long := "在隔离的沙盒环境中将来路不明的文件转换为安全的PDF文件"
	blocks := []issue.Block{
		&issue.Table{
			Align:  []issue.Align{issue.AlignNone, issue.AlignRight, issue.AlignNone},
			Header: [][]issue.Inline{cell("等级"), cell("分值"), cell("说明")},
			Rows: [][][]issue.Inline{
				{cell("危险"), cell("10"), cell(long)},
				{cell("Keybinding"), cell("3.5"), cell("short")},
			},
		},
		&issue.Paragraph{Inlines: []issue.Inline{{Text: "床前明月光，"}, {Text: "\n"}, {Text: "疑是地上霜。"}}},
		&issue.Paragraph{Inlines: []issue.Inline{{Text: "正文段落。"}}},
	}
	for _, tc := range []struct{ want, not string }{
		{want: `<div class="table"><table>`},
		{want: `<th class="nw">`},
		{want: `<th class="right nw">`},
		{want: `<td class="nw">`},
		{want: `<td class="nw">Keybinding</td>`},
		{want: `<p class="lines">床前明月光，<br/>疑是地上霜。</p>`},
		{want: `<p>正文段落。</p>`},
	} {
		b := newBook(&issue.Issue{Title: "刊"}, set, Options{})
		m := b.newMarkup(b.lang)
		b.blocks(m, blocks)
		got := regexp.MustCompile(`<span class="f\d">([^<]*)</span>`).ReplaceAllString(m.buf.String(), "$1")
		if tc.want != "" && !strings.Contains(got, tc.want) {
			t.Errorf("no %s in\n%s", tc.want, got)
		}
		if tc.not != "" && strings.Contains(m.buf.String(), tc.not) {
			t.Errorf("%s in\n%s", tc.not, got)
		}
	}
	// The third column holds a long cell: it wraps.
	b := newBook(&issue.Issue{Title: "刊"}, set, Options{})
	m := b.newMarkup(b.lang)
	b.blocks(m, blocks[:1])
	if n := strings.Count(m.buf.String(), `class="nw"`) + strings.Count(m.buf.String(), `class="right nw"`); n != 6 {
		t.Errorf("%d cells kept on one line, want 6 (two short columns of three cells)", n)
	}
}

// TestColophonNumbers: the colophon prints the ISSN, CN number and running
// number (in the issue language's format) unless a row of the issue's
// colophon shows them already.
func TestColophonNumbers(t *testing.T) {
	set, err := defaultFaces()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		language string
		rows     []issue.ColophonRow
		want     []string // dt/dd texts in order
	}{
		{"zh-CN", nil, []string{"国际标准连续出版物号", "ISSN 2096-7462", "国内统一连续出版物号", "CN 65-1309/D", "总期号", "总第344期"}},
		{"zh-TW", nil, []string{"國際標準連續出版物號", "ISSN 2096-7462", "國內統一連續出版物號", "CN 65-1309/D", "總期號", "總第344期"}},
		{"ja", nil, []string{"国際標準逐次刊行物番号", "ISSN 2096-7462", "中国国内統一刊号", "CN 65-1309/D", "通巻号数", "通巻344号"}},
		{"zh-CN", []issue.ColophonRow{{Label: "主办", Value: "某社"}, {Label: "刊号", Value: "ISSN 2096-7462　CN 65-1309/D"}},
			[]string{"主办", "某社", "刊号", "ISSN 2096-7462　CN 65-1309/D", "总期号", "总第344期"}},
	} {
		iss := &issue.Issue{Title: "刊", Language: tc.language, ISSN: "2096-7462", CN: "CN 65-1309/D", Number: "344", Colophon: tc.rows}
		b := newBook(iss, set, Options{})
		p, ok := b.colophonPage()
		if !ok {
			t.Fatalf("%s: no colophon", tc.language)
		}
		var got []string
		for _, n := range parseXML(t, "colophon", p.body).all(func(n *node) bool { return n.name.Local == "dt" || n.name.Local == "dd" }) {
			got = append(got, n.text.String())
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: colophon %q\nwant %q", tc.language, got, tc.want)
		}
	}
	if _, ok := newBook(&issue.Issue{Title: "刊"}, set, Options{}).colophonPage(); ok {
		t.Error("a colophon without anything to show")
	}
}

// BenchmarkCoverImage rasterises the sample's cover (layout, photo
// decoded and scaled, text drawn, JPEG encoded).
func BenchmarkCoverImage(b *testing.B) {
	iss, _, err := issue.Load(sampleDir)
	if err != nil {
		b.Fatal(err)
	}
	set, err := defaultFaces()
	if err != nil {
		b.Fatal(err)
	}
	bk := newBook(iss, set, Options{})
	for b.Loop() {
		m, _ := bk.coverImage()
		if _, err := m.lazy(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestLinkNames: every link has a name a screen reader can say (Ace's
// link-name): runs of one link share an a element, a link of white space
// is dropped, a link of images without alternative text is named by its
// host.
func TestLinkNames(t *testing.T) {
	set, err := defaultFaces()
	if err != nil {
		t.Fatal(err)
	}
	img := &issue.Image{Path: "/x/logo.png", Rel: "logo.png", Format: "png", Width: 10, Height: 10}
	const u = "https://www.example.com/a"
	for _, tc := range []struct {
		name string
		runs []issue.Inline
		want string
	}{
		{"logo and caption are one link", []issue.Inline{{Image: img, Link: u}, {Text: "\n"}, {Text: " ", Link: u}, {Text: "UCloud", Link: u, Style: issue.Subscript}},
			`<a href="https://www.example.com/a"><img src="../images/img001.png" alt="" class="inline" width="10" height="10"/><br/> <sub>UCloud</sub></a>`},
		{"white space only", []issue.Inline{{Text: "甲"}, {Text: " ", Link: u}, {Text: "乙"}}, `甲 乙`},
		{"image only", []issue.Inline{{Image: img, Link: u}},
			`<a href="https://www.example.com/a" aria-label="example.com"><img src="../images/img001.png" alt="" class="inline" width="10" height="10"/></a>`},
		{"two links", []issue.Inline{{Text: "甲", Link: u}, {Text: "\n"}, {Text: "乙", Link: "https://b.org/"}},
			`<a href="https://www.example.com/a">甲</a><br/><a href="https://b.org/">乙</a>`},
		{"break after the link", []issue.Inline{{Text: "甲", Link: u}, {Text: "\n"}, {Text: "乙"}}, `<a href="https://www.example.com/a">甲</a><br/>乙`},
	} {
		b := newBook(&issue.Issue{Title: "刊"}, set, Options{})
		m := b.newMarkup(b.lang)
		b.inlines(m, fonts.Body, tc.runs)
		got := regexp.MustCompile(`<span class="f\d">([^<]*)</span>`).ReplaceAllString(m.buf.String(), "$1")
		got = regexp.MustCompile(` class="f\d"`).ReplaceAllString(got, "")
		if got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
}
