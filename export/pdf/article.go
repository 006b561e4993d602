package pdf

import (
	"math"
	"strconv"
	"strings"

	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/issue"
	"github.com/qikan-dev/qikan/lang"
)

// setArticle is an article set for the page: its title block across the
// text block, then its body and end matter as column blocks and float
// anchors.
type setArticle struct {
	title  block
	blocks []block
}

// section starts a section with a band that holds its title, then sets
// its articles one after the other. The band opens a new page unless the
// page in hand is less than half full (magazine style; --one-per-page
// always opens a page).
func (c *composer) section(s *issue.Section) {
	g := c.geo
	need := 2*g.pitch + c.bandHeight(s)
	if len(s.Articles) > 0 {
		set := c.bodies[s.Articles[0]]
		need += set.title.h + c.opening(set.blocks)
	}
	c.head = s.Title
	sect := c.doc.root.add("Sect")
	h1 := sect.add("H1")
	if c.page != nil && c.page.kind == articlePage && !c.opt.OnePerPage &&
		c.y <= g.textTop()+g.textHeight()/2 && g.snap(c.y)+need <= g.textBottom()+eps {
		c.y = g.snap(c.y) + 2*g.pitch
	} else {
		c.newPage(articlePage)
	}
	i := c.index()
	entry := outlineEntry{Title: s.Title, Page: i}

	c.band(s, h1)
	c.fresh = true

	for k, a := range s.Articles {
		if k > 0 && c.opt.OnePerPage {
			c.newPage(articlePage)
		}
		c.article(a)
		sect.kids = append(sect.kids, c.arts[a])
		entry.Children = append(entry.Children, outlineEntry{Title: a.Title, Page: c.doc.start[a.ID]})
	}
	c.doc.outline = append(c.doc.outline, entry)
}

// bandLines sets a section title for its band: broken at its phrase
// spaces and balanced when it is wider than the text block.
func (c *composer) bandLines(s *issue.Section) []setLine {
	return c.set.headline(plain(s.Title, sectionStyle), c.geo.textWidth()-20)
}

// bandHeight is the height a section's band takes with the space below
// it: two and a half lines for a title of one line, whole lines in all.
func (c *composer) bandHeight(s *issue.Section) float64 {
	n := max(1, len(c.bandLines(s)))
	return c.geo.whole(2.5*c.geo.pitch+float64(n-1)*sectionStyle.leading) + 1.5*c.geo.pitch
}

// band draws a section's band at c.y and moves c.y below it. The band
// runs from the page's outer edge (with bleed) into the text block's
// inner edge; the section title (the Sect's H1) on it, its English title
// after it.
func (c *composer) band(s *issue.Section, h1 *node) {
	g := c.geo
	i := c.index()
	lines := c.bandLines(s)
	bandH := 2.5*g.pitch + float64(max(1, len(lines))-1)*sectionStyle.leading
	x0, x1 := g.textLeft(i), g.trimW+g.bleed
	if !recto(i) {
		x0, x1 = -g.bleed, g.textLeft(i)+g.textWidth()
	}
	y := c.y
	c.page.items = append(c.page.items, item{kind: fillItem, color: accent, x: x0, y: y, w: x1 - x0, h: bandH})
	c.page.placed = append(c.page.placed, placement{kind: kindOther, src: -1, col: -1, x: x0, y: y, w: x1 - x0, h: bandH})
	tx := g.textLeft(i) + 10
	base := y + 1.25*g.pitch + 0.35*sectionStyle.size
	last := setLine{}
	for k, ln := range lines {
		c.page.texts = append(c.page.texts, tagTexts(moveTexts(ln.texts, tx, base+float64(k)*sectionStyle.leading), h1)...)
		last = ln
	}
	base += float64(max(1, len(lines))-1) * sectionStyle.leading
	if s.TitleEN != "" {
		en := c.set.oneLine(plain(s.TitleEN, sectionENStyle))
		span := h1.add("Span")
		span.lang = "en"
		x := tx + last.width + 12
		if x+en.width > g.textLeft(i)+g.textWidth() {
			x = tx // no room after the title: under it, in the band
			base += sectionENStyle.leading
			bandH += sectionENStyle.leading
			c.page.items[len(c.page.items)-1].h = bandH
		}
		c.page.texts = append(c.page.texts, tagTexts(moveTexts(en.texts, x, base), span)...)
	}
	c.y = y + c.bandHeight(s)
}

