package fonts

import (
	"errors"
	"fmt"
	"slices"
)

// The OpenType layout tables of a web subset. Reading systems shape text
// with HarfBuzz or their platform's shaper, which apply the features
// below when the text asks for them (CSS text-spacing-trim: halt/vhal,
// chws/vchw; vertical-rl: vert, vrt2, vhal, vkrn, vpal; lang: locl;
// text-combine-upright: hwid, twid, qwid; ruby: ruby) or always (ccmp,
// liga, calt, kern, mark, mkmk…). A web subset keeps the lookups of these
// features and of the lookups they call, pruned to the kept glyphs, under
// the font's own glyph IDs; every other feature is left out.

// webGSUB and webGPOS are the features web subsets keep.
var (
	webGSUB = []string{"calt", "ccmp", "clig", "hwid", "liga", "ljmo", "locl", "qwid", "rclt", "rlig",
		"ruby", "tjmo", "twid", "vert", "vjmo", "vrt2"}
	webGPOS = []string{"chws", "dist", "halt", "kern", "mark", "mkmk", "palt", "vchw", "vert", "vhal",
		"vkrn", "vpal"}
)

// langSys is a language system: its tag ("" for a script's default), the
// required feature (-1 for none) and the features, as indices into the
// feature list.
type langSys struct {
	tag      string
	required int
	features []int
}

// script is a script of a layout table's script list.
type script struct {
	tag   string
	langs []langSys // the default language system first, when there is one
}

// feature is a feature of the feature list.
type feature struct {
	tag     string
	lookups []int
}

// otLookup is a lookup of the lookup list, extension subtables resolved.
type otLookup struct {
	typ, flag, markSet int
	subtables          [][]byte
}

// layoutTable is a GSUB or GPOS table read for subsetting.
type layoutTable struct {
	r        *otReader
	gpos     bool
	scripts  []script
	features []feature
	lookups  []otLookup
}

// tagAt reads a 4-byte tag.
func tagAt(b []byte, off int) string { return string(b[off : off+4]) }

// readLayout reads a GSUB (gpos false) or GPOS table.
func readLayout(data []byte, gpos bool) (t *layoutTable, err error) {
	defer func() {
		if r := recover(); r != nil {
			t, err = nil, fmt.Errorf("corrupt layout table (%v)", r)
		}
	}()
	r := &otReader{work: layoutBudget}
	t = &layoutTable{r: r, gpos: gpos}
	if u16(data, 0) != 1 {
		return nil, errors.New("unknown layout table version")
	}
	scripts, features, lookups := sub(data, 4), sub(data, 6), sub(data, 8)
	if scripts == nil || features == nil || lookups == nil {
		return nil, errors.New("layout table without script, feature or lookup list")
	}
	n := u16(scripts, 0)
	r.spend(n)
	for i := range n {
		sc := scripts[u16(scripts, 2+6*i+4):]
		s := script{tag: tagAt(scripts, 2+6*i)}
		if def := sub(sc, 0); def != nil {
			s.langs = append(s.langs, r.langSys(def, ""))
		}
		k := u16(sc, 2)
		r.spend(k)
		for j := range k {
			s.langs = append(s.langs, r.langSys(sc[u16(sc, 4+6*j+4):], tagAt(sc, 4+6*j)))
		}
		t.scripts = append(t.scripts, s)
	}
	n = u16(features, 0)
	r.spend(n)
	for i := range n {
		f := features[u16(features, 2+6*i+4):]
		t.features = append(t.features, feature{tag: tagAt(features, 2+6*i), lookups: intArray(r.readArray(f, 4, u16(f, 2)))})
	}
	n = u16(lookups, 0)
	r.spend(n)
	for i := range n {
		t.lookups = append(t.lookups, t.readLookup(lookups[u16(lookups, 2+2*i):]))
	}
	return t, nil
}

func intArray(a []uint16) []int {
	out := make([]int, len(a))
	for i, v := range a {
		out[i] = int(v)
	}
	return out
}

// langSys reads a LangSys table.
func (r *otReader) langSys(b []byte, tag string) langSys {
	l := langSys{tag: tag, required: u16(b, 2)}
	if l.required == 0xFFFF {
		l.required = -1
	}
	l.features = intArray(r.readArray(b, 6, u16(b, 4)))
	return l
}

