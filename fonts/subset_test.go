package fonts

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"

	gtfont "github.com/go-text/typesetting/font"
	"github.com/signintech/gopdf"
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
			ttf, err := Subset(tt.face, tt.runes)
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
			again, _ := Subset(tt.face, tt.runes)
			if !bytes.Equal(ttf, again) {
				t.Error("TTF subset is not deterministic")
			}

			// Layout tables are for reading systems (WebSubset): a PDF
			// draws glyphs by number.
			_, tabs, _ := readTables(ttf, 0)
			for _, tag := range []string{"GSUB", "GPOS", "vhea", "vmtx"} {
				if hasTable(tabs, tag) {
					t.Errorf("TTF subset has a %s table", tag)
				}
			}
		})
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
		ttf, err := Subset(f, []rune(text))
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