func moveTexts(ts []textItem, dx, dy float64) []textItem {
	out := make([]textItem, len(ts))
	for i, t := range ts {
		out[i] = t.moved(dx, dy)
	}
	return out
}

// article sets one article: the title block across the text block, then
// the body in columns, its figures floating, then the end matter.
func (c *composer) article(a *issue.Article) {
	set := c.bodies[a]
	title := set.title
	if !c.atTop() && !c.fresh {
		title.before = 2 * c.geo.pitch
		// The title needs its first lines of text below it on the same
		// page (two in each column), or its opening float.
		need := title.before + title.h + c.opening(set.blocks)
		if c.geo.snap(c.y)+need > c.geo.textBottom()+eps {
			c.newPage(articlePage)
			title.before = 0
		}
	}
	c.doc.start[a.ID] = c.index()
	c.spanBlock(a.ID, title)
	c.flow(a.ID, set.blocks)
	c.fresh = false
}

// opening is the height an article's first blocks need below its title:
// two lines of text in each column, whole keeps, the first of them in one
// column (its floats can go to the next page), or its first float when it
// has no text or opens with it and has so little text that all of it
// waits for its floats.
func (c *composer) opening(blocks []block) float64 {
	need, lines, chain := 0.0, 0, 0.0
	chained := true // the first keep chain goes on
	var first *float
	for _, b := range blocks {
		if b.float != nil {
			if first == nil {
				first = b.float
			}
			continue
		}
		need += b.before + b.h
		if chained {
			chain = need
			chained = b.keep
		}
		if b.isText() {
			lines++
		}
		if lines >= 2*c.geo.columns && !b.keep {
			break
		}
	}
	// A short article that opens with a float waits for it: its lines
	// follow its figures (see tailStart).
	total := 0
	for _, b := range blocks {
		if b.isText() {
			total++
		}
	}
	if first != nil && (lines == 0 || blocks[0].float != nil && total <= 2*c.geo.columns+4) {
		return first.sizes[len(first.sizes)-1].slot
	}
	return math.Min(max(need/float64(c.geo.columns), chain), c.geo.textHeight())
}

// setArticleBlocks sets an article for the page, and builds its Art
// element.
func (c *composer) setArticleBlocks(a *issue.Article) (setArticle, *node) {
	art := &node{role: "Art"}
	if a.Language != c.iss.Language {
		art.lang = a.Language
	}
	title := c.titleBlock(a, art)
	st := bodyStyle
	st.lang = lang.For(a.Language)
	st.notes = newNoteSet(c.opt.LinkURLs)
	var bs []block
	for i, b := range a.Blocks {
		out := c.blocks(art, []issue.Block{b}, c.geo.colW, st, c.indent(st)*st.size)
		for k := range out {
			out[k].src = i
			if h := out[k].head; h != nil {
				h.src = i
			}
			if f := out[k].float; f != nil {
				for j := range f.sizes {
					f.sizes[j].b.src = i
				}
			}
		}
		bs = append(bs, out...)
	}
	c.setNotes(st.notes, c.geo.colW)
	bs = append(bs, c.endNotes(st.notes, st.notes.resolve(bs))...)
	bs = append(bs, c.endMatter(a, art)...)
	keepSubheads(bs)
	bs = floatsBeforeTail(bs)
	return setArticle{title: title, blocks: bs}, art
}

