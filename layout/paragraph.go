package layout

import (
	"math"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-text/typesetting/segmenter"
)

// Tuning of the total-fit line breaker. Lengths are in em of the run's size.
const (
	charStretchEm = 1.0 / 16 // stretch of one inter-character gap (clreq §3.8 "Line Adjustment")
	hanLatinGapEm = 0.25     // Han–Latin gap (clreq §3.2.1)
	spaceStretch  = 0.5      // a space may grow by half its width …
	spaceShrink   = 1.0 / 3  // … and shrink by a third (TeX's defaults)
	linePenalty   = 10       // TeX \linepenalty
	hyphenPenalty = 50       // break after an explicit hyphen (no hyphen is ever added)
	urlPenalty    = 50       // break inside a URL
	hangulPenalty = 1000     // break between Hangul syllables outside a Korean word (see markKorean)
	// Korean is justified by its word spaces, not between the syllables of
	// a word (as browsers do, CSS text-justify: inter-word): a space
	// between Korean words may grow by this many times its width.
	koreanSpaceStretch = 1.5
	emergencyPen       = 5000 // break where no rule allows one
	adjDemerits        = 3000 // adjacent lines differ by more than one fitness class
	widowDemerits      = 1e10 // last line holds a single character (plus punctuation)
	overfullDemer      = 1e15 // a line wider than the measure (only when unavoidable)
	shrinkBadness      = 50   // badness factor for shrinking: compression is preferred to stretching
	stretchBadness     = 100
	maxWindow          = 1000    // at most this many boxes per line are considered
	looseFill          = 2.0 / 3 // lines filled less than this are tried only if nothing else fits
	eps                = 1e-9
)

// box is one grapheme cluster of visible text.
type box struct {
	run          int32
	b0, b1       int32 // byte range in the run's text
	first, last  rune
	size         float64
	adv          float64 // natural advance of the cluster
	pairL, pairR float64 // fixed trims from adjacent-punctuation compression
	shrL, shrR   float64 // remaining trimmable blank on each side
	pc           punctClass
	wide         bool
	startTrim    bool // set the left blank off at the start of a line
	endTrim      bool // set the right blank off at the end of a line
	punct        bool
}

func (b *box) width() float64 { return b.adv - b.pairL - b.pairR }

// joint is what lies between box i and box i+1: white space, a Han–Latin
// gap or nothing, and whether the line may break there.
type joint struct {
	gap       float64 // natural width
	strSp     float64 // stretch of spaces (used first)
	strCh     float64 // inter-character stretch
	shr       float64 // shrink
	spaced    bool    // white space (or a zero-width space) in between
	glued     bool    // narrow–narrow, nothing in between: same word
	breakable bool
	emergency bool
	forced    int // number of hard line breaks in between
	penalty   float64
}

// fallbackFace is used for runs without a face: 1 em for wide characters,
// ½ em for the rest. It keeps bad input from panicking.
type fallbackFace struct{}

func (fallbackFace) Advance(r rune) float64 {
	if isZeroWidth(r) {
		return 0
	}
	if isWide(r) {
		return 1
	}
	return 0.5
}
func (fallbackFace) HasGlyph(rune) bool { return false }
func (f fallbackFace) Ink(r rune) (float64, float64) {
	return 0, f.Advance(r)
}

