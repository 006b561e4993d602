package fonts

import (
	"fmt"
	"strings"
)

// Format is the file format of a subset font.
type Format int

// Subset formats.
const (
	TTF   Format = iota // TrueType (for PDF embedding, e.g. gopdf's AddTTFFontData)
	WOFF2               // WOFF 2.0, Brotli compressed (for EPUB @font-face)
)

// String returns "ttf" or "woff2", the usual file extension.
func (f Format) String() string {
	switch f {
	case TTF:
		return "ttf"
	case WOFF2:
		return "woff2"
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// ParseFormat returns the format named by s: "ttf" (or "truetype") or
// "woff2", in any case.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "ttf", "truetype":
		return TTF, nil
	case "woff2":
		return WOFF2, nil
	}
	return 0, fmt.Errorf("unknown font format %q (use ttf or woff2)", s)
}

// Subset returns a font holding the glyphs of runes that the face maps
// (others are ignored), plus .notdef and the components of composite
// glyphs; every character mapped to a kept glyph stays mapped with its
// original advance. The tables kept are cmap, glyf, loca, head, hhea,
// hmtx, maxp, name (naming, copyright and licence records only), OS/2 and
// post; layout tables (GSUB, GPOS) and hinting are dropped: a PDF draws
// glyphs by number (reading systems get WebSubset, which keeps them). The
// output is deterministic: the same face and rune set always give the same
// bytes. Subset is safe for concurrent use.
func Subset(f *Face, runes []rune) ([]byte, error) {
	glyphs, cmap := f.subsetGlyphs(runes)
	out, _, err := f.subset(glyphs, cmap)
	return out, err
}

// SubsetTTF is Subset that also returns the glyph ID each
// rune the face maps has in the subset: the PDF writer shows glyphs by
// these IDs (CIDs with an Identity CIDToGIDMap).
func SubsetTTF(f *Face, runes []rune) (ttf []byte, glyphs map[rune]uint16, err error) {
	kept, cmap := f.subsetGlyphs(runes)
	ttf, order, err := f.subset(kept, cmap)
	if err != nil {
		return nil, nil, err
	}
	newID := make(map[uint16]uint16, len(order))
	for i, g := range order {
		newID[g] = uint16(i)
	}
	glyphs = make(map[rune]uint16, len(cmap))
	for r, g := range cmap {
		if id, ok := newID[g]; ok {
			glyphs[r] = id
		}
	}
	return ttf, glyphs, nil
}

// subsetGlyphs returns the glyphs a subset of runes keeps (.notdef, the
// glyph of each rune the face maps) and the character map of the subset
// in old glyph IDs.
func (f *Face) subsetGlyphs(runes []rune) ([]uint16, map[rune]uint16) {
	glyphs := []uint16{0}
	cmap := make(map[rune]uint16, len(runes))
	for _, r := range runes {
		if g := f.glyph(r); g != 0 {
			cmap[r] = g
			glyphs = append(glyphs, g)
		}
	}
	return glyphs, cmap
}

// keptName selects the name records a subset keeps: copyright (0),
// family and subfamily (1, 2, 16, 17), unique, full and PostScript names
// (3, 4, 6), version (5), licence and licence URL (13, 14).
func keptName(id uint16) bool {
	switch id {
	case 0, 1, 2, 3, 4, 5, 6, 13, 14, 16, 17:
		return true
	}
	return false
}

// subset builds the subset behind recover: a font that passed parseFace
// may still hold corrupt outlines. order lists the kept old glyph IDs:
// the new ID of order[i] is i.
func (f *Face) subset(glyphs []uint16, cmap map[rune]uint16) (out []byte, order []uint16, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, order, err = nil, nil, fmt.Errorf("fonts: subsetting %s: corrupt font (%v)", f.name, r)
		}
	}()
	data, err := f.program(glyphs)
	if err != nil {
		return nil, nil, fmt.Errorf("fonts: subsetting %s: %v", f.name, err)
	}
	tables, order, err := subsetTables(data, glyphs, cmap)
	if err != nil {
		return nil, nil, fmt.Errorf("fonts: subsetting %s: %v", f.name, err)
	}
	return writeSFNT(0x00010000, tables), order, nil
}
