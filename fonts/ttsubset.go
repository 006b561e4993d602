package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// A TrueType subsetter of qikan's own. github.com/tdewolff/font, which the
// first versions used, re-encodes the outline of every glyph it keeps (30 ms
// for 2,500 CJK glyphs, and an export makes four subsets), writes an empty
// .notdef, writes no format 4 cmap when a character above U+FFFF is kept
// (gopdf looks up every BMP character there), needs the name table and
// head.modified put back, and builds its reverse cmap lazily, so that one
// parsed font cannot be subset from two goroutines. Subsetting a glyf font
// is mostly copying: the outlines are kept byte for byte, less their
// hinting instructions (the hinting tables do not travel with a subset, and
// instructions calling into a missing fpgm are worse than none).

// ttFont is a standalone TrueType font read for subsetting.
type ttFont struct {
	tabs []sfntTable
	n    int      // glyphs
	loca []uint32 // n+1 offsets into glyf
	glyf []byte
	// outlines, when set, gives the outlines instead of glyf and loca
	// (a face whose rare outlines are stored apart: rare.go).
	outlines func(g uint16) []byte
}

func (t *ttFont) get(tag string) []byte { return tableData(t.tabs, tag) }

// readTTFont reads the tables of data a subset needs.
func readTTFont(data []byte) (*ttFont, error) {
	_, tabs, err := readTables(data, 0)
	if err != nil {
		return nil, err
	}
	t := &ttFont{tabs: tabs}
	head, maxp, hhea := t.get("head"), t.get("maxp"), t.get("hhea")
	if len(head) < 54 || len(maxp) < 6 || len(hhea) < 36 {
		return nil, errors.New("head, maxp or hhea table missing or short")
	}
	t.n = int(binary.BigEndian.Uint16(maxp[4:]))
	t.glyf = t.get("glyf")
	t.loca, err = locaOffsets(t.get("loca"), t.n, binary.BigEndian.Uint16(head[50:]) == 1, len(t.glyf))
	if err != nil {
		return nil, err
	}
	return t, nil
}

// outline returns the glyf data of glyph g (empty for none).
func (t *ttFont) outline(g uint16) []byte {
	if int(g) >= t.n {
		return nil
	}
	if t.outlines != nil {
		return t.outlines(g)
	}
	return t.glyf[t.loca[g]:t.loca[g+1]]
}

// addComponents adds .notdef and the components of composite glyphs to
// keep (n entries).
func (t *ttFont) addComponents(keep []bool) {
	done := make([]bool, t.n)
	var visit func(g uint16, depth int)
	visit = func(g uint16, depth int) {
		if int(g) >= t.n || done[g] {
			return
		}
		done[g], keep[g] = true, true
		if depth < 16 { // deeper nesting is corrupt (or hostile)
			forComponents(t.outline(g), func(_ int, component uint16) { visit(component, depth+1) })
		}
	}
	keep[0] = true
	for g, k := range keep {
		if k {
			visit(uint16(g), 0)
		}
	}
}

// subsetTables returns the tables of a subset of the standalone TrueType
// font data holding glyphs (old glyph IDs; .notdef and the components of
// composite glyphs are added) and mapping each rune of cmap to its glyph.
// order lists the kept old glyph IDs in the order of the subset: the new
// ID of order[i] is i.
func subsetTables(data []byte, glyphs []uint16, cmap map[rune]uint16) (tables []sfntTable, order []uint16, err error) {
	t, err := readTTFont(data)
	if err != nil {
		return nil, nil, err
	}
	keep := make([]bool, t.n)
	for _, g := range glyphs {
		if int(g) < t.n {
			keep[g] = true
		}
	}
	t.addComponents(keep)
	tables, order, err = t.glyphTables(keep, cmap, false)
	return tables, order, err
}

