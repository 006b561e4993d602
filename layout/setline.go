package layout

import "math"

// setLine positions the items of boxes [s, e) on one line.
func (p *para) setLine(s, e, lo int, last bool) Line {
	m := p.measure(s, e, lo)
	ln := Line{Break: BreakNormal}
	if last {
		ln.Break = BreakFinal
	} else if p.joints[e-1].emergency {
		ln.Break = BreakEmergency
	}
	adj := adjust(m, p.opt.Width, p.opt.Align == Justify && !last)
	adj.free, adj.skipAttached = p.freeStretch(s, e, m, adj.ch)
	ln.Ratio, ln.Justified = adj.ratio, adj.justified
	ln.Items, ln.Width = p.items(s, e, m, adj)
	if !adj.justified || last {
		p.align(ln.Items, ln.Width)
	}
	return ln
}

// maxSpaceRatio caps how far word spaces stretch on a line that has
// nothing else to stretch (Korean, Latin text): at most this many times
// their stretch, so a space between Korean words grows to at most four
// times its width (koreanSpaceStretch). A line that would need more is
// left short of the measure, not gapped.
const maxSpaceRatio = 2.0

// adjustment is how a line is brought to its measure.
type adjustment struct {
	sp, ch float64 // fractions of the spaces' and the inter-character stretch used
	// free is the fraction of the inter-character stretch used at a
	// joint that is not attached (see joint.attached): ch, or more when
	// skipAttached gives the attached joints' share to the others.
	free         float64
	skipAttached bool
	shrink       float64 // fraction of the shrink used, 0 to 1
	ratio        float64 // Line.Ratio
	justified    bool
}

// adjust says how a line of metrics m is set in width: a line to justify
// stretches its spaces first (Latin text in a CJK line), then its
// inter-character gaps (clreq §3.8); a line too wide shrinks by
// punctuation compression and tighter spaces. A line that cannot stretch
// is not justified.
func adjust(m lineMetrics, width float64, justify bool) adjustment {
	adj := adjustment{justified: justify}
	diff := width - m.nat
	switch {
	case diff > eps && justify:
		str := m.strSp + m.strCh
		switch {
		case str <= eps:
			adj.justified = false
		case m.strCh <= eps && diff > maxSpaceRatio*m.strSp:
			adj.sp, adj.justified = maxSpaceRatio, false // capped: the line stays short
		case diff <= m.strSp:
			adj.sp = diff / m.strSp
		case m.strCh > eps:
			adj.sp = 1
			adj.ch = (diff - m.strSp) / m.strCh
		default:
			adj.sp = diff / m.strSp
		}
		adj.ratio = diff / str
	case diff < -eps && m.shr > eps:
		adj.shrink = math.Min(1, -diff/m.shr)
		adj.ratio = -adj.shrink
	}
	return adj
}

// items positions the boxes [s, e) of a line of metrics m with the
// adjustment adj and returns them with the width the line takes. Boxes of
// one word (glued, same run, nothing trimmed) become one item.
func (p *para) items(s, e int, m lineMetrics, adj adjustment) ([]Item, float64) {
	x := 0.0
	if m.first {
		x = p.opt.Indent
	}
	items := make([]Item, 0, e-s)
	var itemB0 int32
	for i := s; i < e; i++ {
		b := &p.boxes[i]
		tl, tr := b.pairL, b.pairR
		remL, remR := b.midL, b.midR
		if i == s && m.startTrim > 0 {
			tl += b.shrL
			remL = 0
		}
		if i == e-1 && m.endTrim > 0 {
			tr += b.shrR
			remR = 0
		}
		tl += adj.shrink * remL
		tr += adj.shrink * remR
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
			ch := adj.free
			if j.attached && adj.skipAttached {
				ch = 0
			}
			x += j.gap + j.strSp*adj.sp + j.strCh*ch - adj.shrink*j.shr
		}
	}
	return items, x
}

// freeStretch is the fraction of the inter-character stretch that the
// joints of the line [s, e) of metrics m that are not attached use when
// they take the stretch ch·m.strCh of them all, and whether the attached
// ones are skipped: not when no joint is attached or every one is.
func (p *para) freeStretch(s, e int, m lineMetrics, ch float64) (float64, bool) {
	if ch <= 0 {
		return ch, false
	}
	free := 0.0
	for i := s; i < e-1; i++ {
		if j := &p.joints[i]; !j.attached {
			free += j.strCh
		}
	}
	if free <= eps || free >= m.strCh-eps {
		return ch, false
	}
	return ch * m.strCh / free, true
}

// align moves the items of a line that is not justified, width wide, to
// the right or the centre of the measure as the alignment asks.
func (p *para) align(items []Item, width float64) {
	shift := 0.0
	switch p.opt.Align {
	case AlignCenter:
		shift = (p.opt.Width - width) / 2
	case AlignRight:
		shift = p.opt.Width - width
	}
	if shift > 0 {
		for k := range items {
			items[k].X += shift
		}
	}
}
