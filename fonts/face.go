package fonts

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"path/filepath"
	"sync"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/font/opentype/tables"
	tdfont "github.com/tdewolff/font"
)

// Face is one parsed TrueType face, safe for concurrent use. Metrics are in
// em (multiples of the font size).
type Face struct {
	name   string
	data   []byte // standalone TrueType (glyf) font program
	weight int    // OS/2 usWeightClass

	upem                     float64
	ascent, descent, lineGap float64

	// Character to glyph: bmp holds the glyph of every BMP code point (0
	// for none), astral the mapped code points above U+FFFF.
	bmp    []uint16
	astral map[rune]uint16
	adv    []float64 // advance of each glyph, em

	ink  [][2]float64      // horizontal ink extent of each glyph, em
	vert map[uint16]uint16 // glyph → vertical alternate ('vert'/'vrt2' GSUB)

	subsetMu sync.Mutex
	sfnt     *tdfont.SFNT // parsed for Subset on first use; guarded by subsetMu
}

// Role is the typographic role a face plays.
type Role int

// Roles.
const (
	Body    Role = iota // serif (Song/Ming) body text
	Heading             // bold sans (Hei) titles and section headers
)

// String returns "body" or "heading".
func (r Role) String() string {
	switch r {
	case Body:
		return "body"
	case Heading:
		return "heading"
	}
	return fmt.Sprintf("Role(%d)", int(r))
}

// Name is the face's full name (name ID 4), e.g. "Noto Serif CJK SC".
func (f *Face) Name() string { return f.name }

// TrueType returns a standalone TrueType font file for the face (for gopdf's
// AddTTFFontData); callers must not modify it.
func (f *Face) TrueType() []byte { return f.data }

// Weight is the face's OS/2 weight class (400 regular, 700 bold).
func (f *Face) Weight() int { return f.weight }

// IsBold reports whether the face is bold (OS/2 weight class ≥ 600). When
// a bold style is asked of a face that is not bold, backends synthesise it
// (PDF: stroke the glyph outlines; EPUB: font-synthesis).
func (f *Face) IsBold() bool { return f.weight >= 600 }

// Ascent is the distance from the baseline to the top of the line, em.
func (f *Face) Ascent() float64 { return f.ascent }

// Descent is the distance from the baseline down to the bottom of the
// line, em, positive.
func (f *Face) Descent() float64 { return f.descent }

// LineGap is the font's recommended extra space between lines, em.
func (f *Face) LineGap() float64 { return f.lineGap }

// glyph returns r's glyph, 0 (.notdef) when the face does not map r.
func (f *Face) glyph(r rune) uint16 {
	if uint32(r) < uint32(len(f.bmp)) {
		return f.bmp[r]
	}
	return f.astral[r]
}

// HasGlyph reports whether the face maps r to a glyph.
func (f *Face) HasGlyph(r rune) bool { return f.glyph(r) != 0 }

// Advance is the horizontal advance of r in em; for a character the face
// does not map, the advance of the .notdef glyph.
func (f *Face) Advance(r rune) float64 { return f.adv[f.glyph(r)] }

// Ink is the horizontal extent of r's ink inside its advance box, em:
// 0 ≤ left ≤ right ≤ Advance(r). A glyph without ink (a space) gives 0, 0.
func (f *Face) Ink(r rune) (left, right float64) {
	e := f.ink[f.glyph(r)]
	return e[0], e[1]
}

// inkOf computes the ink extent of glyph g.
func inkOf(gt *font.Face, g font.GID, adv, upem float64) (e [2]float64) {
	defer func() {
		if recover() != nil { // corrupt outline: treat as no ink
			e = [2]float64{}
		}
	}()
	ext, ok := gt.GlyphExtents(g)
	if !ok || ext.Width <= 0 {
		return e
	}
	left := clamp(float64(ext.XBearing)/upem, 0, adv)
	right := clamp(float64(ext.XBearing+ext.Width)/upem, left, adv)
	return [2]float64{left, right}
}

