package issue

import (
	"bytes"
)

// Bounds on YAML (issue.yaml and front matter), checked on the raw text
// before goccy/go-yaml sees it: its scanner tokenises a whole document in
// one call, at about 270 bytes a token, and its parser takes memory by the
// square of the nesting depth (80 KB of nested "[" took 2.4 GB).
const (
	// maxYAMLDepth bounds nesting, flow ([ {, each counted twice: it
	// may hold a key: value pair) and block (indentation, "- ")
	// together; an issue.yaml needs about 6 levels.
	maxYAMLDepth = 64
	// maxYAMLTokens bounds the tokens of one document, counted as the
	// indicators and line starts that make tokens: 100,000 is some
	// 30,000 articles listed by path, about 27 MB of tokens.
	maxYAMLTokens = 100_000
)

// yamlBound is where a YAML text passes a bound.
type yamlBound struct {
	line, col int    // 1-based
	what      string // "depth" or "tokens"
}

// yamlScan is the state of scanYAML on one text.
type yamlScan struct {
	maxDepth, maxTokens int
	flow                int // open [ and {
	// block holds the open block levels, each as 2×its column, +1 for
	// a "- " or "? " entry: an entry at a key's column (YAML lets a
	// list be the value of a key at the key's own indentation) is
	// deeper than the key.
	block []int
	// frozen holds, innermost last, the levels goccy/go-yaml nests
	// that indentation does not show: after a line that is only "-",
	// a line at the same column is read as that entry's content (not,
	// as YAML says, as the next key of the enclosing mapping), and so
	// is every later line at that column. Lines at or beyond col do
	// not close the first height levels.
	frozen          []frozenLevels
	emptyItem       int // column of the "-" that ended the previous line, else -1
	tokens, deepest int
	quote           byte // '\'' or '"' while inside a quoted scalar, else 0
	// literal is the indentation of the line that opened a block scalar
	// (| or >) while its content lines are skipped, else -1.
	literal int
}

// checkYAMLBounds returns where src first nests more than maxYAMLDepth
// levels or makes more than maxYAMLTokens tokens, or nil.
func checkYAMLBounds(src []byte) *yamlBound {
	b, _, _ := scanYAML(src, maxYAMLDepth, maxYAMLTokens)
	return b
}

// scanYAML scans src line by line, in linear time and without allocating
// per token, and returns where it first nests more than maxDepth levels or
// makes more than maxTokens tokens (or nil), the deepest nesting and the
// tokens it counted up to there. It
// follows YAML's lexical structure as far as nesting needs: comments,
// quoted scalars (over several lines), block scalars (whose content it
// skips), flow collections and the "- " and "? " of block collections. It
// errs on the side of counting: text goccy/go-yaml would reject anyway may
// be counted differently, never text it accepts.
func scanYAML(src []byte, maxDepth, maxTokens int) (b *yamlBound, deepest, tokens int) {
	s := yamlScan{maxDepth: maxDepth, maxTokens: maxTokens, literal: -1, emptyItem: -1}
	for n := 1; len(src) > 0; n++ {
		// Lines end at LF, CRLF or a lone CR, as goccy/go-yaml reads them.
		line := src
		if i := bytes.IndexAny(src, "\r\n"); i >= 0 {
			crlf := src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n'
			line, src = src[:i], src[i+1:]
			if crlf {
				src = src[1:]
			}
		} else {
			src = nil
		}
		if b = s.line(line, n); b != nil {
			break
		}
	}
	return b, s.deepest, s.tokens
}

