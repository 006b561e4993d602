package fonts

import (
	"encoding/binary"
	"errors"
	"slices"
)

// Reading OpenType layout data. The readers index the font's bytes
// directly: a table that is cut short or points outside itself makes them
// panic, and the web subsetter, which calls them behind recover, then
// leaves that table out of the subset (ttsubset.go does the same for
// outlines). Every record read costs a unit of a work budget, so that a
// hostile table of offsets pointing back at shared data cannot make the
// subsetter loop for long.

// errLayoutWork reports a layout table that takes too much work to read.
var errLayoutWork = errors.New("layout table too complex")

// layoutBudget is the number of records read from one layout table; the
// GSUB of Noto Serif CJK (65,535 glyphs, every lookup read) takes about
// a quarter of it.
const layoutBudget = 4 << 20

// otReader reads the layout tables of one font.
type otReader struct {
	work int // records left to read
}

func (r *otReader) spend(n int) {
	r.work -= n
	if r.work < 0 {
		panic(errLayoutWork)
	}
}

func u16(b []byte, off int) int { return int(binary.BigEndian.Uint16(b[off:])) }

func u32(b []byte, off int) int { return int(binary.BigEndian.Uint32(b[off:])) }

// sub returns the table at the 16-bit offset stored at off of b, or nil
// when the offset is NULL.
func sub(b []byte, off int) []byte {
	o := u16(b, off)
	if o == 0 {
		return nil
	}
	return b[o:]
}

// glyphSet is the set of glyphs a web subset keeps (retained glyph IDs).
type glyphSet []bool

func (s glyphSet) has(g int) bool { return g >= 0 && g < len(s) && s[g] }

// add adds g, reporting whether it was new; glyphs the font does not have
// are ignored.
func (s glyphSet) add(g int) bool {
	if g < 0 || g >= len(s) || s[g] {
		return false
	}
	s[g] = true
	return true
}

// allIn reports whether every glyph is in s.
func (s glyphSet) allIn(glyphs []uint16) bool {
	for _, g := range glyphs {
		if !s.has(int(g)) {
			return false
		}
	}
	return true
}

// coverage reads a Coverage table: the glyphs in coverage index order
// (index i is glyphs[i]).
func (r *otReader) coverage(b []byte) []uint16 {
	switch u16(b, 0) {
	case 1:
		n := u16(b, 2)
		r.spend(n)
		out := make([]uint16, n)
		for i := range out {
			out[i] = uint16(u16(b, 4+2*i))
		}
		return out
	case 2:
		n := u16(b, 2)
		var out []uint16
		for i := range n {
			rec := b[4+6*i:]
			start, end, index := u16(rec, 0), u16(rec, 2), u16(rec, 4)
			if end < start || index != len(out) {
				panic("coverage ranges out of order")
			}
			r.spend(end - start + 1)
			for g := start; g <= end; g++ {
				out = append(out, uint16(g))
			}
		}
		return out
	}
	panic("unknown coverage format")
}

// coverageObj writes a Coverage table for glyphs (sorted, unique): format
// 1 or 2, whichever is smaller.
func coverageObj(glyphs []uint16) *otObj {
	ranges := 0
	for i, g := range glyphs {
		if i == 0 || glyphs[i-1]+1 != g {
			ranges++
		}
	}
	o := newObj(0)
	if 6*ranges < 2*len(glyphs) {
		o.u16(2)
		o.u16(ranges)
		for i, g := range glyphs {
			if i == 0 || glyphs[i-1]+1 != g {
				o.u16(int(g))
				o.u16(int(g)) // end, extended below
				o.u16(i)
			} else {
				binary.BigEndian.PutUint16(o.data[len(o.data)-4:], g)
			}
		}
		return o
	}
	o.u16(1)
	o.u16(len(glyphs))
	for _, g := range glyphs {
		o.u16(int(g))
	}
	return o
}

// keptCoverage reads a coverage and returns the glyphs of it in keep,
// sorted, or nil when none is.
func (r *otReader) keptCoverage(b []byte, keep glyphSet) []uint16 {
	var out []uint16
	for _, g := range r.coverage(b) {
		if keep.has(int(g)) {
			out = append(out, g)
		}
	}
	return sortedUnique(out)
}