// indent is the first-line indent of body paragraphs in text of style st,
// in em: issue.yaml's indent, else its language's.
func (c *composer) indent(st style) float64 {
	if c.iss.Indent != nil {
		return *c.iss.Indent
	}
	return c.set.rules(st).Indent
}

// floatsBeforeTail moves the anchors of floats that come after the first
// of an article's last four lines of text to before them: an article's
// figures are placed before its end, with some of its text after them.
func floatsBeforeTail(bs []block) []block {
	k := tailStart(bs, 0)
	var anchors, rest []block
	for _, b := range bs[k:] {
		if b.float != nil {
			anchors = append(anchors, b)
		} else {
			rest = append(rest, b)
		}
	}
	if len(anchors) == 0 {
		return bs
	}
	out := append(bs[:k:k], anchors...)
	return append(out, rest...)
}

// keepSubheads keeps each subhead with two lines of the text after it,
// and the end matter with the article's last two lines.
func keepSubheads(bs []block) {
	for i := range bs {
		switch bs[i].kind {
		case kindSubhead:
			for k, lines := i, 0; k < len(bs) && lines < 2; k++ {
				if bs[k].isText() {
					lines++
				}
				if lines < 2 && bs[k].float == nil {
					bs[k].keep = true
				}
			}
		case kindEnd:
			for k, lines := i-1, 0; k >= 0 && lines < 2; k-- {
				if bs[k].float != nil {
					continue
				}
				bs[k].keep = true
				if bs[k].isText() {
					lines++
				}
			}
		}
	}
}

// titleBlock is the article's title (H1), subtitle and byline (P), across
// the text block, with a rule below; whole lines of the grid high.
func (c *composer) titleBlock(a *issue.Article, art *node) block {
	w := c.geo.textWidth()
	titleStyle, subtitleStyle, bylineStyle := titleStyle, subtitleStyle, bylineStyle
	l := lang.For(a.Language) // the article's glyph forms and punctuation, as its body
	titleStyle.lang, subtitleStyle.lang, bylineStyle.lang = l, l, l
	var parts []block
	parts = append(parts, tagBlocks(c.headBlocks(plain(a.Title, titleStyle), titleStyle, w, alignLeft), art.add("H1"))...)
	if a.Subtitle != "" {
		sub := tagBlocks(c.headBlocks(plain(a.Subtitle, subtitleStyle), subtitleStyle, w, alignLeft), art.add("P"))
		if len(sub) > 0 {
			sub[0].before = 2
		}
		parts = append(parts, sub...)
	}
	if len(a.Authors) > 0 {
		by := tagBlocks(c.textBlocks(plain(strings.Join(a.Authors, "　"), bylineStyle), bylineStyle, w, 0, alignLeft), art.add("P"))
		if len(by) > 0 {
			by[0].before = 4
		}
		parts = append(parts, by...)
	}
	b := stack(parts)
	b.h += 6
	b.items = append(b.items, item{kind: ruleItem, color: accent, lineWidth: 0.8, x: 0, y: b.h, x2: w, y2: b.h})
	b.h = c.geo.whole(b.h + 10)
	b.span, b.grid, b.kind, b.src = true, true, kindTitle, -1
	return b
}

// whole rounds a height up to whole lines of the grid.
func (g geometry) whole(h float64) float64 {
	return math.Ceil(h/g.pitch-1e-6) * g.pitch
}

