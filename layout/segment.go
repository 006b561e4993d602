package layout

import (
	"math"
	"unicode"
	"unicode/utf8"

	"github.com/go-text/typesetting/segmenter"
)

// box is one grapheme cluster of visible text.
type box struct {
	run          int32
	b0, b1       int32 // byte range in the run's text
	first, last  rune
	size         float64
	adv          float64 // natural advance of the cluster
	pairL, pairR float64 // fixed trims from adjacent-punctuation compression
	shrL, shrR   float64 // remaining trimmable blank on each side (at a line's start or end)
	// midL, midR is the blank line adjustment may take from each side in
	// the middle of a line (see limitShrink).
	midL, midR float64
	// capL, capR bound midL, midR where the mark is one of a closing or
	// stop mark and an opening one, which never go below 1.5 em together
	// (compressPairs).
	capL, capR float64
	pc         punctClass
	wide       bool
	startTrim  bool    // set the left blank off at the start of a line
	endTrim    bool    // set the right blank off at the end of a line
	overhang   float64 // how far its ruby may hang over a neighbour (see ruby.go)
	punct      bool
}

func (b *box) width() float64 { return b.adv - b.pairL - b.pairR }

// joint is what lies between box i and box i+1: white space, a Han–Latin
// gap or nothing, and whether the line may break there.
type joint struct {
	gap   float64 // natural width
	strSp float64 // stretch of spaces (used first)
	strCh float64 // inter-character stretch
	// attached: the joint is before a closing bracket or a stop, or
	// after an opening bracket, which setting a line does not space apart
	// from their neighbour while other gaps of the line can take the
	// stretch (jlreq §3.8.3); its strCh still counts for line breaking.
	attached  bool
	shr       float64 // shrink
	spaced    bool    // white space (or a zero-width space) in between
	glued     bool    // narrow–narrow, nothing in between: same word
	breakable bool
	emergency bool
	forced    int // number of hard line breaks in between
	penalty   float64
}

// source is the paragraph's text as one array of runes, with what
// segmenting found in it. Its arrays live in the paragraph's scratch.
type source struct {
	text          []rune
	runOf, byteOf []int32 // each rune's run and byte offset in that run's text
	brk           []uint8 // before text[i]: 1 a break is allowed, 2 mandatory
	graph         []bool  // a grapheme cluster starts at text[i] (and at len(text))
	url, ko       []bool  // text[i] lies in a URL, in a Korean word
}

// build splits the text into boxes (grapheme clusters of visible text)
// and the joints between them.
func (p *para) build() {
	src, ok := p.segment()
	if !ok {
		return
	}
	sc := p.sc
	p.boxes, p.joints = sc.boxes[:0], sc.joints[:0]
	defer func() { sc.boxes, sc.joints = p.boxes, p.joints }()
	var (
		pend    pending // white space since the last box
		lastEnd = -1    // rune index after the last box
	)
	n := len(src.text)
	for a := 0; a < n; {
		b := a + 1
		for !src.graph[b] {
			b++
		}
		if allGap(src.text[a:b]) {
			pend.add(p, src.runOf[a], src.text[a:b])
			a = b
			continue
		}
		for isGap(src.text[a]) { // white space carrying combining marks: the space is a gap
			pend.add(p, src.runOf[a], src.text[a:a+1])
			a++
		}
		// White space that a cluster ends with (after a prepended mark such
		// as U+0600, UAX #29 makes "\u0600 " one cluster) is a gap too.
		e := b
		for e > a+1 && isGap(src.text[e-1]) {
			e--
		}
		bx := p.newBox(&src, a, e)
		if lastEnd < 0 {
			p.lead = src.forcedBreaks(1, a)
		} else {
			p.joints = append(p.joints, p.joint(&src, &p.boxes[len(p.boxes)-1], &bx, lastEnd, a, pend))
		}
		p.boxes = append(p.boxes, bx)
		pend = pending{}
		if e < b {
			pend.add(p, src.runOf[e], src.text[e:b])
		}
		lastEnd = e
		a = b
	}
	if len(p.boxes) > 0 {
		p.joints = append(p.joints, joint{}) // after the last box
	}
}

// segment concatenates the runs and finds in the text its break
// opportunities (UAX #14), grapheme clusters (UAX #29, never across two
// runs), URLs and Korean words. ok is false for a paragraph without text.
func (p *para) segment() (src source, ok bool) {
	n := 0
	for _, r := range p.runs {
		n += utf8.RuneCountInString(r.Text)
	}
	if n == 0 {
		return source{}, false
	}
	sc := p.sc
	text, runOf, byteOf := sc.text[:0], sc.runOf[:0], sc.byteOf[:0]
	for ri, r := range p.runs {
		for bi, c := range r.Text {
			text = append(text, c)
			runOf = append(runOf, int32(ri))
			byteOf = append(byteOf, int32(bi))
		}
	}
	sc.text, sc.runOf, sc.byteOf = text, runOf, byteOf

	var seg segmenter.Segmenter
	seg.Init(text)
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
		graph[gi.Grapheme().Offset] = true
	}
	graph[n] = true
	for i := 1; i < n; i++ {
		switch {
		case runOf[i] != runOf[i-1]:
			graph[i] = true // a cluster never spans two runs
		case p.runs[runOf[i]].Ruby != "":
			graph[i] = false // a ruby run is one box
		}
	}
	sc.url = markURLs(text, sized(sc.url, n))
	sc.ko = markKorean(text, sized(sc.ko, n))
	return source{text: text, runOf: runOf, byteOf: byteOf, brk: brk, graph: graph, url: sc.url, ko: sc.ko}, true
}

