package fonts

import (
	"math/bits"
	"slices"
)

// GPOS subtables in a web subset: each is written back pruned to the kept
// glyphs (positioning adds no glyphs, so there is nothing to close over).

// GPOS lookup types.
const (
	gposSingle    = 1
	gposPair      = 2
	gposCursive   = 3
	gposMarkBase  = 4
	gposMarkLig   = 5
	gposMarkMark  = 6
	gposContext   = 7
	gposChain     = 8
	gposExtension = 9
)

// valueRec is a ValueRecord: its bytes, device offsets zero, and the
// device tables they point to (relative to the table that holds the
// record).
type valueRec struct {
	data []byte
	devs []valueDev
}

type valueDev struct {
	at  int // position in data
	dev *otObj
}

// valueSize is the size of a ValueRecord of the format, bytes.
func valueSize(format int) int { return 2 * bits.OnesCount16(uint16(format&0xFF)) }

// value reads the ValueRecord at off of parent.
func (r *otReader) value(parent []byte, off, format int) valueRec {
	n := valueSize(format)
	v := valueRec{data: slices.Clone(parent[off : off+n])}
	at := 0
	for bit := 0; bit < 8; bit++ {
		if format&(1<<bit) == 0 {
			continue
		}
		if bit >= 4 { // a device offset
			v.data[at], v.data[at+1] = 0, 0
			if dev := r.deviceObj(sub(parent, off+at)); dev != nil {
				v.devs = append(v.devs, valueDev{at, dev})
			}
		}
		at += 2
	}
	return v
}

// appendValue appends a ValueRecord to o, linking its device tables.
func (o *otObj) appendValue(v valueRec) {
	base := len(o.data)
	o.data = append(o.data, v.data...)
	for _, d := range v.devs {
		o.linkAt(base+d.at, d.dev)
	}
}

func sameValue(a, b valueRec) bool {
	return string(a.data) == string(b.data) && len(a.devs) == 0 && len(b.devs) == 0
}

// gposObjs writes the subtable b (of lookup type typ, extensions
// resolved) pruned to keep: one or more subtables of the same type, none
// when nothing is left.
func (r *otReader) gposObjs(typ int, b []byte, keep glyphSet, lookupMap []int) []*otObj {
	var o *otObj
	switch typ {
	case gposSingle:
		return r.singlePosObjs(b, keep)
	case gposPair:
		if u16(b, 0) == 1 {
			return r.pairGlyphObjs(b, keep)
		}
		o = r.pairClassObj(b, keep)
	case gposCursive:
		o = r.cursiveObj(b, keep)
	case gposMarkBase, gposMarkMark:
		o = r.markBaseObj(b, keep)
	case gposMarkLig:
		o = r.markLigObj(b, keep)
	case gposContext, gposChain:
		o = r.contextObj(b, typ == gposChain, keep, lookupMap)
	}
	if o == nil {
		return nil
	}
	return []*otObj{o}
}

// singlePosObjs prunes a single adjustment.
func (r *otReader) singlePosObjs(b []byte, keep glyphSet) []*otObj {
	cov := r.coverage(sub(b, 2))
	format := u16(b, 4)
	type rec struct {
		glyph uint16
		v     valueRec
	}
	var recs []rec
	switch u16(b, 0) {
	case 1:
		v := r.value(b, 6, format)
		for _, g := range cov {
			if keep.has(int(g)) {
				recs = append(recs, rec{g, v})
			}
		}
	case 2:
		if u16(b, 6) < len(cov) {
			panic("short value array")
		}
		size := valueSize(format)
		for i, g := range cov {
			if keep.has(int(g)) {
				recs = append(recs, rec{g, r.value(b, 8+size*i, format)})
			}
		}
	default:
		panic("unknown single adjustment format")
	}
	slices.SortStableFunc(recs, func(a, b rec) int { return int(a.glyph) - int(b.glyph) })
	recs = slices.CompactFunc(recs, func(a, b rec) bool { return a.glyph == b.glyph })
	var out []*otObj
	for len(recs) > 0 {
		chunk := recs[:min(len(recs), chunkRecords)]
		recs = recs[len(chunk):]
		glyphs := make([]uint16, len(chunk))
		same := true
		for i, c := range chunk {
			glyphs[i] = c.glyph
			same = same && sameValue(c.v, chunk[0].v)
		}
		o := newObj(0)
		if same {
			o.u16(1)
			o.link16(coverageObj(glyphs))
			o.u16(format)
			o.appendValue(chunk[0].v)
		} else {
			o.u16(2)
			o.link16(coverageObj(glyphs))
			o.u16(format)
			o.u16(len(chunk))
			for _, c := range chunk {
				o.appendValue(c.v)
			}
		}
		out = append(out, o)
	}
	return out
}

