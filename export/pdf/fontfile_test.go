package pdf

import (
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"github.com/qikan-dev/qikan/internal/pdfcheck"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// TestEmbeddedFontsHaveOutlines: every embedded font file, read back by
// pdfcpu, is a full TrueType font whose glyphs have outlines, for the
// characters of the text.
func TestEmbeddedFontsHaveOutlines(t *testing.T) {
	_, pdf, _ := writeSample(t, sampleOptions)
	doc, err := pdfcheck.Read(pdf)
	if err != nil {
		t.Fatal(err)
	}
	files := 0
	doc.Objects(func(n int, o types.Object) {
		d, ok := o.(types.Dict)
		if !ok || d.Type() == nil || *d.Type() != "FontDescriptor" {
			return
		}
		ref := d.IndirectRefEntry("FontFile2")
		if ref == nil {
			t.Fatalf("font descriptor %d without a font file", n)
		}
		ttf, _, err := doc.Stream(*ref)
		if err != nil {
			t.Fatal(err)
		}
		f, err := sfnt.Parse(ttf)
		if err != nil {
			t.Fatalf("font file %v: %v", ref, err)
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
				t.Errorf("font file %v: %q has no outline (%v)", ref, r, err)
			}
			drawn++
		}
		if drawn == 0 {
			t.Errorf("font file %v maps none of the common characters", ref)
		}
		files++
	})
	if files < 2 {
		t.Errorf("%d font files, want the body and heading faces", files)
	}
}
