package pdf

// The reading order of the structure tree (see node) meets the drawing
// order of the pages here: the writer marks content in drawing order, one
// marked-content sequence per run of items of one element on a page, and
// lists each element's kids — its own content and its child elements —
// in reading order.

// seqPos is the position of a piece of content in drawing order: pages in
// order; on a page, items before texts, each in slice order.
type seqPos struct {
	page, index int
	text        bool
	glyph       int // within a text: where a marked-content sequence starts in it
}

// less reports whether p is drawn before q.
func (p seqPos) less(q seqPos) bool {
	if p.page != q.page {
		return p.page < q.page
	}
	if p.text != q.text {
		return !p.text
	}
	if p.index != q.index {
		return p.index < q.index
	}
	return p.glyph < q.glyph
}

// kid is one entry of an element's kids in reading order: a child
// element, or a piece of its own content.
type kid struct {
	node *node  // a child element, or nil
	at   seqPos // own content: where it is drawn
}

// contentOf maps each element to the positions of its own content, in
// drawing order: texts and images. Link areas are annotations, which the
// writer lists after the content of their Link.
func contentOf(doc *document) map[*node][]seqPos {
	own := map[*node][]seqPos{}
	for pi, p := range doc.pages {
		for i, it := range p.items {
			if it.tag != nil && it.kind != linkItem {
				own[it.tag] = append(own[it.tag], seqPos{page: pi, index: i})
			}
		}
		for i, t := range p.texts {
			if t.tag != nil {
				own[t.tag] = append(own[t.tag], seqPos{page: pi, index: i, text: true})
			}
		}
	}
	return own
}

// readingKids returns n's kids in reading order: child elements in the
// tree's order, and n's own content in drawing order, a child placed
// before the first piece of own content drawn after the child's first
// content (so a link sits inside its paragraph where it is read). first
// caches the first content of every element.
func readingKids(n *node, own map[*node][]seqPos, first map[*node]*seqPos) []kid {
	mine := own[n]
	out := make([]kid, 0, len(mine)+len(n.kids))
	k := 0
	for _, at := range mine {
		for k < len(n.kids) {
			f := firstContent(n.kids[k], own, first)
			if f == nil || !f.less(at) {
				break
			}
			out = append(out, kid{node: n.kids[k]})
			k++
		}
		out = append(out, kid{at: at})
	}
	for ; k < len(n.kids); k++ {
		out = append(out, kid{node: n.kids[k]})
	}
	return out
}

// firstContent is the first drawn content of n or any element below it,
// nil for none.
func firstContent(n *node, own map[*node][]seqPos, first map[*node]*seqPos) *seqPos {
	if f, ok := first[n]; ok {
		return f
	}
	var best *seqPos
	if m := own[n]; len(m) > 0 {
		best = &m[0]
	}
	for _, k := range n.kids {
		if f := firstContent(k, own, first); f != nil && (best == nil || f.less(*best)) {
			best = f
		}
	}
	first[n] = best
	return best
}
