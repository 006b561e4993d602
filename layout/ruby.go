package layout

import (
	"math"
	"unicode/utf8"

	"github.com/qikan-dev/qikan/lang"
)

// Ruby (jlreq §3.3). A run with ruby is one box: its width is the wider of
// the base and the ruby (set at half the base's size). Where the ruby is
// the wider, the base is spread over the box, and where the base is, the
// ruby is: a single character centred, several with the space between
// characters twice that at either end (jlreq's 1:2:1). The ruby of a
// one-character base (mono ruby) may hang over a neighbouring kana or
// punctuation mark by up to one ruby character on each side, never over a
// Han character: the joint between them is narrowed by the overhang, and
// vanishes with it when the line breaks there.

// rubyScale is the size of ruby relative to its base.
const rubyScale = 0.5

// RubyLayout is where the characters of a ruby item go, relative to the
// item's X (see Item): the base starts at BaseX with BaseSpacing added
// after each of its characters, the ruby at RubyX with RubySpacing, in
// RubySize.
type RubyLayout struct {
	BaseX, BaseSpacing float64
	RubyX, RubySpacing float64
	RubySize           float64
}

// RubyLayout lays out the base and ruby of run r in a box width wide (the
// Width of its item).
func (r Run) RubyLayout(width float64) RubyLayout {
	l := RubyLayout{RubySize: r.Size * rubyScale}
	base, ruby := r.baseWidth(), r.rubyWidth()
	l.BaseX, l.BaseSpacing = spread(width, base, utf8.RuneCountInString(r.Text))
	l.RubyX, l.RubySpacing = spread(width, ruby, utf8.RuneCountInString(r.Ruby))
	return l
}

// spread places text of natural width w and n characters in a box: one
// character centred, several 1:2:1.
func spread(box, w float64, n int) (x, spacing float64) {
	free := math.Max(0, box-w)
	if n <= 1 {
		return free / 2, 0
	}
	spacing = free / float64(n)
	return spacing / 2, spacing
}

func (r Run) face() Face {
	if r.Face == nil {
		return fallbackFace{}
	}
	return r.Face
}

func (r Run) rubyFace() Face {
	if r.RubyFace != nil {
		return r.RubyFace
	}
	return r.face()
}

// baseWidth and rubyWidth are the natural widths of base and ruby.
func (r Run) baseWidth() float64 { return textWidth(r.face(), r.Text) * finiteSize(r.Size) }

func (r Run) rubyWidth() float64 {
	return textWidth(r.rubyFace(), r.Ruby) * finiteSize(r.Size) * rubyScale
}

func textWidth(f Face, s string) float64 {
	w := 0.0
	for _, c := range s {
		if !isZeroWidth(c) {
			w += math.Max(0, finite(f.Advance(c)))
		}
	}
	return w
}

func finiteSize(s float64) float64 { return math.Max(0, finite(s)) }

// rubyBox sets the advance of a box that holds a whole ruby run, and how
// far its ruby may hang over each neighbour.
func (p *para) rubyBox(b *box) {
	r := p.runs[b.run]
	base, ruby := r.baseWidth(), r.rubyWidth()
	b.adv = math.Max(base, ruby)
	b.wide, b.punct = true, false
	if ruby > base && utf8.RuneCountInString(r.Text) == 1 {
		b.overhang = math.Min((ruby-base)/2, finiteSize(r.Size)*rubyScale)
	}
}

// overhang narrows the joint between boxes a and b, set side by side with
// nothing between, by the ruby of one hanging over the other where that
// one is kana or punctuation.
func overhang(j *joint, a, b *box) {
	if j.gap != 0 || j.spaced || j.forced > 0 {
		return
	}
	ov := 0.0
	if a.overhang > 0 && canBearRuby(b.first) {
		ov += a.overhang
	}
	if b.overhang > 0 && canBearRuby(a.last) {
		ov += b.overhang
	}
	j.gap -= ov
}

// canBearRuby reports whether ruby may hang over r: kana and punctuation,
// not Han characters (jlreq §3.3.8).
func canBearRuby(r rune) bool {
	return isKana(r) || classOf(r) != pcNone
}

func isKana(r rune) bool { return lang.ScriptOf(r) == lang.Kana }
