package pdf

// The column flow of an article is set region by region. A region is the
// part of a page that one run of an article's column blocks fills: from
// the current position (below the article's title, or the page's top) to
// the foot of the text block, or less where the run ends and its columns
// are balanced. Floats (figures, tables shorter than a column) are placed
// at the top or foot of a column, or across the text block at the top or
// foot of the region, near their anchor in the text, in the order of
// their anchors; the text continues in their place. A float that does
// not fit on its anchor's page at its natural size is tried smaller
// (down to about 70 %), then (a figure across the text block) one column
// wide, then moved on to the top of the next page. The columns of a
// region where the run ends are balanced with its floats across the text
// block kept across: only those that had to go one column wide in the
// full region go so in the balanced one.

// eps absorbs rounding in comparisons of positions.
const eps = 0.01

// flowState is how far the column flow of an article has come.
type flowState struct {
	next    int      // first block not yet set
	pending []*float // floats met but not yet placed, in order
}

// float is a figure or a table that is placed apart from the text flow.
type float struct {
	span  bool        // across the text block (else one column wide)
	here  bool        // may also be set where the text meets it (tables)
	sizes []floatSize // its natural size first, then smaller ones
	// narrow is a float across the text block set one column wide, for
	// when it fits its anchor's page no other way (nil: none); wide is
	// the float it stands for.
	narrow, wide *float
}

// floatSize is a float set at one size.
type floatSize struct {
	b    block   // the float, b.h its height
	slot float64 // the height it takes: b.h and a gap to the text, whole pitches
}

// placedFloat is a float placed in a region; y is the top of the float.
type placedFloat struct {
	f    *float
	size int
	col  int // -1: across the text block
	y    float64
}

// placedNotes are the footnotes of a column: a short rule at y, the notes
// below it.
type placedNotes struct {
	col   int
	y     float64
	notes []block
}

// placedBlock is a flow block placed in a region.
type placedBlock struct {
	i    int // index of the block
	col  int
	y    float64
	head bool // the repeated header row of the table block i belongs to
}

// column is the state of one column of a region.
type column struct {
	top, bottom float64 // the room for text, between the floats
	y           float64 // where the next block goes
	n           int     // blocks placed
	text        int     // lines of text placed
	other       bool    // holds a subhead, table, code or float
	end         bool    // holds end matter
	footFloat   bool    // a float sits at its foot
	notes       []block // footnotes at its foot, below bottom
}

// region is a filled region of a page.
type region struct {
	notes       []placedNotes
	from        int // the first block of the region
	top, bottom float64
	cols        []column
	floats      []placedFloat
	placed      []placedBlock
	end         float64 // below the lowest block or float
}

// spanPlace is a decision to place a float across the text block at the
// top or the foot of a region.
type spanPlace struct {
	f    *float
	size int
	foot bool
}

// filler fills one region.
type filler struct {
	g        geometry
	blocks   []block
	limit    int // blocks from limit on are left for later
	reg      *region
	st       flowState
	plan     []spanPlace
	deferred map[*float]bool
	met      map[*float]bool
	cur      int  // the current column
	final    bool // the region's columns are balanced: nothing at its foot
	// narrow holds the floats across the text block that may go one
	// column wide; nil: every one.
	narrow map[*float]bool
	// replan is set when a float across the text block was met in a
	// later column: the region must be filled again with a decision on
	// where that float goes.
	replan *float
	// disorder is set when a planned float was met while an earlier
	// float was still pending (the plan breaks the order of the floats),
	// or does not fit the region: a plan to drop.
	disorder bool
}