func finite(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

// para holds the state of one Paragraph call.
type para struct {
	runs  []Run
	opt   Options
	faces []Face
	sizes []float64

	boxes  []box
	joints []joint // joints[i] lies after boxes[i]; the last one is empty
	lead   int     // hard line breaks before the first box

	// prefix sums over boxes: cum*[i] covers boxes[0:i] with their joints.
	cumW, cumSp, cumCh, cumShr, cumMin []float64
	cumText                            []int32 // non-punctuation boxes

	sc *scratch // where the arrays above come from
}

// scratch holds the working arrays of one Paragraph call. They are garbage
// as soon as the paragraph's lines are set, and an issue sets thousands of
// paragraphs, so they are reused through a pool: a layout allocates little
// more than the lines it returns. Nothing returned refers to them.
type scratch struct {
	text                               []rune
	runOf, byteOf                      []int32
	brk                                []uint8
	graph, url, ko                     []bool
	boxes                              []box
	joints                             []joint
	cumW, cumSp, cumCh, cumShr, cumMin []float64
	cumText                            []int32
	dem                                []float64
	from                               []int32
	pos, breaks                        []int
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// maxPooled is the size (in characters) above which a paragraph's arrays
// are not kept for the next one.
const maxPooled = 1 << 16

// sized returns s with length n, zeroed, reusing its array when it is
// large enough.
func sized[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/4)
	}
	s = s[:n]
	clear(s)
	return s
}

// Paragraph breaks runs into lines of at most opt.Width and positions their
// items. Lines are chosen by total fit (Knuth & Plass) over the whole
// paragraph: break opportunities come from UAX #14 (go-text segmenter)
// tailored for Chinese and Japanese (clreq §3.1.7, jlreq §3.1.7); the
// lines' badness comes from how much inter-character space and punctuation
// compression each needs (clreq §3.8). A "\n" in the text forces a break.
//
// Every visible character of the input appears in exactly one Item, in
// order; white space becomes gaps between items and disappears at breaks.
// Paragraph never panics; runs without a face are measured with 1 em for
// wide and ½ em for other characters.
func Paragraph(runs []Run, opt Options) []Line {
	sc := scratchPool.Get().(*scratch)
	p := &para{runs: runs, opt: opt, sc: sc}
	defer func() {
		if len(sc.text) <= maxPooled {
			scratchPool.Put(sc)
		}
	}()
	p.opt.Width = finite(opt.Width)
	p.opt.Indent = finite(opt.Indent)
	p.faces = make([]Face, len(runs))
	p.sizes = make([]float64, len(runs))
	for i, r := range runs {
		p.faces[i] = r.Face
		if r.Face == nil {
			p.faces[i] = fallbackFace{}
		}
		s := finite(r.Size)
		if s < 0 {
			s = 0
		}
		p.sizes[i] = s
	}
	p.build()
	if len(p.boxes) == 0 {
		return nil
	}
	p.compressPairs()
	p.sums()
	return p.breakLines()
}

// advance is the face's advance in the run's unit, guarded against bad faces.
func (p *para) advance(run int32, r rune) float64 {
	if isZeroWidth(r) {
		return 0
	}
	a := finite(p.faces[run].Advance(r))
	if a < 0 {
		a = 0
	}
	return a * p.sizes[run]
}

