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
// opportunities. When the phrases fit the measure in at most one line
// more than breaking anywhere would take, the title breaks only at phrase
// spaces (the space at a break disappears); a phrase wider than the
// measure is itself broken and balanced. Otherwise the whole title is
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
	phrases := h.phrases()
	if len(phrases) > 1 && len(phrases) <= maxPhrases {
		lines := h.byPhrases(phrases, opt)
		if n := len(lines); n <= len(whole) || n == len(whole)+1 && !shortLine(lines) {
			return lines
		}
	}
	return balance(runs, opt, len(whole))
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

// maxPhrases bounds the phrases of a headline broken by phrase: a longer
// text is not a title and is balanced as a paragraph.
const maxPhrases = 24

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

// byPhrases breaks the headline at phrase spaces only (a phrase wider
// than the measure is broken and balanced): the fewest lines, then the
// most even ones (no line of three characters or fewer, when that can be
// helped).
func (h *headRuns) byPhrases(ps []phrase, opt Options) []Line {
	W := opt.Width
	// width and lines of phrases i..j-1 on their own.
	type group struct {
		width float64
		lines int
		chars int
	}
	groups := make([][]group, len(ps))
	for i := range ps {
		groups[i] = make([]group, len(ps)+1)
		for j := i + 1; j <= len(ps); j++ {
			o := opt
			o.Width = 1e9
			runs, _ := h.slice(ps[i].from, ps[j-1].to)
			g := group{lines: 1}
			for _, l := range Paragraph(runs, o) {
				g.width = math.Max(g.width, l.Width)
			}
			for _, r := range runs {
				g.chars += utf8.RuneCountInString(r.Text)
			}
			if g.width > W+1e-6 {
				if j > i+1 {
					g.lines = -1 // phrases that do not fit together
				} else {
					g.lines = len(Paragraph(runs, opt)) // one phrase, broken
				}
			}
			groups[i][j] = g
		}
	}
	// best[j]: fewest lines, then least cost, for phrases 0..j-1.
	type state struct {
		lines int
		cost  float64
		from  int
	}
	best := make([]state, len(ps)+1)
	for j := 1; j <= len(ps); j++ {
		best[j] = state{lines: math.MaxInt}
		for i := 0; i < j; i++ {
			g := groups[i][j]
			if g.lines < 0 || best[i].lines == math.MaxInt {
				continue
			}
			slack := (W - math.Min(g.width, W)) / W
			cost := best[i].cost + slack*slack
			if g.chars <= 3 && g.lines == 1 {
				cost += 10 // a short turnover
			}
			lines := best[i].lines + g.lines
			if lines < best[j].lines || lines == best[j].lines && cost < best[j].cost {
				best[j] = state{lines, cost, i}
			}
		}
	}
	var cuts []int
	for j := len(ps); j > 0; j = best[j].from {
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
