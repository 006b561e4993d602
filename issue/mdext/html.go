package mdext

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"
)

// HTML is the HTML allowlist as a goldmark extension. CommonMark keeps raw
// HTML as it is written (RawHTML inlines, HTMLBlock blocks) for a browser to
// interpret; an AST transformer reads it with golang.org/x/net/html's
// tokenizer instead and replaces it by what it means:
//
//   - allowlisted elements (see allowed) become Element nodes holding their
//     content, with only their allowlisted attributes, URLs checked;
//   - <ruby> becomes Ruby nodes;
//   - an HTML block becomes an HTMLFlow block of such nodes and Text;
//   - everything else is dropped, leaving a Dropped node that says what was
//     dropped and where: active and embedded content (script, style,
//     iframe, object, video, form, …) with its content, other unknown tags
//     keeping their text, and inline styles, event handlers and unsafe URLs.
//
// Character references in HTML are decoded once, by the tokenizer. Nothing
// of the raw HTML reaches the output except through these nodes, so a
// renderer of the AST (this package's HTML renderer, or qikan's model)
// cannot emit markup the allowlist does not hold.
var HTML goldmark.Extender = htmlExt{}

type htmlExt struct{}

func (htmlExt) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(htmlTransformer{}, 100)))
	m.Renderer().AddOptions(htmlRenderers())
}

// Element is an allowlisted HTML element and its content. Tag is its
// lower-case name; Attrs holds only the attributes the allowlist keeps for
// the tag, their values decoded and checked (URLs of a and img).
type Element struct {
	gast.BaseInline
	Tag   string
	Attrs []html.Attribute
}

// Attr returns the value of an attribute, or "".
func (e *Element) Attr(name string) string {
	for _, a := range e.Attrs {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

// KindElement is the NodeKind of Element.
var KindElement = gast.NewNodeKind("HTMLElement")

// Kind implements ast.Node.
func (e *Element) Kind() gast.NodeKind { return KindElement }

// Dump implements ast.Node.
func (e *Element) Dump(src []byte, level int) {
	gast.DumpHelper(e, src, level, map[string]string{"Tag": e.Tag}, nil)
}

// HTMLFlow replaces an HTML block: its children are Element, Ruby, Text
// and Dropped nodes in document order; block elements (p, div, table,
// figure, …) among them start new blocks.
type HTMLFlow struct{ gast.BaseBlock }

// KindHTMLFlow is the NodeKind of HTMLFlow.
var KindHTMLFlow = gast.NewNodeKind("HTMLFlow")

// Kind implements ast.Node.
func (f *HTMLFlow) Kind() gast.NodeKind { return KindHTMLFlow }

// Dump implements ast.Node.
func (f *HTMLFlow) Dump(src []byte, level int) { gast.DumpHelper(f, src, level, nil, nil) }

// Text is text from raw HTML, its character references decoded (so it is
// never decoded again). White space is as written.
type Text struct {
	gast.BaseInline
	Value string
}

// KindText is the NodeKind of Text.
var KindText = gast.NewNodeKind("HTMLText")

// Kind implements ast.Node.
func (t *Text) Kind() gast.NodeKind { return KindText }

// Dump implements ast.Node.
func (t *Text) Dump(src []byte, level int) {
	gast.DumpHelper(t, src, level, map[string]string{"Value": t.Value}, nil)
}

// Dropped records raw HTML that the allowlist dropped: What says what it
// was ("<iframe> element and its content", "style attribute of <span>"),
// Pos() where it was.
type Dropped struct {
	gast.BaseInline
	What string
	// Attr is set when an attribute was dropped and its element kept.
	Attr bool
}

// KindDropped is the NodeKind of Dropped.
var KindDropped = gast.NewNodeKind("HTMLDropped")

// Kind implements ast.Node.
func (d *Dropped) Kind() gast.NodeKind { return KindDropped }

// Dump implements ast.Node.
func (d *Dropped) Dump(src []byte, level int) {
	gast.DumpHelper(d, src, level, map[string]string{"What": d.What}, nil)
}

// htmlTransformer rewrites the raw HTML of a parsed document.
type htmlTransformer struct{}

func (htmlTransformer) Transform(doc *gast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var blocks []*gast.HTMLBlock
	parents := map[gast.Node]bool{}
	var order []gast.Node
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *gast.HTMLBlock:
			blocks = append(blocks, n)
			return gast.WalkSkipChildren, nil
		case *gast.RawHTML:
			if p := n.Parent(); p != nil && !parents[p] {
				parents[p] = true
				order = append(order, p)
			}
		case *gast.CodeBlock, *gast.FencedCodeBlock, *gast.CodeSpan:
			return gast.WalkSkipChildren, nil
		}
		return gast.WalkContinue, nil
	})
	for _, b := range blocks {
		flow := &HTMLFlow{}
		flow.SetLines(b.Lines())
		build(flow, blockTokens(b, src), src)
		b.Parent().ReplaceChild(b.Parent(), b, flow)
	}
	// Innermost parents first, so that an element never swallows a node
	// whose own raw HTML is still to be read.
	for i := len(order) - 1; i >= 0; i-- {
		p := order[i]
		toks := inlineTokens(p, src)
		for p.FirstChild() != nil {
			p.RemoveChild(p, p.FirstChild())
		}
		build(p, toks, src)
	}
}

