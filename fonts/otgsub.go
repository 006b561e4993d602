package fonts

import "slices"

// GSUB subtables in a web subset: each is read, closed over (the glyphs
// it can produce from kept glyphs join the subset) and written back
// pruned to the kept glyphs. Glyph IDs are the font's own (web subsets
// retain them), so a pruned subtable is the original less the entries
// that mention a glyph the subset does not have.

// GSUB lookup types.
const (
	gsubSingle       = 1
	gsubMultiple     = 2
	gsubAlternate    = 3
	gsubLigature     = 4
	gsubContext      = 5
	gsubChain        = 6
	gsubExtension    = 7
	gsubReverseChain = 8
)

// chunkRecords is the most coverage entries written in one subtable, so
// that a subtable with its arrays and coverage always fits 16-bit offsets.
const chunkRecords = 2000

// glyphRecord is a covered glyph with the glyphs it maps to: a single
// substitution's substitute, a sequence, alternates, or (for ligatures)
// several ligatures flattened by ligRecord.
type glyphRecord struct {
	glyph uint16
	out   []uint16
}

// singles reads a single substitution: (glyph, substitute) pairs.
func (r *otReader) singles(b []byte) []glyphRecord {
	cov := r.coverage(sub(b, 2))
	out := make([]glyphRecord, len(cov))
	switch u16(b, 0) {
	case 1:
		delta := u16(b, 4)
		for i, g := range cov {
			out[i] = glyphRecord{g, []uint16{uint16(int(g) + delta)}}
		}
	case 2:
		if u16(b, 4) < len(cov) {
			panic("short substitute array")
		}
		for i, g := range cov {
			out[i] = glyphRecord{g, []uint16{uint16(u16(b, 6+2*i))}}
		}
	default:
		panic("unknown single substitution format")
	}
	return out
}

// sequences reads a multiple or alternate substitution: each covered
// glyph with its sequence (or set of alternates).
func (r *otReader) sequences(b []byte) []glyphRecord {
	if u16(b, 0) != 1 {
		panic("unknown substitution format")
	}
	cov := r.coverage(sub(b, 2))
	if u16(b, 4) < len(cov) {
		panic("short sequence array")
	}
	out := make([]glyphRecord, len(cov))
	for i, g := range cov {
		seq := b[u16(b, 6+2*i):]
		out[i] = glyphRecord{g, r.readArray(seq, 2, u16(seq, 0))}
	}
	return out
}

// ligature is one ligature of a ligature substitution.
type ligature struct {
	first      uint16
	components []uint16 // after the first
	glyph      uint16
}

// ligatures reads a ligature substitution.
func (r *otReader) ligatures(b []byte) []ligature {
	if u16(b, 0) != 1 {
		panic("unknown ligature substitution format")
	}
	cov := r.coverage(sub(b, 2))
	if u16(b, 4) < len(cov) {
		panic("short ligature set array")
	}
	var out []ligature
	for i, g := range cov {
		set := b[u16(b, 6+2*i):]
		n := u16(set, 0)
		r.spend(n)
		for j := range n {
			lig := set[u16(set, 2+2*j):]
			k := u16(lig, 2)
			if k == 0 {
				panic("ligature without components")
			}
			out = append(out, ligature{g, r.readArray(lig, 4, k-1), uint16(u16(lig, 0))})
		}
	}
	return out
}

// reverseChain reads a reverse chaining single substitution: its pairs
// and its backtrack and lookahead coverages.
func (r *otReader) reverseChain(b []byte) (pairs []glyphRecord, context [][]uint16) {
	if u16(b, 0) != 1 {
		panic("unknown reverse chaining format")
	}
	cov := r.coverage(sub(b, 2))
	context = append(context, r.coverageList(b, 4)...)
	off := 4 + 2 + 2*u16(b, 4)
	context = append(context, r.coverageList(b, off)...)
	off += 2 + 2*u16(b, off)
	if u16(b, off) < len(cov) {
		panic("short substitute array")
	}
	for i, g := range cov {
		pairs = append(pairs, glyphRecord{g, []uint16{uint16(u16(b, off+2+2*i))}})
	}
	return pairs, context
}