// readLookup reads a Lookup table, resolving extension subtables.
func (t *layoutTable) readLookup(b []byte) otLookup {
	l := otLookup{typ: u16(b, 0), flag: u16(b, 2), markSet: -1}
	n := u16(b, 4)
	t.r.spend(n)
	if l.flag&0x10 != 0 { // useMarkFilteringSet
		l.markSet = u16(b, 6+2*n)
	}
	ext := gsubExtension
	if t.gpos {
		ext = gposExtension
	}
	extType := 0
	for i := range n {
		st := b[u16(b, 6+2*i):]
		if l.typ == ext {
			if u16(st, 0) != 1 || (extType != 0 && u16(st, 2) != extType) {
				panic("bad extension subtable")
			}
			extType = u16(st, 2)
			st = st[u32(st, 4):]
		}
		l.subtables = append(l.subtables, st)
	}
	if l.typ == ext {
		l.typ = extType
	}
	return l
}

// keptFeature reports whether web subsets keep the feature.
func (t *layoutTable) keptFeature(i int) bool {
	if i < 0 || i >= len(t.features) {
		return false
	}
	if t.gpos {
		return slices.Contains(webGPOS, t.features[i].tag)
	}
	return slices.Contains(webGSUB, t.features[i].tag)
}

// activeLookups returns the lookups that shaping text of the given
// OpenType languages applies through the kept features, with the lookups
// their contextual subtables call: for each script, the language systems
// of those tags, or its default one when it has none of them (as
// HarfBuzz chooses); every language system when all is set.
func (t *layoutTable) activeLookups(langs []string, all bool) []bool {
	active := make([]bool, len(t.lookups))
	var stack []int
	addFeature := func(i int) {
		if !t.keptFeature(i) {
			return
		}
		for _, l := range t.features[i].lookups {
			if l < len(active) && !active[l] {
				active[l] = true
				stack = append(stack, l)
			}
		}
	}
	for _, s := range t.scripts {
		found := false
		for _, ls := range s.langs {
			if ls.tag != "" && (all || slices.Contains(langs, ls.tag)) {
				found = true
			}
		}
		for _, ls := range s.langs {
			if all || (ls.tag == "" && !found) || (ls.tag != "" && slices.Contains(langs, ls.tag)) {
				addFeature(ls.required)
				for _, f := range ls.features {
					addFeature(f)
				}
			}
		}
	}
	context := t.contextTypes()
	for len(stack) > 0 {
		l := t.lookups[stack[len(stack)-1]]
		stack = stack[:len(stack)-1]
		if !slices.Contains(context, l.typ) {
			continue
		}
		for _, st := range l.subtables {
			for _, n := range t.r.contextLookups(st, l.typ == context[1]) {
				if n < len(active) && !active[n] {
					active[n] = true
					stack = append(stack, n)
				}
			}
		}
	}
	return active
}

// contextTypes returns the lookup types of contextual and chained
// contextual subtables.
func (t *layoutTable) contextTypes() []int {
	if t.gpos {
		return []int{gposContext, gposChain}
	}
	return []int{gsubContext, gsubChain}
}

// close adds to keep every glyph the active GSUB lookups can produce from
// glyphs in keep, until nothing more is added.
func (t *layoutTable) close(active []bool, keep glyphSet) {
	for changed := true; changed; {
		changed = false
		for i, l := range t.lookups {
			if !active[i] {
				continue
			}
			for _, st := range l.subtables {
				changed = t.r.gsubClose(l.typ, st, keep) || changed
			}
		}
	}
}

