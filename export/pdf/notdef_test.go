package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ledongthuc/pdf"
	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/issue"
)

// textShows walks every text-showing operator (Tj, TJ, ', ") of every
// page's content streams and of the form XObjects they use, with the
// content-stream interpreter of github.com/ledongthuc/pdf, and calls f with
// the font resource name, the font's /Subtype, and the shown string's
// bytes.
func textShows(t *testing.T, data []byte, f func(font, subtype string, s []byte)) int {
	t.Helper()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	var walk func(strm pdf.Value, res pdf.Value, depth int)
	walk = func(strm pdf.Value, res pdf.Value, depth int) {
		if strm.Kind() != pdf.Stream {
			return // a page without content
		}
		defer func() {
			if e := recover(); e != nil { // ledongthuc/pdf panics on malformed input
				t.Fatalf("content stream: %v", e)
			}
		}()
		font, subtype := "", ""
		pdf.Interpret(strm, func(stk *pdf.Stack, op string) {
			args := make([]pdf.Value, stk.Len())
			for i := len(args) - 1; i >= 0; i-- {
				args[i] = stk.Pop()
			}
			show := func(v pdf.Value) {
				n++
				f(font, subtype, []byte(v.RawString()))
			}
			switch op {
			case "Tf":
				if len(args) == 2 {
					font = args[0].Name()
					subtype = res.Key("Font").Key(font).Key("Subtype").Name()
				}
			case "Tj", "'":
				if len(args) >= 1 {
					show(args[len(args)-1])
				}
			case "\"":
				if len(args) == 3 {
					show(args[2])
				}
			case "TJ":
				if len(args) == 1 {
					for i := 0; i < args[0].Len(); i++ {
						if v := args[0].Index(i); v.Kind() == pdf.String {
							show(v)
						}
					}
				}
			case "Do":
				if len(args) == 1 && depth < 8 {
					x := res.Key("XObject").Key(args[0].Name())
					if x.Key("Subtype").Name() == "Form" {
						walk(x, x.Key("Resources"), depth+1)
					}
				}
			}
		})
	}
	for i := 1; i <= r.NumPage(); i++ {
		p := r.Page(i)
		res := p.Resources()
		c := p.V.Key("Contents")
		if c.Kind() == pdf.Array {
			for k := 0; k < c.Len(); k++ {
				walk(c.Index(k), res, 0)
			}
		} else {
			walk(c, res, 0)
		}
	}
	return n
}

// assertNoNotdef fails when a text-showing operator of the PDF shows glyph
// 0 (.notdef): code 0 in a simple font, CID 0 in a Type0 font (qikan's
// are Identity-H: two bytes per glyph, the glyph ID).
func assertNoNotdef(t *testing.T, data []byte) {
	t.Helper()
	bad := 0
	n := textShows(t, data, func(font, subtype string, s []byte) {
		if subtype == "Type0" {
			for i := 0; i+1 < len(s); i += 2 {
				if s[i] == 0 && s[i+1] == 0 {
					bad++
					if bad <= 5 {
						t.Errorf("font %s shows glyph 0 in % x", font, s)
					}
				}
			}
			return
		}
		if bytes.IndexByte(s, 0) >= 0 {
			bad++
			t.Errorf("font %s (%s) shows code 0 in % x", font, subtype, s)
		}
	})
	if n == 0 {
		t.Fatal("no text-showing operator found")
	}
	if bad > 0 {
		t.Errorf("%d strings show .notdef", bad)
	}
}

