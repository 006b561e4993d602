package pdf

import (
	"testing"

	"github.com/qikan-dev/qikan/issue"
)

// testComposer is a composer with the default geometry (2 columns of 43
// lines) and no fonts: enough to fill regions with made-up blocks.
func testComposer() *composer {
	g := newGeometry(issue.Print{Columns: 2}, false, 9.5, 16)
	c := &composer{geo: g, doc: &document{geo: g, start: map[string]int{}}}
	c.newPage(articlePage)
	return c
}

// textLines makes n lines of text (grid blocks one pitch high).
func textLines(n int) []block {
	bs := make([]block, n)
	for i := range bs {
		bs[i] = block{h: 16, grid: true, kind: kindText, src: i}
	}
	return bs
}

// testFloat is a float whose sizes take the given slots (in lines).
func testFloat(span bool, slots ...int) *float {
	f := &float{span: span}
	for _, s := range slots {
		h := float64(s)*16 - 8
		f.sizes = append(f.sizes, floatSize{b: block{h: h, kind: kindFigure}, slot: float64(s) * 16})
	}
	return f
}

// perColumn counts the blocks of each column of a region.
func perColumn(r *region) []int {
	n := make([]int, len(r.cols))
	for _, p := range r.placed {
		n[p.col]++
	}
	return n
}

func TestRegionFillAndBalance(t *testing.T) {
	pair := func(n int) []block { bs := textLines(n); keepLines(bs); return bs }
	tests := []struct {
		name   string
		blocks []block
		next   int
		cols   []int
		lines  int // height of the region in lines
	}{
		{"full page", textLines(100), 86, []int{43, 43}, 43},
		{"balanced", textLines(10), 10, []int{5, 5}, 5},
		{"odd balanced", textLines(11), 11, []int{6, 5}, 6},
		{"no lone line in a column", textLines(3), 3, []int{3, 0}, 3},
		{"two lines stay together", pair(2), 2, []int{2, 0}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := testComposer()
			r, out := c.region(tt.blocks, flowState{}, len(tt.blocks), true)
			got := perColumn(r)
			if out.next != tt.next || got[0] != tt.cols[0] || got[1] != tt.cols[1] {
				t.Errorf("next %d, columns %v; want %d, %v", out.next, got, tt.next, tt.cols)
			}
			if h := (r.end - r.top) / 16; h < float64(tt.lines)-0.01 || h > float64(tt.lines)+0.01 {
				t.Errorf("region %.2f lines high, want %d", h, tt.lines)
			}
		})
	}
}

func TestRegionSpaceAndKeeps(t *testing.T) {
	c := testComposer()
	bs := textLines(90)
	bs[43].before = 16 // would start column 2: the space is dropped
	r, _ := c.region(bs, flowState{}, len(bs), true)
	for _, p := range r.placed {
		if p.i == 43 && (p.col != 1 || p.y != r.top) {
			t.Errorf("block 43 at column %d, y %.1f; want the top of column 2", p.col+1, p.y-r.top)
		}
	}
	// A keep chain that does not fit moves to the next column whole.
	bs = textLines(90)
	bs[41].keep, bs[42].keep, bs[43].keep = true, true, true
	r, _ = c.region(bs, flowState{}, len(bs), true)
	if got := perColumn(r); got[0] != 41 {
		t.Errorf("column 1 holds %d lines, want 41 (the chain of 41–44 moves on)", got[0])
	}
}