// pairGlyphObjs prunes a pair adjustment of format 1 (pairs of glyphs).
func (r *otReader) pairGlyphObjs(b []byte, keep glyphSet) []*otObj {
	cov := r.coverage(sub(b, 2))
	f1, f2 := u16(b, 4), u16(b, 6)
	if u16(b, 8) < len(cov) {
		panic("short pair set array")
	}
	size := 2 + valueSize(f1) + valueSize(f2)
	type pairSet struct {
		first uint16
		set   *otObj
	}
	var sets []pairSet
	for i, g := range cov {
		if !keep.has(int(g)) || (len(sets) > 0 && g <= sets[len(sets)-1].first) {
			continue
		}
		src := b[u16(b, 10+2*i):]
		n := u16(src, 0)
		r.spend(n)
		set := newObj(2)
		count := 0
		for j := range n {
			at := 2 + size*j
			second := u16(src, at)
			if !keep.has(second) {
				continue
			}
			count++
			set.u16(second)
			set.appendValue(r.value(src, at+2, f1))
			set.appendValue(r.value(src, at+2+valueSize(f1), f2))
		}
		if count > 0 {
			set.data[0], set.data[1] = byte(count>>8), byte(count)
			sets = append(sets, pairSet{g, set})
		}
	}
	var out []*otObj
	for len(sets) > 0 {
		chunk := sets[:min(len(sets), chunkRecords)]
		sets = sets[len(chunk):]
		glyphs := make([]uint16, len(chunk))
		for i, s := range chunk {
			glyphs[i] = s.first
		}
		o := newObj(0)
		o.u16(1)
		o.link16(coverageObj(glyphs))
		o.u16(f1)
		o.u16(f2)
		o.u16(len(chunk))
		for _, s := range chunk {
			o.link16(s.set)
		}
		out = append(out, o)
	}
	return out
}

// pairClassObj prunes a pair adjustment of format 2 (pairs of classes):
// the classes no kept glyph is in are dropped from the class matrix.
func (r *otReader) pairClassObj(b []byte, keep glyphSet) *otObj {
	glyphs := r.keptCoverage(sub(b, 2), keep)
	if len(glyphs) == 0 {
		return nil
	}
	f1, f2 := u16(b, 4), u16(b, 6)
	classes1, classes2 := r.classDef(sub(b, 8)), r.classDef(sub(b, 10))
	n1, n2 := u16(b, 12), u16(b, 14)
	r.spend(n1 * n2)
	// The classes kept, old → new (class 0 stays 0).
	remap := func(classes map[uint16]uint16, n int, used func(g uint16) bool) (map[uint16]uint16, []int) {
		m := map[uint16]uint16{}
		olds := []int{0}
		seen := make([]bool, n)
		for g, c := range classes {
			if int(c) < n && used(g) {
				seen[c] = true
			}
		}
		for c := 1; c < n; c++ {
			if seen[c] {
				m[uint16(c)] = uint16(len(olds))
				olds = append(olds, c)
			}
		}
		return m, olds
	}
	inCov := make(map[uint16]bool, len(glyphs))
	for _, g := range glyphs {
		inCov[g] = true
	}
	map1, old1 := remap(classes1, n1, func(g uint16) bool { return inCov[g] })
	map2, old2 := remap(classes2, n2, func(g uint16) bool { return keep.has(int(g)) })
	o := newObj(0)
	o.u16(2)
	o.link16(coverageObj(glyphs))
	o.u16(f1)
	o.u16(f2)
	o.link16(classDefObj(keptClassDef(classes1, keep, map1)))
	o.link16(classDefObj(keptClassDef(classes2, keep, map2)))
	o.u16(len(old1))
	o.u16(len(old2))
	size := valueSize(f1) + valueSize(f2)
	for _, c1 := range old1 {
		for _, c2 := range old2 {
			at := 16 + size*(c1*n2+c2)
			o.appendValue(r.value(b, at, f1))
			o.appendValue(r.value(b, at+valueSize(f1), f2))
		}
	}
	return o
}

