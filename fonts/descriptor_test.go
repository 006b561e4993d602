package fonts

import (
	"bytes"
	"path/filepath"
	"testing"

	gtfont "github.com/go-text/typesetting/font"
)

// TestSubsetTTF: the glyph IDs SubsetTTF reports are the ones the subset's
// own cmap gives (read by go-text), for CJK, composites and characters the
// face lacks, and the font is Subset's.
func TestSubsetTTF(t *testing.T) {
	lib := NewLibrary()
	serif, err := lib.Default(Body)
	if err != nil {
		t.Fatal(err)
	}
	latin, err := lib.Load(filepath.Join("testdata", "composite.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		face  *Face
		runes []rune
	}{
		{serif, sampleRunes(serif, 500)},
		{latin, []rune("ÎüçIu ")},
		{serif, []rune("𠮷")},
	} {
		ttf, glyphs, err := SubsetTTF(tt.face, tt.runes)
		if err != nil {
			t.Fatal(err)
		}
		plain, _ := Subset(tt.face, tt.runes)
		if !bytes.Equal(ttf, plain) {
			t.Error("SubsetTTF's font is not Subset's")
		}
		gt, err := gtfont.ParseTTF(bytes.NewReader(ttf))
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range tt.runes {
			g, ok := glyphs[r]
			if !tt.face.HasGlyph(r) {
				if ok {
					t.Errorf("U+%04X: the face lacks it, glyph %d reported", r, g)
				}
				continue
			}
			want, _ := gt.NominalGlyph(r)
			if !ok || g == 0 || uint16(want) != g {
				t.Errorf("U+%04X: glyph %d reported, the subset maps it to %d", r, g, want)
			}
		}
	}
}

func TestDescriptor(t *testing.T) {
	lib := NewLibrary()
	for _, role := range []Role{Body, Heading} {
		f, err := lib.Default(role)
		if err != nil {
			t.Fatal(err)
		}
		d := f.Descriptor()
		// Noto CJK: the box reaches past the em box on every side but
		// stays within 2 em; capitals sit below the ascent.
		if d.BBox[0] > 0 || d.BBox[1] >= 0 || d.BBox[2] < 1 || d.BBox[3] < 0.8 || d.BBox[2]-d.BBox[0] > 4 {
			t.Errorf("%s: box %v", f.Name(), d.BBox)
		}
		if d.CapHeight <= 0.5 || d.CapHeight > f.Ascent() || d.ItalicAngle != 0 || d.FixedPitch {
			t.Errorf("%s: %+v", f.Name(), d)
		}
	}
}
