package pdf

import (
	"fmt"
	"math"
	"unicode/utf8"

	lpdf "github.com/ledongthuc/pdf"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// The checks of fonts and glyphs (veraPDF rules 6.2.11, PDF/UA-1 7.21;
// see verapdf_test.go).

// fontDicts returns every font dictionary of the file by object number.
func fontDicts(f *pdfaFile) map[int]types.Dict {
	out := map[int]types.Dict{}
	f.doc.Objects(func(n int, o types.Object) {
		d, ok := o.(types.Dict)
		if t := d.NameEntry("Type"); ok && t != nil && *t == "Font" {
			out[n] = d
		}
	})
	return out
}

func checkFonts(f *pdfaFile) []error {
	var e errs
	for n, d := range fontDicts(f) {
		st := d.NameEntry("Subtype")
		switch {
		case st == nil:
			e.add("font %d without Subtype", n)
		case *st == "CIDFontType2":
			if fmt.Sprint(d["CIDToGIDMap"]) != "Identity" && f.doc.Dict(d["CIDToGIDMap"]) == nil {
				e.add("CIDFont %d: CIDToGIDMap %v", n, d["CIDToGIDMap"])
			}
			fd := f.doc.Dict(d["FontDescriptor"])
			if fd["FontFile2"] == nil {
				e.add("CIDFont %d: no embedded TrueType program", n)
			}
			if fd["CIDSet"] != nil {
				e.add("CIDFont %d: CIDSet (not checked against the program)", n)
			}
		case *st == "Type0":
			if fmt.Sprint(d["Encoding"]) != "Identity-H" {
				e.add("Type0 font %d: Encoding %v", n, d["Encoding"])
			}
			desc, _ := f.doc.Resolve(d["DescendantFonts"]).(types.Array)
			if len(desc) != 1 {
				e.add("Type0 font %d: %d descendants", n, len(desc))
				continue
			}
			csi := f.doc.Dict(f.doc.Dict(desc[0])["CIDSystemInfo"])
			// With Identity-H any Registry and Ordering are compatible;
			// they must be present.
			if f.doc.Text(csi["Registry"]) == "" || f.doc.Text(csi["Ordering"]) == "" || csi["Supplement"] == nil {
				e.add("Type0 font %d: CIDSystemInfo %v", n, csi)
			}
			if d["ToUnicode"] == nil {
				e.add("Type0 font %d: no ToUnicode", n)
			}
		default:
			e.add("font %d: %s (qikan writes only Type 0 fonts)", n, *st)
		}
	}
	return e
}

// fontProgram reads the embedded TrueType program of a Type 0 font.
func fontProgram(f *pdfaFile, type0 types.Dict) (*sfnt.Font, types.Dict, error) {
	desc, _ := f.doc.Resolve(type0["DescendantFonts"]).(types.Array)
	if len(desc) == 0 {
		return nil, nil, fmt.Errorf("no descendant font")
	}
	cid := f.doc.Dict(desc[0])
	prog, _, err := f.doc.Stream(f.doc.Dict(cid["FontDescriptor"])["FontFile2"])
	if err != nil {
		return nil, nil, err
	}
	sf, err := sfnt.Parse(prog)
	return sf, cid, err
}

// cidWidths reads a CIDFont's W array: CID → width.
func cidWidths(f *pdfaFile, cid types.Dict) map[int]float64 {
	out := map[int]float64{}
	w, _ := f.doc.Resolve(cid["W"]).(types.Array)
	num := func(o types.Object) float64 {
		switch v := f.doc.Resolve(o).(type) {
		case types.Integer:
			return float64(v)
		case types.Float:
			return float64(v)
		}
		return math.NaN()
	}
	for i := 0; i < len(w); {
		first := int(num(w[i]))
		if i+1 < len(w) {
			if arr, ok := f.doc.Resolve(w[i+1]).(types.Array); ok {
				for k, x := range arr {
					out[first+k] = num(x)
				}
				i += 2
				continue
			}
		}
		if i+2 >= len(w) {
			break
		}
		for c := first; c <= int(num(w[i+1])); c++ {
			out[c] = num(w[i+2])
		}
		i += 3
	}
	return out
}

// pdfaFont is a Type 0 font's program and widths, as the glyph
// checks read them.
type pdfaFont struct {
	base   string
	sf     *sfnt.Font
	widths map[int]float64
	dw     float64
	enc    lpdf.TextEncoding
}

// loadFont reads the Type 0 font d (BaseFont base) for the glyph checks.
func loadFont(f *pdfaFile, base string, d types.Dict, enc lpdf.TextEncoding) (*pdfaFont, error) {
	sf, cid, err := fontProgram(f, d)
	if err != nil {
		return nil, err
	}
	ef := &pdfaFont{base: base, sf: sf, widths: cidWidths(f, cid), dw: 1000, enc: enc}
	if dw, ok := f.doc.Resolve(cid["DW"]).(types.Integer); ok {
		ef.dw = float64(dw)
	}
	return ef, nil
}

// checkGlyph checks one glyph shown with the font: not .notdef, in the
// program, its width the program's, mapped to a Unicode value.
func (ef *pdfaFont) checkGlyph(e *errs, page int, code string, buf *sfnt.Buffer) {
	cid := int(code[0])<<8 | int(code[1])
	if cid == 0 {
		e.add("page %d: font %s shows .notdef", page, ef.base)
		return
	}
	if cid >= ef.sf.NumGlyphs() {
		e.add("page %d: font %s shows glyph %d of %d", page, ef.base, cid, ef.sf.NumGlyphs())
		return
	}
	upem := ef.sf.UnitsPerEm()
	adv, err := ef.sf.GlyphAdvance(buf, sfnt.GlyphIndex(cid), fixed.I(int(upem)), font.HintingNone)
	w, ok := ef.widths[cid]
	if !ok {
		w = ef.dw
	}
	if want := float64(adv) / 64 * 1000 / float64(upem); err != nil || math.Abs(w-want) > 1 {
		e.add("font %s glyph %d: width %g, the program's %g (%v)", ef.base, cid, w, want, err)
	}
	for _, r := range ef.enc.Decode(code) {
		if r == utf8.RuneError || r == 0 || r == 0xFEFF || r == 0xFFFE {
			e.add("font %s glyph %d maps to U+%04X", ef.base, cid, r)
		}
	}
}

// shownStrings are the strings a text-showing operator shows.
func shownStrings(c contentOp) []string {
	var raws []string
	switch c.op {
	case "TJ":
		for i := 0; i < c.args[0].Len(); i++ {
			if v := c.args[0].Index(i); v.Kind() == lpdf.String {
				raws = append(raws, v.RawString())
			}
		}
	case "Tj", "'", `"`:
		raws = append(raws, c.args[len(c.args)-1].RawString())
	}
	return raws
}

func checkGlyphs(f *pdfaFile) []error {
	var e errs
	type0 := map[string]types.Dict{} // by BaseFont
	for _, d := range fontDicts(f) {
		if st := d.NameEntry("Subtype"); st != nil && *st == "Type0" {
			type0[fmt.Sprint(d["BaseFont"])] = d
		}
	}
	loaded := map[string]*pdfaFont{}
	var cur *pdfaFont
	var buf sfnt.Buffer
	checked := map[string]bool{} // font and code
	shows := 0
	contentOps(f.t, f.data, func(c contentOp) {
		if c.op == "Tf" && len(c.args) == 2 {
			lf := lpdf.Font{V: c.res.Key("Font").Key(c.args[0].Name())}
			base := lf.BaseFont()
			if _, ok := loaded[base]; !ok {
				ef, err := loadFont(f, base, type0[base], lf.Encoder())
				if err != nil {
					e.add("font %s: %v", base, err)
				}
				loaded[base] = ef
			}
			cur = loaded[base]
			return
		}
		for _, raw := range shownStrings(c) {
			shows++
			if cur == nil || len(raw)%2 != 0 {
				e.add("page %d: text without a font or an odd string length in a two-byte font", c.page)
				continue
			}
			for i := 0; i < len(raw); i += 2 {
				if key := cur.base + raw[i:i+2]; !checked[key] {
					checked[key] = true
					cur.checkGlyph(&e, c.page, raw[i:i+2], &buf)
				}
			}
		}
	})
	if shows == 0 {
		e.add("no text shown")
	}
	return e
}
