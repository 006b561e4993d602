package fonts

// Contextual lookups (GSUB types 5 and 6, GPOS types 7 and 8) share their
// formats: a sequence of glyphs, classes or coverages to match, with
// backtrack and lookahead for the chained kind, and lookup records naming
// the lookups to apply at positions of the match.

// ctxRule is one rule of a format 1 (glyphs) or format 2 (classes)
// contextual subtable; input leaves out the first glyph (or class).
type ctxRule struct {
	backtrack, input, lookahead []uint16
	records                     [][2]uint16 // sequence index, lookup index
}

// readArray reads n 16-bit values at off of b.
func (r *otReader) readArray(b []byte, off, n int) []uint16 {
	r.spend(n)
	out := make([]uint16, n)
	for i := range out {
		out[i] = uint16(u16(b, off+2*i))
	}
	return out
}

// rule reads a SequenceRule (chained: a ChainedSequenceRule).
func (r *otReader) rule(b []byte, chained bool) ctxRule {
	var c ctxRule
	var off, records int
	if chained {
		n := u16(b, 0)
		c.backtrack = r.readArray(b, 2, n)
		off = 2 + 2*n
		n = u16(b, off)
		if n == 0 {
			panic("empty input sequence")
		}
		c.input = r.readArray(b, off+2, n-1)
		off += 2 * n
		n = u16(b, off)
		c.lookahead = r.readArray(b, off+2, n)
		off += 2 + 2*n
		records = u16(b, off)
		off += 2
	} else {
		n := u16(b, 0)
		if n == 0 {
			panic("empty input sequence")
		}
		records = u16(b, 2)
		c.input = r.readArray(b, 4, n-1)
		off = 4 + 2*(n-1)
	}
	r.spend(records)
	for i := range records {
		at := off + 4*i
		c.records = append(c.records, [2]uint16{uint16(u16(b, at)), uint16(u16(b, at+2))})
	}
	return c
}

// ruleSets reads the rule sets of a format 1 or 2 subtable: count at off,
// then offsets from b (NULL sets give nil).
func (r *otReader) ruleSets(b []byte, off int, chained bool) [][]ctxRule {
	n := u16(b, off)
	r.spend(n)
	sets := make([][]ctxRule, n)
	for i := range sets {
		set := sub(b, off+2+2*i)
		if set == nil {
			continue
		}
		k := u16(set, 0)
		r.spend(k)
		for j := range k {
			sets[i] = append(sets[i], r.rule(set[u16(set, 2+2*j):], chained))
		}
	}
	return sets
}

// coverageList reads a count at off of b and that many coverage offsets.
func (r *otReader) coverageList(b []byte, off int) [][]uint16 {
	n := u16(b, off)
	r.spend(n)
	out := make([][]uint16, n)
	for i := range out {
		out[i] = r.coverage(b[u16(b, off+2+2*i):])
	}
	return out
}

// contextLookups returns the lookups a contextual subtable applies.
func (r *otReader) contextLookups(b []byte, chained bool) []int {
	var out []int
	addRules := func(sets [][]ctxRule) {
		for _, set := range sets {
			for _, rule := range set {
				for _, rec := range rule.records {
					out = append(out, int(rec[1]))
				}
			}
		}
	}
	switch format := u16(b, 0); {
	case format == 1:
		addRules(r.ruleSets(b, 4, chained))
	case format == 2 && !chained:
		addRules(r.ruleSets(b, 6, chained))
	case format == 2 && chained:
		addRules(r.ruleSets(b, 10, chained))
	case format == 3:
		for _, rec := range r.format3Records(b, chained) {
			out = append(out, int(rec[1]))
		}
	default:
		panic("unknown contextual format")
	}
	return out
}

// format3Records reads the lookup records of a format 3 subtable.
func (r *otReader) format3Records(b []byte, chained bool) [][2]uint16 {
	var off, n int
	if chained {
		off = 2
		for range 3 { // backtrack, input, lookahead coverages
			off += 2 + 2*u16(b, off)
		}
		n = u16(b, off)
		off += 2
	} else {
		glyphs := u16(b, 2)
		n = u16(b, 4)
		off = 6 + 2*glyphs
	}
	r.spend(n)
	out := make([][2]uint16, n)
	for i := range out {
		out[i] = [2]uint16{uint16(u16(b, off+4*i)), uint16(u16(b, off+4*i+2))}
	}
	return out
}

// remapRecords maps the lookup records through lookupMap (old index →
// new index, -1 for a lookup left out), dropping those of lost lookups.
func remapRecords(records [][2]uint16, lookupMap []int) [][2]uint16 {
	var out [][2]uint16
	for _, rec := range records {
		if int(rec[1]) < len(lookupMap) && lookupMap[rec[1]] >= 0 {
			out = append(out, [2]uint16{rec[0], uint16(lookupMap[rec[1]])})
		}
	}
	return out
}

