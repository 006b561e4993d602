package issue

import (
	"bytes"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/qikan-dev/qikan/issue/mdext"
)

// maxNesting bounds how deeply quotes and lists may nest in an article.
const maxNesting = 32

// mdSource is one Markdown text and where it comes from.
type mdSource struct {
	text    []byte
	file    string // the file as messages name it
	abs     string // the file's absolute path, for positions in the model
	lineOff int    // line of text's first line in the file, minus one
	// cols is set when a column of text is a column of the file (not so
	// for a body indented in issue.yaml).
	cols bool
	// markup is the issue's markup budget (nil: none).
	markup *markupBudget
}

// imageFunc resolves the destination of an image written at pos. strict
// images (Markdown's) that cannot be used are problems; others (HTML's
// <img>, often pointing at the web) are warnings and are left out. It
// reports itself and returns ok == false when the image cannot be used.
type imageFunc func(dest string, at Pos, strict bool) (Image, bool)

// mdConverter turns one Markdown body into model blocks.
type mdConverter struct {
	mdSource
	lines []int // byte offsets of the starts of the lines of text
	col   colCursor
	r     *report
	image imageFunc
	deep  bool // nesting limit already reported
	// attrDrops collects dropped attributes by what was dropped, reported
	// once per kind with every line (web pages repeat them by the hundred).
	attrDrops map[string][]int
}

// convertMarkdown parses s and returns its blocks. The parser is CommonMark
// with GFM tables and ~~strikethrough~~, the CJK-friendly emphasis
// amendments, ruby shorthand and the HTML allowlist (package mdext), within
// the bounds of mdLimits.
func convertMarkdown(s mdSource, r *report, image imageFunc) (blocks []Block) {
	c := &mdConverter{mdSource: s, r: r, image: image, attrDrops: map[string][]int{}}
	defer func() {
		if v := recover(); v != nil {
			r.add(s.file, s.lineOff+1, 0, "", "cannot parse Markdown: %v", v)
			blocks = nil
		}
	}()
	c.lines = append(c.lines, 0)
	for i, b := range s.text {
		if b == '\n' {
			c.lines = append(c.lines, i+1)
		}
	}
	if !checkLines(s.text, s.file, s.lineOff, r, s.markup) {
		return nil
	}
	md := goldmark.New(goldmark.WithExtensions(extension.Table, mdext.CJKFriendly, mdext.RubyShorthand, mdext.HTML, mdLimits{c}))
	doc := md.Parser().Parse(text.NewReader(s.text))
	n := len(r.warnings)
	defer func() { // in the order of the text
		w := r.warnings[n:]
		sort.SliceStable(w, func(i, j int) bool { return w[i].Line < w[j].Line })
	}()
	c.reportDrops(doc)
	blocks = c.blocks(doc, 0)
	checkOutline(blocks, c.file, r)
	return blocks
}

// at returns the position of a byte offset of the text.
func (c *mdConverter) at(off int) Pos {
	if off < 0 {
		return Pos{File: c.abs}
	}
	i := sort.Search(len(c.lines), func(i int) bool { return c.lines[i] > off }) - 1
	p := Pos{File: c.abs, Line: i + 1 + c.lineOff}
	if c.cols && off <= len(c.text) {
		p.Col = c.col.column(c.text, c.lines[i], off)
	}
	return p
}

// colCursor counts characters from the start of a line to an offset,
// resuming from the last count when the offset lies further on the same
// line: positions are asked for in text order, and a line may be megabytes
// long.
type colCursor struct{ line, off, col int }

func (k *colCursor) column(text []byte, line, off int) int {
	if k.line != line || k.off > off || k.col == 0 {
		k.line, k.off, k.col = line, line, 1
	}
	k.col += utf8.RuneCount(text[k.off:off])
	k.off = off
	return k.col
}

// offset returns where a node starts in the text: the first line of a
// block, the first text of an inline; -1 when nothing tells.
func (c *mdConverter) offset(n gast.Node) int {
	if n.Type() == gast.TypeBlock {
		if lines := n.Lines(); lines != nil && lines.Len() > 0 {
			return lines.At(0).Start
		}
	} else if p := n.Pos(); p >= 0 {
		return p
	}
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if o := c.offset(ch); o >= 0 {
			return o
		}
	}
	return -1
}

// pos is the position of a node, or of its closest ancestor that has one.
func (c *mdConverter) pos(n gast.Node) Pos {
	for ; n != nil; n = n.Parent() {
		if o := c.offset(n); o >= 0 {
			return c.at(o)
		}
	}
	return c.at(-1)
}

func (c *mdConverter) blocks(parent gast.Node, depth int) []Block {
	if depth > maxNesting {
		if !c.deep {
			c.deep = true
			c.r.add(c.file, c.pos(parent).Line, 0, "flatten the quotes or lists", "quotes and lists nest more than %d levels deep", maxNesting)
		}
		return nil
	}
	var out []Block
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		out = append(out, c.block(n, depth)...)
	}
	return out
}

func (c *mdConverter) block(n gast.Node, depth int) []Block {
	at := c.pos(n)
	switch n := n.(type) {
	case *gast.Paragraph, *gast.TextBlock:
		return c.paragraph(n)
	case *gast.Heading:
		level := n.Level
		if level < 2 {
			level = 2
		}
		return []Block{&Heading{Pos: at, Level: level, Inlines: c.inlines(n)}}
	case *gast.Blockquote:
		return []Block{&Quote{Pos: at, Blocks: c.blocks(n, depth+1)}}
	case *gast.List:
		l := &List{Pos: at, Ordered: n.IsOrdered(), Start: n.Start}
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			l.Items = append(l.Items, c.blocks(it, depth+1))
		}
		return []Block{l}
	case *gast.FencedCodeBlock:
		return []Block{&Code{Pos: at, Language: string(n.Language(c.text)), Text: c.rawLines(n)}}
	case *gast.CodeBlock:
		return []Block{&Code{Pos: at, Text: c.rawLines(n)}}
	case *gast.ThematicBreak:
		return []Block{&Rule{Pos: at}}
	case *mdext.HTMLFlow:
		return c.flow(n, depth)
	case *east.Table:
		return []Block{c.table(n, at)}
	case *gast.LinkReferenceDefinition:
		return nil
	}
	// Unknown block kinds (none are enabled): keep their text.
	if in := c.inlines(n); len(in) > 0 {
		return []Block{&Paragraph{Pos: at, Inlines: in}}
	}
	return nil
}

// rawLines returns the raw lines of a block.
func (c *mdConverter) rawLines(n gast.Node) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(c.text))
	}
	return strings.TrimRight(b.String(), "\n")
}

func (c *mdConverter) table(n *east.Table, at Pos) *Table {
	t := &Table{Pos: at}
	for _, a := range n.Alignments {
		t.Align = append(t.Align, alignOf(a))
	}
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		var cells [][]Inline
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, c.cellInlines(cell))
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

// blank reports whether a node holds nothing but white space.
func (c *mdConverter) blank(n gast.Node) bool {
	switch n := n.(type) {
	case *gast.Text:
		return len(bytes.TrimSpace(n.Segment.Value(c.text))) == 0
	case *mdext.Text:
		return strings.TrimSpace(n.Value) == ""
	case *mdext.Dropped:
		return true
	}
	return false
}
