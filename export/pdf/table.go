package pdf

import (
	"strings"

	"github.com/qikan-dev/qikan/issue"
	"github.com/qikan-dev/qikan/lang"
)

// table sets a table: the header row bold on a tint, rules between the
// rows, column widths from the cells' content, cell text set by the layout
// engine flush left, right or centred (kinsoku applies; never justified).
// A table of more than three columns spans the text block. A table
// shorter than most of a column (of the text block, spanning) is one
// float, never split; a longer one is set row by row in the flow, breaks
// between rows and repeats its header row at the top of each column or
// page it continues on (a copy drawn as an artifact: the structure, Table
// → TR → TH (scope Column) or TD, holds the header once).
func (c *composer) table(tab *node, t *issue.Table, w float64, st style) []block {
	ncols := len(t.Align)
	if ncols == 0 {
		return nil
	}
	span := ncols > 3 && c.geo.columns > 1 && w >= c.geo.colW-eps
	if span {
		w = c.geo.textWidth()
	}
	ts := tableStyle.of(st)
	widths := c.columnWidths(t, w, ts)
	var rows []block
	if len(t.Header) > 0 {
		rows = append(rows, c.tableRow(tab.add("TR"), t, t.Header, widths, ts, true))
	}
	for _, r := range t.Rows {
		rows = append(rows, c.tableRow(tab.add("TR"), t, r, widths, ts, false))
	}
	if len(rows) == 0 {
		return nil
	}
	rows[0].items = append(rows[0].items, item{kind: ruleItem, color: black, lineWidth: 0.8, x: 0, y: 0, x2: w, y2: 0})
	last := &rows[len(rows)-1]
	last.items = append(last.items, item{kind: ruleItem, color: black, lineWidth: 0.8, x: 0, y: last.h, x2: w, y2: last.h})

	whole := stack(rows)
	limit := c.geo.textHeight() * 0.8
	if span {
		limit = c.geo.textHeight() * maxColumnFigure
	}
	if whole.h+c.geo.pitch <= limit {
		whole.kind = kindTable
		fl := &float{span: span, here: true, sizes: []floatSize{{b: whole, slot: c.geo.whole(whole.h + c.geo.pitch)}}}
		return []block{{float: fl}}
	}
	var head *block
	if len(t.Header) > 0 {
		rows[0].kind, rows[0].keep = kindTableHead, true
		h := rows[0]
		h.texts = append([]textItem(nil), h.texts...)
		for i := range h.texts {
			h.texts[i].tag, h.texts[i].artifact = nil, layoutArt
		}
		head = &h
	}
	for i := range rows {
		rows[i].span = span
		if rows[i].kind != kindTableHead {
			rows[i].kind, rows[i].head = kindTableRow, head
		}
	}
	rows[0].before = c.geo.pitch / 2
	rows[len(rows)-1].after = c.geo.pitch / 2
	return rows
}

// tableRow sets one row of cells in the given column widths, its cells
// TH or TD elements of tr.
func (c *composer) tableRow(tr *node, t *issue.Table, cells [][]issue.Inline, widths []float64, ts style, header bool) block {
	if header {
		ts.bold = true
	}
	var b block
	var cellBlocks []block
	for i, cw := range widths {
		var ins []issue.Inline
		if i < len(cells) {
			ins = cells[i]
		}
		cell := tr.add("TD")
		if header {
			cell.role, cell.scope = "TH", "Column"
		}
		cb := stack(tagBlocks(c.textBlocks(c.spans(cell, ins, ts), ts, cw-2*tableCellPad, 0, cellAlign(t.Align[i])), cell))
		cellBlocks = append(cellBlocks, cb)
		b.h = max(b.h, cb.h)
	}
	b.h += 2 * tableCellPad
	w := 0.0
	for _, cw := range widths {
		w += cw
	}
	if header {
		b.items = append(b.items, item{kind: fillItem, color: light, x: 0, y: 0, w: w, h: b.h})
	}
	x := 0.0
	for i, cb := range cellBlocks {
		b.add(cb, x+tableCellPad, tableCellPad)
		x += widths[i]
	}
	b.items = append(b.items, item{kind: ruleItem, color: gray, lineWidth: 0.4, x: 0, y: b.h, x2: w, y2: b.h})
	b.kind, b.src = kindTableRow, -1
	return b
}

func cellAlign(a issue.Align) alignment {
	switch a {
	case issue.AlignCenter:
		return alignCenter
	case issue.AlignRight:
		return alignRight
	}
	return alignLeft
}

// columnWidths shares the width w among the columns of a table by their
// content, as HTML's automatic table layout does: every column gets at
// least its longest unbreakable piece (a Latin word; two characters of
// CJK text, which may break anywhere), and the rest goes to the columns in
// proportion to what their longest cell needs on one line.
func (c *composer) columnWidths(t *issue.Table, w float64, ts style) []float64 {
	n := len(t.Align)
	lo, hi := make([]float64, n), make([]float64, n)
	measure := func(cells [][]issue.Inline, header bool) {
		st := ts
		st.bold = header
		st.notes = nil // measuring: no note numbers taken
		for i := 0; i < n && i < len(cells); i++ {
			text := ""
			for _, in := range cells[i] {
				text += in.Text
			}
			hi[i] = max(hi[i], c.set.textWidth(c.spans(&node{}, cells[i], st)))
			for _, word := range strings.Fields(text) {
				ww := 2 * st.size
				if !hasWide(word) {
					ww = c.set.textWidth(plain(word, st))
				}
				lo[i] = max(lo[i], ww)
			}
		}
	}
	measure(t.Header, true)
	for _, r := range t.Rows {
		measure(r, false)
	}
	var sumLo, sumHi float64
	for i := range n {
		lo[i] = min(lo[i], w/2) + 2*tableCellPad
		hi[i] = max(hi[i]+2*tableCellPad, lo[i])
		sumLo += lo[i]
		sumHi += hi[i]
	}
	out := make([]float64, n)
	for i := range n {
		switch {
		case sumHi <= w:
			out[i] = hi[i] * w / sumHi
		case sumLo >= w:
			out[i] = lo[i] * w / sumLo
		default:
			out[i] = lo[i] + (hi[i]-lo[i])*(w-sumLo)/(sumHi-sumLo)
		}
	}
	return out
}

// hasWide reports whether s holds a character set on the CJK em grid.
func hasWide(s string) bool {
	for _, r := range s {
		if lang.IsCJK(r) {
			return true
		}
	}
	return false
}
