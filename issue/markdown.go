package issue

import (
	"bufio"
	"bytes"
	stdhtml "html"
	"strings"
	"unicode/utf8"

	"github.com/qikan-dev/qikan/lang"
	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
)

// maxNesting bounds how deeply quotes and lists may nest in an article.
const maxNesting = 32

// figureFunc resolves the destination of an image that stands alone in its
// paragraph (a figure) written at line; it reports problems itself and
// returns ok == false when the image cannot be used.
type figureFunc func(dest string, line int) (Image, bool)

// mdConverter turns one Markdown body into model blocks.
type mdConverter struct {
	src     []byte
	file    string // for problems and warnings
	lineOff int    // line of the first body line, minus one
	r       *report
	figure  figureFunc
	deep    bool // nesting limit already reported
}

// convertMarkdown parses src (CommonMark + GFM tables, raw HTML kept as
// literal text) and returns its blocks. lineOff+1 is the line of src's
// first line in file.
func convertMarkdown(src []byte, file string, lineOff int, r *report, figure figureFunc) (blocks []Block) {
	c := &mdConverter{src: src, file: file, lineOff: lineOff, r: r, figure: figure}
	defer func() {
		if v := recover(); v != nil {
			r.add(file, lineOff+1, 0, "", "cannot parse Markdown: %v", v)
			blocks = nil
		}
	}()
	if !checkLines(src, file, lineOff, r) {
		return nil
	}
	md := goldmark.New(goldmark.WithExtensions(extension.Table, mdLimits{c}))
	doc := md.Parser().Parse(text.NewReader(src))
	return c.blocks(doc, 0)
}

// line returns the file line of a node (the first line of a block, the
// first text of an inline), or 0.
func (c *mdConverter) line(n gast.Node) int {
	for ; n != nil; n = n.Parent() {
		if n.Type() == gast.TypeBlock {
			if lines := n.Lines(); lines != nil && lines.Len() > 0 {
				return lineOf(c.src, lines.At(0).Start) + c.lineOff
			}
			continue
		}
		if t, ok := firstText(n); ok {
			return lineOf(c.src, t.Segment.Start) + c.lineOff
		}
	}
	return 0
}

func firstText(n gast.Node) (*gast.Text, bool) {
	if t, ok := n.(*gast.Text); ok {
		return t, true
	}
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if t, ok := firstText(ch); ok {
			return t, true
		}
	}
	return nil, false
}

func (c *mdConverter) blocks(parent gast.Node, depth int) []Block {
	if depth > maxNesting {
		if !c.deep {
			c.deep = true
			c.r.add(c.file, c.line(parent), 0, "flatten the quotes or lists", "quotes and lists nest more than %d levels deep", maxNesting)
		}
		return nil
	}
	var out []Block
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		if b := c.block(n, depth); b != nil {
			out = append(out, b)
		}
	}
	return out
}

func (c *mdConverter) block(n gast.Node, depth int) Block {
	switch n := n.(type) {
	case *gast.Paragraph, *gast.TextBlock:
		if fig, ok := c.asFigure(n); ok {
			return fig
		}
		in := c.inlines(n)
		if len(in) == 0 {
			return nil
		}
		c.warnUnparsedImage(n, in)
		return &Paragraph{Inlines: in}
	case *gast.Heading:
		level := n.Level
		if level < 2 {
			level = 2
		}
		return &Heading{Level: level, Inlines: c.inlines(n)}
	case *gast.Blockquote:
		return &Quote{Blocks: c.blocks(n, depth+1)}
	case *gast.List:
		l := &List{Ordered: n.IsOrdered(), Start: n.Start}
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			l.Items = append(l.Items, c.blocks(it, depth+1))
		}
		return l
	case *gast.FencedCodeBlock:
		return &Code{Language: string(n.Language(c.src)), Text: c.lines(n)}
	case *gast.CodeBlock:
		return &Code{Text: c.lines(n)}
	case *gast.ThematicBreak:
		return &Rule{}
	case *gast.HTMLBlock:
		// Raw HTML is never interpreted: it is shown as the text it is.
		s := c.lines(n)
		if n.HasClosure() {
			s += string(n.ClosureLine.Value(c.src))
		}
		s = strings.TrimRight(s, "\n")
		if s == "" {
			return nil
		}
		var in []Inline
		for i, line := range strings.Split(s, "\n") {
			if i > 0 {
				in = append(in, Inline{Text: "\n"})
			}
			in = append(in, Inline{Text: line})
		}
		return &Paragraph{Inlines: merge(in)}
	case *east.Table:
		return c.table(n)
	case *gast.LinkReferenceDefinition:
		return nil
	}
	// Unknown block kinds (none are enabled): keep their text.
	if in := c.inlines(n); len(in) > 0 {
		return &Paragraph{Inlines: in}
	}
	return nil
}

