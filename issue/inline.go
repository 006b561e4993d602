package issue

import (
	"bufio"
	"bytes"
	stdhtml "html"
	"strings"
	"unicode/utf8"

	gast "github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer/html"

	"github.com/qikan-dev/qikan/issue/mdext"
	"github.com/qikan-dev/qikan/lang"
)

// piece is an inline run under construction; soft marks a soft line break
// whose text depends on its neighbours.
type piece struct {
	Inline
	soft bool
}

// inlineCtx is what the runs being collected inherit: style, link and
// whether images may stand on their own (not in table cells).
type inlineCtx struct {
	style Style
	link  string
	cell  bool
}

// collector gathers the pieces of one stretch of inline text.
type collector struct {
	c    *mdConverter
	ps   []piece
	info map[*Image]imageInfo // of the image runs among ps
}

// inlines converts the inline children of n.
func (c *mdConverter) inlines(n gast.Node) []Inline {
	k := &collector{c: c}
	k.children(n, inlineCtx{})
	return finish(k.ps)
}

// cellInlines converts the content of a table cell: images in it are set
// in the line, whatever their size.
func (c *mdConverter) cellInlines(n gast.Node) []Inline {
	k := &collector{c: c}
	k.children(n, inlineCtx{cell: true})
	return finish(k.ps)
}

func (k *collector) add(s string, ctx inlineCtx, at Pos) {
	if s != "" {
		k.ps = append(k.ps, piece{Inline: Inline{Text: s, Style: ctx.style, Link: ctx.link, Pos: at}})
	}
}

func (k *collector) lineBreak(ctx inlineCtx, at Pos) {
	k.ps = append(k.ps, piece{Inline: Inline{Text: "\n", Style: ctx.style, Link: ctx.link, Pos: at}})
}

func (k *collector) softBreak(ctx inlineCtx, at Pos) {
	k.ps = append(k.ps, piece{Inline: Inline{Style: ctx.style, Link: ctx.link, Pos: at}, soft: true})
}

func (k *collector) children(n gast.Node, ctx inlineCtx) {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		k.node(ch, ctx)
	}
}

func (k *collector) node(n gast.Node, ctx inlineCtx) {
	c := k.c
	switch n := n.(type) {
	case *gast.Text:
		at := c.at(n.Segment.Start)
		v := n.Segment.Value(c.text)
		if n.IsRaw() {
			k.add(string(v), ctx, at)
		} else {
			k.add(unescape(v), ctx, at)
		}
		switch {
		case n.HardLineBreak():
			k.lineBreak(ctx, c.at(n.Segment.Stop))
		case n.SoftLineBreak():
			k.softBreak(ctx, c.at(n.Segment.Stop))
		}
	case *gast.String:
		if n.IsCode() || n.IsRaw() {
			k.add(string(n.Value), ctx, c.pos(n))
		} else {
			k.add(unescape(n.Value), ctx, c.pos(n))
		}
	case *gast.CodeSpan:
		var b strings.Builder
		for t := n.FirstChild(); t != nil; t = t.NextSibling() {
			switch t := t.(type) {
			case *gast.Text:
				b.Write(t.Segment.Value(c.text))
			case *gast.String:
				b.Write(t.Value)
			}
		}
		s := strings.ReplaceAll(b.String(), "\n", " ")
		k.ps = append(k.ps, piece{Inline: Inline{Text: s, Style: ctx.style | CodeSpan, Link: ctx.link, Pos: c.pos(n)}})
	case *gast.Emphasis:
		st := Emphasis
		if n.Level >= 2 {
			st = Strong
		}
		k.children(n, ctx.with(st))
	case *east.Strikethrough:
		k.children(n, ctx.with(Strike))
	case *gast.Link:
		ctx.link = c.link(string(n.Destination), n)
		k.children(n, ctx)
	case *gast.AutoLink:
		url := string(n.URL(c.text))
		if n.AutoLinkType == gast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
			url = "mailto:" + url
		}
		k.ps = append(k.ps, piece{Inline: Inline{Text: string(n.Label(c.text)), Style: ctx.style, Link: c.link(url, n), Pos: c.pos(n)}})
	case *gast.Image:
		k.image(string(n.Destination), plain(c.inlines(n)), unescape(n.Title), ctx, c.pos(n), true)
	case *mdext.Text:
		k.htmlText(n.Value, ctx, c.pos(n))
	case *mdext.Ruby:
		for _, p := range n.Pairs {
			k.ps = append(k.ps, piece{Inline: Inline{Text: p.Base, Ruby: p.Text, Style: ctx.style, Link: ctx.link, Pos: c.pos(n)}})
		}
	case *mdext.Element:
		k.element(n, ctx)
	case *mdext.Dropped:
		// reported by reportDrops
	default:
		k.children(n, ctx)
	}
}