// ruleObj writes a rule.
func ruleObj(c ctxRule, chained bool) *otObj {
	o := newObj(0)
	if chained {
		o.u16(len(c.backtrack))
		for _, g := range c.backtrack {
			o.u16(int(g))
		}
		o.u16(len(c.input) + 1)
		for _, g := range c.input {
			o.u16(int(g))
		}
		o.u16(len(c.lookahead))
		for _, g := range c.lookahead {
			o.u16(int(g))
		}
		o.u16(len(c.records))
	} else {
		o.u16(len(c.input) + 1)
		o.u16(len(c.records))
		for _, g := range c.input {
			o.u16(int(g))
		}
	}
	for _, rec := range c.records {
		o.u16(int(rec[0]))
		o.u16(int(rec[1]))
	}
	return o
}

// ruleSetObj writes a rule set (nil for no rules).
func ruleSetObj(rules []ctxRule, chained bool) *otObj {
	if len(rules) == 0 {
		return nil
	}
	o := newObj(0)
	o.u16(len(rules))
	for _, rule := range rules {
		o.link16(ruleObj(rule, chained))
	}
	return o
}

// contextObj writes a contextual subtable pruned to the glyphs of keep,
// with lookup indices mapped through lookupMap, or returns nil when
// nothing of it can match any more.
func (r *otReader) contextObj(b []byte, chained bool, keep glyphSet, lookupMap []int) *otObj {
	switch format := u16(b, 0); {
	case format == 1:
		return r.contextGlyphs(b, chained, keep, lookupMap)
	case format == 2:
		return r.contextClasses(b, chained, keep, lookupMap)
	case format == 3:
		return r.contextCoverages(b, chained, keep, lookupMap)
	}
	panic("unknown contextual format")
}

// contextGlyphs prunes a format 1 subtable: rules whose glyphs are all
// kept.
func (r *otReader) contextGlyphs(b []byte, chained bool, keep glyphSet, lookupMap []int) *otObj {
	cov := r.coverage(sub(b, 2))
	sets := r.ruleSets(b, 4, chained)
	var glyphs []uint16
	var kept [][]ctxRule
	for i, g := range cov {
		if !keep.has(int(g)) || i >= len(sets) || (len(glyphs) > 0 && g <= glyphs[len(glyphs)-1]) {
			continue
		}
		var rules []ctxRule
		for _, rule := range sets[i] {
			if keep.allIn(rule.backtrack) && keep.allIn(rule.input) && keep.allIn(rule.lookahead) {
				rule.records = remapRecords(rule.records, lookupMap)
				rules = append(rules, rule)
			}
		}
		if len(rules) > 0 {
			glyphs = append(glyphs, g)
			kept = append(kept, rules)
		}
	}
	if len(glyphs) == 0 {
		return nil
	}
	o := newObj(0)
	o.u16(1)
	o.link16(coverageObj(glyphs))
	o.u16(len(kept))
	for _, rules := range kept {
		o.link16(ruleSetObj(rules, chained))
	}
	return o
}

// contextClasses prunes a format 2 subtable: the coverage and class
// definitions to the kept glyphs, the class rules as they are.
func (r *otReader) contextClasses(b []byte, chained bool, keep glyphSet, lookupMap []int) *otObj {
	glyphs := r.keptCoverage(sub(b, 2), keep)
	if len(glyphs) == 0 {
		return nil
	}
	classDefs := 1
	if chained {
		classDefs = 3
	}
	o := newObj(0)
	o.u16(2)
	o.link16(coverageObj(glyphs))
	for i := range classDefs {
		var classes map[uint16]uint16
		if d := sub(b, 4+2*i); d != nil {
			classes = keptClassDef(r.classDef(d), keep, nil)
		}
		o.link16(classDefObj(classes))
	}
	sets := r.ruleSets(b, 4+2*classDefs, chained)
	o.u16(len(sets))
	for _, set := range sets {
		for k := range set {
			set[k].records = remapRecords(set[k].records, lookupMap)
		}
		o.link16(ruleSetObj(set, chained))
	}
	return o
}

// contextCoverages prunes a format 3 subtable: each coverage to the kept
// glyphs; a coverage left empty can never match.
func (r *otReader) contextCoverages(b []byte, chained bool, keep glyphSet, lookupMap []int) *otObj {
	var lists [][][]uint16 // backtrack, input, lookahead (input only when not chained)
	if chained {
		off := 2
		for range 3 {
			lists = append(lists, r.coverageList(b, off))
			off += 2 + 2*u16(b, off)
		}
	} else {
		n := u16(b, 2)
		r.spend(n)
		input := make([][]uint16, n)
		for i := range input {
			input[i] = r.coverage(b[u16(b, 6+2*i):])
		}
		lists = [][][]uint16{input}
	}
	records := remapRecords(r.format3Records(b, chained), lookupMap)
	o := newObj(0)
	o.u16(3)
	if !chained {
		o.u16(len(lists[0]))
		o.u16(len(records))
	}
	for _, list := range lists {
		if chained {
			o.u16(len(list))
		}
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
			glyphs = sortedUnique(glyphs)
			o.link16(coverageObj(glyphs))
		}
	}
	if chained {
		o.u16(len(records))
	}
	for _, rec := range records {
		o.u16(int(rec[0]))
		o.u16(int(rec[1]))
	}
	return o
}
