package issue

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Bounds on Markdown, applied while goldmark parses and before any inline
// parsing, so that no article can make parsing slow or large: goldmark
// itself is linear in the size of its input for ordinary text but
// quadratic in nested containers and in unmatched brackets and emphasis
// marks within one paragraph (100,000 nested ">" took 10 s, a paragraph of
// 100,000 "[" 8 s).
const (
	// maxBlockBytes is the largest paragraph (or line) qikan reads: 64 KB,
	// about 21,000 Chinese characters, 25 times the longest paragraph of
	// the 124 HelloGitHub issues.
	maxBlockBytes = 64 << 10
	// maxBrackets and maxEmphasisMarks bound the unescaped "[" and the
	// unescaped "*" and "_" of one paragraph (or line).
	maxBrackets      = 1000
	maxEmphasisMarks = 4000
	// maxIssueMarkup bounds the Markdown elements of an issue, as
	// markupUnits counts them before parsing. Each becomes nodes of
	// goldmark, the model and the layout: within the 4 MB of text an
	// issue may hold, 2 million emphasis marks took 960 MB and 37 s to
	// validate, a table of 1.7 million cells 1.1 GB, 650,000 list items
	// 630 MB. At this bound the heaviest shapes (nested quotes and lists,
	// short paragraphs, list items, links) export in 120-135 MB.
	// HelloGitHub's Markdown, links, tables and code throughout, has 2 to
	// 3.5 per 100 bytes, at most 500 an issue; the sample issue 490.
	maxIssueMarkup = 40_000
)

// markupBudget counts the Markdown elements of one issue against
// maxIssueMarkup.
type markupBudget struct {
	used int
}

// markupMessage and markupHint describe a passed markup budget.
var (
	markupMessage = fmt.Sprintf("the issue holds more than %d Markdown elements by this line (paragraphs, headings, list items, table cells, emphasis, code, links, tags); qikan reads at most %d per issue", maxIssueMarkup, maxIssueMarkup)
	markupHint    = "split the issue into several"
)

// markupUnits counts what one line of Markdown can make nodes of, without
// parsing it: the block it starts (after a blank line, at a list or quote
// marker, a heading), each list and quote marker, each byte that can open
// inline markup or separate table cells, and a hard line break.
func markupUnits(line []byte, afterBlank bool) int {
	n := 0
	s := bytes.TrimLeft(line, " \t")
	for len(s) > 0 && n <= maxNesting { // deeper, nestingGuard makes text
		if s[0] == '>' {
			n++
			s = bytes.TrimLeft(s[1:], " \t")
			continue
		}
		if m := listMarker(s); m > 0 {
			n++
			s = bytes.TrimLeft(s[m:], " \t")
			continue
		}
		break
	}
	if afterBlank || n > 0 || len(s) > 0 && s[0] == '#' {
		n++
	}
	for _, b := range line {
		switch b {
		case '*', '_', '`', '[', '<', '~', '|', '{':
			n++
		}
	}
	line = bytes.TrimSuffix(line, []byte("\r"))
	if bytes.HasSuffix(line, []byte("  ")) || bytes.HasSuffix(line, []byte("\\")) {
		n++
	}
	return n
}

// listMarker returns the length of the list marker s starts with ("-",
// "+", "*", "1." or "1)" followed by a space, a tab or the end), or 0.
func listMarker(s []byte) int {
	i := 0
	switch s[0] {
	case '-', '+', '*':
		i = 1
	default:
		for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == 0 || i >= len(s) || s[i] != '.' && s[i] != ')' {
			return 0
		}
		i++
	}
	if i < len(s) && s[i] != ' ' && s[i] != '\t' {
		return 0
	}
	return i
}

// mdLimits is a goldmark extension that enforces the bounds above for one
// article, reporting through c:
//   - quotes and lists nest at most maxNesting+1 levels in the tree (the
//     converter reports the first level beyond maxNesting): at the limit a
//     line that would open another level is read as paragraph text;
//   - a paragraph over maxBlockBytes, or with more than maxBrackets
//     brackets or maxEmphasisMarks emphasis marks, is reported and dropped
//     before its inline content is parsed.
//
// Lines are checked by checkLines before goldmark sees the text.
type mdLimits struct{ c *mdConverter }

// Extend adds the nesting guard and the paragraph guard to m's parser.
func (e mdLimits) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(nestingGuard{}, 10)),
		parser.WithParagraphTransformers(util.Prioritized(paragraphGuard(e), 10)),
	)
}

// nestingGuard comes before goldmark's list and block quote parsers. Below
// the nesting limit it opens nothing and they run as usual; at the limit
// it opens a paragraph holding the rest of the line, so the tree stops
// growing and parsing stays linear however deep the source nests.
type nestingGuard struct{}