// glyphTables returns the tables of a subset holding the glyphs of keep
// (which must hold .notdef and the components of its composites) and
// mapping each rune of cmap to its glyph. The kept glyphs are numbered
// anew, in their order in the font, unless retain is set: then every glyph
// keeps its ID and those not kept are left empty, with their advances but
// side bearings of 0. order lists the old glyph IDs in the order of the
// subset: the new ID of order[i] is i.
func (t *ttFont) glyphTables(keep []bool, cmap map[rune]uint16, retain bool) (tables []sfntTable, order []uint16, err error) {
	be := binary.BigEndian
	newID := make([]uint16, t.n)
	for g, k := range keep {
		if k || retain {
			newID[g] = uint16(len(order))
			order = append(order, uint16(g))
		}
	}

	// glyf and loca (long offsets), outlines 4-byte aligned.
	size := 0
	for _, g := range order {
		if keep[g] {
			size += len(t.outline(g)) + 3
		}
	}
	newGlyf := make([]byte, 0, size)
	newLoca := make([]byte, 0, 4*(len(order)+1))
	for _, g := range order {
		newLoca = be.AppendUint32(newLoca, uint32(len(newGlyf)))
		if !keep[g] {
			continue
		}
		newGlyf = appendOutline(newGlyf, t.outline(g), newID)
		for len(newGlyf)%4 != 0 {
			newGlyf = append(newGlyf, 0)
		}
	}
	newLoca = be.AppendUint32(newLoca, uint32(len(newGlyf)))

	hhea := t.get("hhea")
	newHmtx, newLong := subsetMetrics(t.get("hmtx"), int(be.Uint16(hhea[34:])), order, keep)
	newHead := slices.Clone(t.get("head"))
	be.PutUint16(newHead[50:], 1) // indexToLocFormat: long
	newMaxp := slices.Clone(t.get("maxp"))
	be.PutUint16(newMaxp[4:], uint16(len(order)))
	newHhea := slices.Clone(hhea)
	be.PutUint16(newHhea[34:], uint16(newLong))
	post := make([]byte, 32) // version 3: no glyph names
	if p := t.get("post"); len(p) >= 32 {
		copy(post[4:], p[4:32])
	}
	be.PutUint32(post, 0x00030000)

	mapped := make(map[rune]uint16, len(cmap))
	for r, g := range cmap {
		if int(g) < t.n && keep[g] {
			mapped[r] = newID[g]
		}
	}
	newCmap, err := buildCmap(mapped)
	if err != nil {
		return nil, nil, err
	}

	tables = []sfntTable{
		{"cmap", newCmap}, {"glyf", newGlyf}, {"head", newHead}, {"hhea", newHhea},
		{"hmtx", newHmtx}, {"loca", newLoca}, {"maxp", newMaxp}, {"post", post},
	}
	if name := subsetNames(t.get("name"), keptName); name != nil {
		tables = append(tables, sfntTable{"name", name})
	}
	if os2 := t.get("OS/2"); os2 != nil {
		tables = append(tables, sfntTable{"OS/2", os2})
	}
	return tables, order, nil
}

// subsetMetrics returns an hmtx (or vmtx) table for the glyphs of order
// (old IDs in subset order) from the font's table with long long metrics,
// and its number of long metrics: long metrics up to the last change of
// advance, then side bearings. Glyphs not in keep get a side bearing of 0.
func subsetMetrics(mtx []byte, long int, order []uint16, keep []bool) ([]byte, int) {
	be := binary.BigEndian
	metric := func(g uint16) (adv uint16, bearing uint16) {
		i := min(int(g), long-1)
		if i >= 0 && 4*i+4 <= len(mtx) {
			adv = be.Uint16(mtx[4*i:])
		}
		if !keep[g] {
			return adv, 0
		}
		switch j := 4*long + 2*(int(g)-long); {
		case int(g) < long && 4*int(g)+4 <= len(mtx):
			bearing = be.Uint16(mtx[4*int(g)+2:])
		case int(g) >= long && j >= 0 && j+2 <= len(mtx):
			bearing = be.Uint16(mtx[j:])
		}
		return adv, bearing
	}
	newLong := len(order)
	for newLong > 1 {
		a, _ := metric(order[newLong-1])
		b, _ := metric(order[newLong-2])
		if a != b {
			break
		}
		newLong--
	}
	out := make([]byte, 0, 2*len(order)+2*newLong)
	for i, g := range order {
		adv, bearing := metric(g)
		if i < newLong {
			out = be.AppendUint16(out, adv)
		}
		out = be.AppendUint16(out, bearing)
	}
	return out, newLong
}

