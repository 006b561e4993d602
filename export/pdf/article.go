package pdf

import (
	"strconv"
	"strings"

	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/issue"
	"github.com/qikan-dev/qikan/lang"
)

// section starts a section on a new page with a band that holds its title,
// then sets its articles one after the other.
func (c *composer) section(s *issue.Section) {
	c.head = s.Title
	c.newPage(articlePage)
	sect := c.doc.root.add("Sect")
	h1 := sect.add("H1")
	g := c.geo
	i := c.index()
	entry := outlineEntry{Title: s.Title, Page: i}

	// The band runs from the page's outer edge (with bleed) into the
	// text block's inner edge.
	bandH := 38.0
	x0, x1 := g.textLeft(i), g.trimW+g.bleed
	if !recto(i) {
		x0, x1 = -g.bleed, g.textLeft(i)+g.textWidth()
	}
	y := g.textTop()
	c.page.items = append(c.page.items, item{kind: fillItem, color: accent, x: x0, y: y, w: x1 - x0, h: bandH})
	ln := c.set.oneLine(plain(s.Title, sectionStyle))
	tx := g.textLeft(i) + 10
	c.page.texts = append(c.page.texts, tagTexts(moveTexts(ln.texts, tx, y+bandH/2+0.35*sectionStyle.size), h1)...)
	if s.TitleEN != "" {
		en := c.set.oneLine(plain(s.TitleEN, sectionENStyle))
		span := h1.add("Span")
		span.lang = "en"
		c.page.texts = append(c.page.texts, tagTexts(moveTexts(en.texts, tx+ln.width+12, y+bandH/2+0.35*sectionStyle.size), span)...)
	}
	c.y = y + bandH + 14
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

func moveTexts(ts []textItem, dx, dy float64) []textItem {
	out := make([]textItem, len(ts))
	for i, t := range ts {
		out[i] = t.moved(dx, dy)
	}
	return out
}

// article sets one article: the title block across the text block, then
// the body in columns, then the end matter.
func (c *composer) article(a *issue.Article) {
	body := append([]block(nil), c.bodies[a]...)
	head := &body[0]
	if !c.atTop() && !c.fresh {
		head.before = 2 * bodyStyle.leading
		// The title needs its first lines of text below it on the same
		// page, or all of what comes first when that is a figure or a
		// table: never a title alone at the foot of a page.
		need := head.before + head.h
		for i, got := 1, 0.0; i < len(body) && got < 4*bodyStyle.leading; i++ {
			need += body[i].before + body[i].h
			got += body[i].h
		}
		if c.room() < need {
			c.newPage(articlePage)
			head.before = 0
		}
	}
	c.doc.start[a.ID] = c.index()
	c.flow(body)
	c.fresh = false
}

// titleBlock is the article's title (H1), subtitle and byline (P), across
// the text block, with a rule below.
func (c *composer) titleBlock(a *issue.Article, art *node) block {
	w := c.geo.textWidth()
	var parts []block
	parts = append(parts, tagBlocks(c.textBlocks(plain(a.Title, titleStyle), titleStyle, w, 0, alignLeft), art.add("H1"))...)
	if a.Subtitle != "" {
		sub := tagBlocks(c.textBlocks(plain(a.Subtitle, subtitleStyle), subtitleStyle, w, 0, alignLeft), art.add("P"))
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
	b.h += 10
	b.span = true
	return b
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
			lines := tagBlocks(c.textBlocks(c.spans(p, b.Inlines, st), st, w, indent, justify), p)
			keepLines(lines)
			out = append(out, lines...)
		case *issue.Heading:
			hs := subheadStyle.of(st)
			if b.Level > 2 {
				hs = subhead3Style.of(st)
			}
			// H2 for ##, H3 for ###, …; fixHeadings closes skipped levels.
			h := parent.add("H" + strconv.Itoa(min(max(b.Level, 2), 6)))
			lines := tagBlocks(c.textBlocks(c.spans(h, b.Inlines, hs), hs, w, 0, alignLeft), h)
			for i := range lines {
				lines[i].keep = true
			}
			if len(lines) > 0 {
				lines[0].before = st.leading / 2
			}
			out = append(out, lines...)
		case *issue.Quote:
			qs := quoteStyle.of(st)
			indent := 2 * st.size
			inner := c.blocks(parent.add("BlockQuote"), b.Blocks, w-indent, qs, c.set.rules(st).Indent*qs.size)
			for i := range inner {
				q := block{h: inner[i].h, before: inner[i].before, keep: inner[i].keep}
				q.add(inner[i], indent, 0)
				q.items = append(q.items, item{kind: fillItem, color: rgb{0xd8, 0xb8, 0xb0}, x: st.size * 0.5, y: 0, w: 2, h: inner[i].h})
				out = append(out, q)
			}
			if len(inner) > 0 {
				out[len(out)-len(inner)].before = st.leading / 3
			}
		case *issue.List:
			out = append(out, c.list(parent.add("L"), b, w, st)...)
		case *issue.Table:
			out = append(out, c.table(parent.add("Table"), b, w, st)...)
		case *issue.Figure:
			out = append(out, c.figure(parent, b, w))
		case *issue.Code:
			out = append(out, tagBlocks(c.code(b, w), parent.add("Code"))...)
		case *issue.Rule:
			out = append(out, block{h: st.leading, items: []item{{kind: ruleItem, color: gray, lineWidth: 0.5,
				x: w / 3, y: st.leading / 2, x2: 2 * w / 3, y2: st.leading / 2}}})
		}
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
		if in.Style&issue.CodeSpan != 0 {
			s.color = rgb{0x55, 0x3a, 0x30}
		}
		out = append(out, span{text: in.Text, st: s, link: in.Link, tag: link})
	}
	return out
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
		for k := range inner {
			ib := block{h: inner[k].h, before: inner[k].before, keep: inner[k].keep}
			ib.add(inner[k], hang, 0)
			if k == 0 {
				m := c.set.oneLine(plain(marker, st))
				for _, t := range tagTexts(m.texts, lbl) {
					ib.texts = append([]textItem{t.moved(hang-m.width-st.size*0.4, baseline(st))}, ib.texts...)
				}
			}
			out = append(out, ib)
		}
	}
	return out
}

