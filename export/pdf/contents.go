package pdf

import (
	"strings"

	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/issue"
)

// contents composes the table of contents: the sections with their
// articles, authors, dot leaders and the page where each article starts
// (filled in when drawing, after every page is composed); each entry is a
// link to its page. Entries flow over as many pages as they need. Its
// structure is a Sect with the heading (H1) and a TOC: a TOCI per section
// (its title, then a TOC of its articles: TOCI → Reference → Link).
func (c *composer) contents() {
	c.newPage(contentsPage)
	sect := c.doc.root.add("Sect")
	c.doc.start["contents"] = c.index()
	c.doc.outline = append(c.doc.outline, outlineEntry{Title: c.lang.Labels.Contents, Page: c.index()})

	w := c.geo.textWidth()
	head := style{role: fonts.Heading, size: 26, leading: 34, color: accent, bold: true}
	c.put(stack(tagBlocks(c.textBlocks(plain(c.lang.Labels.Contents, head), head, w, 0, alignLeft), sect.add("H1"))), c.geo.textLeft(c.index()), c.y)
	c.y += head.leading
	sub := strings.TrimSpace(c.iss.Title + "　" + c.iss.Label + "　" + c.lang.Number(c.iss.Number))
	subSt := bylineStyle
	c.put(stack(tagBlocks(c.textBlocks(plain(sub, subSt), subSt, w, 0, alignLeft), sect.add("P"))), c.geo.textLeft(c.index()), c.y)
	c.y += subSt.leading + 6
	c.page.items = append(c.page.items, item{kind: ruleItem, color: accent, lineWidth: 1.5,
		x: c.geo.textLeft(c.index()), y: c.y, x2: c.geo.textLeft(c.index()) + w, y2: c.y})
	c.y += 12

	toc := sect.add("TOC")
	for _, s := range c.iss.Sections {
		sec := c.contentsSection(toc.add("TOCI"), s, w)
		for i, b := range sec {
			before := b.before
			if c.atTop() {
				before = 0
			}
			// A section title keeps with its first entry.
			need := before + b.h
			if b.keep && i+1 < len(sec) {
				need += sec[i+1].before + sec[i+1].h
			}
			if c.y+need > c.geo.textBottom() {
				c.newPage(contentsPage)
				before = 0
			}
			c.put(b, c.geo.textLeft(c.index()), c.y+before)
			c.y += before + b.h
		}
	}
}

// contentsSection builds the blocks of one section of the contents, and
// its structure in toci.
func (c *composer) contentsSection(toci *node, s *issue.Section, w float64) []block {
	secSt := style{role: fonts.Heading, size: 12, leading: 20, color: accent, bold: true}
	enSt := style{role: fonts.Body, size: 8, leading: 20, color: gray}
	title := toci.add("P")
	spans := plain(s.Title, secSt)
	if s.TitleEN != "" {
		en := title.add("Span")
		en.lang = "en"
		spans = append(spans, span{text: "  " + s.TitleEN, st: enSt, tag: en})
	}
	head := stack(tagBlocks(c.headBlocks(spans, secSt, w, alignLeft), title))
	head.items = append(head.items, item{kind: ruleItem, color: contentsRule, lineWidth: 0.5,
		x: 0, y: head.h - 2, x2: w, y2: head.h - 2})
	head.before, head.keep = 10, true
	blocks := []block{head}

	titleSt := style{role: fonts.Body, size: 10.5, leading: 17, color: black}
	authSt := style{role: fonts.Body, size: 8.5, leading: 13, color: gray}
	numW := 4 * titleSt.size
	indent := titleSt.size
	toc := toci.add("TOC")
	for _, a := range s.Articles {
		lines := c.headBlocks(plain(a.Title, titleSt), titleSt, w-indent-numW, alignLeft)
		if len(lines) == 0 {
			continue
		}
		link := toc.add("TOCI").add("Reference").add("Link")
		link.alt = a.Title
		tagBlocks(lines, link)
		entry := stack(lines)
		last := lines[len(lines)-1]
		lastW := 0.0
		for _, t := range last.texts {
			lastW = max(lastW, t.x+naturalWidth(t.face, t.text, t.size)+float64(len([]rune(t.text)))*t.spacing)
		}
		base := entry.h - titleSt.leading + baseline(titleSt)
		if x0, x1 := lastW+titleSt.size*0.6, w-indent-titleSt.size*2.6; x1 > x0 {
			entry.items = append(entry.items, item{kind: ruleItem, dotted: true, color: gray, lineWidth: 0.9,
				x: x0, y: base - 1, x2: x1, y2: base - 1})
		}
		digit := c.set.set.FaceFor(fonts.Body, '0')
		if len(a.Authors) > 0 {
			au := tagBlocks(c.textBlocks(plain(strings.Join(a.Authors, "　"), authSt), authSt, w-indent-numW, 0, alignLeft), link)
			entry.add(stack(au), 0, entry.h)
			entry.h += stack(au).h
		}
		// The page number is read after the title and authors.
		entry.texts = append(entry.texts, textItem{x: w - indent, y: base, text: "0", face: digit,
			size: titleSt.size, color: accent, pageRef: a.ID, tag: link})
		entry.items = append(entry.items, item{kind: linkItem, dest: a.ID, x: 0, y: 0, w: w - indent, h: entry.h, tag: link})
		moved := block{h: entry.h + 3, before: 0}
		moved.add(entry, indent, 0)
		blocks = append(blocks, moved)
	}
	return blocks
}
