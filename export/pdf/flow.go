package pdf

import "sort"

// block is an unbreakable piece of an article: a line of text, a subhead,
// a table row, a line of code, the end matter; or the anchor of a float.
// Its items are relative to its top-left corner.
type block struct {
	h      float64 // height
	before float64 // space above; dropped at the top of a column
	after  float64 // space below; dropped at the foot of a column
	keep   bool    // keep in one column with the block after it
	span   bool    // spans all columns: ends the column flow above it
	// grid blocks (lines of text, subheads) start on a grid line; their
	// height and space before are whole multiples of the pitch, so body
	// lines line up across columns. Other blocks (table rows, code lines)
	// have any height; the next grid block moves down to the grid.
	grid bool
	kind blockKind
	src  int // index of the source block in the article, -1 for none
	// head is the header row of the table this row belongs to: it is
	// repeated when the row starts a column.
	head *block
	// float is set on an anchor: the figure or table this point of the
	// text refers to. An anchor takes no room in the column; the float
	// is placed at the top or foot of a column or of the page.
	float *float
	// line is the index of a text line in its paragraph; par is set on
	// the lines of a top-level paragraph, which the make-up may set again
	// a line longer or shorter (see tighten).
	line int
	par  *parSource
	// noteIDs are the link notes whose first mark the block holds; notes
	// their set blocks, placed at the foot of the block's column
	// (footnotes, see notes.go).
	noteIDs []int
	notes   []block
	texts   []textItem
	items   []item
}

// add appends the items of another block placed at (dx, dy) in b.
func (b *block) add(o block, dx, dy float64) {
	for _, t := range o.texts {
		b.texts = append(b.texts, t.moved(dx, dy))
	}
	for _, it := range o.items {
		b.items = append(b.items, it.moved(dx, dy))
	}
}

// isText reports whether b is a line of text.
func (b *block) isText() bool { return b.kind == kindText }

// flow sets an article's blocks (after its title) from the composer's
// current position down, over as many pages as needed: runs of column
// blocks fill regions (see region.go), spanning blocks are set across the
// text block between them. Floats met in a run that were not placed move
// on to the next run.
func (c *composer) flow(art string, blocks []block) {
	af := &articleFlow{id: art, blocks: blocks}
	var pending []*float
	for i := 0; i < len(af.blocks) || len(pending) > 0; {
		if i < len(af.blocks) && af.blocks[i].span && af.blocks[i].float == nil {
			c.spanBlock(art, af.blocks[i])
			i++
			continue
		}
		j := i
		for j < len(af.blocks) && (!af.blocks[j].span || af.blocks[j].float != nil) {
			j++
		}
		pending, i = c.columns(af, i, j, pending, j == len(af.blocks))
	}
}

// articleFlow is an article being set: its ID and its blocks, which the
// make-up may change (paragraphs set again a line longer or shorter).
type articleFlow struct {
	id     string
	blocks []block
}

// spanBlock sets a block across the whole text block, on the next page
// when it does not fit (a repeated table header first there).
func (c *composer) spanBlock(art string, b block) {
	before := b.before
	if c.atTop() {
		before = 0
	}
	if c.y+before+b.h > c.geo.textBottom()+0.01 && !c.atTop() {
		c.newPage(articlePage)
		before = 0
		if b.head != nil {
			c.putPlaced(art, *b.head, c.geo.textLeft(c.index()), c.y, -1, c.geo.textWidth())
			c.y += b.head.h
		}
	}
	y := c.y + before
	if b.grid {
		y = c.geo.snap(y)
	}
	c.putPlaced(art, b, c.geo.textLeft(c.index()), y, -1, c.geo.textWidth())
	c.y = y + b.h + b.after
}

// columns sets af.blocks[from:end] in columns, region after region (page
// after page), placing the floats met and those pending from before. It
// returns the floats still pending when the blocks are set, and where the
// run now ends (paragraphs set again change the number of blocks). When
// last is set it places them all (an article's figures never follow its
// end): when the text would end on a page that has no room for them, its
// last lines and end matter are held back to follow them on the next
// page, unless that would leave a column of the page more than 40 %
// empty.
func (c *composer) columns(af *articleFlow, from, end int, pending []*float, last bool) ([]*float, int) {
	st := flowState{next: from, pending: pending}
	for {
		blocks := af.blocks[:end]
		reg, out := c.region(blocks, st, len(blocks), last)
		if last && out.next >= len(blocks) && len(out.pending) > 0 {
			// Unless that leaves a column more than 40 % empty: then
			// the text ends here and the figures follow it.
			if k := tailStart(blocks, st.next); k > st.next || len(st.pending) > 0 {
				if r, o := c.region(blocks, st, k, last); c.geo.textBottom()-r.shortest() <= 0.4*c.geo.textHeight() {
					reg, out = r, o
				}
			}
		} else if out.next < len(blocks) {
			reg, out, end = c.tighten(af, st, end, reg, out, last)
			blocks = af.blocks[:end]
		}
		c.commit(af.id, blocks, reg)
		if out.next >= len(blocks) && (len(out.pending) == 0 || !last) {
			c.y = reg.end
			return out.pending, end
		}
		if out.next == st.next && len(out.pending) == len(st.pending) && c.atTop() {
			// Nothing fitted on an empty page: never loop.
			out = c.force(af.id, blocks, st)
		}
		st = out
		c.newPage(articlePage)
	}
}

