package pdf

// A full page of an article leaves the foot of a column empty where a
// keep could not be met: a paragraph's first line would be alone at the
// foot (an orphan) or its last line alone at the head of the next column
// (a widow), a subhead would be without two lines of its text. Instead of
// leaving that gap, the make-up sets one of the paragraphs of the page a
// line longer or shorter (layout.Options.Looseness, as an editor tracks a
// paragraph), which moves the column break where the keeps are met.

// parSource is what a paragraph was set from, to set it again.
type parSource struct {
	spans  []span
	st     style
	w      float64
	indent float64
	tag    *node
}

// maxTighten bounds the paragraphs tried when filling the gaps of a page.
const maxTighten = 8

// reset sets the paragraph of the lines bs a line longer (loose 1) or
// shorter (-1). The keeps of its first two and last two lines (with what
// comes before and after it) carry over.
func (c *composer) reset(bs []block, loose int) []block {
	ps := bs[0].par
	lines := c.set.paragraphLoose(ps.spans, ps.w, ps.indent, loose)
	out := tagBlocks(c.gridBlocks(lines, ps.st, ps.w, justify), ps.tag)
	if len(out) != len(bs)+loose {
		return nil
	}
	ps.st.notes.resolve(out)
	keepLines(out)
	for i := range min(2, len(bs), len(out)) {
		out[i].keep = out[i].keep || bs[i].keep
		out[len(out)-1-i].keep = out[len(out)-1-i].keep || bs[len(bs)-1-i].keep
	}
	for i := range out {
		out[i].src, out[i].par = bs[0].src, ps
	}
	return out
}

// gaps is the room left empty at the foot of a full region's columns, in
// lines of the grid, and the first column with such room (-1 for none).
func (r *region) gaps(pitch float64) (lines, first int) {
	first = -1
	for k, col := range r.cols {
		if col.n == 0 && !col.other {
			continue
		}
		if g := int((col.bottom - col.y + eps) / pitch); g > 0 {
			lines += g
			if first < 0 {
				first = k
			}
		}
	}
	return lines, first
}

// better reports whether a region with gaps g2 (first in column k2) is
// better filled than one with g1 (first in k1): fewer empty lines, or as
// many further on, where the next change can fill them.
func better(g2, k2, g1, k1 int) bool {
	return g2 < g1 || g2 == g1 && k2 > k1
}

// tighten fills the gaps of a full region by setting its paragraphs
// again, a line longer or shorter: the paragraphs that start in the
// region, in or before the first column with a gap, nearest to it first.
// A change is kept when the region is then better filled (see better).
// It returns the region, the flow state after it and where the run ends.
func (c *composer) tighten(af *articleFlow, st flowState, end int, reg *region, out flowState, last bool) (*region, flowState, int) {
	gap, first := reg.gaps(c.geo.pitch)
	done := map[*parSource]bool{}
	for tries := 0; gap > 0 && tries < maxTighten; {
		i, n := c.tightenCandidate(af.blocks, st, out, reg, first, done)
		if i < 0 {
			break
		}
		done[af.blocks[i].par] = true
		for _, loose := range []int{1, -1} {
			tries++
			lines := c.reset(af.blocks[i:i+n], loose)
			if lines == nil {
				continue
			}
			trial := make([]block, 0, len(af.blocks)+loose)
			trial = append(append(append(trial, af.blocks[:i]...), lines...), af.blocks[i+n:]...)
			r2, o2 := c.region(trial[:end+loose], st, end+loose, last)
			g2, k2 := r2.gaps(c.geo.pitch)
			if o2.next < end+loose && len(o2.pending) <= len(out.pending) && better(g2, k2, gap, first) {
				af.blocks, end, reg, out = trial, end+loose, r2, o2
				gap, first = g2, k2
				break
			}
		}
	}
	return reg, out, end
}

// tightenCandidate is the paragraph (its first block and number of lines)
// to try next: one not tried yet, starting in the region at st, with a
// line in column k or before it, the last such.
func (c *composer) tightenCandidate(bs []block, st flowState, out flowState, reg *region, k int, done map[*parSource]bool) (int, int) {
	col := map[int]int{}
	for _, p := range reg.placed {
		col[p.i] = p.col
	}
	best := -1
	for i := st.next; i <= out.next && i < len(bs); i++ {
		b := &bs[i]
		if b.par == nil || b.line != 0 || done[b.par] {
			continue
		}
		if cl, ok := col[i]; ok && cl > k {
			continue
		}
		best = i
	}
	if best < 0 {
		return -1, 0
	}
	n := 1
	for best+n < len(bs) && bs[best+n].par == bs[best].par {
		n++
	}
	return best, n
}