// subset writes the table for a web subset keeping the glyphs of keep:
// the kept features (in every language system) and their lookups, pruned;
// nil when nothing is left.
func (t *layoutTable) subset(keep glyphSet) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("corrupt layout table (%v)", r)
		}
	}()
	wanted := t.activeLookups(nil, true)
	objs := func(l otLookup, st []byte, lookupMap []int) []*otObj {
		if t.gpos {
			return t.r.gposObjs(l.typ, st, keep, lookupMap)
		}
		return t.r.gsubObjs(l.typ, st, keep, lookupMap)
	}
	// Which lookups are left: a first pass, with contextual subtables
	// calling lookups by their old indices.
	identity := make([]int, len(t.lookups))
	for i := range identity {
		identity[i] = i
	}
	lookupMap := make([]int, len(t.lookups))
	kept := 0
	for i, l := range t.lookups {
		lookupMap[i] = -1
		if !wanted[i] {
			continue
		}
		for _, st := range l.subtables {
			if len(objs(l, st, identity)) > 0 {
				lookupMap[i] = kept
				kept++
				break
			}
		}
	}
	if kept == 0 {
		return nil, nil
	}
	lookups := make([]otLookup, 0, kept)
	subtables := make([][]*otObj, 0, kept)
	for i, l := range t.lookups {
		if lookupMap[i] < 0 {
			continue
		}
		var sts []*otObj
		for _, st := range l.subtables {
			sts = append(sts, objs(l, st, lookupMap)...)
		}
		lookups = append(lookups, l)
		subtables = append(subtables, sts)
	}
	// Features with lookups left, and the language systems that use them.
	featureMap := make([]int, len(t.features))
	var features []feature
	for i, f := range t.features {
		featureMap[i] = -1
		if !t.keptFeature(i) {
			continue
		}
		var ls []int
		for _, l := range f.lookups {
			if l < len(lookupMap) && lookupMap[l] >= 0 {
				ls = append(ls, lookupMap[l])
			}
		}
		if len(ls) > 0 {
			featureMap[i] = len(features)
			features = append(features, feature{f.tag, ls})
		}
	}
	for _, ext := range []bool{false, true} {
		out, err = packLayout(t.layoutObj(features, featureMap, lookups, subtables, ext))
		if err == nil {
			return out, nil
		}
	}
	return nil, err
}

// layoutObj builds the graph of a layout table: header, script list
// (language systems with their features mapped through featureMap),
// feature list and lookups; with ext, every lookup is an extension lookup
// whose subtables sit behind 32-bit offsets.
func (t *layoutTable) layoutObj(features []feature, featureMap []int, lookups []otLookup, subtables [][]*otObj, ext bool) *otObj {
	root := newObj(0)
	root.u16(1)
	root.u16(0)
	scripts := newObj(0)
	scripts.u16(len(t.scripts))
	for _, s := range t.scripts {
		scripts.data = append(scripts.data, s.tag...)
		so := newObj(0)
		var def *otObj
		var langs []langSys
		for _, ls := range s.langs {
			if ls.tag == "" {
				def = langSysObj(ls, featureMap)
			} else {
				langs = append(langs, ls)
			}
		}
		so.link16(def)
		so.u16(len(langs))
		for _, ls := range langs {
			so.data = append(so.data, ls.tag...)
			so.link16(langSysObj(ls, featureMap))
		}
		scripts.link16(so)
	}
	root.link16(scripts)
	fl := newObj(0)
	fl.u16(len(features))
	for _, f := range features {
		fl.data = append(fl.data, f.tag...)
		fo := newObj(0)
		fo.u16(0) // featureParams
		fo.u16(len(f.lookups))
		for _, l := range f.lookups {
			fo.u16(l)
		}
		fl.link16(fo)
	}
	root.link16(fl)
	ll := newObj(0)
	ll.u16(len(lookups))
	for k, l := range lookups {
		lo := newObj(0)
		typ := l.typ
		if ext {
			typ = gsubExtension
			if t.gpos {
				typ = gposExtension
			}
		}
		lo.u16(typ)
		lo.u16(l.flag)
		lo.u16(len(subtables[k]))
		for _, st := range subtables[k] {
			if ext {
				e := newObj(0)
				e.u16(1)
				e.u16(l.typ)
				e.link32(st)
				lo.link16(e)
			} else {
				lo.link16(st)
			}
		}
		if l.flag&0x10 != 0 {
			lo.u16(l.markSet)
		}
		ll.link16(lo)
	}
	root.link16(ll)
	return root
}

// langSysObj writes a LangSys table with its features mapped through
// featureMap (features left out are dropped).
func langSysObj(ls langSys, featureMap []int) *otObj {
	o := newObj(0)
	o.u16(0) // lookupOrder
	required := 0xFFFF
	if ls.required >= 0 && ls.required < len(featureMap) && featureMap[ls.required] >= 0 {
		required = featureMap[ls.required]
	}
	o.u16(required)
	var fs []int
	for _, f := range ls.features {
		if f >= 0 && f < len(featureMap) && featureMap[f] >= 0 {
			fs = append(fs, featureMap[f])
		}
	}
	o.u16(len(fs))
	for _, f := range fs {
		o.u16(f)
	}
	return o
}