// locaOffsets reads the n+1 glyph offsets of loca. An offset out of order
// or past the end of glyf is clamped, which leaves the glyph empty.
func locaOffsets(loca []byte, n int, long bool, glyfLen int) ([]uint32, error) {
	size := 2
	if long {
		size = 4
	}
	if len(loca) < (n+1)*size {
		return nil, fmt.Errorf("loca table too short for %d glyphs", n)
	}
	out := make([]uint32, n+1)
	prev := uint32(0)
	for i := range out {
		var off uint32
		if long {
			off = binary.BigEndian.Uint32(loca[4*i:])
		} else {
			off = 2 * uint32(binary.BigEndian.Uint16(loca[2*i:]))
		}
		off = min(max(off, prev), uint32(glyfLen))
		out[i], prev = off, off
	}
	return out, nil
}

// Composite glyph flags (OpenType glyf table).
const (
	argsAreWords    = 0x0001
	haveScale       = 0x0008
	moreComponents  = 0x0020
	haveXYScale     = 0x0040
	haveTwoByTwo    = 0x0080
	haveInstruction = 0x0100
)

// forComponents calls f with the offset of each component record of a
// composite outline and the component's glyph ID; a simple or empty
// outline has none. Records that run past the outline end the walk.
func forComponents(outline []byte, f func(offset int, glyph uint16)) {
	if len(outline) < 10 || int16(binary.BigEndian.Uint16(outline)) >= 0 {
		return
	}
	for off := 10; off+4 <= len(outline); {
		flags := binary.BigEndian.Uint16(outline[off:])
		f(off, binary.BigEndian.Uint16(outline[off+2:]))
		off += componentLength(flags)
		if flags&moreComponents == 0 {
			return
		}
	}
}

// componentLength is the size of a component record with these flags.
func componentLength(flags uint16) int {
	n := 6 // flags, glyph index, two byte-sized arguments
	if flags&argsAreWords != 0 {
		n += 2
	}
	switch {
	case flags&haveScale != 0:
		n += 2
	case flags&haveXYScale != 0:
		n += 4
	case flags&haveTwoByTwo != 0:
		n += 8
	}
	return n
}

// appendOutline appends an outline without its instructions: a simple
// glyph with an instruction length of 0, a composite one with its
// components renumbered by newID and no WE_HAVE_INSTRUCTIONS. A truncated
// outline is left out (the glyph becomes empty).
func appendOutline(dst, outline []byte, newID []uint16) []byte {
	be := binary.BigEndian
	if len(outline) < 10 {
		return dst
	}
	contours := int16(be.Uint16(outline))
	if contours >= 0 {
		at := 10 + 2*int(contours) // instructionLength
		if at+2 > len(outline) {
			return dst
		}
		rest := at + 2 + int(be.Uint16(outline[at:]))
		if rest > len(outline) {
			return dst
		}
		dst = append(dst, outline[:at]...)
		dst = append(dst, 0, 0)
		return append(dst, outline[rest:]...)
	}
	start := len(dst)
	end := 10
	dst = append(dst, outline...)
	forComponents(outline, func(off int, g uint16) {
		flags := be.Uint16(outline[off:])
		if int(g) < len(newID) {
			g = newID[g]
		} else {
			g = 0
		}
		be.PutUint16(dst[start+off+2:], g)
		be.PutUint16(dst[start+off:], flags&^haveInstruction)
		end = min(off+componentLength(flags), len(outline))
	})
	return dst[:start+end]
}