// tailStart is where the tail of an article begins that is held back to
// follow its last floats: its last four lines of text (more to keep what
// must stay together, across the anchors of floats) and its end matter.
func tailStart(blocks []block, from int) int {
	k, lines := len(blocks), 0
	for k > from && lines < 4 {
		k--
		if blocks[k].isText() {
			lines++
		}
	}
	for k > from {
		j := k - 1
		for j > from && blocks[j].float != nil {
			j--
		}
		if blocks[j].float != nil || !blocks[j].keep {
			break
		}
		k = j
	}
	return k
}

// commit puts a filled region onto the current page, in reading order:
// the floats left over from before first, then the blocks, each float
// met in the region right where its anchor is in the text (wherever on
// the page it is placed), so that text extraction and the structure read
// a caption next to the text that refers to it.
func (c *composer) commit(art string, blocks []block, reg *region) {
	anchor := map[*float]int{}
	for i := reg.from; i < len(blocks); i++ {
		if f := blocks[i].float; f != nil {
			anchor[f] = i
			if f.narrow != nil {
				anchor[f.narrow] = i
			}
		}
	}
	type entry struct {
		key int
		put func()
	}
	var order []entry
	for n, f := range reg.floats {
		key := -len(reg.floats) + n
		if a, ok := anchor[f.f]; ok {
			key = 2 * a
		}
		order = append(order, entry{key, func() {
			b := f.f.sizes[f.size].b
			x, w := c.geo.textLeft(c.index()), c.geo.textWidth()
			if f.col >= 0 {
				x, w = c.geo.columnX(c.index(), f.col), c.geo.colW
			}
			c.putPlaced(art, b, x, f.y, f.col, w)
		}})
	}
	for _, p := range reg.placed {
		key := 2*p.i + 1
		if p.head {
			key = 2 * p.i // the header before its row
		}
		order = append(order, entry{key, func() {
			b := blocks[p.i]
			if p.head {
				b = *b.head
			}
			c.putPlaced(art, b, c.geo.columnX(c.index(), p.col), p.y, p.col, c.geo.colW)
		}})
	}
	sort.SliceStable(order, func(a, b int) bool { return order[a].key < order[b].key })
	for _, e := range order {
		e.put()
	}
	for _, pn := range reg.notes {
		x := c.geo.columnX(c.index(), pn.col)
		c.page.items = append(c.page.items, item{kind: ruleItem, color: gray, lineWidth: 0.4, x: x, y: pn.y, x2: x + c.geo.colW/3, y2: pn.y})
		y := pn.y + footnoteRule
		for _, b := range pn.notes {
			c.putPlaced(art, b, x, y, pn.col, c.geo.colW)
			y += b.h
		}
	}
}

// force sets the first pending float, or the first block, alone on the
// page, whatever its size: an empty page always takes something.
func (c *composer) force(art string, blocks []block, st flowState) flowState {
	if len(st.pending) > 0 {
		f := st.pending[0]
		sz := len(f.sizes) - 1
		col := 0
		if f.span {
			col = -1
		}
		reg := &region{floats: []placedFloat{{f: f, size: sz, col: col, y: c.y}}}
		c.commit(art, blocks, reg)
		st.pending = st.pending[1:]
		return st
	}
	reg := &region{placed: []placedBlock{{i: st.next, col: 0, y: c.y}}}
	c.commit(art, blocks, reg)
	st.next++
	return st
}

// put draws a block's items onto the current page at (x, y).
func (c *composer) put(b block, x, y float64) {
	for _, t := range b.texts {
		c.page.texts = append(c.page.texts, t.moved(x, y))
	}
	for _, it := range b.items {
		c.page.items = append(c.page.items, it.moved(x, y))
	}
}

// putPlaced puts a block of article art and records its placement.
func (c *composer) putPlaced(art string, b block, x, y float64, col int, w float64) {
	c.put(b, x, y)
	c.page.placed = append(c.page.placed, placement{kind: b.kind, article: art, src: b.src, par: b.par, col: col, x: x, y: y, w: w, h: b.h})
}
