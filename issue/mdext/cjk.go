package mdext

import (
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// CJKFriendly is the CommonMark CJK-friendly amendments
// (github.com/tats-u/markdown-cjk-friendly, specification.md) as a goldmark
// extension: emphasis (*, _) and GFM strikethrough (~~) open and close next
// to CJK punctuation, so that 叫做**《书名》**吗 is strong. Input without CJK
// characters parses exactly as CommonMark does.
//
// It replaces goldmark's emphasis parser (same node kinds: ast.Emphasis)
// and adds strikethrough (extension/ast.Strikethrough) with two tildes
// only: a single ~ is too common in Chinese ranges (3~5天) to be markup.
// Register it instead of extension.Strikethrough.
var CJKFriendly goldmark.Extender = cjkFriendly{}

type cjkFriendly struct{}

// Before goldmark's emphasis parser (500, lower runs first), which then never sees
// the delimiters this one takes.
const cjkPriority = 450

func (cjkFriendly) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(delimParser{}, cjkPriority)))
	m.Renderer().AddOptions(strikethroughRenderer())
}

// delimParser scans runs of *, _ and ~~ with the amended flanking rules.
type delimParser struct{}

func (delimParser) Trigger() []byte { return []byte{'*', '_', '~'} }

func (delimParser) Parse(parent gast.Node, block text.Reader, pc parser.Context) gast.Node {
	line, segment := block.PeekLine()
	if len(line) == 0 {
		return nil
	}
	c := line[0]
	n := 1
	for n < len(line) && line[n] == c {
		n++
	}
	before := precedingOf(block)
	if c == '~' && (n != 2 || before.r == '~') {
		return nil
	}
	after := rune(' ') // the end of the line counts as white space
	if n < len(line) {
		after, _ = utf8.DecodeRune(line[n:])
	}
	left, right := flanking(before, classify(after))
	canOpen, canClose := left, right
	if c == '_' {
		canOpen = left && (!right || before.punct)
		canClose = right && (!left || isPunct(after))
	}
	var proc parser.DelimiterProcessor = emphasisProcessor{}
	if c == '~' {
		proc = strikeProcessor{}
	}
	d := parser.NewDelimiter(canOpen, canClose, n, c, proc)
	d.Segment = segment.WithStop(segment.Start + n)
	block.Advance(n)
	pc.PushDelimiter(d)
	return d
}

// side describes the character (or character and variation selector) on
// one side of a delimiter run in the terms of the amendments.
type side struct {
	r           rune
	space       bool // Unicode white space, or the start or end of the line
	punct       bool // a Unicode punctuation sequence
	nonCJKPunct bool // a non-CJK punctuation sequence
	cjk         bool // a CJK sequence
	ivs         bool // an Ideographic Variation Selector
}

func classify(r rune) side {
	s := side{r: r, space: isSpace(r), punct: isPunct(r), cjk: isCJK(r), ivs: isIVS(r)}
	s.nonCJKPunct = s.punct && !s.cjk
	return s
}

// precedingOf classifies what precedes the reader's position. A non-emoji
// general-use variation selector joins the character before it into one
// sequence; the character two back is read only then.
func precedingOf(block text.Reader) side {
	r := block.PrecendingCharacter()
	if !isGeneralVS(r) {
		return classify(r)
	}
	_, seg := block.Position()
	src := block.Source()
	end := seg.Start
	_, n := utf8.DecodeLastRune(src[:end]) // the selector
	base, _ := utf8.DecodeLastRune(src[:end-n])
	if end-n <= 0 {
		base = '\n'
	}
	s := classify(base)
	s.r = r
	if isAmbiguousFullwidth(base, r) { // “︁ is CJK punctuation
		s.nonCJKPunct = false
	}
	return s
}

// flanking applies the amended definitions of left- and right-flanking
// delimiter runs (specification.md §6.2).
func flanking(before, after side) (left, right bool) {
	afterNonCJKPunct := after.punct && !after.cjk
	left = !after.space && (!afterNonCJKPunct ||
		before.space || before.nonCJKPunct || before.cjk || before.ivs)
	right = !before.space && (!before.nonCJKPunct ||
		after.space || afterNonCJKPunct || after.cjk)
	return left, right
}

// isCJK reports a CJK character of the amendments (cjk_tables.go).
func isCJK(r rune) bool { return unicode.Is(cjkTable, r) }

// isSpace is Unicode white space as goldmark reads CommonMark's (which it
// must match for text without CJK).
func isSpace(r rune) bool { return util.IsSpaceRune(r) }

// isPunct is CommonMark's Unicode punctuation character: general category
// P or S.
func isPunct(r rune) bool { return util.IsPunctRune(r) }

// isGeneralVS reports a non-emoji general-use variation selector,
// U+FE00–U+FE0E.
func isGeneralVS(r rune) bool { return r >= 0xFE00 && r <= 0xFE0E }

// isIVS reports an Ideographic Variation Selector, U+E0100–U+E01EF.
func isIVS(r rune) bool { return r >= 0xE0100 && r <= 0xE01EF }

// isAmbiguousFullwidth reports a CJK ambiguous punctuation sequence: the
// standardized variation sequences of Unicode 16 that select the fullwidth
// form of a quotation mark of East Asian Width A.
func isAmbiguousFullwidth(base, vs rune) bool {
	if vs != 0xFE01 {
		return false
	}
	switch base {
	case '‘', '’', '“', '”':
		return true
	}
	return false
}

// emphasisProcessor makes ast.Emphasis of matched * and _ runs.
type emphasisProcessor struct{}

func (emphasisProcessor) IsDelimiter(b byte) bool { return b == '*' || b == '_' }

func (emphasisProcessor) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (emphasisProcessor) OnMatch(consumes int) gast.Node { return gast.NewEmphasis(consumes) }

// strikeProcessor makes a Strikethrough of matched ~~ runs.
type strikeProcessor struct{}

func (strikeProcessor) IsDelimiter(b byte) bool { return b == '~' }

func (strikeProcessor) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char && opener.Length == closer.Length
}

func (strikeProcessor) OnMatch(int) gast.Node { return east.NewStrikethrough() }

// strikethroughRenderer renders Strikethrough as <del>, as goldmark's own
// extension does.
func strikethroughRenderer() renderer.Option {
	return renderer.WithNodeRenderers(util.Prioritized(extension.NewStrikethroughHTMLRenderer(), 500))
}