func TestRegionFloats(t *testing.T) {
	anchor := func(f *float) block { return block{float: f, src: -1} }
	t.Run("foot of the column", func(t *testing.T) {
		c := testComposer()
		f := testFloat(false, 10)
		bs := append(textLines(5), anchor(f))
		bs = append(bs, textLines(100)...)
		r, out := c.region(bs, flowState{}, len(bs), true)
		if len(r.floats) != 1 || r.floats[0].col != 0 || r.floats[0].y+f.sizes[0].b.h < r.bottom-0.01 {
			t.Fatalf("floats %+v, want one at the foot of column 1", r.floats)
		}
		if got := perColumn(r); got[0] != 33 || got[1] != 43 || len(out.pending) != 0 {
			t.Errorf("columns %v pending %d, want [33 43] and none", got, len(out.pending))
		}
	})
	t.Run("top of the next column", func(t *testing.T) {
		c := testComposer()
		f := testFloat(false, 10)
		bs := append(textLines(40), anchor(f))
		bs = append(bs, textLines(100)...)
		r, _ := c.region(bs, flowState{}, len(bs), true)
		if len(r.floats) != 1 || r.floats[0].col != 1 || r.floats[0].y != r.top {
			t.Fatalf("floats %+v, want one at the top of column 2", r.floats)
		}
		if got := perColumn(r); got[0] != 43 || got[1] != 33 {
			t.Errorf("columns %v, want [43 33]: the text continues in the float's place", got)
		}
	})
	t.Run("smaller to stay on the page", func(t *testing.T) {
		c := testComposer()
		f := testFloat(false, 30, 21)
		bs := append(textLines(60), anchor(f))
		bs = append(bs, textLines(100)...)
		r, _ := c.region(bs, flowState{}, len(bs), true)
		if len(r.floats) != 1 || r.floats[0].size != 1 {
			t.Fatalf("floats %+v, want the float at its smaller size", r.floats)
		}
	})
	t.Run("next page, order kept", func(t *testing.T) {
		c := testComposer()
		f1, f2 := testFloat(false, 40), testFloat(false, 5)
		bs := append(textLines(80), anchor(f1), anchor(f2))
		bs = append(bs, textLines(100)...)
		r, out := c.region(bs, flowState{}, len(bs), true)
		if len(r.floats) != 0 || len(out.pending) != 2 || out.pending[0] != f1 {
			t.Fatalf("floats %+v pending %d: want both floats moved on in order", r.floats, len(out.pending))
		}
		c.newPage(articlePage)
		r, out = c.region(bs, out, len(bs), true)
		if len(r.floats) != 2 || r.floats[0].col != 0 || r.floats[1].col != 1 || len(out.pending) != 0 {
			t.Fatalf("next page floats %+v, want both at the tops of the columns", r.floats)
		}
	})
	t.Run("across the page", func(t *testing.T) {
		c := testComposer()
		f := testFloat(true, 12)
		bs := append(textLines(5), anchor(f))
		bs = append(bs, textLines(100)...)
		r, _ := c.region(bs, flowState{}, len(bs), true)
		if len(r.floats) != 1 || r.floats[0].col != -1 || r.floats[0].y < r.bottom-12*16 {
			t.Fatalf("floats %+v, want one across the foot", r.floats)
		}
		if got := perColumn(r); got[0] != 31 || got[1] != 31 {
			t.Errorf("columns %v, want [31 31]", got)
		}
		// Met in the second column: at the top of the page.
		c = testComposer()
		bs = append(textLines(50), anchor(f))
		bs = append(bs, textLines(100)...)
		r, _ = c.region(bs, flowState{}, len(bs), true)
		if len(r.floats) != 1 || r.floats[0].col != -1 || r.floats[0].y != r.top {
			t.Fatalf("floats %+v, want one across the top", r.floats)
		}
		if got := perColumn(r); got[0] != 31 || got[1] != 31 {
			t.Errorf("columns %v, want [31 31]", got)
		}
	})
}

