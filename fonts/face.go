package fonts

import (
	"encoding/binary"
	"fmt"
	"math"
	"path/filepath"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/font/opentype/tables"
	"github.com/qikan-dev/qikan/internal/sniff"
)

// Face is one parsed TrueType face, safe for concurrent use. Metrics are in
// em (multiples of the font size).
type Face struct {
	name   string
	psName string // PostScript name (name ID 6, else made from name)
	file   string // font file, "" for the embedded faces
	data   []byte // standalone TrueType (glyf) font program
	weight int    // OS/2 usWeightClass

	upem                     float64
	ascent, descent, lineGap float64

	// Character to glyph: bmp holds the glyph of every BMP code point (0
	// for none), astral the mapped code points above U+FFFF.
	bmp    []uint16
	astral map[rune]uint16
	n      int // number of glyphs

	// Metrics and outlines are read in place from the font's tables, so a
	// face of 60,000 glyphs costs no allocation for them: hmtx (numLong
	// long metrics, then left side bearings), loca and glyf (outline
	// headers, for Ink: asked of punctuation, a few dozen glyphs).
	hmtx      []byte
	numLong   int    // 0: no usable hmtx, every advance is half an em
	locaTable []byte // loca: n+1 offsets, nil when unreadable
	locaLong  bool
	glyf      []byte

	// Regional forms (region.go): gsub is the GSUB table, read on demand;
	// a face made by ForLang has base and langSys set and shares
	// everything but bmp and astral with its base.
	gsub    []byte
	base    *Face
	langSys string
	shared  *faceShared // shared by a face and its regional variants

	rare *rareOutlines // compressed outlines of rare glyphs (embedded faces), nil for none
}

// Role is the typographic role a face plays.
type Role int

// Roles.
const (
	Body    Role = iota // serif (Song/Ming) body text
	Heading             // bold sans (Hei) titles and section headers
	Mono                // monospace: code spans and code blocks
	numRoles
)

// String returns "body", "heading" or "mono".
func (r Role) String() string {
	switch r {
	case Body:
		return "body"
	case Heading:
		return "heading"
	case Mono:
		return "mono"
	}
	return fmt.Sprintf("Role(%d)", int(r))
}

// Name is the face's full name (name ID 4), e.g. "Noto Serif CJK SC".
func (f *Face) Name() string { return f.name }

// PostScriptName is the face's PostScript name (name ID 6), e.g.
// "NotoSerifCJKsc-Regular", made from Name when the font has none (and
// then written into TrueType's name table); it is safe as a PDF name.
func (f *Face) PostScriptName() string { return f.psName }

// File is the font file the face was loaded from (with "#index" for a
// face of a collection), "" for an embedded face.
func (f *Face) File() string { return f.file }

// TrueType returns a standalone TrueType font file for the face; callers
// must not modify it. In the embedded CJK faces the outlines of rare glyphs
// are stored compressed apart (rare.go) and are empty here: use
// TrueTypeFor, or Subset, to draw text.
func (f *Face) TrueType() []byte { return f.data }

// TrueTypeFor returns a standalone TrueType font file of the face with the
// outlines of every character of text in place: TrueType itself when they
// are all stored uncompressed (the same slice), else a copy that holds the
// outlines of text's glyphs only.
func (f *Face) TrueTypeFor(text string) ([]byte, error) {
	var glyphs []uint16
	for _, r := range text {
		if g := f.glyph(r); g != 0 {
			glyphs = append(glyphs, g)
		}
	}
	return f.program(glyphs)
}

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

// GlyphID is the glyph r is drawn with (after the face's regional forms),
// 0 (.notdef) when the face does not map r.
func (f *Face) GlyphID(r rune) uint16 { return f.glyph(r) }

// HasGlyph reports whether the face maps r to a glyph.
func (f *Face) HasGlyph(r rune) bool { return f.glyph(r) != 0 }

// Advance is the horizontal advance of r in em; for a character the face
// does not map, the advance of the .notdef glyph.
func (f *Face) Advance(r rune) float64 { return f.advance(f.glyph(r)) }

// advance is the advance of glyph g, em.
func (f *Face) advance(g uint16) float64 {
	if f.numLong == 0 {
		return 0.5 // no usable hmtx: HarfBuzz's default advance
	}
	i := min(int(g), f.numLong-1)
	return float64(binary.BigEndian.Uint16(f.hmtx[4*i:])) / f.upem
}