// gsubClose adds to keep every glyph the subtable b (of lookup type typ,
// extensions resolved) produces from kept glyphs, and reports whether it
// added any. Contextual subtables add nothing themselves: the lookups
// they call are closed over as lookups of their own.
func (r *otReader) gsubClose(typ int, b []byte, keep glyphSet) bool {
	added := false
	closeRecords := func(recs []glyphRecord) {
		for _, rec := range recs {
			if keep.has(int(rec.glyph)) {
				for _, g := range rec.out {
					added = keep.add(int(g)) || added
				}
			}
		}
	}
	switch typ {
	case gsubSingle:
		closeRecords(r.singles(b))
	case gsubMultiple, gsubAlternate:
		closeRecords(r.sequences(b))
	case gsubLigature:
		for _, l := range r.ligatures(b) {
			if keep.has(int(l.first)) && keep.allIn(l.components) {
				added = keep.add(int(l.glyph)) || added
			}
		}
	case gsubReverseChain:
		pairs, _ := r.reverseChain(b)
		closeRecords(pairs)
	}
	return added
}

// gsubObjs writes the subtable b (of lookup type typ) pruned to keep, as
// one or more subtables of the same type (none when nothing is left).
func (r *otReader) gsubObjs(typ int, b []byte, keep glyphSet, lookupMap []int) []*otObj {
	switch typ {
	case gsubSingle:
		return chunked(keptRecords(r.singles(b), keep, false), singleSubstObj)
	case gsubMultiple:
		return chunked(keptRecords(r.sequences(b), keep, false), func(recs []glyphRecord) *otObj { return sequenceSubstObj(recs) })
	case gsubAlternate:
		return chunked(keptRecords(r.sequences(b), keep, true), func(recs []glyphRecord) *otObj { return sequenceSubstObj(recs) })
	case gsubLigature:
		var ligs []ligature
		for _, l := range r.ligatures(b) {
			if keep.has(int(l.first)) && keep.allIn(l.components) && keep.has(int(l.glyph)) {
				ligs = append(ligs, l)
			}
		}
		return ligatureObjs(ligs)
	case gsubContext, gsubChain:
		if o := r.contextObj(b, typ == gsubChain, keep, lookupMap); o != nil {
			return []*otObj{o}
		}
	case gsubReverseChain:
		if o := r.reverseChainObj(b, keep); o != nil {
			return []*otObj{o}
		}
	}
	return nil
}

// keptRecords returns the records of kept glyphs whose outputs are all
// kept, sorted by glyph; with some, outputs that are not kept are dropped
// instead (alternates: any one will do).
func keptRecords(recs []glyphRecord, keep glyphSet, some bool) []glyphRecord {
	var out []glyphRecord
	for _, rec := range recs {
		if !keep.has(int(rec.glyph)) {
			continue
		}
		if some {
			var alts []uint16
			for _, g := range rec.out {
				if keep.has(int(g)) {
					alts = append(alts, g)
				}
			}
			if len(alts) == 0 {
				continue
			}
			rec.out = alts
		} else if !keep.allIn(rec.out) {
			continue
		}
		out = append(out, rec)
	}
	slices.SortStableFunc(out, func(a, b glyphRecord) int { return int(a.glyph) - int(b.glyph) })
	return slices.CompactFunc(out, func(a, b glyphRecord) bool { return a.glyph == b.glyph })
}

// chunked writes records (sorted by glyph) in subtables of at most
// chunkRecords each.
func chunked(recs []glyphRecord, write func([]glyphRecord) *otObj) []*otObj {
	var out []*otObj
	for len(recs) > 0 {
		n := min(len(recs), chunkRecords)
		out = append(out, write(recs[:n]))
		recs = recs[n:]
	}
	return out
}