// token is one HTML token at a byte offset of the source, or (node != nil)
// a Markdown node between the raw HTML of a paragraph.
type token struct {
	html.Token
	off  int
	node gast.Node
}

// blockTokens tokenizes the lines of an HTML block. Lines of a block
// inside a quote or list are not contiguous in the source, so offsets are
// mapped back line by line.
func blockTokens(b *gast.HTMLBlock, src []byte) []token {
	var buf bytes.Buffer
	type piece struct{ at, src int }
	var pieces []piece
	add := func(seg text.Segment) {
		pieces = append(pieces, piece{buf.Len(), seg.Start})
		buf.Write(seg.Value(src))
	}
	lines := b.Lines()
	for i := 0; i < lines.Len(); i++ {
		add(lines.At(i))
	}
	if b.HasClosure() {
		add(b.ClosureLine)
	}
	srcOff := func(at int) int {
		o := 0
		for _, p := range pieces {
			if p.at > at {
				break
			}
			o = p.src + at - p.at
		}
		return o
	}
	return tokenize(buf.Bytes(), srcOff)
}

// inlineTokens lists the children of p: its RawHTML inlines as their
// tokens, other nodes as they are. Each RawHTML is one complete tag (or
// comment), so all of a paragraph's are read by one tokenizer, the tags
// one after the other, none of them opening raw text.
func inlineTokens(p gast.Node, src []byte) []token {
	var buf bytes.Buffer
	type span struct{ at, src int }
	var spans []span // where each RawHTML starts in buf and in src
	for ch := p.FirstChild(); ch != nil; ch = ch.NextSibling() {
		raw, ok := ch.(*gast.RawHTML)
		if !ok || raw.Segments.Len() == 0 {
			continue
		}
		spans = append(spans, span{buf.Len(), raw.Segments.At(0).Start})
		for i := 0; i < raw.Segments.Len(); i++ {
			seg := raw.Segments.At(i)
			buf.Write(seg.Value(src))
		}
	}
	z := html.NewTokenizer(bytes.NewReader(buf.Bytes()))
	var htmlToks []token
	at := 0
	for len(htmlToks) < maxTokens {
		z.NextIsNotRawText()
		if z.Next() == html.ErrorToken {
			break
		}
		n := len(z.Raw())
		htmlToks = append(htmlToks, token{Token: z.Token(), off: at})
		at += n
	}
	// Back to document order, RawHTML by RawHTML.
	var out []token
	k, j := 0, 0
	for ch := p.FirstChild(); ch != nil; ch = ch.NextSibling() {
		raw, ok := ch.(*gast.RawHTML)
		if !ok {
			out = append(out, token{node: ch, off: ch.Pos()})
			continue
		}
		if raw.Segments.Len() == 0 {
			continue
		}
		sp := spans[k]
		k++
		end := buf.Len()
		if k < len(spans) {
			end = spans[k].at
		}
		for ; j < len(htmlToks) && htmlToks[j].off < end; j++ {
			t := htmlToks[j]
			t.off = sp.src + t.off - sp.at
			out = append(out, t)
		}
	}
	return out
}

// maxTokens bounds the tokens read from one piece of raw HTML.
const maxTokens = 1 << 16

func tokenize(b []byte, srcOff func(int) int) []token {
	z := html.NewTokenizer(bytes.NewReader(b))
	var out []token
	at := 0
	for len(out) < maxTokens {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		n := len(z.Raw())
		out = append(out, token{Token: z.Token(), off: srcOff(at)})
		at += n
	}
	return out
}

// unescapeText resolves what CommonMark resolves in Markdown text
// (backslash escapes, character references) for text that Ruby and the
// converter read out of Markdown Text nodes.
func unescapeText(v []byte) string {
	v = util.UnescapePunctuations(v)
	v = util.ResolveNumericReferences(v)
	v = util.ResolveEntityNames(v)
	return string(v)
}

// textOf returns the plain text of a node: Markdown text, HTML text and
// ruby bases.
func textOf(n gast.Node, src []byte) string {
	var b strings.Builder
	_ = gast.Walk(n, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *gast.Text:
			b.WriteString(unescapeText(n.Segment.Value(src)))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte('\n')
			}
		case *gast.String:
			b.Write(n.Value)
		case *Text:
			b.WriteString(n.Value)
		case *Ruby:
			for _, p := range n.Pairs {
				b.WriteString(p.Base)
			}
		case *Element:
			if n.Tag == "br" {
				b.WriteByte('\n')
			}
		}
		return gast.WalkContinue, nil
	})
	return b.String()
}

func (d *Dropped) String() string { return fmt.Sprintf("dropped %s", d.What) }
