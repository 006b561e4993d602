package fonts

import (
	"bytes"
	"testing"

	"golang.org/x/image/font/sfnt"
)

func TestLangSys(t *testing.T) {
	for _, tt := range []struct{ tag, want string }{
		{"zh-CN", "ZHS"}, {"zh", "ZHS"}, {"zh-Hans", "ZHS"}, {"zh-SG", "ZHS"},
		{"zh-TW", "ZHT"}, {"zh-Hant", "ZHT"}, {"zh-Hant-TW", "ZHT"},
		{"zh-HK", "ZHH"}, {"zh-Hant-HK", "ZHH"}, {"zh-MO", "ZHH"},
		{"ja", "JAN"}, {"ja-JP", "JAN"}, {"ko", "KOR"}, {"ko-KR", "KOR"},
		{"en", "ZHS"}, {"", "ZHS"}, // Han in other languages: Simplified forms
	} {
		if got := LangSys(tt.tag); got != tt.want {
			t.Errorf("LangSys(%q) = %q, want %q", tt.tag, got, tt.want)
		}
	}
}

// TestRegionalForms checks the embedded faces' regional glyphs: zh-TW and
// zh-HK centre 。，、, Japanese and Korean Han differ from the Chinese, and
// ForLang is cached.
func TestRegionalForms(t *testing.T) {
	lib := NewLibrary()
	for _, role := range []Role{Body, Heading} {
		base, err := lib.Default(role)
		if err != nil {
			t.Fatal(err)
		}
		if base.ForLang("zh-CN").Base() != base || base.ForLang("en") != base.ForLang("zh-CN") {
			t.Errorf("%s: zh-CN and en should give the Simplified forms", role)
		}
		tw := base.ForLang("zh-TW")
		if tw == base || tw != base.ForLang("zh-Hant") || tw.LangSysTag() != "ZHT" || tw.Base() != base {
			t.Fatalf("%s: zh-TW face %p (%q), base %p", role, tw, tw.LangSysTag(), base)
		}
		for _, r := range "。，、" {
			l, rr := base.Ink(r)
			if l > 0.3 {
				t.Errorf("%s: SC %c ink %.2f–%.2f, want bottom-left", role, r, l, rr)
			}
			for _, lang := range []string{"zh-TW", "zh-HK"} {
				l, rr := base.ForLang(lang).Ink(r)
				if mid := (l + rr) / 2; mid < 0.35 || mid > 0.65 {
					t.Errorf("%s: %s %c ink %.2f–%.2f, want centred", role, lang, r, l, rr)
				}
			}
		}
		for _, tc := range []struct {
			lang string
			r    rune
		}{{"ja", '骨'}, {"ja", '直'}, {"ko", '骨'}, {"zh-TW", '骨'}, {"zh-HK", '，'}} {
			f := base.ForLang(tc.lang)
			if f.glyph(tc.r) == base.glyph(tc.r) {
				t.Errorf("%s: %s %c has the SC glyph", role, tc.lang, tc.r)
			}
			if !f.HasGlyph(tc.r) || f.Advance(tc.r) != 1 {
				t.Errorf("%s: %s %c: HasGlyph %v, advance %v", role, tc.lang, tc.r, f.HasGlyph(tc.r), f.Advance(tc.r))
			}
		}
		// A subset of a regional face maps the character to the regional
		// outline.
		sub, err := Subset(base.ForLang("ja"), []rune("骨"))
		if err != nil {
			t.Fatal(err)
		}
		subSC, _ := Subset(base, []rune("骨"))
		if bytes.Equal(outlineOf(t, sub, '骨'), outlineOf(t, subSC, '骨')) {
			t.Errorf("%s: the ja subset draws 骨 as SC does", role)
		}
	}
}

// outlineOf returns the outline segments of r in a font, as bytes.
func outlineOf(t *testing.T, ttf []byte, r rune) []byte {
	t.Helper()
	f, err := sfnt.Parse(ttf)
	if err != nil {
		t.Fatal(err)
	}
	var b sfnt.Buffer
	g, err := f.GlyphIndex(&b, r)
	if err != nil || g == 0 {
		t.Fatalf("%c: glyph %d, %v", r, g, err)
	}
	segs, err := f.LoadGlyph(&b, g, 1000<<6, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []byte
	for _, s := range segs {
		for _, p := range s.Args {
			out = append(out, byte(p.X), byte(p.X>>8), byte(p.Y), byte(p.Y>>8))
		}
	}
	return out
}

// TestRareOutlines checks that characters whose outlines are stored
// compressed are drawn: ink, subsets and TrueTypeFor have their outlines.
func TestRareOutlines(t *testing.T) {
	lib := NewLibrary()
	for _, role := range []Role{Body, Heading} {
		f, err := lib.Default(role)
		if err != nil {
			t.Fatal(err)
		}
		if f.rare == nil {
			t.Fatalf("%s: no rare outlines", role)
		}
		for _, r := range "龘䶮堃喆祎旸瑋囧饸饹偸屌" {
			g := f.glyph(r)
			if g == 0 {
				t.Errorf("%s: %c not mapped", role, r)
				continue
			}
			if l, rr := f.Ink(r); rr-l < 0.3 {
				t.Errorf("%s: %c ink %.2f–%.2f", role, r, l, rr)
			}
			sub, err := Subset(f, []rune{r})
			if err != nil {
				t.Fatal(err)
			}
			if len(outlineOf(t, sub, r)) == 0 {
				t.Errorf("%s: subset draws no outline for %c", role, r)
			}
		}
		if !f.rare.has(int(f.glyph('龘'))) || f.rare.has(int(f.glyph('中'))) {
			t.Errorf("%s: 龘 should be stored compressed, 中 not", role)
		}
		prog, err := f.TrueTypeFor("中")
		if err != nil || &prog[0] != &f.TrueType()[0] {
			t.Errorf("%s: TrueTypeFor(common) copied the font (%v)", role, err)
		}
		prog, err = f.TrueTypeFor("龘")
		if err != nil || len(outlineOf(t, prog, '龘')) == 0 {
			t.Errorf("%s: TrueTypeFor(龘) has no outline (%v)", role, err)
		}
	}
}