// cursiveObj prunes a cursive attachment.
func (r *otReader) cursiveObj(b []byte, keep glyphSet) *otObj {
	if u16(b, 0) != 1 {
		panic("unknown cursive attachment format")
	}
	cov := r.coverage(sub(b, 2))
	if u16(b, 4) < len(cov) {
		panic("short entry/exit array")
	}
	order := keptIndices(cov, keep)
	if len(order) == 0 {
		return nil
	}
	o := newObj(0)
	o.u16(1)
	o.link16(coverageObj(indexedGlyphs(cov, order)))
	o.u16(len(order))
	for _, i := range order {
		o.link16(r.anchorObj(sub(b, 6+4*i)))
		o.link16(r.anchorObj(sub(b, 8+4*i)))
	}
	return o
}

// keptIndices returns the coverage indices of the kept glyphs, in glyph
// order, one per glyph.
func keptIndices(cov []uint16, keep glyphSet) []int {
	var idx []int
	for i, g := range cov {
		if keep.has(int(g)) {
			idx = append(idx, i)
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int { return int(cov[a]) - int(cov[b]) })
	return slices.CompactFunc(idx, func(a, b int) bool { return cov[a] == cov[b] })
}

func indexedGlyphs(cov []uint16, idx []int) []uint16 {
	out := make([]uint16, len(idx))
	for i, j := range idx {
		out[i] = cov[j]
	}
	return out
}

// markArrayObj writes the MarkArray at b for the marks at the coverage
// indices idx.
func (r *otReader) markArrayObj(b []byte, idx []int, classes int) *otObj {
	o := newObj(0)
	o.u16(len(idx))
	for _, i := range idx {
		class := u16(b, 2+4*i)
		if class >= classes {
			panic("mark class out of range")
		}
		o.u16(class)
		o.link16(r.anchorObj(sub(b, 4+4*i)))
	}
	return o
}

// anchorRowsObj writes a BaseArray or Mark2Array (or the component
// records of a LigatureAttach) at b: rows of classes anchors, for the
// rows idx.
func (r *otReader) anchorRowsObj(b []byte, idx []int, classes int) *otObj {
	o := newObj(0)
	o.u16(len(idx))
	r.spend(len(idx) * classes)
	for _, i := range idx {
		for c := range classes {
			o.link16(r.anchorObj(sub(b, 2+2*(i*classes+c))))
		}
	}
	return o
}

// markBaseObj prunes a mark-to-base or mark-to-mark attachment (the two
// have the same layout).
func (r *otReader) markBaseObj(b []byte, keep glyphSet) *otObj {
	if u16(b, 0) != 1 {
		panic("unknown mark attachment format")
	}
	marks, bases := r.coverage(sub(b, 2)), r.coverage(sub(b, 4))
	classes := u16(b, 6)
	markArray, baseArray := sub(b, 8), sub(b, 10)
	if u16(markArray, 0) < len(marks) || u16(baseArray, 0) < len(bases) {
		panic("short mark or base array")
	}
	mi, bi := keptIndices(marks, keep), keptIndices(bases, keep)
	if len(mi) == 0 || len(bi) == 0 {
		return nil
	}
	o := newObj(0)
	o.u16(1)
	o.link16(coverageObj(indexedGlyphs(marks, mi)))
	o.link16(coverageObj(indexedGlyphs(bases, bi)))
	o.u16(classes)
	o.link16(r.markArrayObj(markArray, mi, classes))
	o.link16(r.anchorRowsObj(baseArray, bi, classes))
	return o
}

// markLigObj prunes a mark-to-ligature attachment.
func (r *otReader) markLigObj(b []byte, keep glyphSet) *otObj {
	if u16(b, 0) != 1 {
		panic("unknown mark-to-ligature format")
	}
	marks, ligs := r.coverage(sub(b, 2)), r.coverage(sub(b, 4))
	classes := u16(b, 6)
	markArray, ligArray := sub(b, 8), sub(b, 10)
	if u16(markArray, 0) < len(marks) || u16(ligArray, 0) < len(ligs) {
		panic("short mark or ligature array")
	}
	mi, li := keptIndices(marks, keep), keptIndices(ligs, keep)
	if len(mi) == 0 || len(li) == 0 {
		return nil
	}
	o := newObj(0)
	o.u16(1)
	o.link16(coverageObj(indexedGlyphs(marks, mi)))
	o.link16(coverageObj(indexedGlyphs(ligs, li)))
	o.u16(classes)
	o.link16(r.markArrayObj(markArray, mi, classes))
	arr := newObj(0)
	arr.u16(len(li))
	for _, i := range li {
		attach := ligArray[u16(ligArray, 2+2*i):]
		components := u16(attach, 0)
		all := make([]int, components)
		for k := range all {
			all[k] = k
		}
		arr.link16(r.anchorRowsObj(attach, all, classes))
	}
	o.link16(arr)
	return o
}