// lines returns the raw lines of a block.
func (c *mdConverter) lines(n gast.Node) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(c.src))
	}
	return strings.TrimRight(b.String(), "\n")
}

func (c *mdConverter) table(n *east.Table) *Table {
	t := &Table{Line: c.line(n)}
	if first, ok := firstText(n); ok {
		t.Line = c.line(first)
	}
	for _, a := range n.Alignments {
		t.Align = append(t.Align, alignOf(a))
	}
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		var cells [][]Inline
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, c.inlines(cell))
		}
		for len(cells) < len(t.Align) {
			cells = append(cells, nil)
		}
		cells = cells[:len(t.Align)]
		if _, ok := row.(*east.TableHeader); ok {
			t.Header = cells
		} else {
			t.Rows = append(t.Rows, cells)
		}
	}
	return t
}

func alignOf(a east.Alignment) Align {
	switch a {
	case east.AlignLeft:
		return AlignLeft
	case east.AlignCenter:
		return AlignCenter
	case east.AlignRight:
		return AlignRight
	}
	return AlignNone
}

// asFigure returns a figure when the paragraph holds one image and nothing
// but white space besides.
func (c *mdConverter) asFigure(p gast.Node) (Block, bool) {
	var img *gast.Image
	for ch := p.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch ch := ch.(type) {
		case *gast.Image:
			if img != nil {
				return nil, false
			}
			img = ch
		case *gast.Text:
			if len(bytes.TrimSpace(ch.Segment.Value(c.src))) != 0 {
				return nil, false
			}
		default:
			return nil, false
		}
	}
	if img == nil {
		return nil, false
	}
	fig := &Figure{Caption: strings.TrimSpace(plain(c.inlines(img))), Credit: strings.TrimSpace(unescape(img.Title))}
	im, ok := c.figure(string(img.Destination), c.line(p))
	if !ok {
		return nil, true // reported by figure; the article is invalid anyway
	}
	fig.Image = im
	return fig, true
}

// piece is an inline run under construction; soft marks a soft line break
// whose text depends on its neighbours.
type piece struct {
	Inline
	soft bool
}

// inlines converts the inline children of n.
func (c *mdConverter) inlines(n gast.Node) []Inline {
	var ps []piece
	c.collect(n, 0, "", &ps)
	return finish(ps)
}

func (c *mdConverter) collect(n gast.Node, style Style, link string, ps *[]piece) {
	add := func(s string) {
		if s != "" {
			*ps = append(*ps, piece{Inline: Inline{Text: s, Style: style, Link: link}})
		}
	}
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch ch := ch.(type) {
		case *gast.Text:
			v := ch.Segment.Value(c.src)
			if ch.IsRaw() {
				add(string(v))
			} else {
				add(unescape(v))
			}
			switch {
			case ch.HardLineBreak():
				*ps = append(*ps, piece{Inline: Inline{Text: "\n", Style: style, Link: link}})
			case ch.SoftLineBreak():
				*ps = append(*ps, piece{Inline: Inline{Style: style, Link: link}, soft: true})
			}
		case *gast.String:
			if ch.IsCode() || ch.IsRaw() {
				add(string(ch.Value))
			} else {
				add(unescape(ch.Value))
			}
		case *gast.CodeSpan:
			var b strings.Builder
			for t := ch.FirstChild(); t != nil; t = t.NextSibling() {
				switch t := t.(type) {
				case *gast.Text:
					b.Write(t.Segment.Value(c.src))
				case *gast.String:
					b.Write(t.Value)
				}
			}
			s := strings.ReplaceAll(b.String(), "\n", " ")
			*ps = append(*ps, piece{Inline: Inline{Text: s, Style: style | CodeSpan, Link: link}})
		case *gast.Emphasis:
			st := Emphasis
			if ch.Level >= 2 {
				st = Strong
			}
			c.collect(ch, style|st, link, ps)
		case *gast.Link:
			c.collect(ch, style, c.link(string(ch.Destination), ch), ps)
		case *gast.AutoLink:
			url := string(ch.URL(c.src))
			if ch.AutoLinkType == gast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
				url = "mailto:" + url
			}
			*ps = append(*ps, piece{Inline: Inline{Text: string(ch.Label(c.src)), Style: style, Link: c.link(url, ch)}})
		case *gast.RawHTML:
			// Never interpreted: the markup is shown as text.
			var b strings.Builder
			for i := 0; i < ch.Segments.Len(); i++ {
				seg := ch.Segments.At(i)
				b.Write(seg.Value(c.src))
			}
			add(b.String())
		case *gast.Image:
			alt := plain(c.inlines(ch))
			c.r.warn(c.file, c.line(ch), "image %q inside a line of text is replaced by its alt text %q; put it in a paragraph of its own to make it a figure", shorten(string(ch.Destination), 80), shorten(alt, 40))
			add(alt)
		default:
			c.collect(ch, style, link, ps)
		}
	}
}