// TestRegionNarrow: a float across the text block that fits its anchor's
// page no other way goes one column wide (its narrow form), in the
// column where the text meets it or at the top of a free column; one
// that fits across stays across, also when the columns are balanced.
func TestRegionNarrow(t *testing.T) {
	anchor := func(f *float) block { return block{float: f, src: -1} }
	span := func() *float {
		f := testFloat(true, 20)
		f.narrow = testFloat(false, 8)
		f.narrow.wide = f
		return f
	}
	t.Run("met beside a column float", func(t *testing.T) {
		c := testComposer()
		col, wide := testFloat(false, 30), span()
		bs := append(textLines(20), anchor(col))
		bs = append(bs, textLines(3)...)
		bs = append(bs, anchor(wide))
		bs = append(bs, textLines(100)...)
		r, out := c.region(bs, flowState{}, len(bs), true)
		if len(r.floats) != 2 || r.floats[1].f != wide.narrow || r.floats[1].col != 0 || len(out.pending) != 0 {
			t.Fatalf("floats %+v pending %d: want the second one column wide in column 1", r.floats, len(out.pending))
		}
		if got := perColumn(r); got[0] != 35 || got[1] != 13 {
			t.Errorf("columns %v, want [35 13]: the text goes on around both", got)
		}
	})
	t.Run("pending below a column float", func(t *testing.T) {
		c := testComposer()
		col, wide := testFloat(false, 30), span()
		bs := textLines(100)
		r, out := c.region(bs, flowState{pending: []*float{col, wide}}, len(bs), true)
		if len(r.floats) != 2 || r.floats[1].f != wide.narrow || r.floats[1].col != 1 || r.floats[1].y != r.top || len(out.pending) != 0 {
			t.Fatalf("floats %+v pending %d: want the second one column wide atop column 2", r.floats, len(out.pending))
		}
	})
	t.Run("across when it fits", func(t *testing.T) {
		c := testComposer()
		wide := span()
		bs := append(textLines(4), anchor(wide))
		bs = append(bs, textLines(6)...)
		r, out := c.region(bs, flowState{}, len(bs), true)
		if len(r.floats) != 1 || r.floats[0].f != wide || r.floats[0].col != -1 || len(out.pending) != 0 {
			t.Fatalf("floats %+v pending %d: want it across the text block", r.floats, len(out.pending))
		}
	})
}

func TestRegionTableHeader(t *testing.T) {
	c := testComposer()
	head := &block{h: 20, kind: kindTableHead, keep: true}
	bs := textLines(41)
	bs = append(bs, *head)
	for range 60 {
		bs = append(bs, block{h: 20, kind: kindTableRow, head: head})
	}
	r, out := c.region(bs, flowState{}, len(bs), true)
	// The header never stays alone at the foot of the first column.
	for _, p := range r.placed {
		if p.i == 41 && p.col != 1 {
			t.Errorf("header row in column %d with no row beneath", p.col+1)
		}
	}
	c.newPage(articlePage)
	r, _ = c.region(bs, out, len(bs), true)
	if len(r.placed) < 2 || !r.placed[0].head || r.placed[0].y != r.top || r.placed[1].head {
		t.Errorf("the next page does not start with the repeated header: %+v", r.placed[:2])
	}
	for _, p := range r.placed[1:] {
		if p.head && p.y != r.top {
			t.Errorf("header repeated inside a column at %.1f", p.y-r.top)
		}
	}
}

// TestOpeningFirstChain: an article's opening holds the first keep chain
// of its text in one column (a three-line paragraph whole), not two lines
// in each column that would leave its first line alone.
func TestOpeningFirstChain(t *testing.T) {
	c := testComposer()
	par := textLines(3)
	keepLines(par)
	bs := append(par, textLines(20)...)
	if got := c.opening(bs) / 16; got < 3-0.01 {
		t.Errorf("opening %.2f lines, want 3", got)
	}
	if got := c.opening(textLines(20)) / 16; got < 2-0.01 || got > 2+0.01 {
		t.Errorf("opening of single lines %.2f lines, want 2", got)
	}
}

// TestRegionShortest: where the emptiest column ends, below its text or
// floats, or below a float across the text block.
func TestRegionShortest(t *testing.T) {
	col, wide := testFloat(false, 30), testFloat(true, 10)
	r := &region{top: 100, bottom: 788, cols: []column{{n: 5, y: 180}, {}}, floats: []placedFloat{{f: col, col: 1, y: 100}}}
	if got := r.shortest(); got != 180 {
		t.Errorf("shortest %.1f, want 180 (the text of column 1)", got)
	}
	r.floats = append(r.floats, placedFloat{f: wide, col: -1, y: 500})
	if want := 500 + wide.sizes[0].b.h; r.shortest() != want {
		t.Errorf("shortest %.1f, want %.1f (the float across the foot)", r.shortest(), want)
	}
}
