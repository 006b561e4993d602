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
// post; layout tables (GSUB, GPOS) and hinting are dropped, except that
// WOFF2 subsets keep vertical writing: the vertical alternates of the kept
// glyphs with a GSUB 'vert'/'vrt2' lookup to reach them, and vhea/vmtx, so
// browsers set vertical-rl text with proper punctuation. The output is
// deterministic: the same face and rune set always give the same bytes.
// Subset is safe for concurrent use.
func Subset(f *Face, runes []rune, format Format) ([]byte, error) {
	if format != TTF && format != WOFF2 {
		return nil, fmt.Errorf("fonts: unknown subset format %d", int(format))
	}
	glyphs, cmap := f.subsetGlyphs(runes, format)
	out, _, err := f.subset(glyphs, cmap, format)
	return out, err
}

// SubsetTTF is Subset(f, runes, TTF) that also returns the glyph ID each
// rune the face maps has in the subset: the PDF writer shows glyphs by
// these IDs (CIDs with an Identity CIDToGIDMap).
func SubsetTTF(f *Face, runes []rune) (ttf []byte, glyphs map[rune]uint16, err error) {
	kept, cmap := f.subsetGlyphs(runes, TTF)
	ttf, order, err := f.subset(kept, cmap, TTF)
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
// glyph of each rune the face maps and, for WOFF2, its vertical
// alternate) and the character map of the subset in old glyph IDs.
func (f *Face) subsetGlyphs(runes []rune, format Format) ([]uint16, map[rune]uint16) {
	glyphs := []uint16{0}
	cmap := make(map[rune]uint16, len(runes))
	for _, r := range runes {
		if g := f.glyph(r); g != 0 {
			cmap[r] = g
			glyphs = append(glyphs, g)
			if v, ok := f.verticals()[g]; ok && format == WOFF2 {
				glyphs = append(glyphs, v)
			}
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
func (f *Face) subset(glyphs []uint16, cmap map[rune]uint16, format Format) (out []byte, order []uint16, err error) {
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
	if format == WOFF2 {
		tables = append(tables, f.verticalTables(order)...)
	}
	ttf := writeSFNT(0x00010000, tables)
	if format == TTF {
		return ttf, order, nil
	}
	b, err := encodeWOFF2(ttf)
	if err != nil {
		return nil, nil, fmt.Errorf("fonts: subsetting %s: WOFF2: %v", f.name, err)
	}
	return b, order, nil
}

// verticalTables returns a GSUB with the vertical alternates among the
// glyphs of a subset (old IDs in subset order) and subset vhea/vmtx
// tables, as far as the face has them.
func (f *Face) verticalTables(order []uint16) []sfntTable {
	newID := make(map[uint16]uint16, len(order))
	for i, g := range order {
		newID[g] = uint16(i)
	}
	var pairs [][2]uint16
	for i, g := range order {
		if v, ok := f.verticals()[g]; ok {
			if nv, ok := newID[v]; ok {
				pairs = append(pairs, [2]uint16{uint16(i), nv})
			}
		}
	}
	var tables []sfntTable
	if len(pairs) > 0 {
		tables = append(tables, sfntTable{"GSUB", gsubVert(pairs)})
	}
	_, tabs, err := readTables(f.data, 0)
	if err != nil {
		return tables
	}
	vhea, vmtx := subsetVmtx(tableData(tabs, "vhea"), tableData(tabs, "vmtx"), numGlyphs(tableData(tabs, "maxp")), order)
	if vhea != nil {
		tables = append(tables, sfntTable{"vhea", vhea}, sfntTable{"vmtx", vmtx})
	}
	return tables
}