// classDef reads a ClassDef table: the class of each glyph that has one
// other than 0.
func (r *otReader) classDef(b []byte) map[uint16]uint16 {
	out := map[uint16]uint16{}
	switch u16(b, 0) {
	case 1:
		start, n := u16(b, 2), u16(b, 4)
		r.spend(n)
		for i := range n {
			if c := u16(b, 6+2*i); c != 0 {
				out[uint16(start+i)] = uint16(c)
			}
		}
	case 2:
		n := u16(b, 2)
		for i := range n {
			rec := b[4+6*i:]
			start, end, c := u16(rec, 0), u16(rec, 2), u16(rec, 4)
			if end < start {
				panic("class range out of order")
			}
			r.spend(end - start + 1)
			if c == 0 {
				continue
			}
			for g := start; g <= end; g++ {
				out[uint16(g)] = uint16(c)
			}
		}
	default:
		panic("unknown class definition format")
	}
	return out
}

// keptClassDef returns the classes of the glyphs in keep, class numbers
// mapped through remap when it is not nil (a class mapped to 0 is left
// out).
func keptClassDef(classes map[uint16]uint16, keep glyphSet, remap map[uint16]uint16) map[uint16]uint16 {
	out := map[uint16]uint16{}
	for g, c := range classes {
		if !keep.has(int(g)) {
			continue
		}
		if remap != nil {
			c = remap[c]
		}
		if c != 0 {
			out[g] = c
		}
	}
	return out
}

// classDefObj writes a ClassDef table: format 1 or 2, whichever is
// smaller.
func classDefObj(classes map[uint16]uint16) *otObj {
	glyphs := make([]uint16, 0, len(classes))
	for g := range classes {
		glyphs = append(glyphs, g)
	}
	slices.Sort(glyphs)
	type rng struct{ start, end, class uint16 }
	var ranges []rng
	for _, g := range glyphs {
		c := classes[g]
		if k := len(ranges) - 1; k >= 0 && ranges[k].end+1 == g && ranges[k].class == c {
			ranges[k].end = g
			continue
		}
		ranges = append(ranges, rng{g, g, c})
	}
	o := newObj(0)
	span := 0
	if len(glyphs) > 0 {
		span = int(glyphs[len(glyphs)-1]-glyphs[0]) + 1
	}
	if len(glyphs) > 0 && 2*span <= 6*len(ranges) {
		o.u16(1)
		o.u16(int(glyphs[0]))
		o.u16(span)
		for g := int(glyphs[0]); g < int(glyphs[0])+span; g++ {
			o.u16(int(classes[uint16(g)]))
		}
		return o
	}
	o.u16(2)
	o.u16(len(ranges))
	for _, r := range ranges {
		o.u16(int(r.start))
		o.u16(int(r.end))
		o.u16(int(r.class))
	}
	return o
}

// deviceObj copies the Device table at b, or returns nil for a NULL one
// and for a VariationIndex table (web subsets carry no variation data).
func (r *otReader) deviceObj(b []byte) *otObj {
	if b == nil {
		return nil
	}
	start, end, format := u16(b, 0), u16(b, 2), u16(b, 4)
	if format < 1 || format > 3 || end < start {
		return nil
	}
	bits := 1 << format // 2, 4 or 8 bits a value
	words := ((end-start+1)*bits + 15) / 16
	r.spend(words)
	return &otObj{data: slices.Clone(b[:6+2*words])}
}

// anchorObj copies the Anchor table at b (nil for NULL), with its device
// tables.
func (r *otReader) anchorObj(b []byte) *otObj {
	if b == nil {
		return nil
	}
	r.spend(1)
	switch u16(b, 0) {
	case 1:
		return &otObj{data: slices.Clone(b[:6])}
	case 2:
		return &otObj{data: slices.Clone(b[:8])}
	case 3:
		o := &otObj{data: slices.Clone(b[:10])}
		binary.BigEndian.PutUint16(o.data[6:], 0)
		binary.BigEndian.PutUint16(o.data[8:], 0)
		o.linkAt(6, r.deviceObj(sub(b, 6)))
		o.linkAt(8, r.deviceObj(sub(b, 8)))
		return o
	}
	panic("unknown anchor format")
}

// sortedUnique sorts glyphs and removes duplicates, in place.
func sortedUnique(glyphs []uint16) []uint16 {
	slices.Sort(glyphs)
	return slices.Compact(glyphs)
}
