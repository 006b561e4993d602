package issue

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	gast "github.com/yuin/goldmark/ast"

	"github.com/qikan-dev/qikan/issue/mdext"
)

// htmlBlockTags are the allowlisted elements that start blocks of their
// own in an HTML block; everything else in one is inline content.
var htmlBlockTags = map[string]bool{
	"p": true, "div": true, "figure": true, "figcaption": true, "table": true, "caption": true,
	"thead": true, "tbody": true, "tfoot": true, "tr": true, "th": true, "td": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"blockquote": true, "ul": true, "ol": true, "li": true, "hr": true, "pre": true,
}

// flow converts the children of an HTML block (or of a block element in
// one) to blocks: block elements become blocks, the inline content between
// them paragraphs.
func (c *mdConverter) flow(parent gast.Node, depth int) []Block {
	if depth > maxNesting {
		return c.blocks(parent, depth) // reports
	}
	var out []Block
	k := &collector{c: c}
	flush := func() {
		out = append(out, k.place(finish(k.ps))...)
		k = &collector{c: c}
	}
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		e, ok := n.(*mdext.Element)
		if !ok || !htmlBlockTags[e.Tag] {
			k.node(n, inlineCtx{})
			continue
		}
		flush()
		out = append(out, c.htmlBlock(e, depth)...)
	}
	flush()
	return out
}

// htmlBlock converts one block element of an HTML block.
func (c *mdConverter) htmlBlock(e *mdext.Element, depth int) []Block {
	at := c.pos(e)
	switch e.Tag {
	case "h1", "h2", "h3", "h4", "h5", "h6":
		level := max(2, int(e.Tag[1]-'0'))
		in := c.inlines(e)
		if len(in) == 0 {
			return nil
		}
		return []Block{&Heading{Pos: at, Level: level, Inlines: in}}
	case "blockquote":
		return []Block{&Quote{Pos: at, Blocks: c.flow(e, depth+1)}}
	case "ul", "ol":
		return []Block{c.htmlList(e, depth)}
	case "pre":
		return []Block{&Code{Pos: at, Text: strings.Trim(textOf(e), "\n")}}
	case "hr":
		return []Block{&Rule{Pos: at}}
	case "table":
		return c.htmlTable(e)
	case "figure":
		if fig := c.htmlFigure(e); fig != nil {
			return []Block{fig}
		}
	}
	return c.flow(e, depth+1)
}

func (c *mdConverter) htmlList(e *mdext.Element, depth int) *List {
	l := &List{Pos: c.pos(e), Ordered: e.Tag == "ol", Start: 1}
	if n, err := strconv.Atoi(e.Attr("start")); err == nil && l.Ordered {
		l.Start = n
	}
	for n := e.FirstChild(); n != nil; n = n.NextSibling() {
		if li, ok := n.(*mdext.Element); ok && li.Tag == "li" {
			l.Items = append(l.Items, c.flow(li, depth+1))
		} else if !c.blank(n) {
			l.Items = append(l.Items, c.flow(wrap(n), depth+1))
		}
	}
	if !l.Ordered {
		l.Start = 0
	}
	return l
}

// wrap puts a node alone under a parent, for flow.
func wrap(n gast.Node) gast.Node {
	p := &mdext.Element{Tag: "div"}
	p.SetPos(n.Pos())
	n.Parent().RemoveChild(n.Parent(), n)
	p.AppendChild(p, n)
	return p
}

// htmlFigure converts <figure>: its first image, the image's link, and
// the text of <figcaption> as the caption (else the alt text).
func (c *mdConverter) htmlFigure(e *mdext.Element) *Figure {
	var img, link, caption *mdext.Element
	_ = gast.Walk(e, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		el, ok := n.(*mdext.Element)
		if !ok || !entering {
			return gast.WalkContinue, nil
		}
		switch {
		case el.Tag == "img" && img == nil:
			img = el
			for p := n.Parent(); p != nil && p != e; p = p.Parent() {
				if a, ok := p.(*mdext.Element); ok && a.Tag == "a" {
					link = a
				}
			}
		case el.Tag == "figcaption" && caption == nil:
			caption = el
		}
		return gast.WalkContinue, nil
	})
	if img == nil {
		return nil
	}
	at := c.pos(img)
	im, ok := c.image(img.Attr("src"), at, false)
	if !ok {
		return nil // reported; the figure's text still follows in flow
	}
	fig := &Figure{Pos: c.pos(e), Image: im, Caption: strings.TrimSpace(img.Attr("alt")), Credit: strings.TrimSpace(img.Attr("title"))}
	if caption != nil {
		if text := strings.Join(strings.Fields(plain(c.inlines(caption))), " "); text != "" {
			fig.Alt, fig.Caption = fig.Caption, text
		}
	}
	if link != nil {
		fig.Link = link.Attr("href")
	}
	return fig
}

