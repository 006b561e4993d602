package pdf

import (
	"math"
	"strings"

	"github.com/qikan-dev/qikan/issue"
)

// Figure sizing.
const (
	// figureDPI is the resolution at which an image has its natural size:
	// an image is never set larger than this makes it, unless that would
	// leave it narrower than half a column.
	figureDPI = 110
	// spanAspect is the least width-to-height ratio of an image set across
	// the text block (when it has the pixels for it): panoramas and 16:9
	// pictures; 4:3, square and portrait images take one column.
	spanAspect = 1.5
	// Figures are at most this part of the text block's height (one
	// column wide, or across the text block or its only column).
	maxColumnFigure = 0.6
	maxSpanFigure   = 0.45
	// minNarrow is the least part of its width across the text block
	// that a figure is set at when it goes one column wide instead.
	minNarrow = 0.45
)

// figureScales are the sizes a figure is tried at to keep it on the page
// of its anchor: natural, then smaller down to 70 %.
var figureScales = []float64{1, 0.85, 0.7}

// figure sets an image with its caption and credit as a float of width
// colW, or across the text block when it is wide (see spanAspect), at
// each of figureScales. Its structure is a Figure described by its
// caption, holding the image and a Caption with the caption and credit;
// an image without a caption is decorative, as in the EPUB: an artifact,
// its credit (if any) a P.
func (c *composer) figure(parent *node, f *issue.Figure, colW float64) *float {
	var tags figureTags
	if strings.TrimSpace(f.Caption) != "" {
		tags.fig = parent.add("Figure")
		tags.fig.alt = f.AltText()
		tags.caption = tags.fig.add("Caption")
	} else if f.Credit != "" {
		tags.caption = parent.add("P")
	}
	if f.Link != "" { // a linked image: the image is the link's area
		tags.link = parent.add("Link")
		tags.link.alt = f.Link
		if alt := f.AltText(); alt != "" {
			tags.link.alt = alt
		}
	}
	g := c.geo
	img := f.Image
	natW := colW
	aspect := 1.0
	if img.Width > 0 && img.Height > 0 {
		natW = float64(img.Width) * 72 / figureDPI
		aspect = float64(img.Width) / float64(img.Height)
	}
	span := g.columns > 1 && colW >= g.colW-eps && aspect >= spanAspect && natW >= 1.3*g.colW
	w, maxH := colW, g.textHeight()*maxColumnFigure
	if span || g.columns == 1 {
		w, maxH = g.textWidth(), g.textHeight()*maxSpanFigure
	}
	iw := min(w, max(natW, colW/2))
	ih := iw / aspect
	if ih > maxH {
		iw, ih = iw*maxH/ih, maxH
	}
	fl := &float{span: span}
	for _, s := range figureScales {
		size := c.fitFigure(f, tags, w, iw*s, ih*s)
		if n := len(fl.sizes); n > 0 && fl.sizes[n-1].slot <= size.slot {
			continue // no smaller in whole lines
		}
		fl.sizes = append(fl.sizes, size)
	}
	// Across the text block, it may also go one column wide where it
	// fits nowhere else on its anchor's page, unless that makes it
	// smaller than minNarrow of its width across.
	if span && g.colW >= minNarrow*iw {
		nh := min(g.colW/aspect, g.textHeight()*maxColumnFigure)
		fl.narrow = &float{sizes: []floatSize{c.fitFigure(f, tags, g.colW, nh*aspect, nh)}, wide: fl}
	}
	return fl
}

// figureGap is the least space between a figure (its caption) and the text.
const figureGap = 0.75

// fitFigure sets a figure at about iw × ih so that it and its gap to the
// text take whole lines of the grid: the image is made a little smaller
// (at most 12 % of its height) or larger (within the width w) rather than
// leave the rest of a line blank.
func (c *composer) fitFigure(f *issue.Figure, tags figureTags, w, iw, ih float64) floatSize {
	p := c.geo.pitch
	gap := figureGap * p
	capW := max(iw, min(w, 12*captionStyle.size))
	b := c.figureBlock(f, tags, w, iw, ih, capW)
	need := b.h + gap
	lo, hi := math.Floor(need/p+1e-6)*p, c.geo.whole(need)
	if over := need - lo; over > eps && over <= 0.12*ih && lo > 0 {
		s := (ih - over) / ih
		if b2 := c.figureBlock(f, tags, w, iw*s, ih*s, capW); b2.h+gap <= lo+eps {
			return floatSize{b: b2, slot: lo}
		}
	}
	if extra := hi - need; extra > eps && iw*(ih+extra)/ih <= w+eps {
		s := (ih + extra) / ih
		if b2 := c.figureBlock(f, tags, w, iw*s, ih*s, capW); b2.h+gap <= hi+eps {
			return floatSize{b: b2, slot: hi}
		}
	}
	return floatSize{b: b, slot: hi}
}

// figureTags are the elements of a figure: the Figure (nil for a
// decorative image), its Caption (or a P for the credit alone) and the Link
// of a linked image.
type figureTags struct{ fig, caption, link *node }

// figureBlock is the image at iw × ih centred in width w, its caption and
// credit under it in width capW, the image a link's area when the figure
// links somewhere.
func (c *composer) figureBlock(f *issue.Figure, tags figureTags, w, iw, ih, capW float64) block {
	img := f.Image
	fig, caption := tags.fig, tags.caption
	b := block{kind: kindFigure, src: -1}
	im := item{kind: imageItem, img: &img, src: f.Pos, x: (w - iw) / 2, y: 0, w: iw, h: ih, tag: fig}
	if fig == nil {
		im.artifact = layoutArt
	}
	b.items = append(b.items, im)
	if tags.link != nil {
		b.items = append(b.items, item{kind: linkItem, x: im.x, y: 0, w: iw, h: ih, url: f.Link, tag: tags.link})
	}
	b.h = ih + 4
	capX := (w - capW) / 2
	if f.Caption != "" {
		cap := stack(tagBlocks(c.textBlocks(plain(f.Caption, captionStyle), captionStyle, capW, 0, alignLeft), caption))
		b.add(cap, capX, b.h)
		b.h += cap.h
	}
	if f.Credit != "" {
		cr := stack(tagBlocks(c.textBlocks(plain(f.Credit, creditStyle), creditStyle, capW, 0, alignRight), caption))
		b.add(cr, capX, b.h)
		b.h += cr.h
	}
	return b
}