func (ctx inlineCtx) with(s Style) inlineCtx {
	ctx.style |= s
	return ctx
}

// inlineStyle maps the allowlisted inline elements to styles.
var inlineStyle = map[string]Style{
	"em": Emphasis, "i": Emphasis, "var": Emphasis, "strong": Strong, "b": Strong,
	"u": Underline, "ins": Underline, "s": Strike, "del": Strike, "strike": Strike,
	"sup": Superscript, "sub": Subscript, "small": Small, "mark": Mark,
	"code": CodeSpan, "samp": CodeSpan, "tt": CodeSpan, "kbd": Keyboard,
}

// element converts an allowlisted HTML element met in a line of text.
// Block elements there (a <p> in a table cell) are their text.
func (k *collector) element(e *mdext.Element, ctx inlineCtx) {
	c := k.c
	if s, ok := inlineStyle[e.Tag]; ok {
		k.children(e, ctx.with(s))
		return
	}
	switch e.Tag {
	case "br":
		k.lineBreak(ctx, c.pos(e))
	case "wbr":
	case "a":
		ctx.link = c.link(e.Attr("href"), e)
		k.children(e, ctx)
	case "img":
		k.image(e.Attr("src"), e.Attr("alt"), e.Attr("title"), ctx, c.pos(e), false, e)
	case "hr":
		k.lineBreak(ctx, c.pos(e))
	default:
		k.children(e, ctx)
	}
}

// htmlText adds text of raw HTML: white space collapses to one space, and
// a line break in it is a soft line break, as in Markdown.
func (k *collector) htmlText(s string, ctx inlineCtx, at Pos) {
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			k.softBreak(ctx, at)
			at.Line++
			at.Col = 0
		}
		k.add(collapseSpace(line), ctx, at)
	}
}

// collapseSpace turns every run of HTML white space into one space.
func collapseSpace(s string) string {
	if !strings.ContainsAny(s, " \t\r\f") {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\r' || r == '\f' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
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
		if !joinsWithoutSpace(before, after) && !breakOrSpace(before) && !breakOrSpace(after) {
			p.Text = " "
			out = append(out, p.Inline)
		}
	}
	// Trim white space (not hard breaks) at both ends of the paragraph.
	for len(out) > 0 && out[0].Image == nil {
		s := strings.TrimLeft(out[0].Text, " \t")
		if s != "" || out[0].Text == "" {
			out[0].Text = s
			break
		}
		out = out[1:]
	}
	for len(out) > 0 && out[len(out)-1].Image == nil {
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

// breakOrSpace reports a space or a hard line break next to a soft line
// break, which then adds nothing: "<br>" at the end of a line.
func breakOrSpace(r rune) bool { return r == ' ' || r == '\n' }

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

// merge joins adjacent runs written on the same source line with the same
// style and link. Hard breaks, ruby and images stay runs of their own.
func merge(in []Inline) []Inline {
	var out []Inline
	for _, r := range in {
		if r.Text == "" && r.Image == nil {
			continue
		}
		if n := len(out); n > 0 && joinable(out[n-1], r) {
			out[n-1].Text += r.Text
			continue
		}
		out = append(out, r)
	}
	return out
}

func joinable(a, b Inline) bool {
	return a.Style == b.Style && a.Link == b.Link && a.Pos.File == b.Pos.File && a.Pos.Line == b.Pos.Line &&
		a.Text != "\n" && b.Text != "\n" && a.Ruby == "" && b.Ruby == "" && a.Image == nil && b.Image == nil
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