// finish resolves soft line breaks, trims the ends and merges runs.
func finish(ps []piece) []Inline {
	out := make([]Inline, 0, len(ps))
	for i, p := range ps {
		if !p.soft {
			out = append(out, p.Inline)
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(textBefore(ps, i))
		after, _ := utf8.DecodeRuneInString(textAfter(ps, i))
		if !joinsWithoutSpace(before, after) {
			p.Text = " "
			out = append(out, p.Inline)
		}
	}
	// Trim white space (not hard breaks) at both ends of the paragraph.
	for len(out) > 0 {
		s := strings.TrimLeft(out[0].Text, " \t")
		if s != "" || out[0].Text == "" {
			out[0].Text = s
			break
		}
		out = out[1:]
	}
	for len(out) > 0 {
		last := &out[len(out)-1]
		s := strings.TrimRight(last.Text, " \t")
		if s != "" {
			last.Text = s
			break
		}
		out = out[:len(out)-1]
	}
	return merge(out)
}

func textBefore(ps []piece, i int) string {
	for j := i - 1; j >= 0; j-- {
		if !ps[j].soft && ps[j].Text != "" {
			return ps[j].Text
		}
	}
	return ""
}

func textAfter(ps []piece, i int) string {
	for j := i + 1; j < len(ps); j++ {
		if !ps[j].soft && ps[j].Text != "" {
			return ps[j].Text
		}
	}
	return ""
}

// joinsWithoutSpace reports whether a soft line break between a and b
// vanishes: when both are CJK, or one is CJK and the other punctuation
// shared by CJK and Western text (“ ” ‘ ’ — … ·).
func joinsWithoutSpace(a, b rune) bool {
	ca, cb := isCJK(a), isCJK(b)
	switch {
	case ca && cb:
		return true
	case ca:
		return isSharedPunct(b)
	case cb:
		return isSharedPunct(a)
	}
	return false
}

// isCJK reports whether r is a Han, kana, Hangul, Bopomofo character or
// CJK / full-width punctuation.
func isCJK(r rune) bool { return lang.IsCJK(r) || lang.IsCJKPunct(r) }

func isSharedPunct(r rune) bool {
	switch r {
	case '“', '”', '‘', '’', '—', '…', '·', '⋯':
		return true
	}
	return false
}

// merge joins adjacent runs with the same style and link.
func merge(in []Inline) []Inline {
	var out []Inline
	for _, r := range in {
		if r.Text == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Style == r.Style && out[n-1].Link == r.Link && r.Text != "\n" && out[n-1].Text != "\n" {
			out[n-1].Text += r.Text
			continue
		}
		out = append(out, r)
	}
	return out
}

// plain returns the text of runs with hard breaks as spaces.
func plain(in []Inline) string {
	var b strings.Builder
	for _, r := range in {
		if r.Text == "\n" {
			b.WriteByte(' ')
			continue
		}
		b.WriteString(r.Text)
	}
	return b.String()
}

// unescape resolves backslash escapes and character references the way
// CommonMark renders text, without producing HTML.
func unescape(v []byte) string {
	if !bytes.ContainsAny(v, `\&`) {
		return string(v)
	}
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	html.NewWriter().Write(w, v)
	w.Flush()
	return stdhtml.UnescapeString(buf.String())
}
