package pdf

import (
	"github.com/qikan-dev/qikan/export/cover"
	"github.com/qikan-dev/qikan/layout"
)

// cover composes page 1 from the cover design of package cover (the same
// design the EPUB's cover image is rasterised from): its elements become
// the page's items, in order; no folio.
func (c *composer) cover() {
	c.newPage(coverPage)
	g := c.geo
	cv := cover.Layout(c.iss, c.set.set, cover.Page{Width: g.trimW, Height: g.trimH, Bleed: g.bleed}, cover.Options{
		HanLatinSpace: c.set.hanLatin,
	})
	for _, e := range cv.Elements {
		switch e := e.(type) {
		case *cover.Fill:
			c.page.items = append(c.page.items, item{kind: fillItem, color: rgb(e.Color), x: e.X, y: e.Y, w: e.W, h: e.H})
		case *cover.Photo:
			clip := box{e.Clip.X, e.Clip.Y, e.Clip.W, e.Clip.H}
			c.page.items = append(c.page.items, item{kind: imageItem, img: e.Image, clip: &clip, x: e.X, y: e.Y, w: e.W, h: e.H})
		case *cover.Text:
			runs := make([]layout.Run, len(e.Runs))
			infos := make([]runInfo, len(e.Runs))
			for i, r := range e.Runs {
				runs[i].Tag = i
				infos[i] = runInfo{face: r.Face, st: style{size: r.Size, color: rgb(r.Color), bold: r.Bold}}
			}
			c.set.line(e.Line, runs, infos).place(c.page, e.X, e.Y)
		}
	}
}
