package pdf

import (
	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/issue"
	"github.com/qikan-dev/qikan/lang"
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
	// root is the logical structure (see node): the Document element.
	root *node
	lang *lang.Lang // the issue's language: labels of pages and outline
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
	// placed lists the blocks of articles set on the page, in reading
	// order, with what each is: the make-up is checked from it, and it
	// tells which article and source block the page's items come from.
	placed []placement
}

// blockKind says what a composed block of an article is.
type blockKind uint8

const (
	kindOther     blockKind = iota // section band, rule, anything else
	kindTitle                      // the article's title, subtitle and byline
	kindText                       // one line of text: paragraph, list item, quote
	kindSubhead                    // a subhead, all its lines
	kindFigure                     // an image with its caption and credit
	kindTable                      // a table set whole
	kindTableHead                  // the header row of a table broken between rows
	kindTableRow                   // a body row of such a table
	kindCode                       // one line of a code block
	kindEnd                        // end matter (作者单位, 摘自, 责任编辑)
	kindNotes                      // the notes at the foot of a column
)

// placement is one block set on a page: what it is, where it comes from
// and the box it takes (trim coordinates; col is -1 for a block across
// the text block). src is the index of the top-level block of the
// article's Blocks it was set from, -1 for the title and end matter; par
// is the paragraph a line of a top-level paragraph is of.
type placement struct {
	kind       blockKind
	article    string
	src        int
	par        *parSource
	col        int
	x, y, w, h float64
}

// node is one element of the issue's logical structure: the tagged-PDF
// structure tree (PDF 32000-1 §14.7, standard types of §14.8.4) that the
// writer emits and that screen readers, reflow and text extraction follow.
//
// Composition builds the tree in reading order — Document → Sect per
// section → Art per article → H1 (title), P, H2/H3, BlockQuote, L → LI →
// Lbl + LBody, Table → TR → TH/TD, Figure (with Caption), Code; the cover
// and the colophon are Divs, the contents a Sect with a TOC — and points
// every piece of content at the innermost element it belongs to:
//
//   - textItem.tag: the element of a text (P, H2, TD, Lbl, Link, …);
//   - item.tag: the Figure of an image, the Link of a link area;
//   - what belongs to no element is an artifact: running heads and folios
//     (textItem.artifact says which), decorative images (item.artifact),
//     fills and rules (always artifacts), crop marks.
//
// The order of a node's kids is the reading order, whatever the columns,
// pages and floats make of the drawing order: the writer numbers marked
// content in drawing order and lists it under its element. So whoever
// moves items (balancing, floats, keeps, tables split over pages) moves
// them whole — the tag travels with the item — and never needs to touch
// the tree; whoever creates content (a new block type, a new page
// element) creates its node with add and tags the items with tagBlocks,
// or marks them as artifacts. A text or image with neither a tag nor an
// artifact kind is an error the writer reports.
type node struct {
	role string // a standard structure type: "Sect", "P", "H2", "TD", …
	// lang is the BCP 47 language of the element when it differs from
	// its parent's (the root's is the issue's language).
	lang  string
	alt   string // Figure: alternate description; Link: the annotation's description
	scope string // TH: "Column" or "Row"
	kids  []*node
}

// add appends a new element of the given role to n's kids.
func (n *node) add(role string) *node {
	k := &node{role: role}
	n.kids = append(n.kids, k)
	return k
}

// walk calls f for n and every element below it, depth first, in reading
// order.
func (n *node) walk(f func(*node)) {
	f(n)
	for _, k := range n.kids {
		k.walk(f)
	}
}

// artifactKind tells what kind of artifact (PDF 32000-1 §14.8.2.2) a text
// is; the zero value is content, which has a tag.
type artifactKind int

const (
	content   artifactKind = iota
	headArt                // running head: /Pagination /Header
	folioArt               // folio: /Pagination /Footer
	layoutArt              // any other text that is not content
)

// tagBlocks tags every text of the blocks that has no element yet with n:
// texts set with spans of their own (links) keep theirs.
func tagBlocks(bs []block, n *node) []block {
	for i := range bs {
		tagTexts(bs[i].texts, n)
		for k := range bs[i].items {
			if it := &bs[i].items[k]; it.tag == nil && it.artifact == content && it.kind == imageItem {
				it.tag = n
			}
		}
	}
	return bs
}

// tagTexts tags every text item that has neither an element nor an
// artifact kind with n.
func tagTexts(ts []textItem, n *node) []textItem {
	for i := range ts {
		if ts[i].tag == nil && ts[i].artifact == content {
			ts[i].tag = n
		}
	}
	return ts
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
	src        issue.Pos    // images: where the image is written (preflight)
	clip       *box         // images: visible area (the rest is cut away)
	url        string       // external links
	dest       string       // internal links: article ID or "contents"
	// tag is the element of an image (a Figure) or of a link area (a
	// Link); fills and rules are artifacts and have none. A decorative
	// image has no tag and artifact layoutArt.
	tag      *node
	artifact artifactKind
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
	// tag is the structure element the text belongs to; artifact says
	// what it is when it belongs to none (see node).
	tag      *node
	artifact artifactKind
	// missing marks characters no font has: the page draws a placeholder
	// mark for them (an item), never glyphs; text keeps the characters
	// for the text layer (ActualText).
	missing bool
	// space is the white space of the source that precedes the text on
	// its line (its first character; 0 for none): layout made it a gap,
	// the writer draws it as a space glyph (of no ink) so that text
	// extraction and the structure tree keep the word space.
	space rune
	// trail is the white space of the source that follows the text at
	// the end of its line, which the line break took (0 for none; never
	// for a break inside a word or between Han characters, where the
	// source has none): the writer draws it as a space glyph (of no ink)
	// after the text, past the line's end, so that the text layer keeps
	// the word space where the line breaks.
	trail rune
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
