package fonts

import "github.com/go-text/typesetting/font/opentype/tables"

// Readers of GSUB substitutions, for the regional forms (locl) of
// region.go.

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
