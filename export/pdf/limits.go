package pdf

import "github.com/qikan-dev/qikan/issue"

// minTableCellEm is the narrowest table column the PDF sets, in characters
// of the table type: four Chinese characters, or a short word, a line. A
// table with more columns than fit at this width would have its cells
// overprint one another; export refuses it before anything is written.
const minTableCellEm = 4

// tableCellPad is the padding on each side of a table cell, in points.
const tableCellPad = 3.0

// MaxTableColumns returns the most columns a table may have in the PDF of
// an issue printed with p: the columns that each get minTableCellEm
// characters of the table type, plus padding, across the text block.
func MaxTableColumns(p issue.Print) int {
	g := newGeometry(p, false, bodyStyle.size, bodyStyle.leading)
	min := minTableCellEm*tableStyle.size + 2*tableCellPad
	return max(1, int(g.textWidth()/min))
}
