package fonts

import (
	"encoding/binary"
	"fmt"
	"path/filepath"
	"testing"

	gtfont "github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/font/opentype/tables"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// TestSubsetKeepsOutlines: every kept character draws the same outline in
// the subset as in the face, composite glyphs (whose components are
// renumbered) included.
func TestSubsetKeepsOutlines(t *testing.T) {
	lib := NewLibrary()
	serif, err := lib.Default(Body)
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
		{latin, []rune("ü")},      // composite, components not asked for
		{latin, []rune("ÎüçIu ")}, // hinted, composites and their parts
		{serif, []rune("中文，。「」ABCabc123")},
		{serif, sampleRunes(serif, 500)},
	}
	for i, tt := range tests {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			sub, err := Subset(tt.face, tt.runes)
			if err != nil {
				t.Fatal(err)
			}
			full, err := tt.face.TrueTypeFor(string(tt.runes)) // with the rare outlines
			if err != nil {
				t.Fatal(err)
			}
			orig, err := sfnt.Parse(full)
			if err != nil {
				t.Fatal(err)
			}
			got, err := sfnt.Parse(sub)
			if err != nil {
				t.Fatal(err)
			}
			var b1, b2 sfnt.Buffer
			ppem := fixed.I(1000)
			for _, r := range tt.runes {
				if !tt.face.HasGlyph(r) {
					continue
				}
				g1, _ := orig.GlyphIndex(&b1, r)
				g2, err := got.GlyphIndex(&b2, r)
				if err != nil || g2 == 0 {
					t.Fatalf("U+%04X not in the subset (%v)", r, err)
				}
				s1, err1 := orig.LoadGlyph(&b1, g1, ppem, nil)
				s2, err2 := got.LoadGlyph(&b2, g2, ppem, nil)
				if err1 != nil || err2 != nil {
					t.Fatalf("U+%04X: loading outlines: %v, %v", r, err1, err2)
				}
				if fmt.Sprint(s1) != fmt.Sprint(s2) {
					t.Errorf("U+%04X: outline differs:\n face   %v\n subset %v", r, s1, s2)
				}
			}
		})
	}
}

// lookup maps r through a cmap table the way go-text reads it.
func lookup(t *testing.T, cmap []byte) gtfont.Cmap {
	t.Helper()
	tb, _, err := tables.ParseCmap(cmap)
	if err != nil {
		t.Fatalf("cmap does not parse: %v", err)
	}
	c, _, err := gtfont.ProcessCmap(tb, 0)
	if err != nil {
		t.Fatalf("cmap: %v", err)
	}
	return c
}

// TestBuildCmap: format 4 for the BMP (merged segments when there are
// too many runs to fit its 16-bit length) and format 12 beside it when a
// character lies beyond.
func TestBuildCmap(t *testing.T) {
	scattered := map[rune]uint16{}
	for r := rune(0x3400); r <= 0x9FFF; r += 2 { // 13,824 runs: too many segments
		scattered[r] = uint16(1 + (int(r)*7919)%60000)
	}
	consecutive := map[rune]uint16{}
	for r := rune(0x4E00); r < 0x4E00+300; r++ {
		consecutive[r] = uint16(r - 0x4E00 + 5)
	}
	mixed := map[rune]uint16{'中': 3, '文': 4, 0x20BB7: 5, 0x20BB8: 6, 0x2A6D6: 9, 'a': 7, 0xFFFF: 8}
	tests := []struct {
		name    string
		m       map[rune]uint16
		formats []uint16
	}{
		{"scattered", scattered, []uint16{4}},
		{"consecutive", consecutive, []uint16{4}},
		{"astral", mixed, []uint16{4, 12}},
		{"empty", map[rune]uint16{}, []uint16{4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmap, err := buildCmap(tt.m)
			if err != nil {
				t.Fatal(err)
			}
			n := int(binary.BigEndian.Uint16(cmap[2:]))
			var formats []uint16
			seen := map[uint32]bool{}
			for i := range n {
				off := binary.BigEndian.Uint32(cmap[4+8*i+4:])
				if !seen[off] {
					seen[off] = true
					formats = append(formats, binary.BigEndian.Uint16(cmap[off:]))
				}
			}
			if fmt.Sprint(formats) != fmt.Sprint(tt.formats) {
				t.Errorf("subtable formats %v, want %v", formats, tt.formats)
			}
			c := lookup(t, cmap)
			for r, want := range tt.m {
				g, ok := c.Lookup(r)
				if r == 0xFFFF { // a noncharacter: never mapped
					if ok && g != 0 {
						t.Errorf("U+FFFF mapped to %d", g)
					}
					continue
				}
				if !ok || uint16(g) != want {
					t.Fatalf("U+%04X → %d (%v), want %d", r, g, ok, want)
				}
			}
			for _, r := range []rune{0x3401, 0x4DFF, 'b', 0x20BB6} { // not in any map above
				if g, ok := c.Lookup(r); ok && g != 0 && tt.m[r] == 0 {
					t.Errorf("U+%04X → %d, want unmapped", r, g)
				}
			}
		})
	}
}

// FuzzSubset subsets corrupted fonts to everything they map: an error
// or a font, never a panic or a hang.
func FuzzSubset(f *testing.F) {
	f.Add(fixture(f, "serif-mini.ttf"))
	f.Add(fixture(f, "composite.ttf"))
	f.Fuzz(func(t *testing.T, data []byte) {
		face, err := parseFace(data, "fuzz.ttf")
		if err != nil {
			return
		}
		runes := face.Runes()
		if len(runes) > 2000 {
			runes = runes[:2000]
		}
		if out, err := Subset(face, runes); err == nil && len(out) == 0 {
			t.Fatal("empty subset without an error")
		}
	})
}

// TestHollow: the hollow font keeps glyph IDs, advances and the cmap, and
// draws nothing.
func TestHollow(t *testing.T) {
	lib := NewLibrary()
	serif, err := lib.Default(Body)
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune("中文，。ABC")
	ttf, err := Subset(serif, runes)
	if err != nil {
		t.Fatal(err)
	}
	hollow, err := Hollow(ttf)
	if err != nil {
		t.Fatal(err)
	}
	if len(hollow) >= len(ttf) {
		t.Errorf("hollow font %d bytes, the subset %d", len(hollow), len(ttf))
	}
	full, err1 := sfnt.Parse(ttf)
	empty, err2 := sfnt.Parse(hollow)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	var b1, b2 sfnt.Buffer
	for _, r := range runes {
		g1, _ := full.GlyphIndex(&b1, r)
		g2, _ := empty.GlyphIndex(&b2, r)
		if g1 == 0 || g1 != g2 {
			t.Errorf("U+%04X: glyph %d in the subset, %d hollow", r, g1, g2)
		}
		a1, _ := full.GlyphAdvance(&b1, g1, fixed.I(1000), 0)
		a2, _ := empty.GlyphAdvance(&b2, g2, fixed.I(1000), 0)
		if a1 != a2 {
			t.Errorf("U+%04X: advance %v, hollow %v", r, a1, a2)
		}
		if segs, err := empty.LoadGlyph(&b2, g2, fixed.I(1000), nil); err != nil || len(segs) != 0 {
			t.Errorf("U+%04X: hollow glyph has %d segments (%v)", r, len(segs), err)
		}
	}
	if _, err := Hollow([]byte("not a font")); err == nil {
		t.Error("Hollow accepted garbage")
	}
}
