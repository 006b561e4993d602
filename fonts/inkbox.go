package fonts

import "encoding/binary"

// InkY is the vertical extent of r's ink, em above the baseline (bottom
// below top; a descender is negative): from the bounding box in the
// glyph's outline header, as Ink. ok is false for a glyph without ink or
// whose data is unreadable. The PDF draws the doubled dash —— as one rule
// where the face's dash is.
func (f *Face) InkY(r rune) (bottom, top float64, ok bool) {
	h := f.outline(f.glyph(r)) // stored or compressed (rare.go)
	if len(h) < 10 {
		return 0, 0, false
	}
	yMin, yMax := int16(binary.BigEndian.Uint16(h[4:])), int16(binary.BigEndian.Uint16(h[8:]))
	if yMax <= yMin {
		return 0, 0, false
	}
	return float64(yMin) / f.upem, float64(yMax) / f.upem, true
}
