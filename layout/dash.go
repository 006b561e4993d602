package layout

// isDash reports whether r is a dash that Chinese doubles into the 2-em
// dash ——: the em dash, the horizontal bar.
func isDash(r rune) bool { return r == '—' || r == '―' }

// dashes sets the doubled dash —— and the doubled ellipsis …… as one
// unbroken, uncompressed piece (clreq §3.1.2, GB/T 15834 §4.11, §4.12):
// each dash of a run of two or more takes a full em even where the face's
// em dash is narrower (a proportional Latin dash, as in Noto CJK), and
// nothing stretches or shrinks between the dashes or the ellipses of a
// run, so the line's justification never opens a gap inside the piece.
// The line never breaks inside it (noStart). A backend draws the run of
// dashes as one continuous rule (see DashRuns).
func (p *para) dashes() {
	for i := 0; i+1 < len(p.boxes); i++ {
		a, b, j := &p.boxes[i], &p.boxes[i+1], &p.joints[i]
		if j.spaced || j.forced > 0 || a.first != a.last || b.first != b.last {
			continue
		}
		switch {
		case isDash(a.first) && isDash(b.first):
			for _, x := range []*box{a, b} {
				x.adv = max(x.adv, x.size)
			}
		case a.first == '…' && b.first == '…':
		default:
			continue
		}
		j.strCh, j.shr, j.strSp = 0, 0, 0
	}
}

// DashRun reports whether an item's text is a doubled dash (two or more
// dashes and nothing else), which a backend draws as one continuous rule
// over the item's Width.
func DashRun(text string) bool {
	n := 0
	for _, r := range text {
		if !isDash(r) {
			return false
		}
		n++
	}
	return n >= 2
}
