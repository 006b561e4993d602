package mdext

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Ruby is base text with its annotation (furigana, zhuyin, pinyin). Each
// pair is a base and the ruby set over it: one pair is group ruby (the
// ruby spread over the whole base, never broken across lines); several
// pairs of one character each are mono ruby (a line may break between
// them).
type Ruby struct {
	gast.BaseInline
	Pairs []RubyPair
}

// RubyPair is one base and its ruby text, both plain text.
type RubyPair struct{ Base, Text string }

// KindRuby is the NodeKind of Ruby.
var KindRuby = gast.NewNodeKind("Ruby")

// Kind implements ast.Node.
func (r *Ruby) Kind() gast.NodeKind { return KindRuby }

// Dump implements ast.Node.
func (r *Ruby) Dump(src []byte, level int) {
	m := map[string]string{}
	for i, p := range r.Pairs {
		m[string(rune('0'+i%10))] = p.Base + "|" + p.Text
	}
	gast.DumpHelper(r, src, level, m, nil)
}

// RubyShorthand is DenDenMarkdown's ruby notation as a goldmark extension:
//
//	{漢字|かんじ}    group ruby: かんじ over the whole of 漢字
//	{漢字|かん|じ}   mono ruby: one reading per base character
//
// The base and every reading are non-empty and hold no braces, bars or
// line breaks; when the readings are not one per base character, they are
// joined into group ruby. \{ writes a brace. Code spans and code blocks are
// not read.
var RubyShorthand goldmark.Extender = rubyExt{}

type rubyExt struct{}

func (rubyExt) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(rubyParser{}, 450)))
	m.Renderer().AddOptions(htmlRenderers())
}

type rubyParser struct{}

func (rubyParser) Trigger() []byte { return []byte{'{'} }

// maxRubyBase bounds the base of a shorthand, in bytes.
const maxRubyBase = 256

func (rubyParser) Parse(parent gast.Node, block text.Reader, pc parser.Context) gast.Node {
	line, _ := block.PeekLine()
	end := bytes.IndexAny(line[1:], "{}\n")
	if end < 0 || line[1+end] != '}' {
		return nil
	}
	inner := line[1 : 1+end]
	bar := bytes.IndexByte(inner, '|')
	if bar <= 0 || bar > maxRubyBase {
		return nil
	}
	base := unescapeText(inner[:bar])
	var parts []string
	for _, p := range bytes.Split(inner[bar+1:], []byte{'|'}) {
		if len(bytes.TrimSpace(p)) == 0 {
			return nil
		}
		parts = append(parts, unescapeText(p))
	}
	r := &Ruby{}
	chars := clusters(base)
	if len(parts) > 1 && len(parts) == len(chars) {
		for i, c := range chars {
			r.Pairs = append(r.Pairs, RubyPair{Base: c, Text: parts[i]})
		}
	} else {
		joined := ""
		for _, p := range parts {
			joined += p
		}
		r.Pairs = []RubyPair{{Base: base, Text: joined}}
	}
	block.Advance(end + 2)
	return r
}

// clusters splits s into characters, each with the marks and variation
// selectors that follow it.
func clusters(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		_, n := utf8.DecodeRuneInString(s[i:])
		j := i + n
		for j < len(s) {
			r, m := utf8.DecodeRuneInString(s[j:])
			if !unicode.In(r, unicode.Mn, unicode.Me) && !isGeneralVS(r) && r != 0xFE0F && !isIVS(r) {
				break
			}
			j += m
		}
		out = append(out, s[i:j])
		i = j
	}
	return out
}

// convertRuby replaces every <ruby> element below parent by a Ruby node:
// each <rt> annotates the text since the previous one (<rb> and plain
// text alike); <rp> is the fallback for readers without ruby and goes.
// Base text left without an <rt> stays as text after it; a <ruby> without
// any <rt> is just its text.
func convertRuby(parent gast.Node, src []byte) {
	var rubies []*Element
	_ = gast.Walk(parent, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if e, ok := n.(*Element); ok && entering && e.Tag == "ruby" {
			rubies = append(rubies, e)
			return gast.WalkSkipChildren, nil
		}
		return gast.WalkContinue, nil
	})
	for _, e := range rubies {
		r := &Ruby{}
		r.SetPos(e.Pos())
		var pending []byte
		for ch := e.FirstChild(); ch != nil; ch = ch.NextSibling() {
			el, _ := ch.(*Element)
			switch {
			case el != nil && el.Tag == "rt":
				if len(pending) > 0 {
					r.Pairs = append(r.Pairs, RubyPair{Base: string(pending), Text: textOf(el, src)})
				}
				pending = nil
			case el != nil && el.Tag == "rp":
			default:
				pending = append(pending, textOf(ch, src)...)
			}
		}
		p := e.Parent()
		if len(r.Pairs) == 0 {
			for e.FirstChild() != nil {
				ch := e.FirstChild()
				if el, ok := ch.(*Element); ok && (el.Tag == "rp" || el.Tag == "rt") {
					e.RemoveChild(e, ch)
					continue
				}
				p.InsertBefore(p, e, ch)
			}
			p.RemoveChild(p, e)
			continue
		}
		p.ReplaceChild(p, e, r)
		if len(pending) > 0 {
			t := &Text{Value: string(pending)}
			t.SetPos(r.Pos())
			p.InsertAfter(p, r, t)
		}
	}
}
