package pdf

import (
	"math"

	"github.com/qikan-dev/qikan/issue"
)

// ptPerMM converts millimetres to PDF points.
const ptPerMM = 72 / 25.4

// Defaults of the print geometry, mm.
const (
	defaultTrimW   = 210
	defaultTrimH   = 285
	defaultBleed   = 3
	marksMarginMM  = 10 // extra margin outside the bleed that holds crop marks
	marksOffsetMM  = 2  // gap between the bleed edge and the start of a crop mark
	marginTopMM    = 20
	marginBottomMM = 20
	marginInnerMM  = 19
	marginOuterMM  = 15
	columnGapMM    = 6
	headOffsetMM   = 11 // running head baseline from the trim top
	folioOffsetMM  = 11 // folio baseline from the trim bottom
)

// geometry is the page geometry of one PDF. Frames are composed in trim
// coordinates: points, origin at the top-left corner of the trim box, y
// down. Drawing adds origin() to move into the MediaBox.
type geometry struct {
	trimW, trimH float64 // trim size
	bleed        float64 // bleed on every side
	marks        float64 // crop-mark margin outside the bleed (0 without marks)

	top, bottom, inner, outer float64 // margins of the text block
	columns                   int
	colW, colGap              float64 // column width and gap
	// pitch is the baseline grid: the leading of body text. Body lines of
	// every column sit on it, and the text block is a whole number of
	// pitches high (the rest goes into the bottom margin).
	pitch float64
}

// newGeometry computes the geometry from the issue's print settings (mm);
// zero or invalid values take the defaults. The column width is a whole
// number of body characters so that plain Chinese lines need no
// inter-character stretch; the remainder goes into the gutters. The text
// block is a whole number of body lines (leading) high.
func newGeometry(p issue.Print, marks bool, bodySize, leading float64) geometry {
	w, h, b := p.TrimWidth, p.TrimHeight, p.Bleed
	if !(w >= 50 && w <= 2000) {
		w = defaultTrimW
	}
	if !(h >= 50 && h <= 2000) {
		h = defaultTrimH
	}
	if !(b >= 0 && b <= 20) {
		b = defaultBleed
	}
	g := geometry{
		trimW: w * ptPerMM, trimH: h * ptPerMM, bleed: b * ptPerMM,
		top: marginTopMM * ptPerMM, bottom: marginBottomMM * ptPerMM,
		inner: marginInnerMM * ptPerMM, outer: marginOuterMM * ptPerMM,
		columns: p.Columns, pitch: leading,
	}
	if marks {
		g.marks = marksMarginMM * ptPerMM
	}
	// Small pages get proportionally smaller margins.
	if s := math.Min(w/defaultTrimW, h/defaultTrimH); s < 1 {
		g.top, g.bottom, g.inner, g.outer = g.top*s, g.bottom*s, g.inner*s, g.outer*s
	}
	if g.columns < 1 {
		g.columns = 2
	}
	gap := columnGapMM * ptPerMM
	for g.columns > 1 && (g.textWidth()-gap*float64(g.columns-1))/float64(g.columns) < 12*bodySize {
		g.columns-- // too narrow for 12 characters a line
	}
	chars := math.Floor((g.textWidth() - gap*float64(g.columns-1)) / float64(g.columns) / bodySize)
	g.colW = math.Max(chars, 1) * bodySize
	if g.columns > 1 {
		g.colGap = (g.textWidth() - float64(g.columns)*g.colW) / float64(g.columns-1)
	}
	return g
}

// mediaW and mediaH are the size of the MediaBox.
func (g geometry) mediaW() float64 { return g.trimW + 2*(g.bleed+g.marks) }
func (g geometry) mediaH() float64 { return g.trimH + 2*(g.bleed+g.marks) }

// origin is the offset of the trim box from the MediaBox corner.
func (g geometry) origin() float64 { return g.bleed + g.marks }

// textWidth is the width of the text block.
func (g geometry) textWidth() float64 { return g.trimW - g.inner - g.outer }

// textTop and textBottom bound the text block vertically: it holds
// lines() body lines.
func (g geometry) textTop() float64    { return g.top }
func (g geometry) textBottom() float64 { return g.top + float64(g.lines())*g.pitch }

// lines is the number of body lines (grid lines) of the text block.
func (g geometry) lines() int {
	return max(1, int(math.Floor((g.trimH-g.bottom-g.top)/g.pitch+1e-9)))
}

// snap moves y down to the next grid line: the top of a body line.
func (g geometry) snap(y float64) float64 {
	return g.top + math.Ceil((y-g.top)/g.pitch-1e-6)*g.pitch
}

// textHeight is the height of the text block.
func (g geometry) textHeight() float64 { return g.textBottom() - g.textTop() }

// recto reports whether the page with 0-based index i is a right-hand
// page: the cover (index 0) is page 1, a recto.
func recto(i int) bool { return i%2 == 0 }

// textLeft is the left edge of the text block on page i: the inner margin
// lies on the left of a recto and on the right of a verso.
func (g geometry) textLeft(i int) float64 {
	if recto(i) {
		return g.inner
	}
	return g.outer
}

// columnX is the left edge of column c on page i.
func (g geometry) columnX(i, c int) float64 {
	return g.textLeft(i) + float64(c)*(g.colW+g.colGap)
}
