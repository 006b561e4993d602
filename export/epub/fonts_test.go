package epub

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/css"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/issue"
)

// styleFonts is what a style sheet says about fonts, read with tdewolff's
// CSS parser: the font file of each family (@font-face), the family of
// each class, of the root and of code.
type styleFonts struct {
	files   map[string]string // family → file, relative to EPUB/
	formats map[string]string // family → format() of its src
	classes map[string]string // class → family
	root    string            // first family of html
	code    string            // first family of code and kbd that is one of ours
}

// readStyle parses the style sheet and fails the test when a font family
// is given anywhere but to html, code, kbd and single classes: the markup
// decides faces by those alone (see markup), so any other rule would set
// text in a face whose subset was not made for it.
func readStyle(t *testing.T, data []byte) styleFonts {
	t.Helper()
	sf := styleFonts{files: map[string]string{}, formats: map[string]string{}, classes: map[string]string{}}
	p := css.NewParser(parse.NewInput(bytes.NewReader(data)), false)
	var selector, atRule string
	var face struct{ family, src, format string }
	values := func() (out []string) {
		for _, v := range p.Values() {
			switch v.TokenType {
			case css.StringToken:
				out = append(out, strings.Trim(string(v.Data), `"'`))
			case css.IdentToken, css.URLToken:
				out = append(out, string(v.Data))
			case css.FunctionToken:
				out = append(out, string(v.Data))
			}
		}
		return out
	}
	for {
		gt, _, data := p.Next()
		switch gt {
		case css.ErrorGrammar:
			if p.Err() != io.EOF {
				t.Fatalf("style sheet: %v", p.Err())
			}
			return sf
		case css.BeginAtRuleGrammar:
			atRule = string(data)
			face.family, face.src, face.format = "", "", ""
		case css.EndAtRuleGrammar:
			if atRule == "@font-face" {
				sf.files[face.family] = path.Clean(path.Join("css", face.src))
				sf.formats[face.family] = face.format
			}
			atRule = ""
		case css.BeginRulesetGrammar, css.QualifiedRuleGrammar:
			var b strings.Builder
			for _, v := range p.Values() {
				b.Write(v.Data)
			}
			selector = strings.TrimSpace(b.String())
		case css.DeclarationGrammar:
			prop, vals := string(data), values()
			switch {
			case atRule == "@font-face" && prop == "font-family":
				face.family = vals[0]
			case atRule == "@font-face" && prop == "src":
				for i, v := range p.Values() {
					switch {
					case v.TokenType == css.URLToken:
						u := strings.TrimSuffix(strings.TrimPrefix(string(v.Data), "url("), ")")
						face.src = strings.Trim(u, `"'`)
					case v.TokenType == css.FunctionToken && string(v.Data) == "url(":
						face.src = strings.Trim(string(p.Values()[i+1].Data), `"'`)
					case v.TokenType == css.FunctionToken && string(v.Data) == "format(":
						face.format = strings.Trim(string(p.Values()[i+1].Data), `"'`)
					}
				}
			case prop == "font-family":
				switch {
				case selector == "html":
					sf.root = vals[0]
				case selector == "code" || selector == "kbd":
					for _, v := range vals {
						if strings.HasPrefix(v, "qikan-") {
							sf.code = v
							break
						}
					}
				case strings.HasPrefix(selector, ".") && !strings.ContainsAny(selector[1:], " ,.:>[#"):
					sf.classes[selector[1:]] = vals[0]
				default:
					t.Errorf("style sheet: font-family on %q: faces must come from classes the markup writes", selector)
				}
			}
		case css.EndRulesetGrammar:
			selector = ""
		}
	}
}