// buildCmap writes a cmap table mapping runes to glyphs: a format 4
// subtable for the Basic Multilingual Plane (platforms 0/3 and 3/1) and,
// when a rune lies beyond it, a format 12 subtable for all of them
// (platforms 0/4 and 3/10).
func buildCmap(m map[rune]uint16) ([]byte, error) {
	runes := make([]rune, 0, len(m))
	astral := false
	for r := range m {
		if r < 0 || r > 0x10FFFF || r == 0xFFFF {
			continue
		}
		runes = append(runes, r)
		astral = astral || r > 0xFFFF
	}
	slices.Sort(runes)
	bmp := runes
	if i, _ := slices.BinarySearch(runes, 0x10000); astral {
		bmp = runes[:i]
	}
	f4, err := cmapFormat4(bmp, m)
	if err != nil {
		return nil, err
	}
	be := binary.BigEndian
	type record struct{ platform, encoding, format uint16 }
	records := []record{{0, 3, 4}, {3, 1, 4}}
	var f12 []byte
	if astral {
		f12 = cmapFormat12(runes, m)
		records = []record{{0, 3, 4}, {0, 4, 12}, {3, 1, 4}, {3, 10, 12}}
	}
	off4 := uint32(4 + 8*len(records))
	off12 := off4 + uint32(len(f4))
	out := be.AppendUint16(nil, 0)
	out = be.AppendUint16(out, uint16(len(records)))
	for _, rec := range records {
		out = be.AppendUint16(out, rec.platform)
		out = be.AppendUint16(out, rec.encoding)
		if rec.format == 4 {
			out = be.AppendUint32(out, off4)
		} else {
			out = be.AppendUint32(out, off12)
		}
	}
	out = append(out, f4...)
	return append(out, f12...), nil
}

// cmapFormat4 writes a format 4 subtable for runes (sorted, all below
// U+FFFF). Each run of consecutive characters is a segment, by idDelta
// when its glyphs are consecutive too, else through glyphIdArray; runs
// close together are merged (the gap mapped to .notdef) until the subtable
// fits its 16-bit length.
func cmapFormat4(runes []rune, m map[rune]uint16) ([]byte, error) {
	type segment struct {
		start, end rune
	}
	var runs []segment
	for _, r := range runes {
		if k := len(runs) - 1; k >= 0 && runs[k].end+1 == r {
			runs[k].end = r
		} else {
			runs = append(runs, segment{r, r})
		}
	}
	delta := func(s segment) bool { // every character mapped, glyphs consecutive
		for r := s.start; r < s.end; r++ {
			g, ok := m[r]
			h, ok2 := m[r+1]
			if !ok || !ok2 || h != g+1 {
				return false
			}
		}
		return true
	}
	var segs []segment
	for gap := rune(0); ; gap = 2*gap + 1 {
		segs = segs[:0]
		for _, s := range runs {
			if k := len(segs) - 1; k >= 0 && s.start-segs[k].end-1 <= gap {
				segs[k].end = s.end
			} else {
				segs = append(segs, s)
			}
		}
		size := 16 + 8*(len(segs)+1)
		for _, s := range segs {
			if !delta(s) {
				size += 2 * int(s.end-s.start+1)
			}
		}
		if size <= 0xFFFF {
			break
		}
		if gap > 0xFFFF {
			return nil, fmt.Errorf("too many characters for one font (%d)", len(runes))
		}
	}
	segs = append(segs, segment{0xFFFF, 0xFFFF}) // the required last segment

	be := binary.BigEndian
	count := len(segs)
	var ends, starts, deltas, rangeOffsets, glyphIDs []byte
	arrayLen := 0
	for i, s := range segs {
		ends = be.AppendUint16(ends, uint16(s.end))
		starts = be.AppendUint16(starts, uint16(s.start))
		switch {
		case i == count-1: // 0xFFFF → .notdef
			deltas = be.AppendUint16(deltas, 1)
			rangeOffsets = be.AppendUint16(rangeOffsets, 0)
		case delta(s):
			deltas = be.AppendUint16(deltas, m[s.start]-uint16(s.start))
			rangeOffsets = be.AppendUint16(rangeOffsets, 0)
		default:
			deltas = be.AppendUint16(deltas, 0)
			rangeOffsets = be.AppendUint16(rangeOffsets, uint16(2*(count-i)+2*arrayLen))
			for r := s.start; r <= s.end; r++ {
				glyphIDs = be.AppendUint16(glyphIDs, m[r]) // 0 in gaps
				arrayLen++
			}
		}
	}
	entrySelector := 0
	for 1<<(entrySelector+1) <= count {
		entrySelector++
	}
	searchRange := 2 << entrySelector
	out := be.AppendUint16(nil, 4)
	out = be.AppendUint16(out, uint16(16+8*count+len(glyphIDs)))
	out = be.AppendUint16(out, 0) // language
	out = be.AppendUint16(out, uint16(2*count))
	out = be.AppendUint16(out, uint16(searchRange))
	out = be.AppendUint16(out, uint16(entrySelector))
	out = be.AppendUint16(out, uint16(2*count-searchRange))
	out = append(out, ends...)
	out = be.AppendUint16(out, 0) // reservedPad
	out = append(out, starts...)
	out = append(out, deltas...)
	out = append(out, rangeOffsets...)
	return append(out, glyphIDs...), nil
}

