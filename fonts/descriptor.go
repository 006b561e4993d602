package fonts

import (
	"encoding/binary"
)

// Descriptor is what a PDF font descriptor (PDF 32000-1 §9.8) says of a
// face beyond its line metrics, in em.
type Descriptor struct {
	// BBox is the box enclosing every glyph: xMin, yMin, xMax, yMax
	// (head table).
	BBox [4]float64
	// CapHeight is the height of flat capitals (OS/2 sCapHeight; the
	// ascent when the table does not say).
	CapHeight float64
	// ItalicAngle is the slant of upright strokes in degrees,
	// counterclockwise from vertical (post table).
	ItalicAngle float64
	// FixedPitch is set when every glyph has the same advance (post).
	FixedPitch bool
}

// Descriptor reads the face's descriptor values from its tables; values a
// table does not hold (or a short table) fall back to the line metrics.
func (f *Face) Descriptor() Descriptor {
	d := Descriptor{BBox: [4]float64{0, -f.descent, 1, f.ascent}, CapHeight: f.ascent}
	_, tabs, err := readTables(f.data, 0)
	if err != nil {
		return d
	}
	be := binary.BigEndian
	s16 := func(b []byte, off int) float64 { return float64(int16(be.Uint16(b[off:]))) / f.upem }
	if head := tableData(tabs, "head"); len(head) >= 44 {
		d.BBox = [4]float64{s16(head, 36), s16(head, 38), s16(head, 40), s16(head, 42)}
	}
	if os2 := tableData(tabs, "OS/2"); len(os2) >= 90 && be.Uint16(os2) >= 2 {
		if c := s16(os2, 88); c > 0 {
			d.CapHeight = c
		}
	}
	if post := tableData(tabs, "post"); len(post) >= 16 {
		d.ItalicAngle = float64(int32(be.Uint32(post[4:]))) / 65536
		d.FixedPitch = be.Uint32(post[12:]) != 0
	}
	return d
}
