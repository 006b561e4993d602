package layout

import "math"

// maxLooseRatio is the most a line of a paragraph set loose or tight may
// be stretched, in units of its stretchability (Line.Ratio): beyond it the
// inter-character spaces show.
const maxLooseRatio = 1.5

// loosen sets a paragraph opt.Looseness lines longer or shorter than its
// best breaking. The total-fit search is run with a bonus (or a charge)
// on every line, found by bisection: about the least that gives the
// number of lines asked for. The paragraph's best breaking is returned when no
// bonus gives that number with every line fit (within the measure, not
// cut where no rule allows, stretched at most maxLooseRatio). The
// paragraph is measured once and broken at each bonus the bisection tries
// (about 70 of them): breakLines leaves the measured boxes as they were,
// except that the emergency breaks its first run allows stay allowed, which
// every later run would allow again.
func loosen(runs []Run, opt Options) []Line {
	o := opt
	o.Looseness = 0
	p, release := prepare(runs, o)
	defer release()
	if p == nil {
		return nil
	}
	breakWith := func(bonus float64) []Line {
		p.lineBonus = bonus
		return p.breakLines()
	}
	best := breakWith(0)
	want := len(best) + opt.Looseness
	if want < 1 || len(best) == 0 {
		return best
	}
	sign := 1.0
	if opt.Looseness < 0 {
		sign = -1
	}
	reached := func(n int) bool {
		if sign > 0 {
			return n >= want
		}
		return n <= want
	}
	var found []Line
	lo, hi := 1.0, 1e12
	if !reached(len(breakWith(sign * hi))) {
		return best
	}
	// Bisection on a logarithmic scale: demerits grow as the cube of how
	// loose a line is.
	for hi/lo > 1.5 {
		mid := math.Sqrt(lo * hi)
		lines := breakWith(sign * mid)
		if reached(len(lines)) {
			hi = mid
			if len(lines) == want && fit(lines, o.Width) {
				found = lines
			}
		} else {
			lo = mid
		}
	}
	if found == nil {
		return best
	}
	return found
}

// fit reports whether every line of a paragraph is within the measure,
// broken where a rule allows and not stretched beyond maxLooseRatio.
func fit(lines []Line, width float64) bool {
	for _, l := range lines {
		if l.Width > width+1e-6 || l.Break == BreakEmergency || l.Justified && l.Ratio > maxLooseRatio {
			return false
		}
	}
	return true
}