// lsb is the left side bearing of glyph g, font units.
func (f *Face) lsb(g uint16) float64 {
	i := int(g)
	if i < f.numLong {
		return float64(int16(binary.BigEndian.Uint16(f.hmtx[4*i+2:])))
	}
	if o := 4*f.numLong + 2*(i-f.numLong); f.numLong > 0 && o+2 <= len(f.hmtx) {
		return float64(int16(binary.BigEndian.Uint16(f.hmtx[o:])))
	}
	return 0
}

// locaOffset is entry g of loca (0 ≤ g ≤ n), in bytes into glyf.
func (f *Face) locaOffset(g int) uint32 {
	if f.locaLong {
		return binary.BigEndian.Uint32(f.locaTable[4*g:])
	}
	return 2 * uint32(binary.BigEndian.Uint16(f.locaTable[2*g:]))
}

// Ink is the horizontal extent of r's ink inside its advance box, em:
// 0 ≤ left ≤ right ≤ Advance(r). A glyph without ink (a space) gives 0, 0.
//
// The extent comes from the bounding box in the glyph's outline header and
// its left side bearing, as HarfBuzz and go-text compute it (the rasteriser
// shifts a glyph so that xMin is the side bearing); the outline itself is
// never parsed. A glyph without outline, or whose data is truncated, has no
// ink.
func (f *Face) Ink(r rune) (left, right float64) { return f.glyphInk(f.glyph(r)) }

// glyphInk is Ink of glyph gid.
func (f *Face) glyphInk(gid uint16) (left, right float64) {
	g := int(gid)
	h := f.outline(gid)
	if len(h) < 10 || g >= f.n {
		return 0, 0
	}
	xMin, xMax := int16(binary.BigEndian.Uint16(h[2:])), int16(binary.BigEndian.Uint16(h[6:]))
	width := int(xMax) - int(xMin)
	if width < 0 {
		width = -width
	}
	if width == 0 {
		return 0, 0
	}
	adv := f.advance(gid)
	left = clamp(f.lsb(gid)/f.upem, 0, adv)
	return left, clamp((f.lsb(gid)+float64(width))/f.upem, left, adv)
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
			f, err = nil, fmt.Errorf("%s: corrupt font (%v); %s", label, r, damaged)
		}
	}()
	if err := checkTrueType(data, label); err != nil {
		return nil, err
	}
	_, tabs, err := readTables(data, 0)
	if err != nil {
		return nil, fmt.Errorf("%s: corrupt font: %v; %s", label, err, damaged)
	}
	// Tables are used in place: no copies of the (megabytes of) glyf.
	raw := func(tag string) []byte { return tableData(tabs, tag) }
	// The tables are read one by one rather than through font.NewFont,
	// which parses every outline: a face needs only metrics.
	invalid := func(table string, err error) error {
		return fmt.Errorf("%s: not a valid TrueType font: %s table: %v", label, table, err)
	}
	head, _, err := tables.ParseHead(raw("head"))
	if err != nil {
		return nil, invalid("head", err)
	}
	upem := float64(head.Upem())
	if upem < 16 || upem > 16384 {
		return nil, fmt.Errorf("%s: corrupt font: units per em %v; %s", label, upem, damaged)
	}
	f = &Face{
		data:   data,
		upem:   upem,
		weight: 400,
		bmp:    make([]uint16, 0x10000),
		astral: map[rune]uint16{},
	}

	os2, _, os2Err := tables.ParseOs2(raw("OS/2"))
	if os2Err == nil && os2.USWeightClass > 0 {
		f.weight = int(os2.USWeightClass)
	}
	cmap, _, err := tables.ParseCmap(raw("cmap"))
	if err != nil {
		return nil, invalid("cmap", err)
	}
	chars, _, err := font.ProcessCmap(cmap, os2.FontPage())
	if err != nil {
		return nil, invalid("cmap", err)
	}

	if names, _, err := tables.ParseName(raw("name")); err == nil {
		f.name = faceName(names)
		if ps := names.Name(6); ps != "" {
			f.psName = PostScriptName(ps)
		}
	}
	if f.name == "" {
		f.name = filepath.Base(label)
	}
	if f.psName == "" {
		f.psName = PostScriptName(f.name) // as withPostScriptName adds it
	}
	f.data = withPostScriptName(data, f.name)

	// Line metrics as HarfBuzz reads them: OS/2 typographic values when
	// its USE_TYPO_METRICS bit is set (and the table is not blank), else
	// hhea; ascent and descent taken as magnitudes.
	hhea, _, hheaErr := tables.ParseHhea(raw("hhea"))
	const useTypoMetrics = 1 << 7
	typo := os2Err == nil && os2.FsSelection&useTypoMetrics != 0 &&
		(os2.USWeightClass != 0 || os2.USWidthClass != 0 || os2.USFirstCharIndex != 0 || os2.USLastCharIndex != 0)
	switch {
	case typo:
		f.ascent, f.descent, f.lineGap = float64(os2.STypoAscender), float64(os2.STypoDescender), float64(os2.STypoLineGap)
	case hheaErr == nil:
		f.ascent, f.descent, f.lineGap = float64(hhea.Ascender), float64(hhea.Descender), float64(hhea.LineGap)
	default:
		f.ascent, f.descent = 0.88*upem, -0.12*upem
	}
	f.ascent, f.descent, f.lineGap = math.Abs(f.ascent)/upem, math.Abs(f.descent)/upem, f.lineGap/upem

	n := numGlyphs(raw("maxp"))
	it := chars.Iter()
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

	f.n = n
	if hmtx := raw("hmtx"); hheaErr == nil {
		long := int(hhea.NumOfLongMetrics)
		if long >= 1 && long <= n && len(hmtx) >= 4*long {
			f.hmtx, f.numLong = hmtx, long
		}
	}
	f.locaLong = head.IndexToLocFormat == 1
	size := 2
	if f.locaLong {
		size = 4
	}
	if loca := raw("loca"); len(loca) >= size*(n+1) {
		f.locaTable, f.glyf = loca, raw("glyf")
	}
	f.gsub = raw("GSUB")
	f.shared = &faceShared{regions: map[string]*Face{}}
	return f, nil
}

