package mdext

import (
	"net/url"
	"strings"

	gast "github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
)

// How an HTML element is treated.
type treatment int

const (
	unwrap treatment = iota // dropped with a warning, its content kept
	keep                    // allowlisted
	remove                  // dropped with its content, with a warning
)

// allowed lists the elements kept and, for each, the attributes kept. The
// issue's allowlist, plus the plain structure of pasted web pages
// (headings, lists, quotes, rules, preformatted text), which qikan's model
// has anyway.
var allowed = map[string][]string{
	"br": nil, "wbr": nil,
	"em": nil, "i": nil, "strong": nil, "b": nil,
	"u": nil, "ins": nil, "s": nil, "del": nil, "strike": nil,
	"sup": nil, "sub": nil, "small": nil, "mark": nil,
	"code": nil, "kbd": nil, "samp": nil, "tt": nil, "var": nil,
	"a":    {"href", "title"},
	"span": nil, "div": nil, "p": nil,
	"img":    {"src", "alt", "title", "width", "height"},
	"figure": nil, "figcaption": nil,
	"table": nil, "caption": nil, "thead": nil, "tbody": nil, "tfoot": nil, "tr": nil,
	"th": {"align", "colspan", "rowspan"}, "td": {"align", "colspan", "rowspan"},
	"ruby": nil, "rt": nil, "rp": nil, "rb": nil,
	"h1": nil, "h2": nil, "h3": nil, "h4": nil, "h5": nil, "h6": nil,
	"blockquote": nil, "ul": nil, "ol": {"start"}, "li": nil, "hr": nil, "pre": nil,
}

// removed lists the elements dropped together with their content: active
// content, embedded content, forms and document metadata.
var removed = map[string]bool{
	"script": true, "style": true, "iframe": true, "frame": true, "frameset": true,
	"object": true, "embed": true, "applet": true, "param": true,
	"video": true, "audio": true, "source": true, "track": true, "canvas": true,
	"svg": true, "math": true, "map": true, "area": true,
	"form": true, "input": true, "button": true, "select": true, "option": true,
	"textarea": true, "datalist": true, "output": true, "dialog": true,
	"noscript": true, "template": true, "slot": true,
	"head": true, "title": true, "meta": true, "link": true, "base": true,
}

// void elements have no end tag.
var void = map[string]bool{
	"br": true, "wbr": true, "img": true, "hr": true, "input": true, "meta": true, "link": true,
	"base": true, "param": true, "source": true, "track": true, "area": true, "embed": true, "col": true,
}

func treat(tag string) treatment {
	switch {
	case hasKey(allowed, tag):
		return keep
	case removed[tag]:
		return remove
	}
	return unwrap
}

func hasKey(m map[string][]string, k string) bool { _, ok := m[k]; return ok }

// maxOpen bounds how many elements may be open at once; deeper ones are
// read as their content only, which keeps every step of the builder short.
const maxOpen = 64

// builder turns a token list into nodes under a parent.
type builder struct {
	toks  []token
	stack []gast.Node // open elements; stack[0] is the parent
	ends  map[int]int // index of the start tag of a removed element → its end tag
}

// build appends the nodes of toks to parent.
func build(parent gast.Node, toks []token, src []byte) {
	b := &builder{toks: toks, stack: []gast.Node{parent}, ends: matchRemoved(toks)}
	for i := 0; i < len(toks); i++ {
		i = b.token(i)
	}
	convertRuby(parent, src)
}

// matchRemoved pairs the start and end tags of elements dropped with their
// content, innermost first, in one pass.
func matchRemoved(toks []token) map[int]int {
	ends := map[int]int{}
	open := map[string][]int{}
	for i, t := range toks {
		if t.node != nil || !removed[t.Data] {
			continue
		}
		switch t.Type {
		case html.StartTagToken:
			if !void[t.Data] {
				open[t.Data] = append(open[t.Data], i)
			}
		case html.EndTagToken:
			if st := open[t.Data]; len(st) > 0 {
				ends[st[len(st)-1]] = i
				open[t.Data] = st[:len(st)-1]
			}
		}
	}
	return ends
}

func (b *builder) top() gast.Node { return b.stack[len(b.stack)-1] }

func (b *builder) add(n gast.Node, off int) {
	if n.Pos() < 0 {
		n.SetPos(off)
	}
	b.top().AppendChild(b.top(), n)
}

