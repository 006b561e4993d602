package layout

import "github.com/qikan-dev/qikan/lang"

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
	// Ruby, when set, is an annotation of Text (its base) set above it at
	// half Size in RubyFace (Face when nil). The run is one box, never
	// broken, as wide as the wider of base and ruby (see RubyLayout);
	// mono ruby is one run per base character. Ruby longer than a base of
	// one character overhangs the kana or punctuation next to it by up to
	// one ruby character (jlreq §3.3.8), never at a line's start or end.
	Ruby     string
	RubyFace Face
	// Object, when above 0, makes the run an object set in the line (an
	// image): one box of that width in the run's unit, whatever its Text
	// (one U+FFFC OBJECT REPLACEMENT CHARACTER, which UAX #14 lets the
	// line break before and after).
	Object float64
}

// PunctStyle selects the punctuation conventions (clreq §3.1.1 / jlreq).
// The language table (lang.For(tag).Punct) says which a language uses.
type PunctStyle = lang.Punct

// Punctuation styles.
const (
	PunctGB   = lang.PunctGB   // zh-Hans, GB/T 15834: 。，、 sit in the lower left
	PunctHant = lang.PunctHant // zh-Hant: punctuation centred
	PunctJA   = lang.PunctJA   // Japanese (jlreq)
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
	// Looseness asks for a paragraph that many lines longer (> 0) or
	// shorter (< 0) than its best breaking, as TeX's \looseness: the
	// make-up uses it to fill a column instead of leaving a widow, an
	// orphan or a gap. It is ignored when no such breaking keeps every
	// line within the measure and reasonably spaced.
	Looseness int
}

// BreakKind tells why a line ended.
type BreakKind int

// Break kinds.
const (
	BreakNormal    BreakKind = iota // at a break opportunity
	BreakForced                     // at a hard line break ("\n")
	BreakFinal                      // last line of the paragraph
	BreakEmergency                  // no legal break fitted: the text was cut where it had to be
)

// Item is a positioned piece of text on a line: X is where its glyphs are
// drawn (pen position from the line's left edge), Width its advance after
// compression. A compressed opening bracket has its blank left half cut
// off: then LeftTrim > 0 and the item occupies [X+LeftTrim, X+LeftTrim+Width]
// (the glyph is still drawn at X with its natural advances; the trimmed part
// is blank). Text is a substring of the source run's Text and never holds
// white space between words: spaces are gaps between items.
type Item struct {
	X        float64
	Width    float64
	Text     string
	Run      int     // index of the source Run
	LeftTrim float64 // blank cut from the left of the glyph box (punctuation compression)
}

// Line is one laid-out line.
type Line struct {
	Items     []Item
	Width     float64 // width used from the left edge, indent included (equals Options.Width for justified lines)
	Justified bool
	Break     BreakKind
	// Ratio is the adjustment applied: > 0 the line was stretched by that
	// fraction of its stretchability, < 0 shrunk (punctuation compression,
	// tighter spaces), 0 set at natural width.
	Ratio float64
}