func recordGlyphs(recs []glyphRecord) []uint16 {
	glyphs := make([]uint16, len(recs))
	for i, rec := range recs {
		glyphs[i] = rec.glyph
	}
	return glyphs
}

// singleSubstObj writes a single substitution: format 1 when every
// substitute is the glyph plus one delta, else format 2.
func singleSubstObj(recs []glyphRecord) *otObj {
	o := newObj(0)
	delta := int(recs[0].out[0]) - int(recs[0].glyph)
	same := true
	for _, rec := range recs {
		same = same && int(rec.out[0])-int(rec.glyph) == delta
	}
	if same {
		o.u16(1)
		o.link16(coverageObj(recordGlyphs(recs)))
		o.u16(delta)
		return o
	}
	o.u16(2)
	o.link16(coverageObj(recordGlyphs(recs)))
	o.u16(len(recs))
	for _, rec := range recs {
		o.u16(int(rec.out[0]))
	}
	return o
}

// sequenceSubstObj writes a multiple or alternate substitution (the two
// have the same layout).
func sequenceSubstObj(recs []glyphRecord) *otObj {
	o := newObj(0)
	o.u16(1)
	o.link16(coverageObj(recordGlyphs(recs)))
	o.u16(len(recs))
	for _, rec := range recs {
		seq := newObj(0)
		seq.u16(len(rec.out))
		for _, g := range rec.out {
			seq.u16(int(g))
		}
		o.link16(seq)
	}
	return o
}

// ligatureObjs writes ligature substitutions, the ligatures of each first
// glyph in their original order.
func ligatureObjs(ligs []ligature) []*otObj {
	slices.SortStableFunc(ligs, func(a, b ligature) int { return int(a.first) - int(b.first) })
	var groups [][]ligature // by first glyph
	for i, l := range ligs {
		if i > 0 && ligs[i-1].first == l.first {
			groups[len(groups)-1] = append(groups[len(groups)-1], l)
			continue
		}
		groups = append(groups, []ligature{l})
	}
	var out []*otObj
	for len(groups) > 0 {
		chunk := groups[:min(len(groups), chunkRecords)]
		groups = groups[len(chunk):]
		glyphs := make([]uint16, len(chunk))
		for i, g := range chunk {
			glyphs[i] = g[0].first
		}
		o := newObj(0)
		o.u16(1)
		o.link16(coverageObj(glyphs))
		o.u16(len(chunk))
		for _, group := range chunk {
			set := newObj(0)
			set.u16(len(group))
			for _, l := range group {
				lig := newObj(0)
				lig.u16(int(l.glyph))
				lig.u16(len(l.components) + 1)
				for _, g := range l.components {
					lig.u16(int(g))
				}
				set.link16(lig)
			}
			o.link16(set)
		}
		out = append(out, o)
	}
	return out
}

// reverseChainObj writes a reverse chaining substitution pruned to keep,
// or nil when it can no longer match.
func (r *otReader) reverseChainObj(b []byte, keep glyphSet) *otObj {
	pairs, _ := r.reverseChain(b)
	recs := keptRecords(pairs, keep, false)
	if len(recs) == 0 {
		return nil
	}
	o := newObj(0)
	o.u16(1)
	o.link16(coverageObj(recordGlyphs(recs)))
	off := 4
	for range 2 { // backtrack, lookahead
		list := r.coverageList(b, off)
		off += 2 + 2*u16(b, off)
		o.u16(len(list))
		for _, cov := range list {
			var glyphs []uint16
			for _, g := range cov {
				if keep.has(int(g)) {
					glyphs = append(glyphs, g)
				}
			}
			if len(glyphs) == 0 {
				return nil
			}
			o.link16(coverageObj(sortedUnique(glyphs)))
		}
	}
	o.u16(len(recs))
	for _, rec := range recs {
		o.u16(int(rec.out[0]))
	}
	return o
}
