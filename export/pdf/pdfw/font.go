package pdfw

import (
	"fmt"
	"slices"
	"strconv"
	"unicode/utf16"
)

// Font is a TrueType font program embedded as a Type 0 font (PDF 32000-1
// §9.7) with a CIDFontType2 descendant: glyphs are shown by two-byte
// codes that are CIDs (Identity-H), which are the glyph IDs of the
// program (CIDToGIDMap Identity). W gives every shown glyph's width from
// the program's own advances, ToUnicode its text, and the descriptor the
// face's metrics, so the font satisfies PDF/A-2 §6.2.11 and PDF/UA-1
// §7.21: embedded, widths consistent, every code mapped to Unicode.
type Font struct {
	// BaseFont is the PostScript name with its subset tag,
	// "ABCDEF+NotoSerifCJKsc-Regular".
	BaseFont string
	// Program is the TrueType font program, Flate-compressed, and
	// Length1 its length before compression.
	Program []byte
	Length1 int
	// Glyphs are the glyphs the document shows.
	Glyphs []FontGlyph
	// Metrics in thousandths of an em: Ascent above and Descent below
	// the baseline (negative), CapHeight, the glyph box (xMin, yMin,
	// xMax, yMax); ItalicAngle in degrees.
	Ascent, Descent, CapHeight, ItalicAngle float64
	BBox                                    [4]float64
	FixedPitch                              bool
}

// FontGlyph is one glyph the document shows: its ID, its advance in
// thousandths of an em and the text it stands for.
type FontGlyph struct {
	ID    uint16
	Width float64
	Text  string
}

// WriteFont writes f with the Type 0 font dictionary at r (the object the
// page resources name), its CIDFont, descriptor, font file and ToUnicode
// CMap.
func (w *Writer) WriteFont(r Ref, f *Font, z *Deflater) error {
	if len(f.Glyphs) == 0 {
		return fmt.Errorf("pdfw: font %s shows no glyph", f.BaseFont)
	}
	glyphs := slices.Clone(f.Glyphs)
	slices.SortFunc(glyphs, func(a, b FontGlyph) int { return int(a.ID) - int(b.ID) })
	for i, g := range glyphs {
		if g.ID == 0 {
			return fmt.Errorf("pdfw: font %s: glyph 0 (.notdef) shown", f.BaseFont)
		}
		if i > 0 && glyphs[i-1].ID == g.ID {
			return fmt.Errorf("pdfw: font %s: glyph %d given twice", f.BaseFont, g.ID)
		}
	}
	file := w.AddStream(D("Length1", f.Length1, "Filter", Name("FlateDecode")), f.Program)
	flags := 4 // symbolic: the font has glyphs outside the standard Latin set
	if f.FixedPitch {
		flags |= 1
	}
	desc := w.Add(D("Type", Name("FontDescriptor"), "FontName", Name(f.BaseFont), "Flags", flags,
		"FontBBox", Array{f.BBox[0], f.BBox[1], f.BBox[2], f.BBox[3]},
		"ItalicAngle", f.ItalicAngle, "Ascent", f.Ascent, "Descent", f.Descent,
		"CapHeight", f.CapHeight, "StemV", 80, "FontFile2", file))
	cid := w.Add(D("Type", Name("Font"), "Subtype", Name("CIDFontType2"), "BaseFont", Name(f.BaseFont),
		"CIDSystemInfo", D("Registry", Text("Adobe"), "Ordering", Text("Identity"), "Supplement", 0),
		"FontDescriptor", desc, "DW", 1000, "W", widths(glyphs), "CIDToGIDMap", Name("Identity")))
	toUnicode := w.AddStream(D("Filter", Name("FlateDecode")), z.Deflate(toUnicodeCMap(glyphs)))
	w.Object(r, D("Type", Name("Font"), "Subtype", Name("Type0"), "BaseFont", Name(f.BaseFont),
		"Encoding", Name("Identity-H"), "DescendantFonts", Array{cid}, "ToUnicode", toUnicode))
	return w.err
}

// widths is the W array of glyphs sorted by ID: one "c [w …]" entry per
// run of consecutive IDs.
func widths(glyphs []FontGlyph) Array {
	var out Array
	for i := 0; i < len(glyphs); {
		j := i + 1
		for j < len(glyphs) && glyphs[j].ID == glyphs[j-1].ID+1 {
			j++
		}
		run := make(Array, 0, j-i)
		for _, g := range glyphs[i:j] {
			run = append(run, g.Width)
		}
		out = append(out, int(glyphs[i].ID), run)
		i = j
	}
	return out
}

// toUnicodeCMap maps each glyph's code to its text (PDF 32000-1 §9.10.3),
// at most 100 entries to a bfchar block.
func toUnicodeCMap(glyphs []FontGlyph) []byte {
	b := []byte(`/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
`)
	var mapped []FontGlyph
	for _, g := range glyphs {
		if g.Text != "" {
			mapped = append(mapped, g)
		}
	}
	for i := 0; i < len(mapped); i += 100 {
		block := mapped[i:min(i+100, len(mapped))]
		b = strconv.AppendInt(b, int64(len(block)), 10)
		b = append(b, " beginbfchar\n"...)
		for _, g := range block {
			b = append(b, '<')
			b = appendHex16(b, g.ID)
			b = append(b, "> <"...)
			for _, u := range utf16.Encode([]rune(g.Text)) {
				b = appendHex16(b, u)
			}
			b = append(b, ">\n"...)
		}
		b = append(b, "endbfchar\n"...)
	}
	b = append(b, `endcmap
CMapName currentdict /CMap defineresource pop
end
end
`...)
	return b
}

func appendHex16(b []byte, v uint16) []byte {
	return append(b, hexDigit[v>>12], hexDigit[v>>8&15], hexDigit[v>>4&15], hexDigit[v&15])
}