// forcedBreaks counts the mandatory breaks at positions from through to.
func (src *source) forcedBreaks(from, to int) int {
	n := 0
	for i := from; i <= to; i++ {
		if src.brk[i] == 2 {
			n++
		}
	}
	return n
}

// pending is the white space met since the last box.
type pending struct {
	width  float64
	spaced bool
}

// add adds the white-space runes cs of run.
func (g *pending) add(p *para, run int32, cs []rune) {
	for _, c := range cs {
		g.width += p.spaceWidth(run, c)
		g.spaced = true
	}
}

// allGap reports whether a cluster is white space only.
func allGap(cs []rune) bool {
	for _, c := range cs {
		if !isGap(c) {
			return false
		}
	}
	return true
}

// newBox makes the box of the visible runes [a, e), measured and
// classified.
func (p *para) newBox(src *source, a, e int) box {
	run := src.runOf[a]
	end := int32(len(p.runs[run].Text))
	if e < len(src.text) && src.runOf[e] == run {
		end = src.byteOf[e]
	}
	bx := box{run: run, b0: src.byteOf[a], b1: end, first: src.text[a], last: src.text[e-1], size: p.sizes[run]}
	r := p.runs[run]
	switch {
	case r.Object > 0:
		bx.adv, bx.wide = finite(r.Object), true
		return bx
	case r.Ruby != "":
		p.rubyBox(&bx)
		return bx
	}
	for _, c := range src.text[a:e] {
		bx.adv += p.advance(run, c)
	}
	p.classify(&bx)
	return bx
}

// joint makes the joint between box prev, whose runes end at lastEnd, and
// box next, whose runes start at a, with the white space gap between.
func (p *para) joint(src *source, prev, next *box, lastEnd, a int, gap pending) joint {
	j := joint{spaced: gap.spaced}
	for i := lastEnd; i <= a; i++ {
		switch src.brk[i] {
		case 1:
			j.breakable = true
		case 2:
			j.breakable = true
			j.forced++
		}
	}
	p.tailor(&j, prev, next, gap.width, src.url[lastEnd-1] && src.url[a], src.ko[lastEnd-1] && src.ko[a])
	overhang(&j, prev, next)
	return j
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
		case style == PunctHant && math.Abs(blankL-blankR) < advEm/4:
			// centred marks: never trimmed (clreq §3.1.1, Traditional
			// Chinese). A font that draws them in the corner (an SC font
			// without zh-Hant forms) is trimmed as the glyphs it draws.
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
			j.attached = b.pc == pcClose || b.pc == pcStop || a.pc == pcOpen
		}
		if p.opt.HanLatinSpace && !j.spaced {
			// clreq §3.2.1: a quarter em between Han and Western letters or
			// digits, none next to punctuation.
			// Korean sets digits and Latin letters against Hangul
			// without one (3권 is one word).
			if !b.wide && a.wide && isAlnum(b.first) && isHan(a.last) && !isHangul(a.last) {
				j.gap = a.size * hanLatinGapEm
			} else if !a.wide && b.wide && isAlnum(a.last) && isHan(b.first) && !isHangul(b.first) {
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
	for i := range p.boxes {
		p.boxes[i].capL, p.boxes[i].capR = math.Inf(1), math.Inf(1)
	}
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
		if cut > eps {
			t := math.Min(cut, a.shrR)
			a.pairR += t
			a.shrR -= t
			cut -= t
			t = math.Min(cut, b.shrL)
			b.pairL += t
			b.shrL -= t
		}
		if keep > 0 {
			// Line adjustment never takes the pair below 1.5 em: ，「
			// and 、“ keep their half em between the marks.
			room := math.Max(0, a.width()+b.width()-3*keep)
			a.capR = math.Min(a.shrR, room)
			b.capL = math.Max(0, room-a.capR)
		}
	}
	p.limitShrink()
}

// midShrinkEm is the most line adjustment may take from the blank of a
// full-width mark in the middle of a line, in em: all of its blank half,
// as clreq §3.1.7 shows (「常迟，午饭之后，」: a publication compresses its
// commas rather than hang punctuation). The total-fit search takes it only
// when the other ways to break are worse: it counts as the whole shrink of
// the line (ratio −1). What is never taken is the half em kept between a
// closing or stop mark and an opening one.
const midShrinkEm = 0.5

// limitShrink sets what line adjustment may take from each mark's blank
// mid-line: at most midShrinkEm, nothing of the half em a pair keeps.
func (p *para) limitShrink() {
	for i := range p.boxes {
		b := &p.boxes[i]
		b.midL = math.Min(math.Min(b.shrL, midShrinkEm*b.size), b.capL)
		b.midR = math.Min(math.Min(b.shrR, midShrinkEm*b.size), b.capR)
	}
}
