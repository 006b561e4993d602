package pdf

// block is an unbreakable piece of column content: a line of text, a
// figure, a rule. Its items are relative to its top-left corner.
type block struct {
	h      float64 // height
	before float64 // space above; dropped at the top of a column
	keep   bool    // keep in one column with the block after it
	span   bool    // spans all columns: ends the column flow above it
	texts  []textItem
	items  []item
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

// placed is a block's index and its top within a column.
type placed struct {
	i int
	y float64
}

// fill sets blocks into at most ncols columns of height h, in order, and
// returns the columns and how many blocks they took. A block taller than
// h at the top of a column is taken anyway when force is set, so that
// an empty page always takes at least one block. A chain of keep blocks moves to the next
// column whole when it does not fit but would fit an empty column.
func fill(blocks []block, h float64, ncols int, force bool) ([][]placed, int) {
	var cols [][]placed
	i := 0
	for c := 0; c < ncols && i < len(blocks); c++ {
		var col []placed
		y := 0.0
		for i < len(blocks) {
			b := &blocks[i]
			before := b.before
			if len(col) == 0 {
				before = 0
			}
			need := before + b.h
			if len(col) > 0 && b.keep {
				chain := need
				for k := i; k < len(blocks)-1 && blocks[k].keep && chain <= h; k++ {
					chain += blocks[k+1].before + blocks[k+1].h
				}
				if y+chain > h && chain-before <= h {
					break
				}
			}
			if y+need > h+0.01 && (len(col) > 0 || !force) {
				break
			}
			col = append(col, placed{i, y + before})
			y += need
			i++
		}
		cols = append(cols, col)
	}
	return cols, i
}

// balance finds the smallest column height, at most h, at which blocks
// fit into ncols columns, so the columns of an article's last page end
// level. It returns h itself when nothing smaller fits.
func balance(blocks []block, h float64, ncols int) float64 {
	total := 0.0
	for _, b := range blocks {
		total += b.before + b.h
	}
	lo, hi := total/float64(ncols)-0.01, h
	if ncols == 1 {
		return min(total, h)
	}
	for hi-lo > 0.25 {
		mid := (lo + hi) / 2
		if _, n := fill(blocks, mid, ncols, false); n == len(blocks) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// flow lays blocks out in columns from the composer's current position
// down, over as many pages as needed, and balances the columns where the
// run of column blocks ends. Spanning blocks are set across the text
// block between runs of columns.
func (c *composer) flow(blocks []block) {
	for i := 0; i < len(blocks); {
		if blocks[i].span {
			c.spanBlock(blocks[i])
			i++
			continue
		}
		j := i
		for j < len(blocks) && !blocks[j].span {
			j++
		}
		c.columns(blocks[i:j])
		i = j
	}
}

// spanBlock sets a block across the whole text block.
func (c *composer) spanBlock(b block) {
	before := b.before
	if c.atTop() {
		before = 0
	}
	if c.y+before+b.h > c.geo.textBottom()+0.01 && !c.atTop() {
		c.newPage(articlePage)
		before = 0
	}
	c.put(b, c.geo.textLeft(c.index()), c.y+before)
	c.y += before + b.h
}

// columns sets a run of column blocks.
func (c *composer) columns(seg []block) {
	ncols := c.geo.columns
	for len(seg) > 0 {
		h := c.geo.textBottom() - c.y
		cols, n := fill(seg, h, ncols, c.atTop())
		if n == 0 {
			// Not even the first block fits below what is on the page.
			c.newPage(articlePage)
			continue
		}
		if n == len(seg) {
			if b := balance(seg, h, ncols); b < h {
				cols, _ = fill(seg, b, ncols, false)
			}
		}
		used := 0.0
		for ci, col := range cols {
			x := c.geo.columnX(c.index(), ci)
			for _, p := range col {
				c.put(seg[p.i], x, c.y+p.y)
				used = max(used, p.y+seg[p.i].h)
			}
		}
		seg = seg[n:]
		if len(seg) > 0 {
			c.newPage(articlePage)
		} else {
			c.y += used
		}
	}
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
