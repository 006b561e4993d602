package fonts

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"

	gtfont "github.com/go-text/typesetting/font"
	"github.com/signintech/gopdf"
	tdfont "github.com/tdewolff/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// sampleRunes returns n characters of f spread over its whole cmap, plus
// characters it does not have.
func sampleRunes(f *Face, n int) []rune {
	all := f.Runes()
	step := max(len(all)/n, 1)
	var rs []rune
	for i := 0; i < len(all) && len(rs) < n; i += step {
		rs = append(rs, all[i])
	}
	return append(rs, '𠮷', 0xE000)
}

// checkSubset reloads a TrueType subset with two independent parsers and
// checks that each rune the face has maps to a non-zero glyph with the
// original advance.
func checkSubset(t *testing.T, f *Face, ttf []byte, runes []rune) {
	t.Helper()
	xf, err := sfnt.Parse(ttf)
	if err != nil {
		t.Fatalf("x/image/font/sfnt: %v", err)
	}
	gt, err := gtfont.ParseTTF(bytes.NewReader(ttf))
	if err != nil {
		t.Fatalf("go-text: %v", err)
	}
	upem := fixed.Int26_6(xf.UnitsPerEm())
	var buf sfnt.Buffer
	checked := 0
	for _, r := range runes {
		if !f.HasGlyph(r) {
			continue
		}
		checked++
		want := f.Advance(r)
		g, err := xf.GlyphIndex(&buf, r)
		if err != nil || g == 0 {
			t.Errorf("x/image: U+%04X maps to glyph %d (%v)", r, g, err)
			continue
		}
		adv, err := xf.GlyphAdvance(&buf, g, upem, 0)
		if err != nil {
			t.Errorf("x/image: advance of U+%04X: %v", r, err)
		} else if got := float64(adv) / float64(upem); got != want {
			t.Errorf("x/image: advance of U+%04X = %v em, want %v", r, got, want)
		}
		gg, ok := gt.NominalGlyph(r)
		if !ok || gg == 0 {
			t.Errorf("go-text: U+%04X not mapped", r)
			continue
		}
		if got := float64(gt.HorizontalAdvance(gg)) / float64(gt.Upem()); got != want {
			t.Errorf("go-text: advance of U+%04X = %v em, want %v", r, got, want)
		}
	}
	if checked == 0 {
		t.Fatal("no rune checked")
	}
}

func TestSubset(t *testing.T) {
	lib := NewLibrary()
	serif, err := lib.Default(Body)
	if err != nil {
		t.Fatal(err)
	}
	mini, err := lib.Load(filepath.Join("testdata", "sans-mini.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	latin, err := lib.Load(filepath.Join("testdata", "composite.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		face  *Face
		runes []rune
	}{
		{latin, []rune("ÎüçIu ")}, // hinted composites; a Mac Roman cmap where 0xFC is ¸
		{latin, []rune("ü")},      // a composite without its components requested
		{serif, sampleRunes(serif, 3000)},
		{serif, []rune("中")},
		{serif, []rune("𠮷")}, // nothing the face has: .notdef only
		{mini, []rune("中文abc。")},
	}
	for i, tt := range tests {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			ttf, err := Subset(tt.face, tt.runes, TTF)
			if err != nil {
				t.Fatal(err)
			}
			if sum := checksum(ttf); sum != 0xB1B0AFBA {
				t.Errorf("file checksum %#x", sum)
			}
			if len(ttf) >= len(tt.face.TrueType()) && len(tt.runes) < 100 {
				t.Errorf("subset of %d runes is %d bytes, the face %d", len(tt.runes), len(ttf), len(tt.face.TrueType()))
			}
			if tt.face.HasGlyph(tt.runes[0]) {
				checkSubset(t, tt.face, ttf, tt.runes)
			} else if _, err := sfnt.Parse(ttf); err != nil {
				t.Errorf("empty subset does not parse: %v", err)
			}
			again, _ := Subset(tt.face, tt.runes, TTF)
			if !bytes.Equal(ttf, again) {
				t.Error("TTF subset is not deterministic")
			}

			woff2, err := Subset(tt.face, tt.runes, WOFF2)
			if err != nil {
				t.Fatal(err)
			}
			if string(woff2[:4]) != "wOF2" {
				t.Fatalf("WOFF2 signature %q", woff2[:4])
			}
			decoded, err := decodeWOFF2(woff2)
			if err != nil {
				t.Fatalf("WOFF2 does not decode: %v", err)
			}
			if tt.face.HasGlyph(tt.runes[0]) {
				checkSubset(t, tt.face, decoded, tt.runes)
			}
			again, _ = Subset(tt.face, tt.runes, WOFF2)
			if !bytes.Equal(woff2, again) {
				t.Error("WOFF2 subset is not deterministic")
			}
		})
	}
	if _, err := Subset(serif, []rune("中"), Format(9)); err == nil {
		t.Error("unknown format accepted")
	}
}