// build splits the text into boxes and joints.
func (p *para) build() {
	// Concatenate the runs, remembering each rune's run and byte offset.
	n := 0
	for _, r := range p.runs {
		n += utf8.RuneCountInString(r.Text)
	}
	if n == 0 {
		return
	}
	sc := p.sc
	text, runOf, byteOf := sc.text[:0], sc.runOf[:0], sc.byteOf[:0]
	defer func() { sc.text, sc.runOf, sc.byteOf = text, runOf, byteOf }()
	for ri, r := range p.runs {
		for bi, c := range r.Text {
			text = append(text, c)
			runOf = append(runOf, int32(ri))
			byteOf = append(byteOf, int32(bi))
		}
	}

	var seg segmenter.Segmenter
	seg.Init(text)
	// brk[i] describes the position before text[i]: 1 break allowed, 2 mandatory.
	brk := sized(sc.brk, n+1)
	sc.brk = brk
	lines := seg.LineIterator()
	for lines.Next() {
		l := lines.Line()
		end := l.Offset + len(l.Text)
		if l.IsMandatoryBreak {
			brk[end] = 2
		} else {
			brk[end] = 1
		}
	}
	graph := sized(sc.graph, n+1)
	sc.graph = graph
	gi := seg.GraphemeIterator()
	for gi.Next() {
		g := gi.Grapheme()
		graph[g.Offset] = true
	}
	graph[n] = true
	for i := 1; i < n; i++ {
		if runOf[i] != runOf[i-1] {
			graph[i] = true // a cluster never spans two runs
		}
	}
	url := markURLs(text, sized(sc.url, n))
	sc.url = url
	ko := markKorean(text, sized(sc.ko, n))
	sc.ko = ko

	p.boxes, p.joints = sc.boxes[:0], sc.joints[:0]
	defer func() { sc.boxes, sc.joints = p.boxes, p.joints }()
	var (
		pendGap    float64 // white space since the last box
		pendSpaced bool
		lastEnd    = -1 // rune index after the last box
	)
	for a := 0; a < n; {
		b := a + 1
		for !graph[b] {
			b++
		}
		allGap := true
		for _, c := range text[a:b] {
			if !isGap(c) {
				allGap = false
				break
			}
		}
		if allGap {
			for _, c := range text[a:b] {
				pendGap += p.spaceWidth(runOf[a], c)
				pendSpaced = true
			}
			a = b
			continue
		}
		for isGap(text[a]) { // white space carrying combining marks: the space is a gap
			pendGap += p.spaceWidth(runOf[a], text[a])
			pendSpaced = true
			a++
		}
		// White space that a cluster ends with (after a prepended mark such
		// as U+0600, UAX #29 makes "\u0600 " one cluster) is a gap too.
		e := b
		for e > a+1 && isGap(text[e-1]) {
			e--
		}
		run := runOf[a]
		end := int32(len(p.runs[run].Text))
		if e < n && runOf[e] == run {
			end = byteOf[e]
		}
		bx := box{run: run, b0: byteOf[a], b1: end, first: text[a], last: text[e-1], size: p.sizes[run]}
		for _, c := range text[a:e] {
			bx.adv += p.advance(run, c)
		}
		p.classify(&bx)
		if lastEnd < 0 {
			for i := 1; i <= a; i++ {
				if brk[i] == 2 {
					p.lead++
				}
			}
		} else {
			prev := &p.boxes[len(p.boxes)-1]
			j := joint{spaced: pendSpaced}
			for i := lastEnd; i <= a; i++ {
				switch brk[i] {
				case 1:
					j.breakable = true
				case 2:
					j.breakable = true
					j.forced++
				}
			}
			p.tailor(&j, prev, &bx, pendGap, url[lastEnd-1] && url[a], ko[lastEnd-1] && ko[a])
			p.joints = append(p.joints, j)
		}
		p.boxes = append(p.boxes, bx)
		pendGap, pendSpaced = 0, false
		for _, c := range text[e:b] {
			pendGap += p.spaceWidth(runOf[e], c)
			pendSpaced = true
		}
		lastEnd = e
		a = b
	}
	if len(p.boxes) > 0 {
		p.joints = append(p.joints, joint{}) // after the last box
	}
}

// spaceWidth is the width of white-space rune c in run.
func (p *para) spaceWidth(run int32, c rune) float64 {
	switch c {
	case '\n', '\r', '\v', '\f', 0x85, 0x2028, 0x2029, 0x200b:
		return 0
	}
	f := p.faces[run]
	if c != ' ' && !f.HasGlyph(c) {
		if c == 0x3000 {
			return p.sizes[run]
		}
		c = ' '
	}
	return p.advance(run, c)
}

