package epub

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"image"
	_ "image/jpeg"
	_ "image/png"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	tdfont "github.com/tdewolff/font"
	"golang.org/x/image/font/sfnt"

	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/internal/testtool"
	"github.com/qikan-dev/qikan/issue"
)

const sampleDir = "../../testdata/dangyuanzhiyou-2025-03"

var testTime = time.Date(2025, 3, 28, 9, 30, 0, 0, time.UTC)

// defaultFaces parses the embedded faces once per test binary.
var defaultFaces = sync.OnceValues(func() (*fonts.Set, error) {
	return fonts.NewLibrary().Set("", "")
})

func faces(t testing.TB) *fonts.Set {
	t.Helper()
	set, err := defaultFaces()
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func load(t testing.TB, dir string) *issue.Issue {
	t.Helper()
	iss, _, err := issue.Load(dir)
	if err != nil {
		t.Fatalf("loading %s: %v", dir, err)
	}
	return iss
}

func write(t testing.TB, iss *issue.Issue, opt Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	st, err := Write(&buf, iss, faces(t), opt)
	if err != nil {
		t.Fatal(err)
	}
	if st.Files < 6 {
		t.Fatalf("Stats.Files = %d", st.Files)
	}
	return buf.Bytes()
}

// container is an unpacked EPUB.
type container struct {
	order []string
	files map[string][]byte
	zip   []*zip.File
}

func unpack(t testing.TB, data []byte) container {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	c := container{files: map[string][]byte{}, zip: zr.File}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		c.order = append(c.order, f.Name)
		c.files[f.Name] = b
	}
	return c
}

// node is a parsed XML element.
type node struct {
	name     xml.Name
	attrs    []xml.Attr
	children []*node
	text     strings.Builder // all character data inside, children's included
}

func (n *node) attr(local string) string {
	for _, a := range n.attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// xmlAttr returns an attribute in the XML namespace (xml:lang).
func (n *node) xmlAttr(local string) (string, bool) {
	for _, a := range n.attrs {
		if a.Name.Local == local && a.Name.Space == "http://www.w3.org/XML/1998/namespace" {
			return a.Value, true
		}
	}
	return "", false
}

func (n *node) all(pred func(*node) bool) []*node {
	var out []*node
	var walk func(*node)
	walk = func(n *node) {
		if pred(n) {
			out = append(out, n)
		}
		for _, c := range n.children {
			walk(c)
		}
	}
	walk(n)
	return out
}

func (n *node) child(local string) []*node {
	var out []*node
	for _, c := range n.children {
		if c.name.Local == local {
			out = append(out, c)
		}
	}
	return out
}

// parseXML parses a document strictly (encoding/xml), failing the test on
// malformed XML.
func parseXML(t testing.TB, name string, data []byte) *node {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	root := &node{}
	stack := []*node{root}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: not well-formed: %v", name, err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &node{name: tok.Name, attrs: tok.Attr}
			top := stack[len(stack)-1]
			top.children = append(top.children, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			for _, n := range stack {
				n.text.Write(tok)
			}
		}
	}
	if len(root.children) != 1 {
		t.Fatalf("%s: %d root elements", name, len(root.children))
	}
	return root.children[0]
}

// issues returns every valid issue under testdata, and the sample without
// its cover image.
func issues(t *testing.T) map[string]*issue.Issue {
	t.Helper()
	dirs, err := filepath.Glob("../../testdata/*/issue.yaml")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*issue.Issue{}
	for _, f := range dirs {
		dir := filepath.Dir(f)
		out[filepath.Base(dir)] = load(t, dir)
	}
	if len(out) < 2 {
		t.Fatalf("found %d issues under testdata", len(out))
	}
	noCover := load(t, sampleDir)
	noCover.Cover = issue.Cover{}
	out["sample-without-cover"] = noCover
	out["hostile"] = hostileIssue(t)
	return out
}

