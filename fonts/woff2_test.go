package fonts

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/andybalholm/brotli"
	tdfont "github.com/tdewolff/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

func TestAppendBase128(t *testing.T) {
	tests := []struct {
		v    uint32
		want []byte
	}{
		{0, []byte{0}},
		{127, []byte{0x7F}},
		{128, []byte{0x81, 0x00}},
		{16383, []byte{0xFF, 0x7F}},
		{16384, []byte{0x81, 0x80, 0x00}},
		{0xFFFFFFFF, []byte{0x8F, 0xFF, 0xFF, 0xFF, 0x7F}},
	}
	for _, tt := range tests {
		if got := appendBase128(nil, tt.v); !bytes.Equal(got, tt.want) {
			t.Errorf("appendBase128(%d) = % x, want % x", tt.v, got, tt.want)
		}
	}
}

// decodeWOFF2 decodes a WOFF2 font with github.com/tdewolff/font's
// decoder, an implementation independent of ours.
func decodeWOFF2(b []byte) ([]byte, error) { return tdfont.ParseWOFF2(b) }

// TestWOFF2Transform: a WOFF2 font (glyf transformed) decodes, with an
// independent decoder, to a font whose every glyph draws the same outline
// and has the same advance as in the TrueType font it was made from, for
// CJK outlines, hinted composite glyphs and a web subset with empty
// glyphs; and it is smaller than the untransformed tables.
func TestWOFF2Transform(t *testing.T) {
	lib := NewLibrary()
	serif, err := lib.Default(Body)
	if err != nil {
		t.Fatal(err)
	}
	composite, err := lib.Load(filepath.Join("testdata", "composite.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	web := NewText()
	web.Add("zh-CN", string(sampleRunes(serif, 300)))
	webTTF, err := WebSubset(serif, web, TTF)
	if err != nil {
		t.Fatal(err)
	}
	subTTF, err := Subset(serif, sampleRunes(serif, 300))
	if err != nil {
		t.Fatal(err)
	}
	for name, ttf := range map[string][]byte{
		"composite": composite.TrueType(), "layout": fixture(t, "layout.ttf"), "subset": subTTF, "web subset": webTTF,
	} {
		t.Run(name, func(t *testing.T) {
			woff2, err := encodeWOFF2(ttf)
			if err != nil {
				t.Fatal(err)
			}
			decoded, err := decodeWOFF2(woff2)
			if err != nil {
				t.Fatalf("does not decode: %v", err)
			}
			want, err := sfnt.Parse(ttf)
			if err != nil {
				t.Fatal(err)
			}
			got, err := sfnt.Parse(decoded)
			if err != nil {
				t.Fatalf("decoded font does not parse: %v", err)
			}
			if got.NumGlyphs() != want.NumGlyphs() {
				t.Fatalf("%d glyphs, want %d", got.NumGlyphs(), want.NumGlyphs())
			}
			var b1, b2 sfnt.Buffer
			ppem := fixed.I(1000)
			drawn := 0
			for g := range sfnt.GlyphIndex(want.NumGlyphs()) {
				s1, err1 := want.LoadGlyph(&b1, g, ppem, nil)
				s2, err2 := got.LoadGlyph(&b2, g, ppem, nil)
				if (err1 == nil) != (err2 == nil) || fmt.Sprint(s1) != fmt.Sprint(s2) {
					t.Fatalf("glyph %d: outline differs (%v, %v)", g, err1, err2)
				}
				a1, _ := want.GlyphAdvance(&b1, g, ppem, 0)
				a2, _ := got.GlyphAdvance(&b2, g, ppem, 0)
				if a1 != a2 {
					t.Errorf("glyph %d: advance %v, want %v", g, a2, a1)
				}
				if len(s1) > 0 {
					drawn++
				}
			}
			if drawn == 0 {
				t.Fatal("no glyph drawn")
			}
			flavor, tabs, err := readTables(ttf, 0)
			if err != nil {
				t.Fatal(err)
			}
			if transformedGlyf(tabs) == nil {
				t.Fatal("glyf not transformed")
			}
			var plain bytes.Buffer
			for _, tab := range tabs {
				plain.Write(tab.data)
			}
			var null bytes.Buffer
			bw := brotli.NewWriterOptions(&null, brotli.WriterOptions{Quality: woff2Quality, LGWin: woff2Window})
			bw.Write(plain.Bytes())
			bw.Close()
			t.Logf("%d bytes as TrueType (flavor %x), %d as WOFF2, %d with untransformed tables", len(ttf), flavor, len(woff2), null.Len())
			if name != "composite" && len(woff2) >= null.Len() {
				t.Errorf("WOFF2 %d bytes, no smaller than untransformed tables (%d)", len(woff2), null.Len())
			}
		})
	}
}

// FuzzWOFF2 encodes corrupted fonts as WOFF2: an error or a font that an
// independent decoder reads back with the same number of glyphs, never a
// panic.
func FuzzWOFF2(f *testing.F) {
	f.Add(fixture(f, "composite.ttf"))
	f.Add(fixture(f, "layout.ttf"))
	f.Fuzz(func(t *testing.T, data []byte) {
		woff2, err := encodeWOFF2(data)
		if err != nil {
			return
		}
		_, tabs, err := readTables(data, 0)
		if err != nil || transformedGlyf(tabs) == nil {
			return
		}
		decoded, err := decodeWOFF2(woff2)
		if err != nil {
			t.Fatalf("transformed WOFF2 does not decode: %v", err)
		}
		if _, err := parseFace(decoded, "decoded"); err != nil {
			if _, err2 := parseFace(data, "fuzz"); err2 == nil {
				t.Fatalf("decoded font does not parse: %v", err)
			}
		}
	})
}