// classify fills in the punctuation facts of a box (clreq §3.1.6, jlreq
// §3.1.2–3.1.6): which side of a full-width mark is blank and may be
// trimmed, confirmed against the face's ink so that no ink is ever cut.
func (p *para) classify(b *box) {
	r := b.first
	b.wide = isWide(r)
	b.punct = unicode.IsPunct(r) || unicode.IsSymbol(r)
	if b.first != b.last || b.size <= 0 {
		return // clusters with marks are not compressed
	}
	pc := classOf(r)
	if pc == pcNone {
		return
	}
	f := p.faces[b.run]
	advEm := finite(f.Advance(r))
	if advEm < 0.9 {
		return // a proportional (narrow) glyph: nothing to trim
	}
	b.pc, b.wide = pc, true
	l, rr := f.Ink(r)
	l, rr = finite(l), finite(rr)
	if !(0 <= l && l <= rr && rr <= advEm+eps) {
		return // nonsense ink data: trust nothing
	}
	blankL, blankR := l, advEm-rr
	trim := func(blank, max float64) float64 {
		t := math.Min(blank, max)
		if t < 0.1 {
			return 0
		}
		return t * b.size
	}
	style := p.opt.Punct
	switch pc {
	case pcOpen:
		b.shrL = trim(blankL, advEm/2)
		b.startTrim = true
	case pcClose:
		b.shrR = trim(blankR, advEm/2)
		b.endTrim = true
	case pcStop:
		switch {
		case style == PunctHant:
			// centred marks: never trimmed (clreq §3.1.1, Traditional Chinese)
		case style == PunctJA && (r == '：' || r == '；'):
			b.shrL = trim(blankL, advEm/4) // jlreq cl-05 middle dots
			b.shrR = trim(blankR, advEm/4)
		case style == PunctJA && (r == '？' || r == '！'):
			// jlreq cl-04 dividing punctuation: full width
		default:
			b.shrR = trim(blankR, advEm/2)
			// GB: 。？！ keep their full width at the line end (clreq §3.1.6).
			b.endTrim = style == PunctJA || !isStop(r)
		}
	case pcMiddle:
		if style != PunctHant {
			b.shrL = trim(blankL, advEm/4)
			b.shrR = trim(blankR, advEm/4)
		}
	}
}

// tailor sets the joint between a and b: its spacing, stretch and shrink
// and the tailored break opportunity. inURL tells whether a and b lie in
// one URL; inKorean whether both lie in Korean words (see markKorean): the
// same one, or two with white space between.
func (p *para) tailor(j *joint, a, b *box, gap float64, inURL, inKorean bool) {
	size := math.Max(a.size, b.size)
	switch {
	case gap > 0:
		j.gap, j.strSp, j.shr = gap, gap*spaceStretch, gap*spaceShrink
		if inKorean {
			j.strSp = gap * koreanSpaceStretch
		}
	case a.wide || b.wide:
		if !inKorean {
			j.strCh = size * charStretchEm
		}
		if p.opt.HanLatinSpace && !j.spaced {
			// clreq §3.2.1: a quarter em between Han and Western letters or
			// digits, none next to punctuation.
			if !b.wide && a.wide && isAlnum(b.first) && isHan(a.last) {
				j.gap = a.size * hanLatinGapEm
			} else if !a.wide && b.wide && isAlnum(a.last) && isHan(b.first) {
				j.gap = b.size * hanLatinGapEm
			}
		}
	default:
		j.glued = !j.spaced
		if j.spaced { // zero-width space between narrow characters
			j.strCh = size * charStretchEm
		}
	}
	if j.forced > 0 {
		return
	}
	if !j.spaced {
		// Unicode 17 resolves quotation marks by East Asian context
		// (LB19a); treat full-width “‘ as opening and ”’ as closing
		// punctuation in CJK text (clreq §3.1.7).
		if (b.first == '“' || b.first == '‘') && a.wide {
			j.breakable = true
		}
		if (a.last == '”' || a.last == '’') && b.wide {
			j.breakable = true
		}
		// LB1 resolves CJ to NS (strict); normal kinsoku lets small kana
		// and ー start a line (jlreq §3.1.7, cl-11).
		if !p.opt.StrictKinsoku && isSmallKana(b.first) && a.wide {
			j.breakable = true
		}
		if inKorean {
			j.breakable = false // Korean breaks between words (see markKorean)
		} else if j.breakable && isHangul(a.last) && isHangul(b.first) {
			j.penalty = hangulPenalty
		}
	}
	if inURL {
		// URLs break only after / . - (never before another of them).
		j.breakable = !j.spaced && (a.last == '/' || a.last == '.' || a.last == '-') &&
			b.first != '/' && b.first != '.' && b.first != '-'
		j.penalty = urlPenalty
	} else if a.last == '-' && !a.wide {
		j.penalty = hyphenPenalty
	}
	if noStart(b.first, p.opt.StrictKinsoku) || noEnd(a.last) {
		j.breakable = false // clreq §3.1.7 line start/end prohibition
	}
}

