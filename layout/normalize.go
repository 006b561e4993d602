package layout

import (
	"slices"
	"strings"
	"unicode"

	"github.com/qikan-dev/qikan/lang"
)

// NormalizePunct rewrites ASCII punctuation used in Chinese text (Han
// characters; kana and Hangul text is left alone) into the
// full-width marks GB/T 15834-2011 prescribes, and returns the new text and
// the number of characters changed:
//
//   - , : ; ? ! right after a Han character (or after a full-width closing
//     mark and before a Han character) become ，：；？！, and the spaces
//     that followed them before more CJK text are dropped;
//   - ( ) become （ ） when the pair encloses Han text or follows a Han
//     character;
//   - straight "…" and '…' quotes around text containing Han become “…”
//     and ‘…’.
//
// Latin and number contexts are left alone: 3,000, 12:30, URLs, English
// sentences, f(x), don't.
func NormalizePunct(s string) (string, int) {
	total := 0
	// A conversion can make its neighbour convertible ('' 中 ''), so repeat
	// until nothing changes; each round converts at least one rune.
	for round := 0; round < 8; round++ {
		t, n := normalizeOnce(s)
		if n == 0 {
			break
		}
		s, total = t, total+n
	}
	return s, total
}

func normalizeOnce(s string) (string, int) {
	if !strings.ContainsAny(s, ",:;?!()\"'") {
		return s, 0
	}
	var rs []rune
	var offs []int // byte offset of each rune, plus len(s)
	for i, r := range s {
		rs = append(rs, r)
		offs = append(offs, i)
	}
	offs = append(offs, len(s))
	orig := append([]rune(nil), rs...)
	drop := make([]bool, len(rs))
	n := 0
	// Pairs first, so that "中文(English)" is decided by the pair.
	pairQuotes(rs, '"', '“', '”', &n)
	pairQuotes(rs, '\'', '‘', '’', &n)
	pairParens(rs, &n)
	convertStops(rs, drop, &n)

	var b strings.Builder
	b.Grow(len(s) + 2*n)
	for i, r := range rs {
		switch {
		case drop[i]:
		case r != orig[i]:
			b.WriteRune(r)
		default:
			b.WriteString(s[offs[i]:offs[i+1]]) // invalid UTF-8 passes through unchanged
		}
	}
	return b.String(), n
}

// fullStop returns the full-width form of an ASCII stop or pause, 0 for
// any other rune.
func fullStop(r rune) rune {
	switch r {
	case ',':
		return '，'
	case ':':
		return '：'
	case ';':
		return '；'
	case '?':
		return '？'
	case '!':
		return '！'
	}
	return 0
}

// convertStops converts , : ; ? ! after a Han character, or after a
// full-width mark (not an opening one) before Han text or the end, or
// after a space between Han characters; it marks in drop the spaces after
// a converted mark that precede more CJK text.
func convertStops(rs []rune, drop []bool, n *int) {
	prevVisible := func(i int) rune { // nearest preceding non-space rune
		for i--; i >= 0; i-- {
			if !drop[i] && !unicode.IsSpace(rs[i]) {
				return rs[i]
			}
		}
		return 0
	}
	nextVisible := func(i int) (rune, int) {
		for i++; i < len(rs); i++ {
			if !unicode.IsSpace(rs[i]) {
				return rs[i], i
			}
		}
		return 0, len(rs)
	}
	for i, r := range rs {
		full := fullStop(r)
		if full == 0 {
			continue
		}
		prev := rune(0)
		if i > 0 {
			prev = rs[i-1]
		}
		next, ni := nextVisible(i)
		ok := isIdeograph(prev) || isCJKPunct(prev) && classOf(prev) != pcOpen && (isIdeograph(next) || next == 0)
		if prev == 0 || unicode.IsSpace(prev) {
			// ", 中文" after a space: only if the text before is CJK too
			ok = isIdeograph(prevVisible(i)) && isIdeograph(next)
		}
		if !ok {
			continue
		}
		rs[i] = full
		*n++
		if isIdeograph(next) || isCJKPunct(next) {
			for k := i + 1; k < ni; k++ {
				drop[k] = true // no space after a full-width mark
			}
		}
	}
}

// isIdeograph reports a Han character (and 〇): Chinese punctuation is
// normalised between these only, never next to kana or Hangul, whose
// languages write their own marks (Japanese) or ASCII ones (Korean).
func isIdeograph(r rune) bool {
	return lang.ScriptOf(r) == lang.Han && (unicode.IsLetter(r) || r == '〇')
}

// isCJKPunct reports whether r is a full-width punctuation mark.
func isCJKPunct(r rune) bool {
	return classOf(r) != pcNone && isWide(r) || r == '“' || r == '”' || r == '‘' || r == '’'
}

// containsHan reports whether rs holds a Han character.
func containsHan(rs []rune) bool {
	for _, r := range rs {
		if isIdeograph(r) {
			return true
		}
	}
	return false
}

// pairParens converts matched ( ) pairs whose content holds Han text or
// that follow a Han character or a full-width mark. Pairs are decided from
// the outermost in, so that a converted pair converts the pairs it opens
// with: "中((x))" becomes "中（（x））" in one pass.
func pairParens(rs []rune, n *int) {
	var stack []int
	var pairs [][2]int
	for i, r := range rs {
		switch r {
		case '(':
			stack = append(stack, i)
		case ')':
			if len(stack) > 0 {
				pairs = append(pairs, [2]int{stack[len(stack)-1], i})
				stack = stack[:len(stack)-1]
			}
		}
	}
	slices.SortFunc(pairs, func(a, b [2]int) int { return a[0] - b[0] })
	for _, p := range pairs {
		o, c := p[0], p[1]
		before := rune(0)
		if o > 0 {
			before = rs[o-1]
		}
		if containsHan(rs[o+1:c]) || isIdeograph(before) || isCJKPunct(before) {
			rs[o], rs[c] = '（', '）'
			*n += 2
		}
	}
}

// pairQuotes converts straight quote pairs around Han text into curly
// quotes. An opening quote may not follow a letter or digit (that is an
// apostrophe or a prime: don't, 5'), a closing one may not precede one.
func pairQuotes(rs []rune, q, open, close rune, n *int) {
	alnum := func(i int) bool {
		return i >= 0 && i < len(rs) && isLatinAlnum(rs[i])
	}
	o := -1
	for i, r := range rs {
		if r == '\n' {
			o = -1
		}
		if r != q {
			continue
		}
		if o < 0 {
			if !alnum(i - 1) {
				o = i
			}
			continue
		}
		if alnum(i+1) && q == '\'' {
			continue // an apostrophe inside the quotation
		}
		if containsHan(rs[o+1:i]) && !slices.Contains(rs[o+1:i], '\n') {
			rs[o], rs[i] = open, close
			*n += 2
		}
		o = -1
	}
}