// setFaces returns, for each character of the content documents, the
// family the style sheet sets it in: the class of the innermost element
// that has a face class, else code's family inside code, else the root's.
// It walks the documents with encoding/xml.
func setFaces(t *testing.T, c container, sf styleFonts) map[string]map[rune]string {
	t.Helper()
	out := map[string]map[rune]string{} // family → character → first document
	for _, name := range c.order {
		if path.Ext(name) != ".xhtml" {
			continue
		}
		d := xml.NewDecoder(bytes.NewReader(c.files[name]))
		stack := []string{sf.root}
		head := false // <title> is not shown
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			switch tok := tok.(type) {
			case xml.StartElement:
				family := stack[len(stack)-1]
				if tok.Name.Local == "code" || tok.Name.Local == "kbd" {
					family = sf.code
				}
				for _, a := range tok.Attr {
					if a.Name.Local != "class" {
						continue
					}
					for _, class := range strings.Fields(a.Value) {
						if f, ok := sf.classes[class]; ok {
							family = f
						}
					}
				}
				head = head || tok.Name.Local == "head"
				stack = append(stack, family)
			case xml.EndElement:
				stack = stack[:len(stack)-1]
				head = head && tok.Name.Local != "head"
			case xml.CharData:
				if head {
					continue
				}
				family := stack[len(stack)-1]
				if out[family] == nil {
					out[family] = map[rune]string{}
				}
				for _, r := range string(tok) {
					if _, seen := out[family][r]; !seen {
						out[family][r] = name
					}
				}
			}
		}
	}
	return out
}

// checkSubsets checks that the font of each family maps every character
// the documents set in that family (x/image/font/sfnt reads the fonts).
func checkSubsets(t *testing.T, name string, data []byte, set *fonts.Set) {
	t.Helper()
	c := unpack(t, data)
	sf := readStyle(t, c.files[contentDir+"css/"+cssName])
	var buf sfnt.Buffer
	checked := 0
	for family, chars := range setFaces(t, c, sf) {
		file, ok := sf.files[family]
		if !ok {
			t.Errorf("%s: text set in %q, which has no @font-face", name, family)
			continue
		}
		fdata, ok := c.files[contentDir+file]
		if !ok {
			t.Fatalf("%s: %s is not in the container", name, file)
		}
		f := reloadFont(t, file, fdata)
		// The face behind the family: class fN is the set's N-th face.
		var face *fonts.Face
		if i, err := strconv.Atoi(strings.TrimPrefix(family, "qikan-f")); err == nil && i < len(set.Faces()) {
			face = set.Faces()[i]
		}
		for r, doc := range chars {
			if unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Variation_Selector) || !set.Covered(r) {
				continue
			}
			checked++
			g, err := f.GlyphIndex(&buf, r)
			if err != nil || g == 0 {
				t.Errorf("%s: %s: %q U+%04X is set in %s (%s), whose font lacks it", name, doc, r, r, family, file)
				continue
			}
			// A character the face draws is drawn by the subset.
			if face != nil && face.HasGlyph(r) {
				if l, r2 := face.Ink(r); l != r2 {
					if segs, err := f.LoadGlyph(&buf, g, fixed.I(100), nil); err != nil || len(segs) == 0 {
						t.Errorf("%s: %s: %q U+%04X has no outline in %s (%v)", name, doc, r, r, file, err)
					}
				}
			}
		}
	}
	if checked < 50 {
		t.Errorf("%s: only %d characters checked", name, checked)
	}
}

// TestSubsetsCoverTheirFaces: every character of every content document
// is in the font of the face the style sheet sets it in, for every valid
// issue under testdata and a generated one with emphasis everywhere,
// fallback faces, tables, code, four languages; in both writing modes and
// both font formats.
func TestSubsetsCoverTheirFaces(t *testing.T) {
	all := issues(t)
	names := make([]string, 0, len(all))
	for name := range all {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		for _, vertical := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/vertical=%v", name, vertical), func(t *testing.T) {
				checkSubsets(t, name, write(t, all[name], Options{Time: testTime, Vertical: vertical}), faces(t))
			})
		}
	}
	set := fallbackSet(t)
	for _, format := range []fonts.Format{fonts.TTF, fonts.WOFF2} {
		for _, vertical := range []bool{false, true} {
			t.Run(fmt.Sprintf("generated/%v/vertical=%v", format, vertical), func(t *testing.T) {
				var buf bytes.Buffer
				if _, err := Write(&buf, styledIssue(t), set, Options{Time: testTime, Vertical: vertical, Fonts: format}); err != nil {
					t.Fatal(err)
				}
				checkSubsets(t, "generated", buf.Bytes(), set)
			})
		}
	}
}