// markURLs marks the runes of URL-like tokens: maximal runs of narrow,
// non-space characters that contain "://" or start with "www.".
func markURLs(text []rune, url []bool) []bool {
	for i := 0; i < len(text); {
		if isGap(text[i]) || isWide(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && !isGap(text[j]) && !isWide(text[j]) {
			j++
		}
		if containsURL(text[i:j]) {
			for k := i; k < j; k++ {
				url[k] = true
			}
		}
		i = j
	}
	return url
}

// markKorean marks the runes of Korean words: maximal runs of non-space
// characters that hold a Hangul syllable or jamo and no full-width stop
// (，。、：；？！ belong to Chinese or Japanese sentences, which are not
// separated by spaces). Korean is set with spaces between words and breaks
// at them only, as with CSS word-break: keep-all: there is no break inside
// such a word (between syllables, after digits as in 2025년, between Hanja
// as in 大韓民國의, after a closing quote as in “서울”은) unless the word
// alone is wider than the measure (an emergency break). Lines are justified
// by widening the spaces between words, not the syllables of a word.
func markKorean(text []rune, ko []bool) []bool {
	for i := 0; i < len(text); {
		if isGap(text[i]) {
			i++
			continue
		}
		j, hangul, stop := i, false, false
		for ; j < len(text) && !isGap(text[j]); j++ {
			hangul = hangul || isHangul(text[j])
			stop = stop || classOf(text[j]) == pcStop
		}
		if hangul && !stop {
			for k := i; k < j; k++ {
				ko[k] = true
			}
		}
		i = j
	}
	return ko
}

func containsURL(t []rune) bool {
	if len(t) >= 4 && t[0] == 'w' && t[1] == 'w' && t[2] == 'w' && t[3] == '.' {
		return true
	}
	for i := 0; i+2 < len(t); i++ {
		if t[i] == ':' && t[i+1] == '/' && t[i+2] == '/' {
			return true
		}
	}
	return false
}

// compressPairs applies the fixed compression of adjacent full-width
// punctuation (clreq §3.1.6; jlreq §3.1.4 and Appendix A): between two
// marks no blank remains, except half an em between a closing or stop mark
// and a following opening one. So 。」 and 」「 take 1.5 em, not 2.
func (p *para) compressPairs() {
	for i := 0; i+1 < len(p.boxes); i++ {
		j := &p.joints[i]
		a, b := &p.boxes[i], &p.boxes[i+1]
		if j.spaced || j.forced > 0 || a.pc == pcNone || b.pc == pcNone || a.pc == pcMiddle || b.pc == pcMiddle {
			continue
		}
		keep := 0.0
		if (a.pc == pcClose || a.pc == pcStop) && b.pc == pcOpen {
			keep = 0.5 * math.Max(a.size, b.size)
		}
		cut := a.shrR + b.shrL - keep
		if cut <= eps {
			continue
		}
		t := math.Min(cut, a.shrR)
		a.pairR += t
		a.shrR -= t
		cut -= t
		t = math.Min(cut, b.shrL)
		b.pairL += t
		b.shrL -= t
	}
}

func (p *para) sums() {
	n := len(p.boxes)
	sc := p.sc
	sc.cumW, sc.cumSp, sc.cumCh = sized(sc.cumW, n+1), sized(sc.cumSp, n+1), sized(sc.cumCh, n+1)
	sc.cumShr, sc.cumMin, sc.cumText = sized(sc.cumShr, n+1), sized(sc.cumMin, n+1), sized(sc.cumText, n+1)
	p.cumW, p.cumSp, p.cumCh, p.cumShr, p.cumMin, p.cumText = sc.cumW, sc.cumSp, sc.cumCh, sc.cumShr, sc.cumMin, sc.cumText
	for i := range p.boxes {
		b, j := &p.boxes[i], &p.joints[i]
		p.cumW[i+1] = p.cumW[i] + b.width() + j.gap
		p.cumSp[i+1] = p.cumSp[i] + j.strSp
		p.cumCh[i+1] = p.cumCh[i] + j.strCh
		shr := b.shrL + b.shrR + j.shr
		p.cumShr[i+1] = p.cumShr[i] + shr
		p.cumMin[i+1] = p.cumMin[i] + b.width() + j.gap - shr
		p.cumText[i+1] = p.cumText[i]
		if !b.punct {
			p.cumText[i+1]++
		}
	}
}

// metrics of a candidate line of boxes [s, e).
type lineMetrics struct {
	nat, strSp, strCh, shr float64
	startTrim, endTrim     float64
	first                  bool
}

func (p *para) measure(s, e, lo int) lineMetrics {
	var m lineMetrics
	last := &p.joints[e-1]
	m.nat = p.cumW[e] - p.cumW[s] - last.gap
	m.strSp = p.cumSp[e] - p.cumSp[s] - last.strSp
	m.strCh = p.cumCh[e] - p.cumCh[s] - last.strCh
	m.shr = p.cumShr[e] - p.cumShr[s] - last.shr
	// clreq §3.1.6: an opening bracket at the start of a line (other than
	// the paragraph's first) and a closing mark at its end are set
	// half-width; the trimmed blank is no longer available as shrink.
	if s != lo && p.boxes[s].startTrim {
		m.startTrim = p.boxes[s].shrL
	}
	if eb := &p.boxes[e-1]; eb.endTrim {
		m.endTrim = eb.shrR
	}
	m.nat -= m.startTrim + m.endTrim
	m.shr -= m.startTrim + m.endTrim
	if s == 0 {
		m.first = true
		m.nat += p.opt.Indent
	}
	return m
}

// badness rates a line: 0 for a perfect fit, growing with the cube of the
// adjustment ratio; ok is false if the line cannot be made to fit.
func badness(m lineMetrics, width float64, ragged bool) (bad, ratio float64, ok bool) {
	diff := width - m.nat
	if diff >= -eps {
		if ragged {
			return 0, 0, true
		}
		str := m.strSp + m.strCh
		if diff <= eps {
			return 0, 0, true
		}
		if str <= eps {
			return 1e6, math.Inf(1), true // cannot be justified: left-aligned
		}
		r := diff / str
		return stretchBadness * r * r * r, r, true
	}
	if m.shr <= eps || -diff > m.shr+eps {
		return 0, 0, false
	}
	r := diff / m.shr
	return shrinkBadness * -r * -r * -r, r, true
}

func fitness(r float64) int {
	switch {
	case r > 1:
		return 0
	case r > 0.5:
		return 1
	case r >= -0.5:
		return 2
	}
	return 3
}

// breakLines splits the boxes at hard breaks and sets each piece.
func (p *para) breakLines() []Line {
	var out []Line
	for i := 0; i < p.lead; i++ {
		out = append(out, Line{Break: BreakForced})
	}
	lo := 0
	for i := range p.joints {
		if p.joints[i].forced > 0 || i == len(p.joints)-1 {
			hi := i + 1
			final := hi == len(p.boxes)
			out = p.setPiece(out, lo, hi, final)
			if !final {
				out[len(out)-1].Break = BreakForced
				for k := 1; k < p.joints[i].forced; k++ {
					out = append(out, Line{Break: BreakForced})
				}
			}
			lo = hi
		}
	}
	return out
}

// setPiece lays out boxes [lo, hi), which have no hard break inside.
func (p *para) setPiece(out []Line, lo, hi int, final bool) []Line {
	W := p.opt.Width
	pos := p.positions(lo, hi)
	// Emergency breaks: a stretch between two legal breaks that cannot fit
	// on any line may break at every cluster boundary.
	added := false
	for k := 0; k+1 < len(pos); k++ {
		s, e := pos[k], pos[k+1]
		min := p.cumMin[e] - p.cumMin[s] - (p.joints[e-1].gap - p.joints[e-1].shr)
		if s == 0 {
			min += p.opt.Indent
		}
		if e-s > 1 && min > W+eps {
			for i := s; i < e-1; i++ {
				p.joints[i].breakable = true
				p.joints[i].emergency = true
				p.joints[i].penalty = emergencyPen
			}
			added = true
		}
	}
	if added {
		pos = p.positions(lo, hi)
	}

	ragged := p.opt.Align != Justify
	const nf = 4
	inf := math.Inf(1)
	dem, from := sized(p.sc.dem, len(pos)*nf), sized(p.sc.from, len(pos)*nf)
	p.sc.dem, p.sc.from = dem, from
	for i := range dem {
		dem[i] = inf
	}
	dem[2] = 0 // start: decent fitness
	// Lines shorter than looseFill of the measure are tried only when no
	// fuller line can end at a break (TeX's tolerance): start is the last
	// break from which the line is at least that full.
	start := 0
	for je := 1; je < len(pos); je++ {
		e := pos[je]
		for start+1 < je && p.cumW[e]-p.cumW[pos[start+1]] >= looseFill*W {
			start++
		}
		first := je - 1
		if e == hi || ragged {
			// ragged lines are never loose
		} else if pos[start] == 0 || p.cumW[e]-p.cumW[pos[start]] >= looseFill*W {
			first = start
		}
		if !p.relax(pos, je, first, lo, hi, ragged, dem, from, false) {
			p.relax(pos, je, je-1, lo, hi, ragged, dem, from, true)
		}
	}
	// Backtrack from the best final state.
	best := len(pos)*nf - nf
	for f := 1; f < nf; f++ {
		if dem[len(pos)*nf-nf+f] < dem[best] {
			best = len(pos)*nf - nf + f
		}
	}
	breaks := p.sc.breaks[:0]
	for st := best; st/nf != 0; st = int(from[st]) {
		breaks = append(breaks, pos[st/nf])
	}
	p.sc.breaks = breaks
	s := lo
	for k := len(breaks) - 1; k >= 0; k-- {
		e := breaks[k]
		out = append(out, p.setLine(s, e, lo, e == hi))
		s = e
	}
	return out
}

// relax computes the best ways to reach break pos[je] from the breaks
// pos[first], pos[first-1], … back to the first one from which the line
// would be overfull; it reports whether pos[je] became reachable. Only with
// all may it take an overfull line, when nothing fits.
func (p *para) relax(pos []int, je, first, lo, hi int, ragged bool, dem []float64, from []int32, all bool) bool {
	const nf = 4
	W := p.opt.Width
	e := pos[je]
	last := e == hi
	var pen float64
	if !last {
		pen = p.joints[e-1].penalty
	}
	reached := false
	found := false
	for is := first; is >= 0 && je-is <= maxWindow; is-- {
		s := pos[is]
		m := p.measure(s, e, lo)
		b, r, ok := badness(m, W, ragged || last)
		extra := 0.0
		if !ok {
			if found || !all {
				break
			}
			extra = overfullDemer // the nearest break, though too wide
		}
		found = found || ok
		if last && s > lo && p.cumText[e]-p.cumText[s] < 2 {
			// No single character on the last line, of the paragraph or
			// before a hard line break, which ends a line of text as
			// much as the paragraph's end does.
			extra += widowDemerits
		}
		d := (linePenalty+b)*(linePenalty+b) + pen*pen + extra
		f := fitness(r)
		for fs := 0; fs < nf; fs++ {
			prev := dem[is*nf+fs]
			if math.IsInf(prev, 1) {
				continue
			}
			t := prev + d
			if fs-f > 1 || f-fs > 1 {
				t += adjDemerits
			}
			if t < dem[je*nf+f] {
				dem[je*nf+f] = t
				from[je*nf+f] = int32(is*nf + fs)
				reached = true
			}
		}
		if !ok {
			break
		}
	}
	return reached
}

// positions lists the legal break positions of boxes [lo, hi): lo, every
// breakable joint, and hi.
func (p *para) positions(lo, hi int) []int {
	pos := append(p.sc.pos[:0], lo)
	defer func() { p.sc.pos = pos }()
	for i := lo; i < hi-1; i++ {
		if p.joints[i].breakable {
			pos = append(pos, i+1)
		}
	}
	pos = append(pos, hi)
	return pos
}

// setLine positions the items of boxes [s, e) on one line.
func (p *para) setLine(s, e, lo int, last bool) Line {
	W := p.opt.Width
	m := p.measure(s, e, lo)
	ln := Line{Break: BreakNormal}
	if last {
		ln.Break = BreakFinal
	} else if p.joints[e-1].emergency {
		ln.Break = BreakEmergency
	}
	justify := p.opt.Align == Justify && !last
	diff := W - m.nat
	var spRatio, chRatio, q float64
	switch {
	case diff > eps && justify:
		str := m.strSp + m.strCh
		switch {
		case str <= eps:
			justify = false
		case diff <= m.strSp:
			// spaces stretch first (Latin text in a CJK line) …
			spRatio = diff / m.strSp
		case m.strCh > eps:
			// … then the inter-character gaps (clreq §3.8)
			spRatio = 1
			chRatio = (diff - m.strSp) / m.strCh
		default:
			spRatio = diff / m.strSp
		}
		ln.Ratio = diff / str
	case diff < -eps && m.shr > eps:
		// shrink = punctuation compression and tighter spaces
		q = math.Min(1, -diff/m.shr)
		ln.Ratio = -q
	}
	ln.Justified = justify

	x := 0.0
	if m.first {
		x = p.opt.Indent
	}
	items := make([]Item, 0, e-s)
	var itemB0 int32
	for i := s; i < e; i++ {
		b := &p.boxes[i]
		tl, tr := b.pairL, b.pairR
		remL, remR := b.shrL, b.shrR
		if i == s && m.startTrim > 0 {
			tl += remL
			remL = 0
		}
		if i == e-1 && m.endTrim > 0 {
			tr += remR
			remR = 0
		}
		tl += q * remL
		tr += q * remR
		w := b.adv - tl - tr
		text := p.runs[b.run].Text
		if i > s && p.joints[i-1].glued && p.boxes[i-1].run == b.run && tl == 0 && len(items) > 0 {
			it := &items[len(items)-1]
			it.Text = text[itemB0:b.b1]
			it.Width += w
		} else {
			items = append(items, Item{X: x - tl, Width: w, Text: text[b.b0:b.b1], Run: int(b.run), LeftTrim: tl})
			itemB0 = b.b0
		}
		x += w
		if i < e-1 {
			j := &p.joints[i]
			x += j.gap + j.strSp*spRatio + j.strCh*chRatio - q*j.shr
		}
	}
	ln.Width = x
	if !justify || last {
		shift := 0.0
		switch p.opt.Align {
		case AlignCenter:
			shift = (W - x) / 2
		case AlignRight:
			shift = W - x
		}
		if shift > 0 {
			for k := range items {
				items[k].X += shift
			}
		}
	}
	ln.Items = items
	return ln
}
