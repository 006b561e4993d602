package fonts

import "encoding/binary"

// InkY is the vertical extent of r's ink, em above the baseline (bottom
// below top; a descender is negative): from the bounding box in the
// glyph's outline header, as Ink. ok is false for a glyph without ink or
// whose data is unreadable. The PDF draws the doubled dash —— as one rule
// where the face's dash is.
func (f *Face) InkY(r rune) (bottom, top float64, ok bool) {
	g := int(f.glyph(r))
	if g+1 >= len(f.loca) {
		return 0, 0, false
	}
	start, end := f.loca[g], f.loca[g+1]
	if end <= start || end-start < 10 || uint64(end) > uint64(len(f.glyf)) {
		return 0, 0, false
	}
	h := f.glyf[start:]
	yMin, yMax := int16(binary.BigEndian.Uint16(h[4:])), int16(binary.BigEndian.Uint16(h[8:]))
	if yMax <= yMin {
		return 0, 0, false
	}
	return float64(yMin) / f.upem, float64(yMax) / f.upem, true
}