// blocks turns body blocks into column blocks of width w in style st,
// adding their structure elements to parent. Paragraphs get a first-line
// indent of indent.
func (c *composer) blocks(parent *node, bs []issue.Block, w float64, st style, indent float64) []block {
	var out []block
	for _, b := range bs {
		switch b := b.(type) {
		case *issue.Paragraph:
			p := parent.add("P")
			pst := st
			if b.Lang != "" { // a paragraph in another language: its rules, its /Lang
				pst.lang, p.lang = lang.For(b.Lang), b.Lang
			}
			spans := c.spans(p, b.Inlines, pst)
			lines := tagBlocks(c.gridLines(spans, pst, w, indent, justify), p)
			ps := &parSource{spans: spans, st: pst, w: w, indent: indent, tag: p}
			for i := range lines {
				lines[i].par = ps
			}
			keepLines(lines)
			out = append(out, lines...)
		case *issue.Heading:
			out = append(out, c.subhead(parent, b, w, st))
		case *issue.Quote:
			out = append(out, c.quote(parent.add("BlockQuote"), b, w, st)...)
		case *issue.List:
			out = append(out, c.list(parent.add("L"), b, w, st)...)
		case *issue.Table:
			out = append(out, c.table(parent.add("Table"), b, w, st)...)
		case *issue.Figure:
			out = append(out, block{float: c.figure(parent, b, w), src: -1})
		case *issue.Code:
			out = append(out, tagBlocks(c.code(b, w), parent.add("Code"))...)
		case *issue.Rule:
			out = append(out, block{h: c.geo.pitch, grid: true, items: []item{{kind: ruleItem, color: gray, lineWidth: 0.5,
				x: w / 3, y: c.geo.pitch / 2, x2: 2 * w / 3, y2: c.geo.pitch / 2}}})
		}
	}
	return out
}

// gridLines sets spans as a paragraph of width w into one block per line,
// each one grid line high, the baselines of every size on the grid's
// baseline.
func (c *composer) gridLines(spans []span, st style, w, indent float64, align alignment) []block {
	return c.gridBlocks(c.set.paragraph(spans, w, indent, align.layout()), st, w, align)
}

// gridBlocks turns set lines into grid lines (see gridLines).
func (c *composer) gridBlocks(set []setLine, st style, w float64, align alignment) []block {
	lines := c.lineBlocks(set, st, w, align)
	shift := c.gridBase() - baseline(st)
	for i := range lines {
		b := &lines[i]
		for k := range b.texts {
			b.texts[k].y += shift
		}
		for k := range b.items {
			b.items[k].y += shift
			b.items[k].y2 += shift
		}
		b.h, b.grid, b.kind, b.line = c.geo.pitch, true, kindText, i
	}
	return lines
}

// gridBase is where the baseline of a body line lies below the top of its
// grid line.
func (c *composer) gridBase() float64 {
	return (c.geo.pitch-bodyStyle.size)/2 + 0.88*bodyStyle.size
}

// subhead sets a heading as one block, a line of space above it: its last
// line sits on a grid line, the lines above it at the heading's leading.
func (c *composer) subhead(parent *node, h *issue.Heading, w float64, st style) block {
	hs := subheadStyle.of(st)
	if h.Level > 2 {
		hs = subhead3Style.of(st)
	}
	// H2 for ##, H3 for ###, …; fixHeadings closes skipped levels.
	hn := parent.add("H" + strconv.Itoa(min(max(h.Level, 2), 6)))
	if h.Lang != "" {
		hs.lang, hn.lang = lang.For(h.Lang), h.Lang
	}
	lines := tagBlocks(c.headBlocks(c.spans(hn, h.Inlines, hs), hs, w, alignLeft), hn)
	n := len(lines)
	b := block{h: float64(max(n, 1)) * c.geo.pitch, before: c.geo.pitch, grid: true, keep: true, kind: kindSubhead}
	last := b.h - c.geo.pitch + c.gridBase()
	for i, ln := range lines {
		b.add(ln, 0, last-float64(n-1-i)*hs.leading-baseline(hs))
	}
	return b
}