// htmlTable converts a simple HTML table: rows of cells, the rows of
// <thead> (or a first row of <th> cells) as the header, the align of the
// first row's cells as the columns' alignment. A <caption> becomes a
// paragraph before the table. Spanning cells are set one per column.
func (c *mdConverter) htmlTable(e *mdext.Element) []Block {
	var out []Block
	t := &Table{Pos: c.pos(e)}
	type row struct {
		cells []*mdext.Element
		head  bool
	}
	var rows []row
	var walk func(n gast.Node, head bool)
	walk = func(n gast.Node, head bool) {
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			el, ok := ch.(*mdext.Element)
			if !ok {
				continue
			}
			switch el.Tag {
			case "thead":
				walk(el, true)
			case "tbody", "tfoot":
				walk(el, false)
			case "tr":
				r := row{head: head}
				for cell := el.FirstChild(); cell != nil; cell = cell.NextSibling() {
					if ce, ok := cell.(*mdext.Element); ok && (ce.Tag == "td" || ce.Tag == "th") {
						r.cells = append(r.cells, ce)
					}
				}
				rows = append(rows, r)
			case "caption":
				if in := c.inlines(el); len(in) > 0 {
					out = append(out, &Paragraph{Pos: c.pos(el), Inlines: in})
				}
			}
		}
	}
	walk(e, false)
	if len(rows) == 0 {
		return append(out, c.flow(e, 1)...)
	}
	if !rows[0].head && allTH(rows[0].cells) {
		rows[0].head = true
	}
	ncol := 0
	for i, r := range rows {
		var cells [][]Inline
		for _, ce := range r.cells {
			cells = append(cells, c.cellInlines(ce))
			if n, err := strconv.Atoi(ce.Attr("colspan")); err == nil && n > 1 {
				c.r.warn(c.file, c.pos(ce).Line, "table cell spans %d columns: qikan sets simple tables, one cell per column, so the cells after it move left; split the cell or add empty cells", n)
			}
		}
		ncol = max(ncol, len(cells))
		if i == 0 {
			for _, ce := range r.cells {
				t.Align = append(t.Align, htmlAlign(ce.Attr("align")))
			}
		}
		if r.head && t.Header == nil && len(t.Rows) == 0 {
			t.Header = cells
		} else {
			t.Rows = append(t.Rows, cells)
		}
	}
	for len(t.Align) < ncol {
		t.Align = append(t.Align, AlignNone)
	}
	pad := func(cells [][]Inline) [][]Inline {
		for len(cells) < ncol {
			cells = append(cells, nil)
		}
		return cells
	}
	if t.Header != nil {
		t.Header = pad(t.Header)
	}
	for i := range t.Rows {
		t.Rows[i] = pad(t.Rows[i])
	}
	return append(out, t)
}

func allTH(cells []*mdext.Element) bool {
	for _, ce := range cells {
		if ce.Tag != "th" {
			return false
		}
	}
	return len(cells) > 0
}

func htmlAlign(s string) Align {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "left":
		return AlignLeft
	case "center":
		return AlignCenter
	case "right":
		return AlignRight
	}
	return AlignNone
}

// textOf is the text of an element's content, as written (for <pre>).
func textOf(n gast.Node) string {
	var b strings.Builder
	_ = gast.Walk(n, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *mdext.Text:
			b.WriteString(n.Value)
		case *mdext.Ruby:
			for _, p := range n.Pairs {
				b.WriteString(p.Base)
			}
		case *mdext.Element:
			if n.Tag == "br" {
				b.WriteByte('\n')
			}
		}
		return gast.WalkContinue, nil
	})
	return b.String()
}

// reportDrops warns about everything the HTML allowlist dropped: each
// element at its line; attributes once per kind, with all their lines.
func (c *mdConverter) reportDrops(doc gast.Node) {
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		d, ok := n.(*mdext.Dropped)
		if !ok || !entering {
			return gast.WalkContinue, nil
		}
		line := c.pos(d).Line
		if d.Attr {
			c.attrDrops[d.What] = append(c.attrDrops[d.What], line)
			return gast.WalkContinue, nil
		}
		hint := "qikan keeps text, images and simple markup from HTML (see README, Markdown)"
		if strings.Contains(d.What, "its text is kept") {
			hint = "if the angle brackets are meant as text, write \\< or put it in `code`"
		}
		c.r.warn(c.file, line, "dropped %s: %s", d.What, hint)
		return gast.WalkContinue, nil
	})
	whats := make([]string, 0, len(c.attrDrops))
	for w := range c.attrDrops {
		whats = append(whats, w)
	}
	sort.Slice(whats, func(i, j int) bool { return c.attrDrops[whats[i]][0] < c.attrDrops[whats[j]][0] })
	for _, w := range whats {
		lines := c.attrDrops[w]
		msg := "dropped the " + w
		switch len(lines) {
		case 1:
		case 2:
			msg += fmt.Sprintf(", and once more at line %d", lines[1])
		default:
			msg += fmt.Sprintf(", and %d more times (lines %s)", len(lines)-1, lineList(lines[1:]))
		}
		c.r.warn(c.file, lines[0], "%s: qikan sets its own styles and runs no scripts", msg)
	}
}

// lineList lists line numbers, at most ten, then how many more.
func lineList(lines []int) string {
	var parts []string
	for i, l := range lines {
		if i == 10 {
			parts = append(parts, fmt.Sprintf("… %d more", len(lines)-10))
			break
		}
		parts = append(parts, strconv.Itoa(l))
	}
	return strings.Join(parts, ", ")
}