func (b *builder) drop(what string, off int, attr bool) {
	d := &Dropped{What: what, Attr: attr}
	d.SetPos(off)
	b.top().AppendChild(b.top(), d)
}

// token handles toks[i] and returns the index of the last token used.
func (b *builder) token(i int) int {
	t := b.toks[i]
	if t.node != nil {
		b.add(t.node, t.off)
		return i
	}
	switch t.Type {
	case html.TextToken:
		if t.Data != "" {
			b.add(&Text{Value: t.Data}, t.off)
		}
	case html.StartTagToken, html.SelfClosingTagToken:
		return b.start(i)
	case html.EndTagToken:
		b.end(t.Data)
	}
	// Comments, doctypes: not content, dropped silently.
	return i
}

func (b *builder) start(i int) int {
	t := b.toks[i]
	tag := t.Data
	selfClosing := t.Type == html.SelfClosingTagToken || void[tag]
	switch treat(tag) {
	case remove:
		end, ok := b.ends[i]
		if !ok {
			end = i // no end tag: only the tag goes, not the rest of the text
		}
		what := "<" + tag + "> element"
		if end > i {
			what += " and its content"
		}
		if src := attr(t.Token, "src"); src != "" {
			what += " (" + src + ")"
		}
		b.drop(what, t.off, false)
		return end
	case unwrap:
		b.drop("<"+tag+"> tag (its text is kept)", t.off, false)
		return i
	}
	b.closeImplied(tag)
	e := &Element{Tag: tag}
	b.add(e, t.off)
	b.attrs(e, t)
	if !selfClosing && len(b.stack) < maxOpen {
		b.stack = append(b.stack, e)
	}
	return i
}

// implied lists, for a start tag, the open elements it closes (as an HTML
// parser would) before the first of the stoppers.
var implied = map[string]struct{ closes, stops string }{
	"p":  {"p", "div table figure blockquote li td th"},
	"li": {"li", "ul ol"},
	"tr": {"tr", "table thead tbody tfoot"},
	"td": {"td th", "tr table"},
	"th": {"td th", "tr table"},
	"rt": {"rt rp", "ruby"},
	"rp": {"rt rp", "ruby"},
}

func (b *builder) closeImplied(tag string) {
	rule, ok := implied[tag]
	if !ok {
		return
	}
	for k := len(b.stack) - 1; k > 0; k-- {
		e := b.stack[k].(*Element)
		if strings.Contains(" "+rule.stops+" ", " "+e.Tag+" ") {
			return
		}
		if strings.Contains(" "+rule.closes+" ", " "+e.Tag+" ") {
			b.stack = b.stack[:k]
			return
		}
	}
}

// end closes the innermost open element named tag with everything opened
// inside it; an end tag with no open element is ignored.
func (b *builder) end(tag string) {
	for k := len(b.stack) - 1; k > 0; k-- {
		if b.stack[k].(*Element).Tag == tag {
			b.stack = b.stack[:k]
			return
		}
	}
}

// attrs keeps the allowlisted attributes of t on e and records what is
// dropped that changes what the reader sees or could run: inline styles,
// event handlers and unsafe URLs. Other attributes (class, id, align of a
// paragraph, target) are dropped silently.
func (b *builder) attrs(e *Element, t token) {
	keepList := allowed[e.Tag]
	for _, a := range t.Attr {
		key := strings.ToLower(a.Key)
		switch {
		case key == "style":
			b.drop("style attribute of <"+e.Tag+">", t.off, true)
			continue
		case strings.HasPrefix(key, "on"):
			b.drop(key+" attribute of <"+e.Tag+">", t.off, true)
			continue
		case a.Namespace != "" || !contains(keepList, key):
			continue
		}
		if key == "href" || key == "src" {
			if !safeURL(a.Val) {
				b.drop(key+"=\""+a.Val+"\" of <"+e.Tag+"> (not a web, mail or local address)", t.off, true)
				continue
			}
		}
		e.Attrs = append(e.Attrs, html.Attribute{Key: key, Val: a.Val})
	}
}

// safeURL accepts http, https and mailto URLs, fragments and relative
// references (local files: the loader checks them); javascript:, data:,
// file: and every other scheme are refused.
func safeURL(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	u, err := url.Parse(s)
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "":
		return u.Host == "" // not //host/path, which borrows the reader's scheme
	case "http", "https", "mailto":
		return true
	}
	return false
}

func attr(t html.Token, key string) string {
	for _, a := range t.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
