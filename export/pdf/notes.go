package pdf

import (
	"strconv"
	"strings"
)

// A printed page cannot follow a link. With Options.LinkURLs the address
// of every link is printed as a numbered note: the link text is followed
// by a raised circled number (①, ②, … then [21], [22] …), and the note,
// the number and the address in small type, goes to the foot of the
// column where the link's line is (a footnote: the line and its notes are
// placed together, see filler.place) or to the end of the article (an end
// note, before the end matter). A link met again keeps its number and
// has one note. In the structure the number is a Reference and the note a
// Note, both in the paragraph that holds the link.

// noteStyle is the type of the notes.
var noteStyle = style{role: bodyStyle.role, size: 7.5, leading: 11, color: gray}

// noteSet collects the link notes of one article.
type noteSet struct {
	mode   LinkURLs
	ids    map[string]int // link → its number, from 1
	links  []string       // the link of each number
	nodes  []*node        // the Note element of each number
	blocks [][]block      // the set note of each number (see setNotes)
}

// newNoteSet returns the note set of an article, nil when link addresses
// are not printed.
func newNoteSet(mode LinkURLs) *noteSet {
	if mode == LinkURLsNone {
		return nil
	}
	return &noteSet{mode: mode, ids: map[string]int{}}
}

// number is the number of link's note and whether it is new.
func (n *noteSet) number(link string) (int, bool) {
	if id, ok := n.ids[link]; ok {
		return id, false
	}
	n.links = append(n.links, link)
	n.ids[link] = len(n.links)
	return len(n.links), true
}

// noteMark is the mark of note id: a circled number up to 20, then the
// number in brackets.
func noteMark(id int) string {
	if id >= 1 && id <= 20 {
		return string(rune('①' + id - 1))
	}
	return "[" + strconv.Itoa(id) + "]"
}

// noteSpans returns the span of the mark of link's note, after the link's
// text in style st, and adds the note's Reference (and, the first time,
// its Note) to parent.
func (n *noteSet) noteSpans(parent *node, link string, st style) []span {
	id, first := n.number(link)
	ref := parent.add("Reference")
	m := st
	m.size, m.rise = st.size*0.62, st.size*0.38
	m.color, m.underline, m.strike, m.tint = linkColor, false, false, rgb{}
	sp := span{text: noteMark(id), st: m, tag: ref}
	if first {
		sp.note = id
		note := parent.add("Note")
		n.nodes = append(n.nodes, note)
	}
	return []span{sp}
}

// setNotes sets the notes of an article in width w: each its mark and the
// address (a mailto: link's address without the scheme), flush left.
func (c *composer) setNotes(n *noteSet, w float64) {
	if n == nil {
		return
	}
	n.blocks = make([][]block, len(n.links))
	for i, link := range n.links {
		// The mark hangs: the address's lines start after it.
		mark := c.set.oneLine(plain(noteMark(i+1), noteStyle))
		hang := mark.width + noteStyle.size/3
		addr := c.textBlocks(plain(strings.TrimPrefix(link, "mailto:"), noteStyle), noteStyle, w-hang, 0, alignLeft)
		lines := make([]block, len(addr))
		for k, a := range addr {
			lines[k] = block{h: a.h, kind: kindNotes}
			lines[k].add(a, hang, 0)
		}
		if len(lines) > 0 {
			lines[0].texts = append(moveTexts(mark.texts, 0, baseline(noteStyle)), lines[0].texts...)
		}
		n.blocks[i] = tagBlocks(lines, n.nodes[i])
	}
}

// resolve gives each block whose line holds the first mark of a note
// that note, to be placed with it (footnotes), and reports which notes it
// gave. A note whose mark is in a float (a table cell) has no line of
// the column flow: it goes to the end of the article.
func (n *noteSet) resolve(bs []block) map[int]bool {
	given := map[int]bool{}
	if n == nil || n.mode != LinkURLsFootnote {
		return given
	}
	for i := range bs {
		bs[i].notes = nil
		for _, id := range bs[i].noteIDs {
			note := stack(n.blocks[id-1])
			note.kind, note.src = kindNotes, -1
			bs[i].notes = append(bs[i].notes, note)
			given[id] = true
		}
	}
	return given
}

// endNotes returns the notes of an article not given as footnotes as
// blocks of its column flow, with space and a short rule above them, or
// nil.
func (c *composer) endNotes(n *noteSet, given map[int]bool) []block {
	if n == nil {
		return nil
	}
	var out []block
	for i, lines := range n.blocks {
		if !given[i+1] {
			out = append(out, lines...)
		}
	}
	if len(out) == 0 {
		return nil
	}
	rule := block{h: c.geo.pitch, grid: true, kind: kindNotes, src: -1}
	rule.items = append(rule.items, item{kind: ruleItem, color: gray, lineWidth: 0.4, x: 0, y: c.geo.pitch * 0.6, x2: c.geo.colW / 3, y2: c.geo.pitch * 0.6})
	for i := range out {
		out[i].src = -1
		out[i].keep = i < len(out)-1
	}
	rule.keep = true
	return append([]block{rule}, out...)
}

// Footnotes at the foot of a column: a short rule, then the notes.
const (
	footnoteGap  = 6.0 // between the text and the rule
	footnoteRule = 5.0 // between the rule and the first note
)

// notesHeight is the room notes take at the foot of a column that holds
// none yet (first) or already some.
func notesHeight(notes []block, first bool) float64 {
	h := 0.0
	for _, b := range notes {
		h += b.h
	}
	if first && h > 0 {
		h += footnoteGap + footnoteRule
	}
	return h
}