// region fills the current page from c.y with blocks[st.next:limit]: it
// decides where the floats met go, and balances the columns when the run
// ends on this page (or ends before limit's held-back tail).
func (c *composer) region(blocks []block, st flowState, limit int, last bool) (*region, flowState) {
	top, bottom := c.geo.snap(c.y), c.geo.textBottom()
	reg, out := c.layoutRegion(blocks, st, limit, top, bottom, false, nil)
	// The run ends here (or its tail is held back for the next page, where
	// its floats are): balance the columns. A run that places its text
	// but not its floats goes on on the next page, full height.
	if out.next < limit || len(out.pending) > 0 && last && limit == len(blocks) {
		return reg, out
	}
	// The run ends here: the smallest height at which it fits, with no
	// column holding a lone line or only the end matter, the floats
	// across the text block set so unless set one column wide above.
	narrow := reg.narrowed()
	lo := top + c.geo.pitch
	if need := c.flowHeight(blocks[st.next:limit]); need > 0 {
		lo = max(lo, c.geo.snap(top+need/float64(c.geo.columns))-c.geo.pitch)
	}
	for y := lo; y < bottom-eps; y += c.geo.pitch {
		r, o := c.layoutRegion(blocks, st, limit, top, y, true, narrow)
		if o.next >= limit && len(o.pending) <= len(out.pending) && r.good(blocks) {
			return r, o
		}
	}
	if r, o := c.layoutRegion(blocks, st, limit, top, bottom, true, narrow); o.next >= limit && len(o.pending) <= len(out.pending) {
		return r, o
	}
	return reg, out
}

// shortest is where the emptiest column of the region ends: below its
// last block, float, notes or a float across the text block.
func (r *region) shortest() float64 {
	y := r.bottom
	for k, col := range r.cols {
		end := r.top
		if col.n > 0 {
			end = col.y
		}
		if len(col.notes) > 0 {
			end = col.bottom + notesHeight(col.notes, true)
		}
		for _, p := range r.floats {
			if p.col == k || p.col < 0 {
				end = max(end, p.y+p.f.sizes[p.size].b.h)
			}
		}
		y = min(y, end)
	}
	return y
}

// narrowed is the set of floats across the text block that the region
// holds one column wide.
func (r *region) narrowed() map[*float]bool {
	set := map[*float]bool{}
	for _, p := range r.floats {
		if p.f.wide != nil {
			set[p.f.wide] = true
		}
	}
	return set
}

// flowHeight is a lower bound of the height the blocks take in one
// column (floats may go elsewhere: they are not counted).
func (c *composer) flowHeight(blocks []block) float64 {
	h := 0.0
	for _, b := range blocks {
		if b.float == nil {
			h += b.h
		}
	}
	return h
}

// layoutRegion fills a region from top to bottom, deciding where the
// floats across the text block go: each one met is tried at the foot and
// at the top of the region, at each of its sizes, and kept there when its
// anchor is still set in the region; else it goes one column wide (when
// narrow is nil or holds it) or moves on.
func (c *composer) layoutRegion(blocks []block, st flowState, limit int, top, bottom float64, final bool, narrow map[*float]bool) (*region, flowState) {
	var plan []spanPlace
	deferred := map[*float]bool{}
	for {
		f := c.fill(blocks, st, limit, top, bottom, plan, deferred, final, narrow)
		if f.replan == nil {
			return f.reg, f.st
		}
		fl := f.replan
		placed := false
	sizes:
		for size := range fl.sizes {
			for _, foot := range []bool{false, true} {
				if foot && final {
					continue
				}
				try := append(plan[:len(plan):len(plan)], spanPlace{f: fl, size: size, foot: foot})
				g := c.fill(blocks, st, limit, top, bottom, try, deferred, final, narrow)
				if g.met[fl] && g.replan != fl && !g.disorder {
					plan, placed = try, true
					break sizes
				}
			}
		}
		if !placed {
			deferred[fl] = true
		}
	}
}

// fill runs a filler over one region.
func (c *composer) fill(blocks []block, st flowState, limit int, top, bottom float64, plan []spanPlace, deferred map[*float]bool, final bool, narrow map[*float]bool) *filler {
	f := &filler{
		g: c.geo, blocks: blocks, limit: limit, plan: plan, deferred: deferred, final: final, narrow: narrow,
		met: map[*float]bool{},
		reg: &region{from: st.next, top: top, bottom: bottom, cols: make([]column, c.geo.columns)},
		st:  flowState{next: st.next, pending: append([]*float(nil), st.pending...)},
	}
	for i := range f.reg.cols {
		f.reg.cols[i] = column{top: top, bottom: bottom, y: top}
	}
	f.run()
	f.reg.end = top
	for k, col := range f.reg.cols {
		if col.n > 0 {
			f.reg.end = max(f.reg.end, col.y)
		}
		if len(col.notes) > 0 {
			pn := placedNotes{col: k, y: col.bottom + footnoteGap, notes: col.notes}
			f.reg.notes = append(f.reg.notes, pn)
			f.reg.end = max(f.reg.end, col.bottom+notesHeight(col.notes, true))
		}
	}
	for _, p := range f.reg.floats {
		f.reg.end = max(f.reg.end, p.y+p.f.sizes[p.size].slot)
	}
	f.reg.end = min(max(f.reg.end, top), bottom)
	return f
}

