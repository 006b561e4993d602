package layout

import (
	"math"
	"unicode/utf8"
)

// Headline breaks a display line — a title, a subhead, a section title, a
// contents entry — into lines of at most opt.Width, as an editor would
// (clreq §3.1.7 leaves the choice of the break in headings to the
// typesetter): at the spaces the title has between its phrases first,
// then balanced, so that no line is much shorter than the others and no
// turnover of one to three characters is left.
//
// A phrase space is white space with a CJK character on both sides (or an
// ideographic space): it separates clauses, as in 促进区域协调发展 更好建设美丽新疆.
// Spaces next to Latin letters separate words and are ordinary break
// opportunities. Consecutive phrases share a line where they fit; phrases
// wider than the measure are broken inside and balanced. Of the ways to
// group the phrases, the one of least cost is taken: each line costs, each
// break inside a phrase costs more (an editor sets one line more rather
// than cut a phrase), a line of three characters or fewer costs much
// more; then the most even lines win. A title without phrase spaces is
// broken as a paragraph and balanced: set at the narrowest width that
// keeps its number of lines.
//
// Lines are set flush left (opt.Align is ignored; a caller centres or
// right-aligns them by their Width) and never justified. Like Paragraph,
// Headline never panics and every visible character appears in exactly
// one Item.
func Headline(runs []Run, opt Options) []Line {
	opt.Align = AlignLeft
	opt.Width = finite(opt.Width)
	whole := Paragraph(runs, opt)
	if len(whole) <= 1 || hasForced(whole) {
		return whole
	}
	h := newHeadRuns(runs)
	if phrases := h.phrases(); len(phrases) > 1 && len(phrases) <= maxPhrases {
		return h.byPhrases(phrases, opt)
	}
	return balance(runs, opt, len(whole))
}

// maxPhrases bounds the phrases of a headline broken by phrase: a longer
// text is not a title and is balanced as a paragraph.
const maxPhrases = 12

// hasForced reports whether a line ends at a hard break: such a title is
// broken as its author asked.
func hasForced(lines []Line) bool {
	for _, l := range lines {
		if l.Break == BreakForced {
			return true
		}
	}
	return false
}

// balance sets runs at the narrowest width, at most opt.Width, that keeps
// them in n lines (CSS text-wrap: balance).
func balance(runs []Run, opt Options, n int) []Line {
	lines := Paragraph(runs, opt)
	lo, hi := 0.0, opt.Width
	for range 24 {
		if hi-lo < 0.5 {
			break
		}
		mid := (lo + hi) / 2
		o := opt
		o.Width = mid
		if got := Paragraph(runs, o); len(got) == n && !overfull(got, mid) {
			hi, lines = mid, got
		} else {
			lo = mid
		}
	}
	return lines
}

// overfull reports whether a line is wider than w or was cut where no
// rule allows.
func overfull(lines []Line, w float64) bool {
	for _, l := range lines {
		if l.Width > w+1e-6 || l.Break == BreakEmergency {
			return true
		}
	}
	return false
}

// headRuns is the text of a headline's runs, for cutting it into pieces.
type headRuns struct {
	runs []Run
	text []rune
	run  []int // run of each rune
	byte []int // byte offset of each rune in its run
}

func newHeadRuns(runs []Run) *headRuns {
	h := &headRuns{runs: runs}
	for ri, r := range runs {
		for bi, c := range r.Text {
			h.text = append(h.text, c)
			h.run = append(h.run, ri)
			h.byte = append(h.byte, bi)
		}
	}
	return h
}

// phrase is a range of runes [from, to) between phrase spaces.
type phrase struct{ from, to int }

// phrases cuts the text at its phrase spaces.
func (h *headRuns) phrases() []phrase {
	var out []phrase
	start := 0
	for i := 0; i < len(h.text); i++ {
		if !isGap(h.text[i]) {
			continue
		}
		j := i
		for j < len(h.text) && isGap(h.text[j]) {
			j++
		}
		ideo := false
		for _, c := range h.text[i:j] {
			ideo = ideo || c == '\u3000'
		}
		if i > start && j < len(h.text) && !noEnd(h.text[i-1]) && !noStart(h.text[j], false) &&
			(ideo || isWide(h.text[i-1]) && isWide(h.text[j])) {
			out = append(out, phrase{start, i})
			start = j
		}
		i = j - 1
	}
	if start < len(h.text) {
		out = append(out, phrase{start, len(h.text)})
	}
	return out
}