func (nestingGuard) Trigger() []byte {
	return []byte{'>', '-', '+', '*', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'}
}

func (nestingGuard) Open(parent gast.Node, reader text.Reader, pc parser.Context) (gast.Node, parser.State) {
	if parent.Kind() == gast.KindList {
		return nil, parser.NoChildren // a list holds list items
	}
	depth := 0
	for n := parent; n != nil; n = n.Parent() {
		switch n.Kind() {
		case gast.KindBlockquote, gast.KindList:
			depth++
		}
	}
	if depth <= maxNesting {
		return nil, parser.NoChildren
	}
	return parser.NewParagraphParser().Open(parent, reader, pc)
}

func (nestingGuard) Continue(n gast.Node, reader text.Reader, pc parser.Context) parser.State {
	return parser.NewParagraphParser().Continue(n, reader, pc)
}

func (nestingGuard) Close(n gast.Node, reader text.Reader, pc parser.Context) {
	parser.NewParagraphParser().Close(n, reader, pc)
}

func (nestingGuard) CanInterruptParagraph() bool { return true }
func (nestingGuard) CanAcceptIndentedLine() bool { return false }

// paragraphGuard drops (and reports) a paragraph that is too long or holds
// too many brackets or emphasis marks, before goldmark parses its inline
// content. A table is a paragraph at this point: its cells are parsed one
// by one later, so a table is only held to the line bounds.
type paragraphGuard struct{ c *mdConverter }

func (g paragraphGuard) Transform(p *gast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := p.Lines()
	if lines.Len() == 0 {
		return
	}
	if second := lines.At(min(1, lines.Len()-1)); lines.Len() > 1 && isTableDelimiterRow(second.Value(reader.Source())) {
		return
	}
	var size, brackets, marks int
	for i := range lines.Len() {
		seg := lines.At(i)
		v := seg.Value(reader.Source())
		size += len(v)
		b, m := countMarks(v)
		brackets += b
		marks += m
	}
	var msg, hint string
	switch {
	case size > maxBlockBytes:
		msg = fmt.Sprintf("paragraph of %d KB is longer than the %d KB qikan sets in one paragraph (about 21,000 Chinese characters)", size>>10, maxBlockBytes>>10)
		hint = "split it into paragraphs with blank lines"
	case brackets > maxBrackets:
		msg = fmt.Sprintf("paragraph holds %d \"[\", more than the %d qikan reads in one paragraph", brackets, maxBrackets)
		hint = `split the paragraph, or write the brackets as ［ or \[`
	case marks > maxEmphasisMarks:
		msg = fmt.Sprintf("paragraph holds %d \"*\" and \"_\", more than the %d qikan reads in one paragraph", marks, maxEmphasisMarks)
		hint = `split the paragraph, or write them as \* and \_`
	default:
		return
	}
	g.c.r.add(g.c.file, g.c.at(lines.At(0).Start).Line, 0, hint, "%s", msg)
	p.Parent().RemoveChild(p.Parent(), p)
}

// countMarks counts the unescaped "[" and the unescaped "*" and "_" in v.
func countMarks(v []byte) (brackets, marks int) {
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '\\':
			i++
		case '[':
			brackets++
		case '*', '_':
			marks++
		}
	}
	return brackets, marks
}

// isTableDelimiterRow reports whether line is a GFM table delimiter row
// such as "|---|:--:|" or "--- | ---".
func isTableDelimiterRow(line []byte) bool {
	line = bytes.TrimSpace(line)
	if len(line) == 0 || !bytes.Contains(line, []byte("-")) {
		return false
	}
	for _, b := range line {
		switch b {
		case '|', '-', ':', ' ', '\t':
		default:
			return false
		}
	}
	return true
}

// checkLines reports the first line of src (a Markdown body whose first
// line is lineOff+1 in file) that is longer than maxBlockBytes or holds
// more brackets or emphasis marks than a paragraph may (headings, table
// rows and cells and code are single lines that the paragraph guard does
// not see), or where the issue's Markdown passes the markup budget (nil:
// none). It returns false when the body must not be parsed.
func checkLines(src []byte, file string, lineOff int, r *report, markup *markupBudget) bool {
	afterBlank := true
	for n := 1; len(src) > 0; n++ {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		blank := len(bytes.TrimSpace(line)) == 0
		if markup != nil && !blank {
			markup.used += markupUnits(line, afterBlank)
		}
		afterBlank = blank
		brackets, marks := countMarks(line)
		switch {
		case markup != nil && markup.used > maxIssueMarkup:
			r.add(file, n+lineOff, 0, markupHint, "%s", markupMessage)
		case len(line) > maxBlockBytes:
			r.add(file, n+lineOff, 0, "break it into shorter lines or paragraphs", "line of %d KB is longer than the %d KB qikan reads in one line", len(line)>>10, maxBlockBytes>>10)
		case brackets > maxBrackets:
			r.add(file, n+lineOff, 0, `write the brackets as ［ or \[, or split the line`, "line holds %d \"[\", more than the %d qikan reads in one line", brackets, maxBrackets)
		case marks > maxEmphasisMarks:
			r.add(file, n+lineOff, 0, `write them as \* and \_, or split the line`, "line holds %d \"*\" and \"_\", more than the %d qikan reads in one line", marks, maxEmphasisMarks)
		default:
			continue
		}
		return false
	}
	return true
}