// TestNoNotdef: characters no font has are drawn as placeholders, never as
// glyph 0, and keep their text for the text layer; every other character
// of the issue is drawn with a real glyph.
func TestNoNotdef(t *testing.T) {
	// U+30EDE (Extension G) and U+2EBF0 (Extension I) are in no embedded
	// face; the Library uses no system fonts.
	const missing = "\U00030EDE\U0002EBF0"
	a := &issue.Article{ID: "a001", Title: "缺字" + missing + "測試", Authors: []string{"李" + missing},
		Blocks: []issue.Block{
			&issue.Paragraph{Inlines: []issue.Inline{{Text: "正文中有缺字" + missing + "，也有罕用字：堃喆祎旸瑋䶮龘囧饸饹偸屌，ń č ć ə ʌ ✓ ⁿ。"}}},
			&issue.Code{Text: "fmt.Println(\"缺" + missing + "\")"},
		}}
	iss := &issue.Issue{Dir: "/tmp/x", File: "/tmp/x/issue.yaml", Title: "期刊" + missing, Label: "2025年第1期",
		Date: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), Language: "zh-CN",
		Print:    issue.Print{TrimWidth: 170, TrimHeight: 240, Columns: 2},
		Sections: []*issue.Section{{ID: "s01", Title: "栏目", Articles: []*issue.Article{a}}}}
	set, err := fonts.NewLibrary().Set("", "")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := compose(iss, set, Options{Pad: 2})
	if err != nil {
		t.Fatal(err)
	}
	placeholders := 0
	for _, p := range doc.pages {
		for _, tx := range p.texts {
			if tx.missing {
				placeholders++
				if tx.text != "\U00030EDE\U0002EBF0" && tx.text != "\U00030EDE" && tx.text != "\U0002EBF0" {
					t.Errorf("placeholder text %q", tx.text)
				}
				if len(placeholder(tx)) != 6*len([]rune(tx.text)) {
					t.Errorf("placeholder of %q: %d rules", tx.text, len(placeholder(tx)))
				}
			}
		}
	}
	if placeholders < 4 {
		t.Errorf("%d placeholder items, want one for each place the characters appear", placeholders)
	}
	var buf bytes.Buffer
	if _, err := Write(&buf, iss, set, Options{Pad: 2}); err != nil {
		t.Fatal(err)
	}
	assertNoNotdef(t, buf.Bytes())
}

func TestNoNotdefSample(t *testing.T) {
	_, data, _ := writeSample(t, Options{Pad: 2})
	assertNoNotdef(t, data)
}

func TestPlaceholderGeometry(t *testing.T) {
	f, _ := fonts.NewLibrary().Default(fonts.Body)
	rules := placeholder(textItem{x: 10, y: 20, text: "\U00030EDE", face: f, size: 10})
	if got := fmt.Sprint(len(rules), rules[0].x, rules[0].y, rules[0].x2); got != "6 11 12.5 19" {
		t.Errorf("placeholder: %s", got)
	}
}

// TestRegionalGlyphs: a zh-TW issue draws its punctuation with the
// Traditional Chinese glyphs, whose ink is centred, and its Japanese
// article the Japanese forms (the faces and glyphs the PDF embeds).
func TestRegionalGlyphs(t *testing.T) {
	para := func(s string) issue.Block { return &issue.Paragraph{Inlines: []issue.Inline{{Text: s}}} }
	tw := &issue.Article{ID: "a001", Title: "臺灣，標點。", Language: "zh-TW", Blocks: []issue.Block{para("繁體中文，標點置中。骨、直。")}}
	ja := &issue.Article{ID: "a002", Title: "日本語、骨。", Language: "ja", Blocks: []issue.Block{para("日本語の文章、骨と直。")}}
	iss := &issue.Issue{Dir: "/tmp/x", File: "/tmp/x/issue.yaml", Title: "月刊", Label: "第1期",
		Date: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), Language: "zh-TW",
		Print:    issue.Print{TrimWidth: 170, TrimHeight: 240, Columns: 2},
		Sections: []*issue.Section{{ID: "s01", Title: "欄目", Articles: []*issue.Article{tw, ja}}}}
	set, err := fonts.NewLibrary().Set("", "")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := compose(iss, set, Options{Pad: 2})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, p := range doc.pages {
		if p.kind != articlePage {
			continue // the contents lists every title in the issue's language
		}
		for _, tx := range p.texts {
			f := tx.face
			switch {
			case strings.ContainsAny(tx.text, "標繁臺"):
				seen["ZHT"] = true
				if f.LangSysTag() != "ZHT" {
					t.Errorf("%q drawn with %s forms", tx.text, f.LangSysTag())
				}
				for _, r := range tx.text {
					if strings.ContainsRune("，。、", r) {
						l, rr := f.Ink(r)
						if mid := (l + rr) / 2 * f.Advance(r); mid < 0.35 || mid > 0.65 {
							t.Errorf("%c in %q: ink %.2f–%.2f, not centred", r, tx.text, l, rr)
						}
					}
				}
			case strings.ContainsAny(tx.text, "のと本"):
				seen["JAN"] = true
				if f.LangSysTag() != "JAN" {
					t.Errorf("%q drawn with %s forms", tx.text, f.LangSysTag())
				}
				if strings.ContainsRune(tx.text, '骨') && f.GlyphID('骨') == f.Base().GlyphID('骨') {
					t.Errorf("%q: 骨 drawn with the Simplified Chinese glyph", tx.text)
				}
			}
		}
	}
	if !seen["ZHT"] || !seen["JAN"] {
		t.Errorf("texts seen: %v", seen)
	}
}