// TestSubsetGopdf checks that gopdf embeds a subset as it comes.
func TestSubsetGopdf(t *testing.T) {
	lib := NewLibrary()
	// A font without a PostScript name gets one from Load.
	latin, err := lib.Load(filepath.Join("testdata", "composite.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	serif, _ := lib.Default(Body)
	sans, _ := lib.Default(Heading)
	for _, tt := range []struct {
		f    *Face
		text string
	}{
		{serif, "期刊排版测试，“引号”。Latin 123"},
		{sans, "期刊排版测试，“引号”。Latin 123"},
		{latin, "ÎüçIu"},
	} {
		f, role, text := tt.f, tt.f.Name(), tt.text
		ttf, err := Subset(f, []rune(text), TTF)
		if err != nil {
			t.Fatal(err)
		}
		pdf := &gopdf.GoPdf{}
		pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
		pdf.AddPage()
		if err := pdf.AddTTFFontData("f", ttf); err != nil {
			t.Fatalf("%v: AddTTFFontData: %v", role, err)
		}
		if err := pdf.SetFont("f", "", 12); err != nil {
			t.Fatal(err)
		}
		first := []rune(text)[0]
		w, err := pdf.MeasureTextWidth(string(first))
		if err != nil {
			t.Fatal(err)
		}
		if want := 12 * f.Advance(first); w < want-0.01 || w > want+0.01 {
			t.Errorf("%v: gopdf measures %q as %v pt, want %v", role, first, w, want)
		}
		if err := pdf.Text(text); err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if _, err := pdf.WriteTo(&out); err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(out.Bytes(), []byte("/FontFile2")) {
			t.Errorf("%v: no embedded TrueType font in the PDF", role)
		}
	}
}

// TestSubsetVertical checks that WOFF2 subsets keep the vertical
// alternates of punctuation, reachable through GSUB 'vert', and vertical
// metrics.
func TestSubsetVertical(t *testing.T) {
	serif, err := NewLibrary().Default(Body)
	if err != nil {
		t.Fatal(err)
	}
	text := []rune("中文，。「」（）")
	woff2, err := Subset(serif, text, WOFF2)
	if err != nil {
		t.Fatal(err)
	}
	ttf, err := decodeWOFF2(woff2)
	if err != nil {
		t.Fatal(err)
	}
	sub, err := parseFace(ttf, "subset")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range "，。「」（）" {
		g := sub.glyph(r)
		v, ok := sub.verticals()[g]
		if !ok {
			t.Errorf("%q: no vertical alternate in the subset", r)
			continue
		}
		orig := serif.verticals()[serif.glyph(r)]
		l1, r1 := serif.glyphInk(orig)
		if l2, r2 := sub.glyphInk(v); l1 != l2 || r1 != r2 {
			t.Errorf("%q: vertical alternate ink %v–%v, original %v–%v", r, l2, r2, l1, r1)
		}
	}
	// The vertical comma sits in the upper right of the em box.
	if l, _ := sub.glyphInk(sub.verticals()[sub.glyph('，')]); l < 0.5 {
		t.Errorf("vertical ， ink starts at %v, want the right half", l)
	}
	if _, ok := sub.verticals()[sub.glyph('中')]; ok {
		t.Error("中 has a vertical alternate")
	}
	st, err := tdfont.ParseSFNT(ttf, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, tag := range []string{"GSUB", "vhea", "vmtx"} {
		if _, ok := st.Tables[tag]; !ok {
			t.Errorf("no %s table", tag)
		}
	}
	if adv := st.GlyphVerticalAdvance(st.GlyphIndex('中')); adv != 1000 {
		t.Errorf("vertical advance of 中 = %d, want 1000", adv)
	}
	// TTF subsets (PDF) carry no layout tables.
	plain, _ := Subset(serif, text, TTF)
	_, tabs, _ := readTables(plain, 0)
	if hasTable(tabs, "GSUB") {
		t.Error("TTF subset has a GSUB")
	}
}
