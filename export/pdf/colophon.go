package pdf

import (
	"github.com/qikan-dev/qikan/fonts"
)

// colophon composes the 版权页: the publication and issue, then the rows
// of the colophon (issue.Issue.ColophonRows: the issue's own, then the
// ISSN and CN number where none shows them; the running number is in the
// issue line) as label and value, in a framed box at the foot of the
// page. Its structure is a Div of Ps: the title, the issue, a row each.
func (c *composer) colophon() {
	c.newPage(colophonPage)
	div := c.doc.root.add("Div")
	c.doc.start["colophon"] = c.index()
	c.doc.outline = append(c.doc.outline, outlineEntry{Title: c.lang.Labels.Colophon, Page: c.index()})
	g := c.geo
	w := g.textWidth() * 0.7
	labSt := style{role: fonts.Heading, size: 9, leading: 16, color: accent, bold: true}
	valSt := style{role: fonts.Body, size: 9, leading: 16, color: black}
	colophon := c.iss.ColophonRows(c.lang, false)
	labW := 0.0
	for _, r := range colophon {
		labW = max(labW, c.set.textWidth(plain(r.Label, labSt)))
	}
	labW = min(labW+labSt.size, w/2)

	var rows []block
	titleSt := style{role: fonts.Heading, size: 16, leading: 24, color: black, bold: true}
	head := tagBlocks(c.textBlocks(plain(c.iss.Title, titleSt), titleSt, w, 0, alignLeft), div.add("P"))
	rows = append(rows, head...)
	if c.iss.Label != "" || c.iss.Number != "" {
		rows = append(rows, tagBlocks(c.textBlocks(plain(c.iss.Label+"　"+c.lang.Number(c.iss.Number), bylineStyle), bylineStyle, w, 0, alignLeft), div.add("P"))...)
	}
	rows = append(rows, block{h: 8})
	for _, r := range colophon {
		p := div.add("P")
		val := stack(tagBlocks(c.textBlocks(plain(r.Value, valSt), valSt, w-labW, 0, alignLeft), p))
		lab := stack(tagBlocks(c.textBlocks(plain(r.Label, labSt), labSt, labW, 0, alignLeft), p))
		var b block
		b.add(lab, 0, 0) // the label is read first
		b.add(val, labW, 0)
		b.h = max(lab.h, val.h)
		rows = append(rows, b)
	}
	body := stack(rows)
	pad := 16.0
	x := g.textLeft(c.index()) + (g.textWidth()-w)/2 - pad
	y := g.textBottom() - body.h - 2*pad
	if y < g.textTop() {
		y = g.textTop()
	}
	c.page.items = append(c.page.items,
		item{kind: ruleItem, color: accent, lineWidth: 2, x: x, y: y, x2: x + w + 2*pad, y2: y},
		item{kind: ruleItem, color: accent, lineWidth: 0.5, x: x, y: y + body.h + 2*pad, x2: x + w + 2*pad, y2: y + body.h + 2*pad})
	c.put(body, x+pad, y+pad)
}