// slice returns the runs of text [from, to) and, for each, the index of
// the run it comes from.
func (h *headRuns) slice(from, to int) ([]Run, []int) {
	var out []Run
	var src []int
	for i := from; i < to; {
		r := h.run[i]
		j := i
		for j < to && h.run[j] == r {
			j++
		}
		end := len(h.runs[r].Text)
		if j < len(h.text) && h.run[j] == r {
			end = h.byte[j]
		}
		run := h.runs[r]
		run.Text = run.Text[h.byte[i]:end]
		out = append(out, run)
		src = append(src, r)
		i = j
	}
	return out, src
}

// set lays out text [from, to) with opt and maps the items back to the
// headline's runs.
func (h *headRuns) set(from, to int, opt Options, n int) []Line {
	runs, src := h.slice(from, to)
	o := opt
	o.Width = 1e9
	lines := Paragraph(runs, o)
	if n > 1 || len(lines) > 0 && lines[0].Width > opt.Width+1e-6 {
		lines = balance(runs, opt, len(Paragraph(runs, opt)))
	}
	for li := range lines {
		for k := range lines[li].Items {
			it := &lines[li].Items[k]
			// Item texts are substrings of the sliced run: rebase them.
			it.Run = src[it.Run]
		}
	}
	return lines
}

// Costs of a headline's breaking (see byPhrases): a line, a break inside
// a phrase (an editor prefers one line more to a phrase cut in two), a
// line of three characters or fewer.
const (
	headLineCost   = 1.0
	headInnerCost  = 1.5
	headShortCost  = 10.0
	headSlackScale = 0.1 // the slack of the lines, squared, as a fraction of the measure
)

// byPhrases breaks the headline at its phrase spaces: consecutive phrases
// share a line where they fit, and a group of phrases wider than the
// measure is broken inside and balanced. The breaking of least cost is
// chosen: lines, breaks inside phrases and short lines cost (see
// headLineCost), then the most even lines.
func (h *headRuns) byPhrases(ps []phrase, opt Options) []Line {
	W := opt.Width
	type group struct {
		lines int
		cost  float64
	}
	groups := make([][]group, len(ps))
	for i := range ps {
		groups[i] = make([]group, len(ps)+1)
		for j := i + 1; j <= len(ps); j++ {
			runs, _ := h.slice(ps[i].from, ps[j-1].to)
			o := opt
			o.Width = 1e9
			one := Paragraph(runs, o)
			g := group{lines: 1}
			width := 0.0
			if len(one) > 0 {
				width = one[0].Width
			}
			var lines []Line
			if width > W+1e-6 {
				lines = balance(runs, opt, len(Paragraph(runs, opt)))
				g.lines = len(lines)
			} else {
				lines = one
			}
			g.cost = headLineCost*float64(g.lines) + headInnerCost*float64(g.lines-1)
			for _, l := range lines {
				slack := (W - math.Min(l.Width, W)) / W
				g.cost += headSlackScale * slack * slack
				if shortLine([]Line{l}) {
					g.cost += headShortCost
				}
			}
			groups[i][j] = g
		}
	}
	best := make([]float64, len(ps)+1)
	from := make([]int, len(ps)+1)
	for j := 1; j <= len(ps); j++ {
		best[j] = math.Inf(1)
		for i := range j {
			if c := best[i] + groups[i][j].cost; c < best[j] {
				best[j], from[j] = c, i
			}
		}
	}
	var cuts []int
	for j := len(ps); j > 0; j = from[j] {
		cuts = append(cuts, j)
	}
	var out []Line
	i := 0
	for k := len(cuts) - 1; k >= 0; k-- {
		j := cuts[k]
		out = append(out, h.set(ps[i].from, ps[j-1].to, opt, groups[i][j].lines)...)
		i = j
	}
	for k := range out {
		out[k].Break = BreakNormal
		out[k].Justified = false
	}
	out[len(out)-1].Break = BreakFinal
	return out
}

// shortLine reports whether a line holds three characters or fewer.
func shortLine(lines []Line) bool {
	for _, l := range lines {
		n := 0
		for _, it := range l.Items {
			n += utf8.RuneCountInString(it.Text)
		}
		if n <= 3 {
			return true
		}
	}
	return false
}