// run places the pending floats, the planned ones, then the blocks.
func (f *filler) run() {
	f.placePending()
	for _, p := range f.plan {
		s := p.f.sizes[p.size]
		top := f.reg.top
		for _, col := range f.reg.cols {
			top = max(top, col.top)
		}
		if top+s.slot > f.minBottom()+eps {
			f.disorder = true // the planned float does not fit: a plan to drop
		}
		f.placeSpan(p.f, p.size, p.foot)
	}
	for f.st.next < f.limit && f.cur < len(f.reg.cols) {
		b := &f.blocks[f.st.next]
		if b.float != nil {
			if !f.meet(b.float, f.st.next) {
				return
			}
			f.st.next++
			continue
		}
		if !f.place(f.st.next) {
			f.cur++
			continue
		}
		f.st.next++
	}
}

// place sets block i in the current column; it reports false when it
// does not fit there (or must keep with blocks that do not).
func (f *filler) place(i int) bool {
	b := &f.blocks[i]
	col := &f.reg.cols[f.cur]
	empty := col.n == 0
	y := col.y
	if !empty {
		y += b.before
	}
	if b.grid {
		y = f.g.snap(y)
	}
	var head *block
	if empty && b.head != nil {
		head = b.head
		y = col.y
	}
	end := y + b.h
	if head != nil {
		end += head.h
	}
	full := f.reg.bottom - f.reg.top
	// The line's footnotes go to the foot of its column, with it.
	notes := notesHeight(b.notes, len(col.notes) == 0)
	bottom := col.bottom - notes
	if b.keep {
		if chain := f.chainEnd(i, end); chain > bottom+eps && chain-y <= full-notes {
			return false
		}
	}
	if end > bottom+eps && !(empty && end-y > full-notes) {
		return false
	}
	col.bottom = bottom
	col.notes = append(col.notes, b.notes...)
	if head != nil {
		f.reg.placed = append(f.reg.placed, placedBlock{i: i, col: f.cur, y: y, head: true})
		y += head.h
	}
	f.reg.placed = append(f.reg.placed, placedBlock{i: i, col: f.cur, y: y})
	col.y = y + b.h + b.after
	col.n++
	switch b.kind {
	case kindText:
		col.text++
	case kindEnd:
		col.end = true
	default:
		col.other = true
	}
	return true
}

// chainEnd is where the chain of keep blocks from block i ends, block i
// ending at end.
func (f *filler) chainEnd(i int, end float64) float64 {
	y := end + f.blocks[i].after
	last := f.blocks[i].after
	for k := i; f.blocks[k].keep; {
		k++
		for k < len(f.blocks) && f.blocks[k].float != nil {
			k++
		}
		if k >= len(f.blocks) {
			break
		}
		nb := &f.blocks[k]
		yy := y + nb.before
		if nb.grid {
			yy = f.g.snap(yy)
		}
		y, last = yy+nb.h+nb.after, nb.after
	}
	return y - last
}

// good reports whether a balanced region is acceptable: no column holds
// a lone line of text, or the end matter alone, and no column but the
// last ends with a block that keeps with the next one (a subhead whose
// text went on to the next column).
func (r *region) good(blocks []block) bool {
	lines := 0
	for _, col := range r.cols {
		lines += col.text
	}
	for _, col := range r.cols {
		if col.n == 0 && !col.other {
			continue
		}
		if col.text == 0 && col.end && !col.other {
			return false
		}
		if col.text == 1 && !col.other && lines > 1 {
			return false
		}
	}
	last := map[int]int{} // column → its last block
	lastCol := 0
	for _, p := range r.placed {
		if !p.head {
			last[p.col] = max(last[p.col], p.i)
			lastCol = max(lastCol, p.col)
		}
	}
	for col, i := range last {
		if col < lastCol && blocks[i].keep {
			return false
		}
	}
	return true
}