// cmapFormat12 writes a format 12 subtable for runes (sorted): one group
// per run of consecutive characters with consecutive glyphs.
func cmapFormat12(runes []rune, m map[rune]uint16) []byte {
	type group struct {
		start, end rune
		glyph      uint16
	}
	var groups []group
	for _, r := range runes {
		g := m[r]
		if k := len(groups) - 1; k >= 0 && groups[k].end+1 == r && uint32(groups[k].glyph)+uint32(r-groups[k].start) == uint32(g) {
			groups[k].end = r
			continue
		}
		groups = append(groups, group{r, r, g})
	}
	be := binary.BigEndian
	out := be.AppendUint16(nil, 12)
	out = be.AppendUint16(out, 0)
	out = be.AppendUint32(out, uint32(16+12*len(groups)))
	out = be.AppendUint32(out, 0) // language
	out = be.AppendUint32(out, uint32(len(groups)))
	for _, g := range groups {
		out = be.AppendUint32(out, uint32(g.start))
		out = be.AppendUint32(out, uint32(g.end))
		out = be.AppendUint32(out, uint32(g.glyph))
	}
	return out
}

// Hollow returns the TrueType font ttf with every outline removed: the same
// glyph IDs, metrics, cmap and names, an empty glyf. A PDF writer that
// measures text and numbers glyphs from a font but embeds it at its own
// pace (gopdf re-subsets and compresses the font it is given) can work
// from the hollow font while the real one is embedded by other means.
func Hollow(ttf []byte) ([]byte, error) {
	version, tabs, err := readTables(ttf, 0)
	if err != nil {
		return nil, err
	}
	maxp := tableData(tabs, "maxp")
	if len(maxp) < 6 {
		return nil, errors.New("no maxp table")
	}
	n := int(binary.BigEndian.Uint16(maxp[4:]))
	out := make([]sfntTable, 0, len(tabs))
	for _, t := range tabs {
		switch t.tag {
		case "glyf":
			t.data = nil
		case "loca":
			t.data = make([]byte, 2*(n+1)) // short offsets, all 0
		case "head":
			if len(t.data) < 54 {
				return nil, errors.New("short head table")
			}
			t.data = slices.Clone(t.data)
			binary.BigEndian.PutUint16(t.data[50:], 0) // indexToLocFormat: short
		}
		out = append(out, t)
	}
	return writeSFNT(version, out), nil
}