// hostileIssue is an issue literal with markup in titles and text, links
// with scripts, an article in Japanese, Korean text, a character outside
// the BMP and every block type.
func hostileIssue(t testing.TB) *issue.Issue {
	t.Helper()
	imgPath, err := filepath.Abs(filepath.Join(sampleDir, "images/fig-04-1.png"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(imgPath)
	if err != nil {
		t.Fatal(err)
	}
	cfg, _, err := image.DecodeConfig(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	img := issue.Image{Path: imgPath, Rel: "images/fig-04-1.png", Format: "png", Width: cfg.Width, Height: cfg.Height}
	para := func(s string) *issue.Paragraph { return &issue.Paragraph{Inlines: []issue.Inline{{Text: s}}} }
	return &issue.Issue{
		Title: `<b>期刊</b> & "引号"`, Label: "2025年第12期", Number: "总第7期",
		Date: time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC), Language: "zh-CN",
		ISSN: "2096-7462", Publisher: `出版社 <&>`, Description: `描述 "<x>"`,
		Identifier: "urn:uuid:00000000-0000-5000-8000-000000000001",
		Highlights: []string{"看点 <一>", "看点 & 二"},
		Colophon:   []issue.ColophonRow{{Label: "主编", Value: `<script>alert("x")</script>`}},
		Sections: []*issue.Section{
			{ID: "s01", Title: `栏目 <一> & "二"`, TitleEN: `Section <One>`, Articles: []*issue.Article{
				{ID: "a001", Title: `标题 <i>不是斜体</i> & "引号"`, Subtitle: "副题 <u>", Authors: []string{"作者<甲>", "乙&丙"},
					Affiliation: "单位 <x>", Source: "摘自《<报>》", Editor: "编辑 &amp;", Page: 3, Language: "zh-CN",
					Blocks: []issue.Block{
						para(`<img src=x onerror=alert(1)>`),
						&issue.Paragraph{Inlines: []issue.Inline{
							{Text: "链接", Link: "javascript:alert(1)"},
							{Text: "安全", Link: "https://example.com/a b?q=<1>"},
							{Text: "\n"},
							{Text: "粗体", Style: issue.Strong}, {Text: "斜体", Style: issue.Emphasis},
							{Text: "code<>", Style: issue.CodeSpan},
							{Text: "控制\x00字符\x1b与𠮷和3月28日第12期2025年21.3%"},
						}},
						&issue.Heading{Level: 2, Inlines: []issue.Inline{{Text: "小标题 <h1>"}}},
						&issue.Heading{Level: 3, Inlines: []issue.Inline{{Text: "三级 & 标题"}}},
						&issue.Quote{Blocks: []issue.Block{para("引文 <q>")}},
						&issue.List{Ordered: true, Start: 3, Items: [][]issue.Block{{para("第三")}, {para("第四")}}},
						&issue.List{Items: [][]issue.Block{{para("甲")}, {para("乙"), &issue.List{Items: [][]issue.Block{{para("嵌套")}}}}}},
						&issue.Table{
							Align:  []issue.Align{issue.AlignLeft, issue.AlignCenter, issue.AlignRight},
							Header: [][]issue.Inline{{{Text: "左"}}, {{Text: "中"}}, {{Text: "右 <th>"}}},
							Rows:   [][][]issue.Inline{{{{Text: "1"}}, {{Text: "二"}}, {{Text: "3.5"}}}},
						},
						&issue.Figure{Image: img, Caption: `图说 "<甲>"`, Credit: "摄影 & 乙"},
						&issue.Figure{Image: img, Caption: "同一张图"},
						&issue.Code{Language: `go"><script>`, Text: "if a < b && c > d {\n\treturn\n}"},
						&issue.Rule{},
						para("结尾。"),
					}},
				{ID: "a002", Title: "日本語の記事", Authors: []string{"山田太郎"}, Page: 3, Language: "ja",
					Blocks: []issue.Block{para("これは日本語の段落です。ひらがなとカタカナ。")}},
			}},
			{ID: "s02", Title: "空栏目"},
			{ID: "s03", Title: "한국어", Articles: []*issue.Article{
				{ID: "a003", Title: "한국어 기사", Page: 5, Language: "ko",
					Blocks: []issue.Block{para("이것은 한국어 문단입니다.")}},
			}},
		},
	}
}

// TestEpubcheck checks the EPUB of every issue under testdata, without a
// cover and of a hostile issue, horizontal and vertical, with EPUBCheck,
// all in one Java VM. A truncated EPUB goes with them and must be found
// wanting, so a check that passes everything fails the test.
func TestEpubcheck(t *testing.T) {
	all := issues(t)
	names := make([]string, 0, 2*len(all))
	for name := range all {
		names = append(names, name+"/horizontal", name+"/vertical")
	}
	slices.Sort(names)
	dir := t.TempDir()
	files := make([]string, len(names))
	t.Run("write", func(t *testing.T) {
		for i, name := range names {
			files[i] = filepath.Join(dir, strings.ReplaceAll(name, "/", "-")+".epub")
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				issueName, mode, _ := strings.Cut(name, "/")
				data := write(t, all[issueName], Options{Time: testTime, Version: "test", Vertical: mode == "vertical"})
				if err := os.WriteFile(files[i], data, 0o644); err != nil {
					t.Fatal(err)
				}
			})
		}
	})
	if t.Failed() {
		return
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "truncated.epub")
	if err := os.WriteFile(broken, data[:len(data)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	reports := testtool.EPUBCheck(t, append(files, broken)...)
	for i, name := range names {
		t.Run(name, func(t *testing.T) {
			if !reports[i].Clean {
				t.Errorf("epubcheck %s:\n%s", reports[i].File, reports[i].Output)
			}
		})
	}
	if r := reports[len(names)]; r.Clean {
		t.Errorf("epubcheck passes a truncated EPUB:\n%s", r.Output)
	}
}

func TestSampleSize(t *testing.T) {
	data := write(t, load(t, sampleDir), Options{Time: testTime})
	if len(data) > 2<<20 {
		t.Errorf("sample EPUB is %d bytes, over 2 MB", len(data))
	}
	t.Logf("sample EPUB: %d bytes", len(data))
}

func TestDeterministic(t *testing.T) {
	for name, iss := range map[string]*issue.Issue{"sample": load(t, sampleDir), "hostile": hostileIssue(t)} {
		for _, vertical := range []bool{false, true} {
			opt := Options{Time: testTime, Version: "v1", Vertical: vertical}
			a, b := write(t, iss, opt), write(t, iss, opt)
			if !bytes.Equal(a, b) {
				t.Errorf("%s (vertical %v): two runs differ", name, vertical)
			}
			opt.Time = opt.Time.Add(time.Hour)
			if bytes.Equal(a, write(t, iss, opt)) {
				t.Errorf("%s: a different Time gives the same bytes", name)
			}
		}
	}
}

func TestContainerLayout(t *testing.T) {
	data := write(t, hostileIssue(t), Options{Time: testTime})
	c := unpack(t, data)
	if c.order[0] != "mimetype" || c.zip[0].Method != zip.Store || len(c.zip[0].Extra) != 0 {
		t.Fatalf("first entry %s (method %d, extra %d): want mimetype stored without extra field",
			c.order[0], c.zip[0].Method, len(c.zip[0].Extra))
	}
	if string(data[30:38]) != "mimetype" || string(data[38:58]) != "application/epub+zip" {
		t.Errorf("mimetype is not at offset 38: %q", data[30:58])
	}
	for _, f := range c.zip {
		if got := f.Modified.UTC(); !got.Equal(testTime) {
			t.Errorf("%s: time %v, want %v", f.Name, got, testTime)
		}
	}
	// The manifest lists every file but the package document.
	opf := parseXML(t, opfPath, c.files[opfPath])
	listed := map[string]bool{}
	for _, it := range opf.all(func(n *node) bool { return n.name.Local == "item" }) {
		listed[contentDir+it.attr("href")] = true
	}
	for _, name := range c.order {
		if name == "mimetype" || name == containerPath || name == opfPath {
			continue
		}
		if !listed[name] {
			t.Errorf("%s is not in the manifest", name)
		}
		delete(listed, name)
	}
	for name := range listed {
		t.Errorf("manifest item %s is not in the container", name)
	}
	// One image file although two figures show it.
	var imgs int
	for _, name := range c.order {
		if strings.HasPrefix(name, contentDir+"images/img") {
			imgs++
		}
	}
	if imgs != 1 {
		t.Errorf("%d figure images in the container, want 1", imgs)
	}
}

// spineDocs returns the content documents of the spine in order, and the
// manifest's cover-image href.
func spineDocs(t *testing.T, c container) (docs []string, cover string, opf *node) {
	t.Helper()
	opf = parseXML(t, opfPath, c.files[opfPath])
	hrefs := map[string]string{}
	for _, it := range opf.all(func(n *node) bool { return n.name.Local == "item" }) {
		hrefs[it.attr("id")] = it.attr("href")
		if it.attr("properties") == "cover-image" {
			cover = it.attr("href")
		}
	}
	for _, ref := range opf.all(func(n *node) bool { return n.name.Local == "itemref" }) {
		docs = append(docs, hrefs[ref.attr("idref")])
	}
	return docs, cover, opf
}

func TestPackageDocument(t *testing.T) {
	iss := load(t, sampleDir)
	for _, vertical := range []bool{false, true} {
		c := unpack(t, write(t, iss, Options{Time: testTime, Version: "v1.2.3", Vertical: vertical}))
		docs, cover, opf := spineDocs(t, c)
		meta := map[string][]string{}
		for _, n := range opf.all(func(*node) bool { return true }) {
			key := n.name.Local
			if p := n.attr("property"); p != "" {
				key = p
			}
			if nm := n.attr("name"); nm != "" && n.name.Local == "meta" {
				meta[nm] = append(meta[nm], n.attr("content"))
				continue
			}
			meta[key] = append(meta[key], n.text.String())
		}
		want := map[string][]string{
			"identifier":                  {iss.Identifier, "urn:issn:" + iss.ISSN},
			"title":                       {iss.Title + " " + iss.Label},
			"language":                    {"zh-CN"},
			"publisher":                   {iss.Publisher},
			"creator":                     {iss.Publisher},
			"date":                        {"2025-03-28T12:00:00Z"},
			"source":                      {"urn:issn:" + iss.ISSN},
			"source-of":                   {"pagination"},
			"dcterms:modified":            {"2025-03-28T09:30:00Z"},
			"belongs-to-collection":       {iss.Title},
			"collection-type":             {"series"},
			"group-position":              {"344"},
			"dcterms:identifier":          {"urn:issn:" + iss.ISSN},
			"schema:isPartOf":             {iss.Title},
			"schema:issn":                 {iss.ISSN},
			"schema:issueNumber":          {iss.Label},
			"schema:accessMode":           {"textual", "visual"},
			"schema:accessModeSufficient": {"textual,visual"},
			"schema:accessibilityHazard":  {"none"},
			"schema:accessibilityFeature": {"structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability", "pageBreakMarkers", "pageNavigation"},
			// One figure of the sample has no caption: no claim of
			// WCAG 2.1 AA, and no alternativeText feature.
			"dcterms:conformsTo": nil,
			"generator":          {"qikan v1.2.3"},
		}
		if vertical {
			want["primary-writing-mode"] = []string{"vertical-rl"}
		}
		for k, v := range want {
			if !slices.Equal(meta[k], v) {
				t.Errorf("vertical %v: %s = %q, want %q", vertical, k, meta[k], v)
			}
		}
		// Every author once, in reading order, as a contributor with the
		// role aut; the creator is the publisher, with the roles pbl and
		// edt.
		var authors []string
		for _, a := range iss.Articles() {
			for _, au := range a.Authors {
				if !slices.Contains(authors, au) {
					authors = append(authors, au)
				}
			}
		}
		if !slices.Equal(meta["contributor"], authors) || len(authors) < 10 {
			t.Errorf("contributors %q, want %q", meta["contributor"], authors)
		}
		if roles := meta["role"]; len(roles) != len(authors)+2 || roles[0] != "pbl" || roles[1] != "edt" || roles[2] != "aut" {
			t.Errorf("roles %q", roles)
		}
		if s := meta["schema:accessibilitySummary"]; len(s) != 1 || !strings.Contains(s[0], "45篇文章") || !strings.Contains(s[0], "1幅无说明") || !strings.Contains(s[0], "ISSN 2096-7462") {
			t.Errorf("summary %q", s)
		}
		if opf.attr("unique-identifier") != "pub-id" {
			t.Errorf("unique-identifier %q", opf.attr("unique-identifier"))
		}
		spine := opf.child("spine")[0]
		if got := spine.attr("page-progression-direction"); (got == "rtl") != vertical {
			t.Errorf("vertical %v: page-progression-direction %q", vertical, got)
		}
		if cover != "images/cover.jpg" {
			t.Errorf("cover-image %q", cover)
		}
		// Spine: cover, contents, one document per article, colophon.
		wantDocs := []string{"xhtml/cover.xhtml", "xhtml/contents.xhtml"}
		for i := range iss.Articles() {
			wantDocs = append(wantDocs, "xhtml/a"+pad3(i+1)+".xhtml")
		}
		wantDocs = append(wantDocs, "xhtml/colophon.xhtml")
		if !slices.Equal(docs, wantDocs) {
			t.Errorf("spine %v\nwant %v", docs, wantDocs)
		}
	}
}

func pad3(n int) string {
	s := itoa(n)
	for len(s) < 3 {
		s = "0" + s
	}
	return s
}

// splitHref splits "xhtml/a.xhtml#id" relative to EPUB/.
func splitHref(href string) (file, id string) {
	file, id, _ = strings.Cut(href, "#")
	return contentDir + file, id
}

// ids returns the element ids of a document and the elements.
func ids(t *testing.T, name string, data []byte) map[string]*node {
	out := map[string]*node{}
	for _, n := range parseXML(t, name, data).all(func(n *node) bool { return n.attr("id") != "" }) {
		out[n.attr("id")] = n
	}
	return out
}

func TestNavigation(t *testing.T) {
	for name, iss := range map[string]*issue.Issue{"sample": load(t, sampleDir), "hostile": hostileIssue(t)} {
		t.Run(name, func(t *testing.T) {
			c := unpack(t, write(t, iss, Options{Time: testTime}))
			nav := parseXML(t, "nav.xhtml", c.files[contentDir+"nav.xhtml"])
			navs := map[string]*node{}
			for _, n := range nav.all(func(n *node) bool { return n.name.Local == "nav" }) {
				navs[n.attr("type")] = n
			}
			resolve := func(href string) *node {
				t.Helper()
				file, id := splitHref(href)
				data, ok := c.files[file]
				if !ok {
					t.Fatalf("link %s: no file %s", href, file)
				}
				if id == "" {
					return nil
				}
				n := ids(t, file, data)[id]
				if n == nil {
					t.Fatalf("link %s: no id %s", href, id)
				}
				return n
			}

			// Table of contents: sections, then their articles, in order.
			toc := navs["toc"]
			if toc == nil {
				t.Fatal("no toc nav")
			}
			if h := toc.child("h1"); len(h) != 1 || h[0].text.String() != "目录" {
				t.Errorf("toc heading %v", h)
			}
			secs := toc.child("ol")[0].child("li")
			if len(secs) != len(iss.Sections) {
				t.Fatalf("%d toc sections, want %d", len(secs), len(iss.Sections))
			}
			pageOf := map[string]string{}
			for i, li := range secs {
				sec := iss.Sections[i]
				a := li.child("a")[0]
				if got := a.text.String(); got != sec.Title {
					t.Errorf("section %d: %q, want %q", i, got, sec.Title)
				}
				if len(a.children) != 0 {
					t.Errorf("section %d: markup in the nav title", i)
				}
				head := resolve(a.attr("href"))
				if !strings.Contains(head.text.String(), sec.Title) {
					t.Errorf("section %d: target %q does not show the title", i, head.text.String())
				}
				var arts []*node
				if ol := li.child("ol"); len(ol) > 0 {
					arts = ol[0].child("li")
				}
				if len(arts) != len(sec.Articles) {
					t.Fatalf("section %d: %d articles, want %d", i, len(arts), len(sec.Articles))
				}
				for j, ali := range arts {
					art := sec.Articles[j]
					a := ali.child("a")[0]
					if got := a.text.String(); got != art.Title || len(a.children) != 0 {
						t.Errorf("article %s: nav title %q, want %q", art.ID, got, art.Title)
					}
					target := resolve(a.attr("href"))
					if target.name.Local != "article" {
						t.Errorf("article %s: link to <%s>", art.ID, target.name.Local)
					}
					h1 := target.all(func(n *node) bool { return n.name.Local == "h1" })
					if len(h1) == 0 || h1[0].text.String() != art.Title {
						t.Errorf("article %s: target heading %v", art.ID, h1)
					}
					if art.Page > 0 {
						file, _ := splitHref(a.attr("href"))
						if _, seen := pageOf[itoa(art.Page)]; !seen {
							pageOf[itoa(art.Page)] = file
						}
					}
				}
			}

			// Landmarks.
			lm := navs["landmarks"]
			if lm == nil {
				t.Fatal("no landmarks nav")
			}
			types := map[string]string{}
			for _, a := range lm.all(func(n *node) bool { return n.name.Local == "a" }) {
				types[a.attr("type")] = a.attr("href")
				resolve(a.attr("href"))
			}
			for _, typ := range []string{"cover", "toc", "bodymatter"} {
				if types[typ] == "" {
					t.Errorf("no %s landmark", typ)
				}
			}

			// Page list: every print page once, at a page break marker.
			pl := navs["page-list"]
			if pl == nil {
				t.Fatal("no page-list nav")
			}
			got := map[string]string{}
			for _, a := range pl.all(func(n *node) bool { return n.name.Local == "a" }) {
				n := resolve(a.attr("href"))
				pg := a.text.String()
				if n.attr("type") != "pagebreak" || n.attr("title") != pg || n.attr("aria-label") != pg {
					t.Errorf("page %s: target %v", pg, n.attrs)
				}
				if _, dup := got[pg]; dup {
					t.Errorf("page %s listed twice", pg)
				}
				file, _ := splitHref(a.attr("href"))
				got[pg] = file
			}
			if len(got) != len(pageOf) {
				t.Errorf("page list has %d pages, want %d", len(got), len(pageOf))
			}
			for pg, file := range pageOf {
				if got[pg] != file {
					t.Errorf("page %s: %s, want %s", pg, got[pg], file)
				}
			}
			// toc.ncx mirrors the nesting.
			ncx := parseXML(t, "toc.ncx", c.files[contentDir+"toc.ncx"])
			top := ncx.child("navMap")[0].child("navPoint")
			if len(top) != len(iss.Sections) {
				t.Errorf("toc.ncx: %d top entries, want %d", len(top), len(iss.Sections))
			}
			for i, np := range top {
				if n := len(np.child("navPoint")); n != len(iss.Sections[i].Articles) {
					t.Errorf("toc.ncx section %d: %d entries, want %d", i, n, len(iss.Sections[i].Articles))
				}
			}
		})
	}
}

func TestNavHeadingLanguage(t *testing.T) {
	for lang, want := range map[string]string{"zh-CN": "目录", "zh-TW": "目錄", "ja": "目次", "ko": "목차", "en": "Contents", "fr": "Contents"} {
		iss := hostileIssue(t)
		iss.Language = lang
		c := unpack(t, write(t, iss, Options{Time: testTime}))
		nav := parseXML(t, "nav.xhtml", c.files[contentDir+"nav.xhtml"])
		h := nav.all(func(n *node) bool { return n.name.Local == "h1" })
		if len(h) == 0 || h[0].text.String() != want {
			t.Errorf("%s: nav heading %v, want %s", lang, h, want)
		}
		if nav.attr("lang") != lang {
			t.Errorf("%s: nav lang %q", lang, nav.attr("lang"))
		}
	}
}

func TestLanguages(t *testing.T) {
	iss := hostileIssue(t)
	c := unpack(t, write(t, iss, Options{Time: testTime}))
	want := map[string]string{contentDir + "xhtml/a002.xhtml": "ja", contentDir + "xhtml/a003.xhtml": "ko"}
	n := 0
	for _, name := range c.order {
		if path.Ext(name) != ".xhtml" {
			continue
		}
		n++
		html := parseXML(t, name, c.files[name])
		lang := html.attr("lang")
		xmlLang, ok := html.xmlAttr("lang")
		if lang == "" || !ok || xmlLang != lang {
			t.Errorf("%s: lang %q, xml:lang %q", name, lang, xmlLang)
		}
		w := want[name]
		if w == "" {
			w = "zh-CN"
		}
		if lang != w {
			t.Errorf("%s: lang %q, want %q", name, lang, w)
		}
	}
	if n < 6 {
		t.Errorf("only %d XHTML documents", n)
	}
	// The Korean article opens its section: the header keeps the
	// publication's language.
	head := ids(t, "a003", c.files[contentDir+"xhtml/a003.xhtml"])["s03"]
	if l, _ := head.xmlAttr("lang"); head.attr("lang") != "zh-CN" || l != "zh-CN" {
		t.Errorf("section header of a Korean article: %v", head.attrs)
	}
}

func TestEscaping(t *testing.T) {
	iss := hostileIssue(t)
	c := unpack(t, write(t, iss, Options{Time: testTime}))
	for _, name := range c.order {
		if ext := path.Ext(name); ext != ".xhtml" && ext != ".opf" && ext != ".ncx" {
			continue
		}
		doc := parseXML(t, name, c.files[name]) // well-formed, whatever the input
		for _, n := range doc.all(func(*node) bool { return true }) {
			switch n.name.Local {
			case "script", "b", "i", "u", "q":
				t.Errorf("%s: user markup became a <%s> element", name, n.name.Local)
			case "img":
				if !strings.HasPrefix(n.attr("src"), "../images/") || n.attr("onerror") != "" {
					t.Errorf("%s: img %v", name, n.attrs)
				}
			case "a":
				if h := n.attr("href"); strings.HasPrefix(h, "javascript") {
					t.Errorf("%s: link %q", name, h)
				}
			}
		}
	}
	art := parseXML(t, "a001", c.files[contentDir+"xhtml/a001.xhtml"])
	text := art.text.String()
	for _, s := range []string{`<img src=x onerror=alert(1)>`, `标题 <i>不是斜体</i> & "引号"`, "if a < b && c > d {", `栏目 <一> & "二"`, "控制字符"} {
		if !strings.Contains(text, s) {
			t.Errorf("article text lacks %q", s)
		}
	}
	if strings.ContainsAny(text, "\x00\x1b") {
		t.Error("control characters reached the XHTML")
	}
	title := art.all(func(n *node) bool { return n.name.Local == "title" })
	if len(title) != 1 || title[0].text.String() != iss.Sections[0].Articles[0].Title {
		t.Errorf("<title> %v", title)
	}
	links := art.all(func(n *node) bool { return n.name.Local == "a" })
	if len(links) != 1 || links[0].attr("href") != "https://example.com/a%20b?q=%3C1%3E" {
		for _, l := range links {
			t.Errorf("link %q", l.attr("href"))
		}
	}
	opf := parseXML(t, "opf", c.files[opfPath])
	for _, n := range opf.all(func(n *node) bool { return n.name.Local == "title" || n.name.Local == "publisher" }) {
		if got := n.text.String(); got != iss.Title+" "+iss.Label && got != iss.Publisher {
			t.Errorf("opf %s = %q", n.name.Local, got)
		}
	}
}

// woff2Font decodes an embedded font for golang.org/x/image/font/sfnt.
func reloadFont(t *testing.T, name string, data []byte) *sfnt.Font {
	t.Helper()
	if path.Ext(name) == ".woff2" {
		var err error
		if data, err = tdfont.ParseWOFF2(data); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		t.Fatalf("%s: reloading: %v", name, err)
	}
	return f
}

func TestFontsCoverText(t *testing.T) {
	set := faces(t)
	for name, iss := range map[string]*issue.Issue{"sample": load(t, sampleDir), "hostile": hostileIssue(t)} {
		c := unpack(t, write(t, iss, Options{Time: testTime, Vertical: name == "hostile"}))
		var loaded []*sfnt.Font
		for _, f := range c.order {
			if strings.HasPrefix(f, contentDir+"fonts/") {
				loaded = append(loaded, reloadFont(t, f, c.files[f]))
			}
		}
		if len(loaded) == 0 {
			t.Fatalf("%s: no fonts", name)
		}
		css := string(c.files[contentDir+"css/"+cssName])
		if n := strings.Count(css, "@font-face"); n != len(loaded) {
			t.Errorf("%s: %d @font-face rules for %d fonts", name, n, len(loaded))
		}
		var buf sfnt.Buffer
		checked := 0
		for _, f := range c.order {
			if path.Ext(f) != ".xhtml" {
				continue
			}
			body := parseXML(t, f, c.files[f]).child("body")[0]
			for _, r := range body.text.String() {
				if unicode.IsSpace(r) || !set.Covered(r) {
					continue
				}
				found := false
				for _, lf := range loaded {
					if g, err := lf.GlyphIndex(&buf, r); err == nil && g != 0 {
						found = true
						break
					}
				}
				if !found {
					t.Errorf("%s: %s: %q U+%04X is in no embedded font", name, f, r, r)
				}
				checked++
			}
		}
		if checked < 100 {
			t.Errorf("%s: only %d characters checked", name, checked)
		}
	}
}

func TestVertical(t *testing.T) {
	iss := hostileIssue(t)
	iss.Print.Vertical = true // the issue's own setting turns it on
	c := unpack(t, write(t, iss, Options{Time: testTime}))
	css := string(c.files[contentDir+"css/"+cssName])
	for _, s := range []string{"writing-mode: vertical-rl", "-webkit-writing-mode: vertical-rl", "-epub-writing-mode: vertical-rl", "text-combine-upright: all"} {
		if !strings.Contains(css, s) {
			t.Errorf("style sheet lacks %q", s)
		}
	}
	art := string(c.files[contentDir+"xhtml/a001.xhtml"])
	for _, s := range []string{`<span class="tcy">3</span>月<span class="tcy">28</span>日第<span class="tcy">12</span>期2025年21.3%`} {
		if !strings.Contains(art, s) {
			t.Errorf("article lacks %q", s)
		}
	}
	if strings.Contains(art, `class="tcy">d`) || strings.Contains(art, "return\n}</code>") == false {
		t.Error("code is not verbatim")
	}
	opf := string(c.files[opfPath])
	if !strings.Contains(opf, `page-progression-direction="rtl"`) || !strings.Contains(opf, `<meta name="primary-writing-mode" content="vertical-rl"/>`) {
		t.Error("package document is not right-to-left vertical")
	}
	// Horizontal output has neither.
	c = unpack(t, write(t, hostileIssue(t), Options{Time: testTime}))
	if bytes.Contains(c.files[contentDir+"xhtml/a001.xhtml"], []byte("tcy")) || bytes.Contains(c.files[contentDir+"css/"+cssName], []byte("vertical-rl")) {
		t.Error("horizontal output has vertical markup")
	}
}

func TestGeneratedCover(t *testing.T) {
	iss := load(t, sampleDir)
	iss.Cover = issue.Cover{}
	data := write(t, iss, Options{Time: testTime})
	c := unpack(t, data)
	_, cover, _ := spineDocs(t, c)
	if cover != "images/cover.png" {
		t.Fatalf("cover-image %q", cover)
	}
	img, format, err := image.Decode(bytes.NewReader(c.files[contentDir+cover]))
	if err != nil || format != "png" {
		t.Fatalf("cover: %v %s", err, format)
	}
	if b := img.Bounds(); b.Dx() != 1600 || b.Dy() != 2400 {
		t.Errorf("cover is %v", b)
	}
	// The masthead band at the top, paper below, text drawn in both.
	if r, g, b, _ := img.At(5, 5).RGBA(); r>>8 != 0xB0 || g>>8 != 0x1E || b>>8 != 0x23 {
		t.Errorf("top left pixel %x %x %x", r>>8, g>>8, b>>8)
	}
	inked := 0
	for y := 100; y < 1000; y += 4 {
		for x := 0; x < 1600; x += 4 {
			if r, _, _, _ := img.At(x, y).RGBA(); r>>8 > 0xF0 {
				inked++
			}
		}
	}
	if inked < 1000 {
		t.Errorf("masthead: only %d white samples", inked)
	}
	doc := parseXML(t, "cover", c.files[contentDir+"xhtml/cover.xhtml"])
	imgs := doc.all(func(n *node) bool { return n.name.Local == "img" })
	if len(imgs) != 1 || !strings.Contains(imgs[0].attr("alt"), iss.Title) || !strings.Contains(imgs[0].attr("alt"), iss.Highlights[0]) {
		t.Errorf("cover img %v", imgs)
	}
}

// TestPhotoCover: the cover image is the photo with the cover design set
// on it, at 1600×2400, the photo scaled to cover the page without
// distortion.
func TestPhotoCover(t *testing.T) {
	iss := load(t, sampleDir)
	c := unpack(t, write(t, iss, Options{Time: testTime}))
	data := c.files[contentDir+"images/cover.jpg"]
	img, format, err := image.Decode(bytes.NewReader(data))
	if err != nil || format != "jpeg" {
		t.Fatalf("cover: %v %s", err, format)
	}
	if b := img.Bounds(); b.Dx() != 1600 || b.Dy() != 2400 {
		t.Fatalf("cover is %v", b)
	}
	f, err := os.Open(iss.Cover.Image.Path)
	if err != nil {
		t.Fatal(err)
	}
	photo, _, err := image.Decode(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	// Scaled to cover 1600×2400 and centred: a point of the page maps to
	// the photo through one scale factor for both axes.
	pb := photo.Bounds()
	s := max(1600/float64(pb.Dx()), 2400/float64(pb.Dy()))
	ox, oy := (1600-float64(pb.Dx())*s)/2, (2400-float64(pb.Dy())*s)/2
	diff, n := 0, 0
	for y := 900; y < 1500; y += 37 { // between the band and the cover lines
		for x := 1200; x < 1580; x += 29 {
			px := photo.At(int((float64(x)-ox)/s), int((float64(y)-oy)/s))
			r1, g1, b1, _ := px.RGBA()
			r2, g2, b2, _ := img.At(x, y).RGBA()
			for _, d := range []int{int(r1>>8) - int(r2>>8), int(g1>>8) - int(g2>>8), int(b1>>8) - int(b2>>8)} {
				diff += max(d, -d)
			}
			n++
		}
	}
	if avg := float64(diff) / float64(3*n); avg > 12 {
		t.Errorf("cover differs from the photo scaled to cover by %.1f levels on average", avg)
	}
	if r, g, b, _ := img.At(5, 5).RGBA(); r>>8 < 0xA0 || g>>8 > 0x30 || b>>8 > 0x35 {
		t.Errorf("no masthead band: top left pixel %x %x %x", r>>8, g>>8, b>>8)
	}
	doc := parseXML(t, "cover", c.files[contentDir+"xhtml/cover.xhtml"])
	imgs := doc.all(func(n *node) bool { return n.name.Local == "img" })
	if alt := imgs[0].attr("alt"); len(imgs) != 1 || !strings.Contains(alt, iss.Title) || !strings.Contains(alt, iss.Highlights[0]) || !strings.Contains(alt, iss.Cover.Caption) {
		t.Errorf("cover img %v", imgs)
	}
}

func TestWriteErrors(t *testing.T) {
	iss := hostileIssue(t)
	fig := iss.Sections[0].Articles[0].Blocks[9].(*issue.Figure)
	fig.Image.Path = filepath.Join(t.TempDir(), "gone.png")
	_, err := Write(io.Discard, iss, faces(t), Options{})
	if err == nil || !strings.Contains(err.Error(), "gone.png") {
		t.Errorf("missing image: %v", err)
	}
	if _, err := Write(io.Discard, nil, faces(t), Options{}); err == nil {
		t.Error("nil issue: no error")
	}
	// A cover photo gone, or not an image after all: the error names it.
	dir := t.TempDir()
	for name, data := range map[string][]byte{"gone.jpg": nil, "broken.jpg": []byte("\xff\xd8\xff\xe0 not a JPEG")} {
		iss := load(t, sampleDir)
		cover := *iss.Cover.Image
		cover.Path, cover.Rel = filepath.Join(dir, name), "images/"+name
		if data != nil {
			if err := os.WriteFile(cover.Path, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		iss.Cover.Image = &cover
		if _, err := Write(io.Discard, iss, faces(t), Options{}); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("cover %s: %v", name, err)
		}
	}
}

func BenchmarkWriteSample(b *testing.B) {
	iss := load(b, sampleDir)
	set := faces(b)
	b.ReportAllocs()
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if _, err := Write(&buf, iss, set, Options{Time: testTime}); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size)/(1<<20), "MB")
}

// TestAccessibilityClaims: the conformance claim, the alternativeText
// feature, the print source and the page list follow what each book has.
func TestAccessibilityClaims(t *testing.T) {
	noISSN := hostileIssue(t)
	noISSN.ISSN = ""
	for _, tc := range []struct {
		name     string
		iss      *issue.Issue
		conforms bool
		source   string   // dc:source, "" for none
		pages    []string // the NCX page list
		summary  []string
	}{
		{"sample", load(t, sampleDir), false, "urn:issn:2096-7462", nil, []string{"1幅无说明"}},
		{"minimal", load(t, "../../testdata/minimal"), true, "", nil, []string{"除封面外不含图片", "符合 EPUB 无障碍 1.1"}},
		{"hostile", hostileIssue(t), true, "urn:issn:2096-7462", []string{"3", "5"}, []string{"2幅图片均以图片说明作为替代文字", "1个表格", "日语", "韩语"}},
		{"no ISSN", noISSN, true, `<b>期刊</b> & "引号" 2025年第12期`, []string{"3", "5"}, []string{`印刷版（<b>期刊</b> & "引号" 2025年第12期）`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := unpack(t, write(t, tc.iss, Options{Time: testTime}))
			_, _, opf := spineDocs(t, c)
			text := func(local, property string) []string {
				var out []string
				for _, n := range opf.all(func(n *node) bool { return n.name.Local == local && n.attr("property") == property }) {
					out = append(out, n.text.String())
				}
				return out
			}
			claim := text("meta", "dcterms:conformsTo")
			features := text("meta", "schema:accessibilityFeature")
			if tc.conforms != (len(claim) == 1 && claim[0] == "EPUB Accessibility 1.1 - WCAG 2.1 Level AA") {
				t.Errorf("conformsTo %q", claim)
			}
			if tc.conforms != slices.Contains(features, "alternativeText") {
				t.Errorf("features %q", features)
			}
			if src := text("source", ""); tc.source == "" && len(src) > 0 || tc.source != "" && !slices.Equal(src, []string{tc.source}) {
				t.Errorf("dc:source %q, want %q", src, tc.source)
			}
			if (tc.source != "") != slices.Contains(features, "pageNavigation") {
				t.Errorf("features %q with source %q", features, tc.source)
			}
			summary := strings.Join(text("meta", "schema:accessibilitySummary"), "")
			for _, w := range tc.summary {
				if !strings.Contains(summary, w) {
					t.Errorf("summary lacks %q: %s", w, summary)
				}
			}
			ncx := parseXML(t, "toc.ncx", c.files[contentDir+"toc.ncx"])
			var pages []string
			orders := map[string]bool{}
			for _, n := range ncx.all(func(n *node) bool { return n.name.Local == "pageTarget" || n.name.Local == "navPoint" }) {
				if n.name.Local == "pageTarget" {
					pages = append(pages, n.attr("value"))
				}
				orders[n.attr("playOrder")] = true
			}
			if tc.pages != nil && !slices.Equal(pages, tc.pages) {
				t.Errorf("NCX page list %q, want %q", pages, tc.pages)
			}
			for i := 1; i <= len(orders); i++ {
				if !orders[itoa(i)] {
					t.Errorf("playOrder %d missing of %d", i, len(orders))
				}
			}
		})
	}
}