// quote sets a block quotation indented, with a bar on its left, its
// lines on the grid.
func (c *composer) quote(bq *node, q *issue.Quote, w float64, st style) []block {
	qs := quoteStyle.of(st)
	indent := 2 * st.size
	inner := c.blocks(bq, q.Blocks, w-indent, qs, c.indent(st)*qs.size)
	out := make([]block, 0, len(inner))
	for _, ib := range inner {
		b := ib
		b.texts, b.items, b.par = nil, nil, nil
		b.add(ib, indent, 0)
		if ib.float == nil {
			b.items = append(b.items, item{kind: fillItem, color: quoteBar, x: st.size * 0.5, y: 0, w: 2, h: ib.h})
		}
		out = append(out, b)
	}
	return out
}

// keepLines applies orphan and widow control: the first two and the last
// two lines of a paragraph stay in one column.
func keepLines(lines []block) {
	if n := len(lines); n >= 2 {
		lines[0].keep = true
		lines[n-2].keep = true
	}
}

// spans turns inlines into spans of style st: strong text is bold,
// emphasis is set in the heading (sans) face, as Chinese print does,
// code in grey. Each link (a run of inlines with one destination) gets a
// Link element in parent.
func (c *composer) spans(parent *node, ins []issue.Inline, st style) []span {
	out := make([]span, 0, len(ins))
	var link *node
	for i, in := range ins {
		if in.Link == "" {
			link = nil
		} else if link == nil || ins[i-1].Link != in.Link {
			link = parent.add("Link")
			link.alt = linkText(ins[i:])
		}
		s := st
		if in.Style&issue.Strong != 0 {
			s.bold = true
		}
		if in.Style&issue.Emphasis != 0 {
			if st.latin() {
				s.oblique = true // an italic, synthesised (see style.latin)
			} else {
				s.role = fonts.Heading
			}
		}
		s = inlineStyle(s, st, in)
		out = append(out, inlineSpan(span{text: in.Text, st: s, link: in.Link, tag: link}, in, parent))
		if in.Link != "" && st.notes != nil && (i+1 == len(ins) || ins[i+1].Link != in.Link) {
			out = append(out, st.notes.noteSpans(parent, in.Link, st)...)
		}
	}
	return out
}

// inlineStyle is s with the looks of in's inline styles that spans
// does not set, in text of style parent: code and keys in the code face on
// a tint, links in colour and underlined (so that a printed page shows
// them), underline and strike-through as lines, <mark> on a highlight,
// <small> smaller, superscript and subscript smaller and raised or
// lowered.
func inlineStyle(s, parent style, in issue.Inline) style {
	if in.Style&(issue.CodeSpan|issue.Keyboard) != 0 {
		s.role, s.tint = codeRole, codeTint
		s.color = codeInk
	}
	if in.Link != "" {
		s.color, s.underline = linkColor, true
	}
	if in.Style&issue.Underline != 0 {
		s.underline = true
	}
	if in.Style&issue.Strike != 0 {
		s.strike = true
	}
	if in.Style&issue.Mark != 0 {
		s.tint = markTint
	}
	if in.Style&issue.Small != 0 {
		s.size *= 0.85
	}
	switch {
	case in.Style&issue.Superscript != 0:
		s.size, s.rise = parent.size*0.62, parent.size*0.38
	case in.Style&issue.Subscript != 0:
		s.size, s.rise = parent.size*0.62, -parent.size*0.12
	}
	return s
}

// linkText is the text of the link that starts ins, the description of
// its annotation; the destination when the link has no text.
func linkText(ins []issue.Inline) string {
	var b strings.Builder
	for _, in := range ins {
		if in.Link != ins[0].Link {
			break
		}
		b.WriteString(in.Text)
	}
	if t := strings.TrimSpace(b.String()); t != "" {
		return t
	}
	return ins[0].Link
}

