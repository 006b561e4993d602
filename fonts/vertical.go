package fonts

import (
	"encoding/binary"

	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/font/opentype/tables"
)

// Vertical writing: CJK fonts hold vertical alternates of punctuation and
// brackets (。，「」（）— …) reached through the GSUB features 'vert' and
// 'vrt2', and vertical metrics (vhea, vmtx). The subsetter drops layout
// tables, so WOFF2 subsets (for EPUB, where browsers set vertical-rl text)
// get a small GSUB of their own holding just those substitutions, and
// vhea/vmtx rewritten for the kept glyphs.

// verticalAlternates reads the single substitutions of the 'vert' and
// 'vrt2' features of a GSUB table: glyph → vertical glyph. An absent or
// unreadable GSUB gives none.
func verticalAlternates(gsub []byte) map[uint16]uint16 {
	out := map[uint16]uint16{}
	layout, _, err := tables.ParseLayout(gsub)
	if err != nil {
		return out
	}
	vert, vrt2 := ot.MustNewTag("vert"), ot.MustNewTag("vrt2")
	features := layout.FeatureList
	var lookups []uint16
	for i, rec := range features.Records {
		if (rec.Tag == vert || rec.Tag == vrt2) && i < len(features.Features) {
			lookups = append(lookups, features.Features[i].LookupListIndices...)
		}
	}
	singleSubstitutions(layout, lookups, out)
	return out
}

// singleSubstitutions adds the single substitutions of the GSUB lookups
// (indices into layout's lookup list) to out; a glyph already in out keeps
// its substitute. Other lookup types are skipped.
func singleSubstitutions(layout tables.Layout, lookupIndices []uint16, out map[uint16]uint16) {
	lookups := layout.LookupList.Lookups
	for _, li := range lookupIndices {
		if int(li) >= len(lookups) {
			continue
		}
		subtables, err := lookups[li].AsGSUBLookups()
		if err != nil {
			continue
		}
		for _, sub := range subtables {
			if ext, ok := sub.(tables.ExtensionSubs); ok {
				if sub, err = ext.Resolve(); err != nil {
					continue
				}
			}
			single, ok := sub.(tables.SingleSubs)
			if !ok {
				continue
			}
			forCoverage(single.Data.Cov(), func(g tables.GlyphID, i int) {
				var v tables.GlyphID
				switch d := single.Data.(type) {
				case tables.SingleSubstData1:
					v = tables.GlyphID(uint16(int(g) + int(d.DeltaGlyphID))) // modulo 65536
				case tables.SingleSubstData2:
					if i >= len(d.SubstituteGlyphIDs) {
						return
					}
					v = d.SubstituteGlyphIDs[i]
				}
				if _, dup := out[uint16(g)]; !dup && v != 0 && v != g {
					out[uint16(g)] = uint16(v)
				}
			})
		}
	}
}

// forCoverage calls f with every glyph of a coverage table and its index.
func forCoverage(cov tables.Coverage, f func(g tables.GlyphID, index int)) {
	switch c := cov.(type) {
	case tables.Coverage1:
		for i, g := range c.Glyphs {
			f(g, i)
		}
	case tables.Coverage2:
		for _, r := range c.Ranges {
			for g := int(r.StartGlyphID); g <= int(r.EndGlyphID); g++ {
				f(tables.GlyphID(g), int(r.StartCoverageIndex)+g-int(r.StartGlyphID))
			}
		}
	}
}

// gsubVert writes a GSUB table with the features 'vert' and 'vrt2' (for
// the scripts DFLT, hang, hani, kana and latn) sharing one single
// substitution lookup over pairs (sorted by source glyph).
func gsubVert(pairs [][2]uint16) []byte {
	be := binary.BigEndian
	var b []byte
	u16 := func(v int) { b = be.AppendUint16(b, uint16(v)) }

	scripts := []string{"DFLT", "hang", "hani", "kana", "latn"}
	// Header.
	const header = 10
	scriptList := header
	scriptListLen := 2 + 6*len(scripts)
	script := scriptList + scriptListLen // one Script table shared by all records
	const scriptLen = 4 + 10             // Script (default LangSys at 4) + LangSys with 2 features
	featureList := script + scriptLen
	featureListLen := 2 + 6*2
	feature := featureList + featureListLen // one Feature table shared by both records
	const featureLen = 6
	lookupList := feature + featureLen
	const lookupListLen = 4
	lookup := lookupList + lookupListLen
	const lookupLen = 8
	subtable := lookup + lookupLen
	subtableLen := 6 + 2*len(pairs)
	coverage := subtable + subtableLen

	u16(1) // majorVersion
	u16(0) // minorVersion
	u16(scriptList)
	u16(featureList)
	u16(lookupList)
	// ScriptList.
	u16(len(scripts))
	for _, tag := range scripts {
		b = append(b, tag...)
		u16(script - scriptList)
	}
	// Script: default LangSys right after, no other LangSys.
	u16(4)
	u16(0)
	// LangSys.
	u16(0)      // lookupOrderOffset
	u16(0xFFFF) // requiredFeatureIndex
	u16(2)      // featureIndexCount
	u16(0)
	u16(1)
	// FeatureList: vert, vrt2 (sorted), both pointing to the same Feature.
	u16(2)
	for _, tag := range []string{"vert", "vrt2"} {
		b = append(b, tag...)
		u16(feature - featureList)
	}
	// Feature.
	u16(0) // featureParamsOffset
	u16(1) // lookupIndexCount
	u16(0)
	// LookupList.
	u16(1)
	u16(lookup - lookupList)
	// Lookup: type 1 (single substitution), no flags, one subtable.
	u16(1)
	u16(0)
	u16(1)
	u16(subtable - lookup)
	// SingleSubstFormat2.
	u16(2)
	u16(coverage - subtable)
	u16(len(pairs))
	for _, p := range pairs {
		u16(int(p[1]))
	}
	// Coverage format 1.
	u16(1)
	u16(len(pairs))
	for _, p := range pairs {
		u16(int(p[0]))
	}
	return b
}

// subsetVmtx returns vhea and vmtx tables for the glyphs (old glyph IDs in
// subset order) from the original tables, or nils when the font has none
// or they are unreadable.
func subsetVmtx(vhea, vmtx []byte, numGlyphs int, glyphs []uint16) ([]byte, []byte) {
	if len(vhea) < 36 || len(vmtx) == 0 {
		return nil, nil
	}
	be := binary.BigEndian
	long := int(be.Uint16(vhea[34:]))
	if long == 0 || long > numGlyphs || len(vmtx) < 4*long+2*(numGlyphs-long) {
		return nil, nil
	}
	metric := func(g int) (adv uint16, tsb uint16) {
		if g < long {
			return be.Uint16(vmtx[4*g:]), be.Uint16(vmtx[4*g+2:])
		}
		if g >= numGlyphs {
			return be.Uint16(vmtx[4*(long-1):]), 0
		}
		return be.Uint16(vmtx[4*(long-1):]), be.Uint16(vmtx[4*long+2*(g-long):])
	}
	out := make([]byte, 0, 4*len(glyphs))
	for _, g := range glyphs {
		adv, tsb := metric(int(g))
		out = be.AppendUint16(out, adv)
		out = be.AppendUint16(out, tsb)
	}
	newVhea := append([]byte(nil), vhea[:36]...)
	be.PutUint16(newVhea[34:], uint16(len(glyphs)))
	return newVhea, out
}