// fallbackSet is a set whose body and heading faces have 25 characters
// each (fonts/testdata), falling back to the embedded faces for the rest:
// text runs change face inside every element.
func fallbackSet(t *testing.T) *fonts.Set {
	t.Helper()
	lib := fonts.NewLibrary()
	var faces []*fonts.Face
	for _, spec := range []string{"serif-mini.ttf", "sans-mini.ttf"} {
		f, err := lib.Load(filepath.Join("..", "..", "fonts", "testdata", spec))
		if err != nil {
			t.Fatal(err)
		}
		faces = append(faces, f)
	}
	for _, role := range []fonts.Role{fonts.Heading, fonts.Body} {
		f, err := lib.Default(role)
		if err != nil {
			t.Fatal(err)
		}
		faces = append(faces, f)
	}
	return fonts.NewSet(faces[0], faces[1], faces[2:]...)
}

// styledIssue is a generated issue with every inline style in every place
// text goes: paragraphs, headings, tables, lists, quotes, captions,
// titles; in Simplified and Traditional Chinese, Japanese and English.
func styledIssue(t *testing.T) *issue.Issue {
	t.Helper()
	base := hostileIssue(t)
	var img issue.Image
	for _, b := range base.Sections[0].Articles[0].Blocks {
		if f, ok := b.(*issue.Figure); ok {
			img = f.Image
		}
	}
	// Every style the model has, alone and with emphasis (which changes
	// the face in CJK text), and ruby: a style added to the model is in
	// here without a change.
	styles := []issue.Style{issue.Emphasis, 0}
	for bit := issue.Style(1); bit != 0; bit <<= 1 {
		styles = append(styles, bit, bit|issue.Emphasis)
	}
	styled := func(words ...string) []issue.Inline {
		var out []issue.Inline
		for i, w := range words {
			for k := range styles {
				in := issue.Inline{Text: w, Style: styles[(i+k)%len(styles)]}
				if k%4 == 3 {
					in.Link = "https://example.com/" + fmt.Sprint(i)
				}
				if k%5 == 4 {
					in.Ruby = words[(i+1)%len(words)]
				}
				out = append(out, in)
			}
		}
		return out
	}
	article := func(lang, title string, words ...string) *issue.Article {
		para := &issue.Paragraph{Inlines: styled(words...)}
		return &issue.Article{Title: title, Subtitle: words[0], Authors: []string{words[1], words[2]}, Language: lang,
			Affiliation: words[3], Source: words[4], Editor: words[5], Page: 7,
			Blocks: []issue.Block{
				para,
				&issue.Heading{Level: 2, Inlines: styled(words[1:]...)},
				&issue.Heading{Level: 4, Inlines: styled(words[2:]...)},
				&issue.Quote{Blocks: []issue.Block{para}},
				&issue.List{Items: [][]issue.Block{{para}, {&issue.Paragraph{Inlines: styled(words[3:]...)}}}},
				&issue.Table{
					Header: [][]issue.Inline{styled(words[:2]...), styled(words[2:4]...)},
					Rows:   [][][]issue.Inline{{styled(words[4:]...), styled(words[1:3]...)}},
				},
				&issue.Figure{Image: img, Caption: strings.Join(words[:3], ""), Credit: words[3]},
				&issue.Code{Text: strings.Join(words, "\n")},
			}}
	}
	return &issue.Issue{
		Title: "那种感觉是什么呢", Label: "2026年第1期", Number: "总第344期", Subtitle: "刊物的副题",
		Language: "zh-CN", Date: testTime, Publisher: "出版单位",
		Highlights: []string{"要目：繁體與日本語"},
		Colophon:   []issue.ColophonRow{{Label: "主办", Value: "某某杂志社"}, {Label: "國際標準刊號", Value: "ISSN 2096-7462"}},
		Cover:      issue.Cover{Caption: "封面：山间的雾", Credit: "摄影　张三"},
		Sections: []*issue.Section{
			{Title: "专题报道", TitleEN: "Features", Articles: []*issue.Article{
				article("zh-CN", "中文测试：那种感觉是什么呢", "那种感觉是什么呢", "强调的词语", "测试，文字。", "《书名》与“引号”",
					"（括号）、顿号", "中文字体 ABC 123", "龘䶮堃喆"),
				article("zh-TW", "繁體中文：那種感覺是什麼呢", "那種感覺是什麼呢", "強調的詞語", "「引號」與『書名』", "臺灣、香港",
					"這是測試。", "體字文"),
			}},
			{Title: "文化", Articles: []*issue.Article{
				article("ja", "日本語の記事", "あの感じは何だろう", "強調された言葉", "カタカナとひらがな", "「かぎ括弧」。",
					"漢字の字体", "テスト、試験"),
				article("en", "An English article", "What was that feeling", "emphasised words", "strong words",
					"“quoted”, said she", "café naïve", "ABC abc 123"),
			}},
		},
	}
}

