package layout

import "math"

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
		shr := b.midL + b.midR + j.shr
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
		m.shr -= p.boxes[s].midL
	}
	if eb := &p.boxes[e-1]; eb.endTrim {
		m.endTrim = eb.shrR
		m.shr -= eb.midR
	}
	m.nat -= m.startTrim + m.endTrim
	// The first line of the paragraph, and of every piece after a hard
	// break (a poem's lines, an address), is indented alike.
	if s == lo {
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
			out = p.setPiece(out, lo, hi)
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
func (p *para) setPiece(out []Line, lo, hi int) []Line {
	pos := p.positions(lo, hi)
	if p.allowEmergency(pos) {
		pos = p.positions(lo, hi)
	}
	breaks := p.choose(pos, lo, hi)
	s := lo
	for k := len(breaks) - 1; k >= 0; k-- {
		e := breaks[k]
		out = append(out, p.setLine(s, e, lo, e == hi))
		s = e
	}
	return out
}

// allowEmergency lets a stretch between two legal breaks that cannot fit
// on any line break at every cluster boundary, at a high penalty; it
// reports whether it found such a stretch.
func (p *para) allowEmergency(pos []int) bool {
	added := false
	for k := 0; k+1 < len(pos); k++ {
		s, e := pos[k], pos[k+1]
		min := p.cumMin[e] - p.cumMin[s] - (p.joints[e-1].gap - p.joints[e-1].shr)
		if k == 0 {
			min += p.opt.Indent
		}
		if e-s > 1 && min > p.opt.Width+eps {
			for i := s; i < e-1; i++ {
				p.joints[i].breakable = true
				p.joints[i].emergency = true
				p.joints[i].penalty = emergencyPen
			}
			added = true
		}
	}
	return added
}

// nf is the number of fitness classes (see fitness).
const nf = 4

// search is the state of the total-fit search over the legal breaks pos
// of one piece, boxes [lo, hi). A state k*nf+f is "at break pos[k], the
// line before it of fitness class f": dem holds the least total demerits
// of reaching it, from the state that way came from.
type search struct {
	pos    []int
	lo, hi int
	ragged bool // lines are not justified: badness is never from stretching
	dem    []float64
	from   []int32
}

// choose returns the breaks of the best way through the piece, last first.
func (p *para) choose(pos []int, lo, hi int) []int {
	W := p.opt.Width
	sr := &search{pos: pos, lo: lo, hi: hi, ragged: p.opt.Align != Justify}
	sr.dem, sr.from = sized(p.sc.dem, len(pos)*nf), sized(p.sc.from, len(pos)*nf)
	p.sc.dem, p.sc.from = sr.dem, sr.from
	for i := range sr.dem {
		sr.dem[i] = math.Inf(1)
	}
	sr.dem[2] = 0 // start: decent fitness
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
		if e == hi || sr.ragged {
			// ragged lines are never loose
		} else if pos[start] == 0 || p.cumW[e]-p.cumW[pos[start]] >= looseFill*W {
			first = start
		}
		if !p.relax(sr, je, first, false) {
			p.relax(sr, je, je-1, true)
		}
	}
	// Backtrack from the best final state.
	last := len(pos)*nf - nf
	best := last
	for f := 1; f < nf; f++ {
		if sr.dem[last+f] < sr.dem[best] {
			best = last + f
		}
	}
	breaks := p.sc.breaks[:0]
	for st := best; st/nf != 0; st = int(sr.from[st]) {
		breaks = append(breaks, pos[st/nf])
	}
	p.sc.breaks = breaks
	return breaks
}

// relax computes the best ways to reach break pos[je] from the breaks
// pos[first], pos[first-1], … back to the first one from which the line
// would be overfull; it reports whether pos[je] became reachable. Only with
// all may it take an overfull line, when nothing fits.
func (p *para) relax(sr *search, je, first int, all bool) bool {
	e := sr.pos[je]
	last := e == sr.hi
	var pen float64
	if !last {
		pen = p.joints[e-1].penalty
	}
	reached := false
	found := false
	for is := first; is >= 0 && je-is <= maxWindow; is-- {
		s := sr.pos[is]
		m := p.measure(s, e, sr.lo)
		b, r, ok := badness(m, p.opt.Width, sr.ragged || last)
		extra := 0.0
		if !ok {
			if found || !all {
				break
			}
			extra = overfullDemer // the nearest break, though too wide
		}
		found = found || ok
		if last && s > sr.lo && p.cumText[e]-p.cumText[s] < 2 {
			// No single character on the last line, of the paragraph or
			// before a hard line break, which ends a line of text as
			// much as the paragraph's end does.
			extra += widowDemerits
		}
		d := (linePenalty+b)*(linePenalty+b) + pen*pen + extra - p.lineBonus
		f := fitness(r)
		for fs := 0; fs < nf; fs++ {
			prev := sr.dem[is*nf+fs]
			if math.IsInf(prev, 1) {
				continue
			}
			t := prev + d
			if fs-f > 1 || f-fs > 1 {
				t += adjDemerits
			}
			if t < sr.dem[je*nf+f] {
				sr.dem[je*nf+f] = t
				sr.from[je*nf+f] = int32(is*nf + fs)
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