// figure sets an image at column width (or across the text block when it
// is wider than tall), with its caption and credit below. Its structure is
// a Figure described by its caption, holding the image and a Caption with
// the caption and credit; an image without a caption is decorative, as in
// the EPUB: an artifact, its credit (if any) a P.
func (c *composer) figure(parent *node, f *issue.Figure, colW float64) block {
	var fig, caption *node
	if alt := strings.TrimSpace(f.Caption); alt != "" {
		fig = parent.add("Figure")
		fig.alt = alt
		caption = fig.add("Caption")
	} else if f.Credit != "" {
		caption = parent.add("P")
	}
	span := f.Image.Width > f.Image.Height && c.geo.columns > 1
	w := colW
	if span {
		w = c.geo.textWidth()
	}
	maxH := (c.geo.textBottom() - c.geo.textTop()) * 0.6
	if span {
		maxH = (c.geo.textBottom() - c.geo.textTop()) * 0.45
	}
	iw, ih := w, w
	if f.Image.Width > 0 && f.Image.Height > 0 {
		ih = w * float64(f.Image.Height) / float64(f.Image.Width)
	}
	if ih > maxH {
		iw, ih = iw*maxH/ih, maxH
	}
	img := f.Image
	b := block{before: bodyStyle.leading / 2, span: span}
	im := item{kind: imageItem, img: &img, x: (w - iw) / 2, y: 0, w: iw, h: ih, tag: fig}
	if fig == nil {
		im.artifact = layoutArt
	}
	b.items = append(b.items, im)
	b.h = ih + 4
	// Caption and credit take the image's width, under it.
	capW, capX := max(iw, min(w, 12*captionStyle.size)), 0.0
	capX = (w - capW) / 2
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
	b.h += bodyStyle.leading / 2
	return b
}

// code sets a code block line by line on a tinted background.
func (c *composer) code(cb *issue.Code, w float64) []block {
	var out []block
	pad := 4.0
	for _, line := range strings.Split(strings.TrimRight(cb.Text, "\n"), "\n") {
		lines := c.textBlocks(plain(strings.ReplaceAll(line, "\t", "    "), codeStyle), codeStyle, w-2*pad, 0, alignLeft)
		if len(lines) == 0 {
			lines = []block{{h: codeStyle.leading}}
		}
		for _, l := range lines {
			b := block{h: l.h}
			b.items = append(b.items, item{kind: fillItem, color: light, x: 0, y: 0, w: w, h: l.h})
			b.add(l, pad, 0)
			out = append(out, b)
		}
	}
	if len(out) > 0 {
		out[0].before = bodyStyle.leading / 3
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
	end := stack(out)
	end.before = endStyle.leading / 3
	return []block{end}
}
