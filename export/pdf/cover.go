package pdf

import (
	"math"
	"strings"

	"github.com/qikan-dev/qikan/fonts"
)

// cover composes page 1: the cover image over the whole bleed box (scaled
// to cover it and centre-cropped, never distorted), or a colour field
// when there is no image; the masthead on a band at the top; the cover
// lines in a panel at the bottom; no folio.
func (c *composer) cover() {
	c.newPage(coverPage)
	g, iss := c.geo, c.iss
	bleedBox := box{-g.bleed, -g.bleed, g.trimW + 2*g.bleed, g.trimH + 2*g.bleed}
	if img := iss.Cover.Image; img != nil && img.Width > 0 && img.Height > 0 {
		s := math.Max(bleedBox.w/float64(img.Width), bleedBox.h/float64(img.Height))
		w, h := float64(img.Width)*s, float64(img.Height)*s
		c.page.items = append(c.page.items, item{kind: imageItem, img: img, clip: &bleedBox,
			x: bleedBox.x + (bleedBox.w-w)/2, y: bleedBox.y + (bleedBox.h-h)/2, w: w, h: h})
	} else {
		c.page.items = append(c.page.items, item{kind: fillItem, color: light,
			x: bleedBox.x, y: bleedBox.y, w: bleedBox.w, h: bleedBox.h})
	}

	// Masthead band.
	left, width := g.textLeft(0), g.textWidth()
	bandH := g.trimH * 0.2
	c.page.items = append(c.page.items, item{kind: fillItem, color: accent,
		x: bleedBox.x, y: bleedBox.y, w: bleedBox.w, h: bandH + g.bleed})
	title := style{role: fonts.Heading, size: 1, leading: 1, color: white, bold: true}
	if w1 := c.set.textWidth(plain(iss.Title, title)); w1 > 0 {
		size := math.Min(math.Min(width*0.62/w1, bandH*0.55), 96)
		title = title.sized(size)
	}
	title.leading = title.size
	y := bandH*0.12 + 0.88*title.size
	c.set.oneLine(plain(iss.Title, title)).place(c.page, left, y)

	// Issue label, number and date on the right of the band.
	meta := style{role: fonts.Heading, size: 13, leading: 18, color: white, bold: true}
	small := style{role: fonts.Body, size: 9, leading: 13, color: white}
	lines := []struct {
		text string
		st   style
	}{{iss.Label, meta}, {iss.Number, small}}
	if !iss.Date.IsZero() {
		lines = append(lines, struct {
			text string
			st   style
		}{iss.Date.Format("2006-01-02"), small})
	}
	if iss.ISSN != "" {
		lines = append(lines, struct {
			text string
			st   style
		}{"ISSN " + iss.ISSN, small})
	}
	ry := bandH * 0.12
	for _, l := range lines {
		if strings.TrimSpace(l.text) == "" {
			continue
		}
		ln := c.set.oneLine(plain(l.text, l.st))
		ry += l.st.leading
		ln.place(c.page, left+width-ln.width, ry)
	}
	if iss.Subtitle != "" {
		st := style{role: fonts.Body, size: 11, leading: 14, color: white}
		c.set.oneLine(plain(iss.Subtitle, st)).place(c.page, left, bandH-bandH*0.1)
	}

	// Cover lines.
	if len(iss.Highlights) > 0 {
		st := style{role: fonts.Heading, size: 12.5, leading: 20, color: black, bold: true}
		pw := width * 0.62
		var blocks []block
		for i, h := range iss.Highlights {
			bs := c.textBlocks(plain(h, st), st, pw-18, 0, alignLeft)
			if i > 0 && len(bs) > 0 {
				bs[0].before = 5
			}
			blocks = append(blocks, bs...)
		}
		panel := stack(blocks)
		ph := panel.h + 24
		py := g.trimH - g.bottom - ph - 24
		c.page.items = append(c.page.items,
			item{kind: fillItem, color: white, x: left, y: py, w: pw, h: ph},
			item{kind: fillItem, color: accent, x: left, y: py, w: 4, h: ph})
		c.put(panel, left+14, py+12)
	}
	if cap := strings.TrimSpace(iss.Cover.Caption + "　" + iss.Cover.Credit); cap != "" && cap != "　" {
		st := style{role: fonts.Body, size: 7.5, leading: 10, color: white}
		ln := c.set.oneLine(plain(strings.Trim(cap, "　"), st))
		if iss.Cover.Image == nil {
			st.color = gray
			ln = c.set.oneLine(plain(strings.Trim(cap, "　"), st))
		}
		ln.place(c.page, left+width-ln.width, g.trimH-g.bottom/2)
	}
}
