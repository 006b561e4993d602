package layout

import (
	"math"
	"sync"
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

	// lineBonus is taken off the demerits of every line: > 0 favours
	// breakings of more lines, < 0 of fewer (Looseness).
	lineBonus float64
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
	if opt.Looseness != 0 {
		return loosen(runs, opt)
	}
	return paragraph(runs, opt, 0)
}

// paragraph is Paragraph with lineBonus taken off the demerits of every
// line (see para.lineBonus).
func paragraph(runs []Run, opt Options, lineBonus float64) []Line {
	p, release := prepare(runs, opt)
	defer release()
	if p == nil {
		return nil
	}
	p.lineBonus = lineBonus
	return p.breakLines()
}

// prepare measures runs as a paragraph ready for breakLines, which may run
// on it any number of times (with another lineBonus each time: loosen);
// nil for a paragraph without boxes. release gives its scratch arrays
// back: neither p nor the arrays may be used after it.
func prepare(runs []Run, opt Options) (p *para, release func()) {
	sc := scratchPool.Get().(*scratch)
	release = func() {
		if len(sc.text) <= maxPooled {
			scratchPool.Put(sc)
		}
	}
	p = &para{runs: runs, opt: opt, sc: sc}
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
		return nil, release
	}
	p.dashes()
	p.compressPairs()
	p.sums()
	return p, release
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