// numGlyphs reads maxp.numGlyphs (at least 1, at most 65535).
func numGlyphs(maxp []byte) int {
	if len(maxp) < 6 {
		return 1
	}
	return max(int(binary.BigEndian.Uint16(maxp[4:])), 1)
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
		return fmt.Errorf("%s: not a font file (%d bytes); give a .ttf file, or a .ttc with #index", label, len(data))
	}
	version := binary.BigEndian.Uint32(data)
	switch version {
	case tagTrueType, tagAppleTrue, tagOpenType:
	case tagCollection:
		return fmt.Errorf("%s: a font collection; choose a face with %s#0, %s#1, … or %s#<face name>", label, label, label, label)
	case tagWOFF, tagWOFF2:
		return fmt.Errorf("%s: a WOFF web font; qikan needs a .ttf or .ttc file", label)
	default:
		return fmt.Errorf("%s: not a TrueType or OpenType font (%s); give a .ttf file, or a .ttc with #index", label, sniff.Describe(data))
	}
	_, tabs, err := readTables(data, 0)
	if err != nil {
		return fmt.Errorf("%s: corrupt font: %v; %s", label, err, damaged)
	}
	if version == tagOpenType || hasTable(tabs, "CFF ") || hasTable(tabs, "CFF2") {
		return cffError(label)
	}
	if !hasTable(tabs, "glyf") || !hasTable(tabs, "loca") {
		return fmt.Errorf("%s: no TrueType (glyf) outlines (bitmap-only or incomplete font)", label)
	}
	for _, tag := range []string{"cmap", "head", "hhea", "hmtx", "maxp"} {
		if !hasTable(tabs, tag) {
			return fmt.Errorf("%s: corrupt font: no %q table; %s", label, tag, damaged)
		}
	}
	return nil
}

// damaged is the fix for a font file that does not parse.
const damaged = "the file is damaged or cut short: copy it again, or choose another font"

// cffError is the error for PostScript-flavoured fonts.
func cffError(label string) error {
	return fmt.Errorf("%s: CFF (PostScript) outlines; qikan needs TrueType (glyf) outlines: "+
		"convert with `otf2ttf` or fontTools (python3 -m pip install otf2ttf && otf2ttf -o font.ttf font.otf; "+
		"for a .ttc, first extract the face: python3 -c \"from fontTools.ttLib import TTCollection; TTCollection('font.ttc').fonts[0].save('font.otf')\")", label)
}
