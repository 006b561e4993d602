package pdf

import (
	"strings"

	"github.com/qikan-dev/qikan/export/cover"
	"github.com/qikan-dev/qikan/layout"
)

// cover composes page 1 from the cover design of package cover (the same
// design the EPUB's cover image is rasterised from): its elements become
// the page's items, in order; no folio. Its structure is a Div: the photo
// as a Figure described by its caption, the masthead as H1, every other
// text the cover shows (issue, number, date, ISSN, slogan, cover lines,
// caption) as a P.
func (c *composer) cover() {
	c.newPage(coverPage)
	g := c.geo
	cv := coverLayout(c.iss, c.set.set, g, c.set.hanLatin)
	div := c.doc.root.add("Div")
	parts := map[int]*node{}
	part := func(i int) *node {
		if parts[i] == nil {
			role := "P"
			if i == 0 && len(cv.Texts) > 0 && cv.Texts[0] == strings.TrimSpace(c.iss.Title) {
				role = "H1"
			}
			parts[i] = div.add(role)
		}
		return parts[i]
	}
	// The white space of each text, for the lines that show it, and the
	// page's text that ends the last line set of each.
	sps := map[int]*spaces{}
	ends := map[int]int{}
	partSpaces := func(i int) *spaces {
		if i >= len(cv.Texts) {
			return nil
		}
		if sps[i] == nil {
			sps[i] = textSpaces(cv.Texts[i])
		}
		return sps[i]
	}
	for _, e := range cv.Elements {
		switch e := e.(type) {
		case *cover.Fill:
			c.page.items = append(c.page.items, item{kind: fillItem, color: rgb(e.Color), x: e.X, y: e.Y, w: e.W, h: e.H})
		case *cover.Photo:
			clip := box{e.Clip.X, e.Clip.Y, e.Clip.W, e.Clip.H}
			fig := div.add("Figure")
			fig.alt = strings.Trim(strings.TrimSpace(c.iss.Cover.Caption)+"　"+strings.TrimSpace(c.iss.Cover.Credit), "　")
			if fig.alt == "" {
				fig.alt = c.lang.Labels.CoverPhoto
			}
			src := c.iss.Where["cover.image"]
			src.File = c.iss.File
			c.page.items = append(c.page.items, item{kind: imageItem, img: e.Image, src: src, clip: &clip, x: e.X, y: e.Y, w: e.W, h: e.H, tag: fig})
		case *cover.Text:
			runs := make([]layout.Run, len(e.Runs))
			infos := make([]runInfo, len(e.Runs))
			for i, r := range e.Runs {
				runs[i].Tag = i
				infos[i] = runInfo{face: r.Face, st: style{size: r.Size, color: rgb(r.Color), bold: r.Bold}, tag: part(e.Part), missing: r.Missing}
			}
			l := c.set.line(e.Line, runs, infos, partSpaces(e.Part))
			if k, ok := ends[e.Part]; ok && l.broke != 0 {
				c.page.texts[k].trail = l.broke // the line before carries the break's space (setLine.carry)
			}
			if l.end >= 0 {
				ends[e.Part] = len(c.page.texts) + l.end
			}
			l.place(c.page, e.X, e.Y)
		}
	}
}
