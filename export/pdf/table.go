package pdf

import (
	"github.com/qikan-dev/qikan/issue"
)

// table sets a table as one block per row: columns share the width
// evenly, the header row is bold on a tint, rules separate the rows. A
// table of more than three columns spans the text block. Its structure
// is Table → TR → TH (scope Column) or TD.
func (c *composer) table(tab *node, t *issue.Table, w float64, st style) []block {
	ncols := len(t.Align)
	if ncols == 0 {
		return nil
	}
	span := ncols > 3 && c.geo.columns > 1
	if span {
		w = c.geo.textWidth()
	}
	ts := tableStyle.of(st)
	pad := tableCellPad
	cellW := w / float64(ncols)
	var out []block
	row := func(cells [][]issue.Inline, header bool) {
		cs := ts
		if header {
			cs.bold = true
		}
		var b block
		b.span = span
		tr := tab.add("TR")
		var cellBlocks []block
		for i := 0; i < ncols; i++ {
			var ins []issue.Inline
			if i < len(cells) {
				ins = cells[i]
			}
			al := alignLeft
			switch t.Align[i] {
			case issue.AlignCenter:
				al = alignCenter
			case issue.AlignRight:
				al = alignRight
			}
			cell := tr.add("TD")
			if header {
				cell.role, cell.scope = "TH", "Column"
			}
			cb := stack(tagBlocks(c.textBlocks(c.spans(cell, ins, cs), cs, cellW-2*pad, 0, al), cell))
			cellBlocks = append(cellBlocks, cb)
			b.h = max(b.h, cb.h)
		}
		b.h += 2 * pad
		if header {
			b.items = append(b.items, item{kind: fillItem, color: light, x: 0, y: 0, w: w, h: b.h})
		}
		for i, cb := range cellBlocks {
			b.add(cb, float64(i)*cellW+pad, pad)
		}
		b.items = append(b.items, item{kind: ruleItem, color: gray, lineWidth: 0.4, x: 0, y: b.h, x2: w, y2: b.h})
		out = append(out, b)
	}
	if len(t.Header) > 0 {
		row(t.Header, true)
		out[0].keep = true
	}
	for _, r := range t.Rows {
		row(r, false)
	}
	if len(out) > 0 {
		out[0].before = st.leading / 2
		out[0].items = append(out[0].items, item{kind: ruleItem, color: black, lineWidth: 0.8, x: 0, y: 0, x2: w, y2: 0})
	}
	return out
}