// list sets list items with a hanging marker: L → LI → Lbl, LBody.
func (c *composer) list(l *node, li *issue.List, w float64, st style) []block {
	var out []block
	hang := 2 * st.size
	for i, it := range li.Items {
		marker := "•"
		if li.Ordered {
			marker = strconv.Itoa(li.Start+i) + "."
		}
		item := l.add("LI")
		lbl := item.add("Lbl")
		inner := c.blocks(item.add("LBody"), it, w-hang, st, 0)
		first := true
		for _, ib := range inner {
			b := ib
			b.texts, b.items, b.par = nil, nil, nil
			b.add(ib, hang, 0)
			if first && ib.float == nil {
				first = false
				m := c.set.oneLine(plain(marker, st))
				for _, t := range tagTexts(m.texts, lbl) {
					b.texts = append([]textItem{t.moved(hang-m.width-st.size*0.4, c.gridBase())}, b.texts...)
				}
			}
			out = append(out, b)
		}
	}
	return out
}

// codeRole is the face of code blocks and spans: the monospace face
// (Latin half-width, CJK full-width, so columns line up).
const codeRole = fonts.Mono

// code sets a code block line by line on a tinted background, flush left
// in the code face, with space above and below. A source line keeps its
// indentation; one too long for the column wraps, and each line it
// continues on is marked with a grey arrow at the right, outside the text.
func (c *composer) code(cb *issue.Code, w float64) []block {
	var out []block
	pad := 4.0
	cs := codeStyle
	cs.role = codeRole
	mark := c.set.oneLine(plain("→", style{role: codeRole, size: cs.size * 0.8, color: gray}))
	markW := mark.width + 2
	space := c.set.textWidth(plain("0", cs)) // a column of the code face
	for _, line := range strings.Split(strings.TrimRight(cb.Text, "\n"), "\n") {
		line = strings.ReplaceAll(line, "\t", "    ")
		text := strings.TrimLeft(line, " ")
		indent := float64(len(line)-len(text)) * space
		lines := c.lineBlocks(c.set.paragraph(plain(text, cs), w-2*pad-markW, indent, alignLeft.layout()), cs, w-2*pad-markW, alignLeft)
		if len(lines) == 0 {
			lines = []block{{h: cs.leading}}
		}
		for k, l := range lines {
			b := block{h: l.h, kind: kindCode}
			b.items = append(b.items, item{kind: fillItem, color: light, x: 0, y: 0, w: w, h: l.h})
			b.add(l, pad, 0)
			if k < len(lines)-1 {
				b.texts = append(b.texts, markArtifact(moveTexts(mark.texts, w-pad-mark.width, baseline(cs)), layoutArt)...)
				b.keep = true // a wrapped line stays in one column
			}
			out = append(out, b)
		}
	}
	if n := len(out); n > 0 {
		out[0].before = c.geo.pitch / 2
		out[n-1].after = c.geo.pitch / 2
		out[0].keep = true
		if n >= 2 {
			out[n-2].keep = true
		}
	}
	return out
}

// endMatter sets the affiliation, source and editor, right-aligned and
// smaller, at the end of the article, as one block of one P each.
func (c *composer) endMatter(a *issue.Article, art *node) []block {
	var out []block
	w := c.geo.colW
	add := func(text string) {
		bs := tagBlocks(c.textBlocks(plain(text, endStyle), endStyle, w, 0, alignRight), art.add("P"))
		out = append(out, bs...)
	}
	lab := lang.For(a.Language).Labels // the article's own language
	if a.Affiliation != "" {
		add(lab.Open + lab.Affiliation + a.Affiliation + lab.Close)
	}
	if a.Source != "" {
		add(lab.Open + a.Source + lab.Close)
	}
	if a.Editor != "" {
		add(lab.NoteOpen + lab.Editor + a.Editor + lab.NoteClose)
	}
	if len(out) == 0 {
		return nil
	}
	// One block: the notes stay together, even when columns are balanced.
	var end block
	end.add(stack(out), 0, c.geo.pitch/4)
	end.h = c.geo.whole(stack(out).h + c.geo.pitch/4)
	end.grid, end.kind, end.src = true, kindEnd, -1
	return []block{end}
}
