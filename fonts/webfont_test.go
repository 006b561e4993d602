package fonts

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"github.com/go-text/typesetting/di"
	gtfont "github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/font/opentype/tables"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/qikan-dev/qikan/internal/testtool"
)

// layoutFace loads fonts/testdata/layout.ttf: a few characters with every
// lookup type web subsets keep (make-layout-fixture.py says which).
func layoutFace(t testing.TB) *Face {
	t.Helper()
	f, err := NewLibrary().Load(filepath.Join("testdata", "layout.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// shapeCase is text shaped the way a reading system would shape it.
type shapeCase struct {
	name     string
	lang     string
	text     string
	vertical bool
	features []string // turned on, besides the shaper's defaults
}

func (c shapeCase) shape(t *testing.T, font []byte, withLang bool, withFeatures bool) []shaping.Glyph {
	t.Helper()
	face, err := gtfont.ParseTTF(bytes.NewReader(font))
	if err != nil {
		t.Fatalf("go-text: %v", err)
	}
	in := shaping.Input{
		Text: []rune(c.text), RunEnd: len([]rune(c.text)), Direction: di.DirectionLTR,
		Face: face, Size: fixed.I(1000), Script: language.Han,
	}
	if withLang {
		in.Language = language.NewLanguage(c.lang)
	}
	if c.vertical {
		in.Direction = di.DirectionTTB
	}
	if !slices.ContainsFunc([]rune(c.text), func(r rune) bool { return r >= 0x2E80 }) {
		in.Script = language.Latin
	}
	for _, tag := range c.features {
		v := uint32(0)
		if withFeatures {
			v = 1
		}
		in.FontFeatures = append(in.FontFeatures, shaping.FontFeature{Tag: ot.MustNewTag(tag), Value: v})
	}
	if !withFeatures {
		for _, tag := range []string{"kern", "liga", "ccmp", "mark", "mkmk", "dist", "rclt", "locl", "vert"} {
			in.FontFeatures = append(in.FontFeatures, shaping.FontFeature{Tag: ot.MustNewTag(tag), Value: 0})
		}
	}
	var s shaping.HarfbuzzShaper
	return s.Shape(in).Glyphs
}

func glyphsString(gs []shaping.Glyph) string {
	var b bytes.Buffer
	for _, g := range gs {
		fmt.Fprintf(&b, "[%d adv %d off %d,%d] ", g.GlyphID, g.Advance.Round(), g.XOffset.Round(), g.YOffset.Round())
	}
	return b.String()
}

// TestWebSubsetShaping shapes text with HarfBuzz (go-text's port) in the
// face and in a web subset made for that text: the glyphs and their
// positions must be the same, whatever the features and languages. Each
// case must also shape differently without its features or language, so
// that it tests something.
func TestWebSubsetShaping(t *testing.T) {
	f := layoutFace(t)
	cases := []shapeCase{
		{name: "locl ja", lang: "ja", text: "中文国"},
		{name: "locl zh-TW", lang: "zh-TW", text: "中文国"},
		{name: "halt", lang: "zh-CN", text: "中“文”，「字」。（体）", features: []string{"halt"}},
		{name: "palt", lang: "zh-CN", text: "“中：文”", features: []string{"palt"}},
		{name: "chws", lang: "zh-CN", text: "文，「字」", features: []string{"chws"}},
		{name: "vertical", lang: "zh-CN", text: "中，文、字。（体）「测」", vertical: true, features: []string{"vhal", "vkrn"}},
		{name: "vrt2", lang: "zh-CN", text: "文，字。", vertical: true, features: []string{"vrt2"}},
		{name: "latin", lang: "en", text: "AVAToWfila`o¨`loc"},
		{name: "ruby", lang: "zh-CN", text: "测试", features: []string{"ruby"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text := NewText()
			text.Add(c.lang, c.text)
			sub, err := WebSubset(f, text, TTF)
			if err != nil {
				t.Fatal(err)
			}
			want := c.shape(t, f.TrueType(), true, true)
			got := c.shape(t, sub, true, true)
			if glyphsString(got) != glyphsString(want) {
				t.Errorf("subset shapes %q as\n %s\nthe face as\n %s", c.text, glyphsString(got), glyphsString(want))
			}
			plain := c
			plain.vertical = false
			if p := plain.shape(t, f.TrueType(), false, false); glyphsString(p) == glyphsString(want) {
				t.Errorf("%q shapes the same without the features: the case tests nothing", c.text)
			}
			if c.vertical {
				ff, err := sfnt.Parse(f.TrueType())
				if err != nil {
					t.Fatal(err)
				}
				vertComma, _ := ff.GlyphIndex(&sfnt.Buffer{}, '\uFE10')
				if !slices.ContainsFunc(want, func(g shaping.Glyph) bool { return sfnt.GlyphIndex(g.GlyphID) == vertComma }) {
					t.Errorf("%q: the vertical comma (glyph %d) is not used: %s", c.text, vertComma, glyphsString(want))
				}
			}
			for _, g := range want {
				if g.GlyphID == 0 {
					t.Errorf("%q: .notdef in the face's shaping", c.text)
				}
			}
		})
	}
}

// TestWebSubsetGlyphs: glyph IDs are the face's; the glyphs of the text
// and those its features reach keep their outlines; the others are empty
// (a regional form of a language the text is not in; a feature web
// subsets drop); every layout table parses with go-text.
func TestWebSubsetGlyphs(t *testing.T) {
	f := layoutFace(t)
	orig, err := sfnt.Parse(f.TrueType())
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	text := NewText()
	text.Add("zh-CN", "中文国，")
	text.Add("ja", "中")
	text.Add("en", "A`")
	sub, err := WebSubset(f, text, TTF)
	if err != nil {
		t.Fatal(err)
	}
	got, err := sfnt.Parse(sub)
	if err != nil {
		t.Fatal(err)
	}
	if got.NumGlyphs() != orig.NumGlyphs() {
		t.Fatalf("%d glyphs, the face has %d", got.NumGlyphs(), orig.NumGlyphs())
	}
	n := orig.NumGlyphs()
	// The unencoded glyphs, in make-layout-fixture.py's order.
	extra := map[string]sfnt.GlyphIndex{}
	for i, name := range []string{"zhong.jp", "guo.tw", "f_i", "A.ctx", "ce.alt", "a.rev", "ti.salt"} {
		extra[name] = sfnt.GlyphIndex(n - 7 + i)
	}
	drawn := func(font *sfnt.Font, g sfnt.GlyphIndex) bool {
		segs, err := font.LoadGlyph(&buf, g, fixed.I(1000), nil)
		return err == nil && len(segs) > 0
	}
	for _, r := range "中文国，" {
		g, _ := orig.GlyphIndex(&buf, r)
		g2, _ := got.GlyphIndex(&buf, r)
		if g == 0 || g2 != g || !drawn(got, g) {
			t.Errorf("%q: glyph %d in the face, %d in the subset (drawn: %v)", r, g, g2, drawn(got, g2))
		}
	}
	for name, want := range map[string]bool{
		"zhong.jp": true,  // 中 in Japanese text
		"guo.tw":   false, // 国 only in Simplified Chinese text
		"ti.salt":  false, // salt is not kept
		"f_i":      false, // no f, no i
	} {
		g := extra[name]
		if !drawn(orig, g) {
			t.Fatalf("%s (glyph %d) is empty in the face", name, g)
		}
		if drawn(got, g) != want {
			t.Errorf("%s (glyph %d): kept %v, want %v", name, g, drawn(got, g), want)
		}
	}
	// The vertical form of ， is kept (vert, vrt2), the others not.
	for r, want := range map[rune]bool{'\uFE10': true, '\uFE12': false} {
		g, _ := orig.GlyphIndex(&buf, r)
		if drawn(got, g) != want {
			t.Errorf("vertical form %U: kept %v, want %v", r, drawn(got, g), want)
		}
	}
	if _, err := gtfont.ParseTTF(bytes.NewReader(sub)); err != nil {
		t.Fatalf("go-text: %v", err)
	}
	_, tabs, err := readTables(sub, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, tag := range []string{"GSUB", "GPOS"} {
		layout, _, err := tables.ParseLayout(tableData(tabs, tag))
		if err != nil {
			t.Fatalf("%s: %v", tag, err)
		}
		var features []string
		for _, rec := range layout.FeatureList.Records {
			features = append(features, rec.Tag.String())
		}
		if slices.Contains(features, "salt") {
			t.Errorf("%s keeps salt: %v", tag, features)
		}
		t.Logf("%s: %v", tag, features)
	}
	if tableData(tabs, "GDEF") == nil {
		t.Error("no GDEF")
	}
}

// TestWebSubsetOTS runs the OpenType Sanitizer (what Chromium and Firefox
// check web fonts with) over web subsets.
func TestWebSubsetOTS(t *testing.T) {
	ots := testtool.Need(t, "ots-sanitize")
	lib := NewLibrary()
	serif, err := lib.Default(Body)
	if err != nil {
		t.Fatal(err)
	}
	text := NewText()
	text.Add("zh-CN", string(sampleRunes(serif, 800)))
	text.Add("ja", "中文国，。")
	lt := NewText()
	lt.Add("zh-CN", "中文字体测试国。，、（）“”「」《》：AVAToWfila`o¨")
	lt.Add("ja", "中国")
	lt.Add("zh-TW", "中国")
	for name, c := range map[string]struct {
		f    *Face
		text *Text
	}{"serif": {serif, text}, "layout": {layoutFace(t), lt}} {
		for _, format := range []Format{TTF, WOFF2} {
			sub, err := WebSubset(c.f, c.text, format)
			if err != nil {
				t.Fatal(err)
			}
			in := filepath.Join(t.TempDir(), name+"."+format.String())
			if err := os.WriteFile(in, sub, 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(ots, in, filepath.Join(t.TempDir(), "out")).CombinedOutput()
			if err != nil {
				t.Errorf("%s %v: ots-sanitize: %v\n%s", name, format, err, out)
			}
		}
	}
}

func TestOTLanguages(t *testing.T) {
	tests := []struct {
		lang  string
		tags  []string
		known bool
	}{
		{"", nil, true},
		{"zh", []string{"ZHS "}, true},
		{"zh-CN", []string{"ZHS "}, true},
		{"zh-Hans-SG", []string{"ZHS "}, true},
		{"zh-TW", []string{"ZHT "}, true},
		{"zh-Hant", []string{"ZHT "}, true},
		{"zh-HK", []string{"ZHH "}, true},
		{"zh-Hant-HK", []string{"ZHH "}, true},
		{"zh-MO", []string{"ZHTM", "ZHH ", "ZHT "}, true},
		{"yue", []string{"ZHH "}, true},
		{"ja", []string{"JAN "}, true},
		{"ja-JP", []string{"JAN "}, true},
		{"ko-KR", []string{"KOR ", "KOH "}, true},
		{"en", nil, false},
		{"und", nil, false},
		{"not a tag", nil, false},
	}
	for _, tt := range tests {
		tags, known := otLanguages(tt.lang)
		if !slices.Equal(tags, tt.tags) || known != tt.known {
			t.Errorf("otLanguages(%q) = %q, %v; want %q, %v", tt.lang, tags, known, tt.tags, tt.known)
		}
	}
}

// FuzzWebSubset subsets corrupted fonts with layout tables: an error or a
// font that parses, never a panic or a hang.
func FuzzWebSubset(f *testing.F) {
	f.Add(fixture(f, "layout.ttf"))
	f.Add(fixture(f, "serif-mini.ttf"))
	f.Fuzz(func(t *testing.T, data []byte) {
		face, err := parseFace(data, "fuzz.ttf")
		if err != nil {
			return
		}
		text := NewText()
		runes := face.Runes()
		if len(runes) > 2000 {
			runes = runes[:2000]
		}
		text.Add("ja", string(runes))
		text.Add("zh-TW", string(runes[:len(runes)/2]))
		out, err := WebSubset(face, text, TTF)
		if err != nil {
			return
		}
		if _, err := sfnt.Parse(out); err != nil {
			t.Fatalf("subset does not parse: %v", err)
		}
	})
}