// line scans one line, numbered n.
func (s *yamlScan) line(line []byte, n int) *yamlBound {
	indent := 0
	for indent < len(line) && line[indent] == ' ' {
		indent++
	}
	blank := indent == len(line) || line[indent] == '#'
	if s.literal >= 0 {
		if blank || indent > s.literal {
			return nil // block scalar content
		}
		s.literal = -1
	}
	if blank && s.quote == 0 {
		return nil
	}
	i := indent
	if s.quote == 0 && s.flow == 0 {
		for len(s.frozen) > 0 && s.frozen[len(s.frozen)-1].col > indent {
			s.frozen = s.frozen[:len(s.frozen)-1]
		}
		if s.emptyItem == indent {
			s.frozen = append(s.frozen, frozenLevels{indent, len(s.block)})
		}
		s.emptyItem = -1
		var b *yamlBound
		if i, b = s.entries(line, i, n, indent); b != nil {
			return b
		}
		if i < len(line) {
			if b := s.open(2*i, n, i); b != nil {
				return b
			}
		}
	}
	valueStart := true // at a place where a flow collection may start
	property := false  // the last token was an anchor or a tag
	defer func() {
		if property && s.flow == 0 && s.quote == 0 {
			s.emptyItem = indent // goccy reads the next line as its node
		}
	}()
	for ; i < len(line); i++ {
		c := line[i]
		if s.quote != 0 {
			switch {
			case s.quote == '"' && c == '\\':
				i++
			case c == s.quote && s.quote == '\'' && i+1 < len(line) && line[i+1] == '\'':
				i++
			case c == s.quote:
				s.quote = 0
				valueStart = false
			}
			continue
		}
		switch {
		case c == ' ' || c == '\t':
			continue
		case c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
			return nil
		case (c == '"' || c == '\'') && valueStart:
			s.quote = c
			s.tokens++
		case (c == '[' || c == '{') && (s.flow > 0 || valueStart):
			s.flow++
			s.tokens++
			if b := s.depth(n, i); b != nil {
				return b
			}
			valueStart = true
			continue
		case (c == ']' || c == '}') && s.flow > 0:
			s.flow--
			s.tokens++
		case c == ',' && s.flow > 0:
			s.tokens++
			valueStart = true
			continue
		case c == ':' && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t' || s.flow > 0):
			s.tokens++
			valueStart = true
			if s.flow == 0 && isBlockScalarHeader(line[i+1:]) {
				s.literal = indent
				return s.count(n, i)
			}
			continue
		case (c == '|' || c == '>') && valueStart && s.flow == 0 && isBlockScalarHeader(line[i:]):
			s.literal = indent
			return s.count(n, i)
		case (c == '&' || c == '*' || c == '!') && valueStart:
			// An anchor, alias or tag: its name runs to a space; a
			// collection may follow an anchor or a tag.
			s.tokens++
			for i+1 < len(line) && line[i+1] != ' ' && line[i+1] != '\t' && (s.flow == 0 || !bytes.ContainsRune([]byte(",[]{}"), rune(line[i+1]))) {
				i++
			}
			if c != '*' {
				property = true
				if b := s.count(n, i); b != nil {
					return b
				}
				if s.flow == 0 {
					// goccy reads "- " after an anchor or a tag as a
					// block entry.
					j := i + 1
					for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
						j++
					}
					if isEntry(line[j:]) {
						var b *yamlBound
						if j, b = s.entries(line, j, n, indent); b != nil {
							return b
						}
						i, property = j-1, false
					}
				}
				continue
			}
		default:
			if valueStart {
				s.tokens++ // a plain scalar starts
			}
		}
		valueStart, property = false, false
		if b := s.count(n, i); b != nil {
			return b
		}
	}
	return s.count(n, len(line))
}

// open opens the block level key (see yamlScan.block) at byte i of line
// n, closing the levels at or beyond it.
func (s *yamlScan) open(key, n, i int) *yamlBound {
	floor := 0
	if len(s.frozen) > 0 {
		floor = s.frozen[len(s.frozen)-1].height
	}
	for len(s.block) > floor && s.block[len(s.block)-1] >= key {
		s.block = s.block[:len(s.block)-1]
	}
	s.block = append(s.block, key)
	s.tokens++
	if b := s.depth(n, i); b != nil {
		return b
	}
	return s.count(n, i)
}

// entries opens a block level at each "- " or "? " from byte i of line n
// (indented indent) on, and returns the byte after them.
func (s *yamlScan) entries(line []byte, i, n, indent int) (int, *yamlBound) {
	for isEntry(line[i:]) {
		if b := s.open(2*i+1, n, i); b != nil {
			return i, b
		}
		i++
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		if i == len(line) || line[i] == '#' {
			s.emptyItem = indent
		}
	}
	return i, nil
}

// frozenLevels are levels that lines at or beyond col do not close.
type frozenLevels struct{ col, height int }

// isEntry reports whether rest starts with a block entry: "- ", "? " or
// ": " (the value of an explicit key), or a lone "-", "?" or ":".
func isEntry(rest []byte) bool {
	return len(rest) > 0 && (rest[0] == '-' || rest[0] == '?' || rest[0] == ':') && (len(rest) == 1 || rest[1] <= ' ') // goccy takes any control character for a space
}

// depth reports the depth bound passed at line n, byte i.
func (s *yamlScan) depth(n, i int) *yamlBound {
	d := len(s.block) + 2*s.flow // a flow level may hold a key: value pair, a mapping of its own
	s.deepest = max(s.deepest, d)
	if d > s.maxDepth {
		return &yamlBound{n, i + 1, "depth"}
	}
	return nil
}

// count reports the token bound passed at line n, byte i.
func (s *yamlScan) count(n, i int) *yamlBound {
	if s.tokens > s.maxTokens {
		return &yamlBound{n, i + 1, "tokens"}
	}
	return nil
}

// isBlockScalarHeader reports whether rest, the text after a value
// indicator, is a block scalar header: optional spaces, | or >, then
// optional chomping and indentation indicators, spaces and a comment.
func isBlockScalarHeader(rest []byte) bool {
	rest = bytes.TrimLeft(rest, " \t")
	if len(rest) == 0 || rest[0] != '|' && rest[0] != '>' {
		return false
	}
	rest = bytes.TrimLeft(rest[1:], "+-123456789")
	rest = bytes.TrimLeft(rest, " \t")
	return len(rest) == 0 || rest[0] == '#'
}

// tabIndented reports whether the 1-based line of src is indented with a
// tab: YAML indents with spaces only, and goccy/go-yaml's message for it
// does not say so.
func tabIndented(src []byte, line int) bool {
	for i := 1; i < line; i++ {
		j := bytes.IndexByte(src, '\n')
		if j < 0 {
			return false
		}
		src = src[j+1:]
	}
	for _, b := range src {
		switch b {
		case ' ':
		case '\t':
			return true
		default:
			return false
		}
	}
	return false
}
