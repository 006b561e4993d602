package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"strconv"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// TestEmbeddedFontsHaveOutlines: gopdf is given hollow fonts and finish
// puts the real subsets in their place; every embedded font file must be
// a full TrueType font whose glyphs have outlines, for the characters of
// the text.
func TestEmbeddedFontsHaveOutlines(t *testing.T) {
	_, pdf, _ := writeSample(t, sampleOptions)
	objs, err := parseObjects(pdf)
	if err != nil {
		t.Fatal(err)
	}
	files := 0
	for _, o := range objs {
		if !bytes.Contains(o.dict, []byte("/Type /FontDescriptor")) {
			continue
		}
		m := fontFile2Re.FindSubmatch(o.dict)
		if m == nil {
			t.Fatalf("font descriptor without a font file: %s", o.dict)
		}
		id, _ := strconv.Atoi(string(m[1]))
		zr, err := zlib.NewReader(bytes.NewReader(objs[id-1].stream))
		if err != nil {
			t.Fatal(err)
		}
		ttf, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		f, err := sfnt.Parse(ttf)
		if err != nil {
			t.Fatalf("font file %d: %v", id, err)
		}
		var buf sfnt.Buffer
		drawn := 0
		for _, r := range "的一是中国党" {
			g, err := f.GlyphIndex(&buf, r)
			if err != nil || g == 0 {
				continue
			}
			segs, err := f.LoadGlyph(&buf, g, fixed.I(100), nil)
			if err != nil || len(segs) == 0 {
				t.Errorf("font file %d: %q has no outline (%v)", id, r, err)
			}
			drawn++
		}
		if drawn == 0 {
			t.Errorf("font file %d maps none of the common characters", id)
		}
		files++
	}
	if files < 2 {
		t.Errorf("%d font files, want the body and heading faces", files)
	}
}
