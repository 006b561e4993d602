package layout

// Face is what layout needs to know about a font face. All lengths are in em
// (multiples of the font size); *fonts.Face implements it.
type Face interface {
	// Advance is the horizontal advance of r.
	Advance(r rune) float64
	// HasGlyph reports whether the face maps r to a real glyph.
	HasGlyph(r rune) bool
	// Ink is the horizontal extent of r's ink inside its advance box
	// (0 ≤ left ≤ right ≤ Advance(r)); it tells on which side full-width
	// punctuation can be trimmed.
	Ink(r rune) (left, right float64)
}

// Run is a piece of paragraph text in one face and size. Backends map Tag
// back to their own style (bold, link target, …); layout never looks at it.
type Run struct {
	Text string
	Face Face
	Size float64 // points (or any unit; all output lengths use the same unit)
	Tag  int
}

// PunctStyle selects the punctuation conventions (clreq §3.1.1 / jlreq).
type PunctStyle int

// Punctuation styles.
const (
	PunctGB   PunctStyle = iota // zh-Hans, GB/T 15834: 。，、 sit in the lower left
	PunctHant                   // zh-Hant: punctuation centred
	PunctJA                     // Japanese (jlreq)
)

// Align is the alignment of a paragraph's lines.
type Align int

// Alignments. Justify sets every line but the last flush on both sides.
const (
	Justify Align = iota
	AlignLeft
	AlignCenter
	AlignRight
)

// Options control one paragraph's layout.
type Options struct {
	Width         float64    // the measure (line width)
	Indent        float64    // first-line indent, e.g. 2 × font size
	Punct         PunctStyle // punctuation convention
	Align         Align
	HanLatinSpace bool // quarter-em gap between Han and Latin letters/digits
	StrictKinsoku bool // ja: small kana and ー may not start a line
}

// BreakKind tells why a line ended.
type BreakKind int

// Break kinds.
const (
	BreakNormal BreakKind = iota // at a break opportunity
	BreakForced                  // at a hard line break ("\n")
	BreakFinal                   // last line of the paragraph
	BreakEmergency               // no legal break fitted: the text was cut where it had to be
)

// Item is a positioned piece of text on a line: X is its start from the
// line's left edge, Width its advance after compression and letter spacing.
type Item struct {
	X     float64
	Width float64
	Text  string
	Run   int // index of the source Run
}

// Line is one laid-out line.
type Line struct {
	Items     []Item
	Width     float64 // width used (equals Options.Width for justified lines)
	Justified bool
	Break     BreakKind
}