func clamp(v, lo, hi float64) float64 {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// Runes returns every character the face maps, in code point order.
func (f *Face) Runes() []rune {
	var rs []rune
	for r, g := range f.bmp {
		if g != 0 {
			rs = append(rs, rune(r))
		}
	}
	astral := make([]rune, 0, len(f.astral))
	for r := range f.astral {
		astral = append(astral, r)
	}
	sortRunes(astral)
	return append(rs, astral...)
}

// parseFace parses a standalone TrueType font. label names the font in
// errors (the file, with the face of a collection). Parsing runs behind
// recover: a corrupt font gives an error, never a panic.
func parseFace(data []byte, label string) (f *Face, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("%s: corrupt font (%v)", label, r)
		}
	}()
	if err := checkTrueType(data, label); err != nil {
		return nil, err
	}
	ld, err := ot.NewLoader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: not a valid TrueType font: %v", label, err)
	}
	ft, err := font.NewFont(ld)
	if err != nil {
		return nil, fmt.Errorf("%s: not a valid TrueType font: %v", label, err)
	}
	upem := float64(ft.Upem())
	if upem < 16 || upem > 16384 {
		return nil, fmt.Errorf("%s: corrupt font: units per em %v", label, upem)
	}
	gt := font.NewFace(ft)
	f = &Face{
		data:   data,
		upem:   upem,
		weight: 400,
		bmp:    make([]uint16, 0x10000),
		astral: map[rune]uint16{},
	}

	if raw, err := ld.RawTable(ot.MustNewTag("name")); err == nil {
		if names, _, err := tables.ParseName(raw); err == nil {
			f.name = faceName(names)
		}
	}
	if f.name == "" {
		f.name = ft.Describe().Family
	}
	if f.name == "" {
		f.name = filepath.Base(label)
	}
	f.data = withPostScriptName(data, f.name)
	if raw, err := ld.RawTable(ot.MustNewTag("OS/2")); err == nil {
		if os2, _, err := tables.ParseOs2(raw); err == nil && os2.USWeightClass > 0 {
			f.weight = int(os2.USWeightClass)
		}
	}
	if ext, ok := gt.FontHExtents(); ok {
		f.ascent = float64(ext.Ascender) / upem
		f.descent = -float64(ext.Descender) / upem
		f.lineGap = float64(ext.LineGap) / upem
	} else {
		f.ascent, f.descent = 0.88, 0.12
	}

	n := numGlyphs(ld)
	it := ft.Cmap.Iter()
	// A hostile cmap can claim ranges of billions of characters: stop
	// after twice the size of Unicode, or at the first character past it
	// (format 12 groups are sorted).
	for steps := 0; it.Next() && steps < 2*0x110000; steps++ {
		r, g := it.Char()
		if r > 0x10FFFF {
			break
		}
		if g == 0 || int(g) >= n || r < 0 {
			continue // unmapped, or a glyph the font does not have
		}
		if r < 0x10000 {
			f.bmp[r] = uint16(g)
		} else {
			f.astral[r] = uint16(g)
		}
	}
	f.adv = make([]float64, n)
	f.ink = make([][2]float64, n)
	for g := range f.adv {
		f.adv[g] = max(float64(gt.HorizontalAdvance(font.GID(g)))/upem, 0)
		f.ink[g] = inkOf(gt, font.GID(g), f.adv[g], upem)
	}
	f.vert = verticalAlternates(ft)
	// The go-text font (all outlines, parsed) is dropped here: the face
	// keeps only its tables of metrics.
	return f, nil
}

// numGlyphs reads maxp.numGlyphs (at least 1, at most 65535).
func numGlyphs(ld *ot.Loader) int {
	raw, err := ld.RawTable(ot.MustNewTag("maxp"))
	if err != nil {
		return 1
	}
	maxp, _, err := tables.ParseMaxp(raw)
	if err != nil {
		return 1
	}
	return max(int(maxp.NumGlyphs), 1)
}

// faceName picks the full name (ID 4), else the typographic family and
// subfamily (16, 17), else the family and subfamily (1, 2).
func faceName(names tables.Name) string {
	if s := names.Name(4); s != "" {
		return s
	}
	fam, sub := names.Name(16), names.Name(17)
	if fam == "" {
		fam, sub = names.Name(1), names.Name(2)
	}
	if sub != "" && sub != "Regular" {
		return fam + " " + sub
	}
	return fam
}

// checkTrueType rejects what is not a standalone TrueType font with a
// message that says what it is and how to fix it.
func checkTrueType(data []byte, label string) error {
	if len(data) < 12 {
		return fmt.Errorf("%s: not a font file (%d bytes)", label, len(data))
	}
	version := binary.BigEndian.Uint32(data)
	switch version {
	case tagTrueType, tagAppleTrue, tagOpenType:
	case tagCollection:
		return fmt.Errorf("%s: a font collection; choose a face with %s#0, %s#1, … or %s#<face name>", label, label, label, label)
	case tagWOFF, tagWOFF2:
		return fmt.Errorf("%s: a WOFF web font; qikan needs a .ttf or .ttc file", label)
	default:
		return fmt.Errorf("%s: not a TrueType or OpenType font", label)
	}
	_, tabs, err := readTables(data, 0)
	if err != nil {
		return fmt.Errorf("%s: corrupt font: %v", label, err)
	}
	if version == tagOpenType || hasTable(tabs, "CFF ") || hasTable(tabs, "CFF2") {
		return cffError(label)
	}
	if !hasTable(tabs, "glyf") || !hasTable(tabs, "loca") {
		return fmt.Errorf("%s: no TrueType (glyf) outlines (bitmap-only or incomplete font)", label)
	}
	for _, tag := range []string{"cmap", "head", "hhea", "hmtx", "maxp"} {
		if !hasTable(tabs, tag) {
			return fmt.Errorf("%s: corrupt font: no %q table", label, tag)
		}
	}
	return nil
}

// cffError is the error for PostScript-flavoured fonts.
func cffError(label string) error {
	return fmt.Errorf("%s: CFF (PostScript) outlines; qikan needs TrueType (glyf) outlines: "+
		"convert with `otf2ttf` or fontTools (python3 -m pip install otf2ttf && otf2ttf -o font.ttf font.otf; "+
		"for a .ttc, first extract the face: python3 -c \"from fontTools.ttLib import TTCollection; TTCollection('font.ttc').fonts[0].save('font.otf')\")", label)
}