// TestEmphasisFace: emphasis in Chinese, Japanese and Korean text is set
// upright in the heading face, as the PDF sets it (an oblique CJK glyph is
// a synthesised distortion), and its characters are in the heading face's
// subset; other languages keep the reading system's italic in the body
// face.
func TestEmphasisFace(t *testing.T) {
	iss := styledIssue(t)
	for _, vertical := range []bool{false, true} {
		c := unpack(t, write(t, iss, Options{Time: testTime, Vertical: vertical}))
		css := string(c.files[contentDir+"css/"+cssName])
		if !strings.Contains(css, "em.cjk { font-style: normal; }") {
			t.Errorf("vertical=%v: no upright CJK emphasis in\n%s", vertical, css)
		}
		sf := readStyle(t, []byte(css))
		heading := faces(t).Face(fonts.Heading)
		class := fmt.Sprintf("f%d", slices.Index(faces(t).Faces(), heading))
		headingFont := reloadFont(t, sf.files[sf.classes[class]], c.files[contentDir+sf.files[sf.classes[class]]])
		for doc, want := range map[string]string{
			"a001.xhtml": `<em class="cjk ` + class + `">那种感觉是什么呢</em>`,
			"a002.xhtml": `<em class="cjk ` + class + `">那種感覺是什麼呢</em>`,
			"a003.xhtml": `<em class="cjk ` + class + `">あの感じは何だろう</em>`,
			"a004.xhtml": `<em>What was that feeling</em>`,
		} {
			if !bytes.Contains(c.files[contentDir+"xhtml/"+doc], []byte(want)) {
				t.Errorf("vertical=%v: %s lacks %s", vertical, doc, want)
			}
		}
		var buf sfnt.Buffer
		for _, r := range "那种感觉是什么呢那種感覺是什麼呢あの感じは何だろう" {
			if g, err := headingFont.GlyphIndex(&buf, r); err != nil || g == 0 {
				t.Errorf("vertical=%v: %q is not in the heading face's subset", vertical, r)
			}
		}
	}
}

// TestFaceClasses: the set's faces are numbered first, in order; a face
// first used later (a system font found while the text is set) gets the
// next number, and the fonts embedded are all of them.
func TestFaceClasses(t *testing.T) {
	set := fallbackSet(t)
	faces := set.Faces()
	c := newFaceClasses(faces[:2])
	if c.class(faces[1]) != "f1" || c.family(faces[0]) != "qikan-f0" {
		t.Errorf("classes %s, %s", c.class(faces[1]), c.family(faces[0]))
	}
	if got := c.class(faces[3]); got != "f2" {
		t.Errorf("a face first used later has class %s, want f2", got)
	}
	if c.class(faces[3]) != "f2" || len(c.order) != 3 || c.order[2] != faces[3] {
		t.Errorf("order %d faces, the later face not last", len(c.order))
	}
}
