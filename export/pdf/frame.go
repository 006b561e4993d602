package pdf

import (
	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/issue"
)

// A document is the composed issue: pages of positioned items, ready to be
// drawn. Composition decides every position; drawing decides nothing.
type document struct {
	geo   geometry
	iss   *issue.Issue
	pages []*page
	// start maps an article ID, and "contents", to the index of the page
	// where it starts.
	start map[string]int
	// outline is the navigation tree, in reading order.
	outline []outlineEntry
	faces   []*fonts.Face // every face drawn with, in first-use order
}

// outlineEntry is one bookmark; Page is a page index.
type outlineEntry struct {
	Title    string
	Page     int
	Children []outlineEntry
}

// pageKind tells what a page holds.
type pageKind int

const (
	coverPage pageKind = iota
	contentsPage
	articlePage
	colophonPage
	blankPage
)

// page is one composed page. Items are drawn in order; text order is the
// reading order that text extraction sees.
type page struct {
	kind  pageKind
	head  string // section title for the running head of an article page
	texts []textItem
	items []item
}

// rgb is a colour.
type rgb struct{ R, G, B uint8 }

// item is a non-text mark on a page: a filled rectangle, a rule, an image
// or a link area. Coordinates are trim coordinates (points, y down).
type item struct {
	kind       itemKind
	x, y, w, h float64
	color      rgb
	lineWidth  float64      // rules
	dotted     bool         // rules: a dotted leader
	img        *issue.Image // images
	clip       *box         // images: visible area (the rest is cut away)
	url        string       // external links
	dest       string       // internal links: article ID or "contents"
	// x2, y2 is the end point of a rule (x, y its start).
	x2, y2 float64
}

type itemKind int

const (
	fillItem itemKind = iota
	ruleItem
	imageItem
	linkItem
)

// box is a rectangle in trim coordinates.
type box struct{ x, y, w, h float64 }

// textItem is a piece of text drawn in one face at a baseline position.
type textItem struct {
	x, y    float64 // start of the baseline
	text    string
	face    *fonts.Face
	size    float64
	color   rgb
	bold    bool    // synthetic bold (the face is not bold)
	oblique bool    // synthetic oblique (slanted by the text matrix)
	spacing float64 // extra space after every character (PDF Tc)
	// pageRef, when set, is an article ID whose page number replaces
	// text at drawing time; x is then the right edge of the number.
	pageRef string
}

// moved returns the text item shifted by dx, dy.
func (t textItem) moved(dx, dy float64) textItem {
	t.x += dx
	t.y += dy
	return t
}

// moved returns the item shifted by dx, dy.
func (it item) moved(dx, dy float64) item {
	it.x += dx
	it.y += dy
	it.x2 += dx
	it.y2 += dy
	if it.clip != nil {
		c := *it.clip
		c.x += dx
		c.y += dy
		it.clip = &c
	}
	return it
}
