package fonts

import (
	"encoding/binary"
	"errors"
)

// The WOFF2 glyf transform (https://www.w3.org/TR/WOFF2/#glyf_table_format):
// the outlines are split into streams of like data (contour counts, point
// counts, flags, coordinate deltas in a variable-length "triplet"
// encoding, composite records, bounding boxes, instructions), which
// Brotli then compresses a fifth to a quarter better than the glyf table
// itself; loca is left out, the decoder rebuilds it. Bounding boxes are
// written only where they differ from the points' own. The decoder
// rebuilds an equivalent glyf (the same points, contours, instructions
// and components, the flags packed its own way).

// errGlyfTransform reports an outline the transform cannot hold; the
// caller then writes glyf and loca untransformed.
var errGlyfTransform = errors.New("outline cannot be transformed")

// glyfStreams are the parts of a transformed glyf table.
type glyfStreams struct {
	numGlyphs                                                                int
	nContour, nPoints, flag, glyph, composite, bboxBitmap, bbox, instruction []byte
	overlap                                                                  []byte // overlapSimpleBitmap, nil when no glyph sets OVERLAP_SIMPLE
}

// transformGlyf returns the transformed glyf table of a font's glyf and
// loca tables (numGlyphs glyphs, indexFormat of head).
func transformGlyf(glyf []byte, loca []uint32, numGlyphs int, indexFormat uint16) ([]byte, error) {
	s := &glyfStreams{numGlyphs: numGlyphs, bboxBitmap: make([]byte, 4*((numGlyphs+31)/32))}
	for g := range numGlyphs {
		if err := s.add(g, glyf[loca[g]:loca[g+1]]); err != nil {
			return nil, err
		}
	}
	be := binary.BigEndian
	out := be.AppendUint16(nil, 0) // reserved
	options := uint16(0)
	if s.overlap != nil {
		options = 1
	}
	out = be.AppendUint16(out, options)
	out = be.AppendUint16(out, uint16(numGlyphs))
	out = be.AppendUint16(out, indexFormat)
	for _, stream := range [][]byte{s.nContour, s.nPoints, s.flag, s.glyph, s.composite} {
		out = be.AppendUint32(out, uint32(len(stream)))
	}
	out = be.AppendUint32(out, uint32(len(s.bboxBitmap)+len(s.bbox)))
	out = be.AppendUint32(out, uint32(len(s.instruction)))
	for _, stream := range [][]byte{s.nContour, s.nPoints, s.flag, s.glyph, s.composite, s.bboxBitmap, s.bbox, s.instruction, s.overlap} {
		out = append(out, stream...)
	}
	return out, nil
}

// add appends glyph g's outline to the streams.
func (s *glyfStreams) add(g int, o []byte) error {
	be := binary.BigEndian
	if len(o) < 10 {
		if len(o) != 0 {
			return errGlyfTransform
		}
		s.nContour = be.AppendUint16(s.nContour, 0)
		return nil
	}
	contours := int16(be.Uint16(o))
	s.nContour = be.AppendUint16(s.nContour, uint16(contours))
	switch {
	case contours == 0:
		return nil // a header without contours: empty
	case contours < 0:
		return s.addComposite(g, o)
	}
	return s.addSimple(g, o, int(contours))
}

// setBbox writes the glyph's bounding box explicitly.
func (s *glyfStreams) setBbox(g int, o []byte) {
	s.bboxBitmap[g/8] |= 0x80 >> (g % 8)
	s.bbox = append(s.bbox, o[2:10]...)
}

// addSimple appends a simple outline of n contours.
func (s *glyfStreams) addSimple(g int, o []byte, n int) error {
	be := binary.BigEndian
	if len(o) < 10+2*n+2 {
		return errGlyfTransform
	}
	points := 0
	for i := range n {
		end := int(be.Uint16(o[10+2*i:])) + 1
		if end <= points { // a contour without points, or out of order
			return errGlyfTransform
		}
		s.nPoints = append255UInt16(s.nPoints, end-points)
		points = end
	}
	at := 10 + 2*n
	insLen := int(be.Uint16(o[at:]))
	at += 2
	if at+insLen > len(o) {
		return errGlyfTransform
	}
	instructions := o[at : at+insLen]
	at += insLen
	// Flags, with their repeats expanded.
	flags := make([]byte, 0, points)
	for len(flags) < points {
		if at >= len(o) {
			return errGlyfTransform
		}
		f := o[at]
		at++
		flags = append(flags, f)
		if f&0x08 != 0 { // REPEAT_FLAG
			if at >= len(o) {
				return errGlyfTransform
			}
			for k := int(o[at]); k > 0 && len(flags) < points; k-- {
				flags = append(flags, f)
			}
			at++
		}
	}
	if flags[0]&0x40 != 0 { // OVERLAP_SIMPLE
		if s.overlap == nil {
			s.overlap = make([]byte, (s.numGlyphs+7)/8)
		}
		s.overlap[g/8] |= 0x80 >> (g % 8)
	}
	// Coordinates: x then y, each relative to the point before.
	read := func(short, same byte) ([]int, error) {
		out := make([]int, points)
		for i, f := range flags {
			switch {
			case f&short != 0:
				if at >= len(o) {
					return nil, errGlyfTransform
				}
				d := int(o[at])
				at++
				if f&same == 0 {
					d = -d
				}
				out[i] = d
			case f&same != 0:
				out[i] = 0
			default:
				if at+2 > len(o) {
					return nil, errGlyfTransform
				}
				out[i] = int(int16(be.Uint16(o[at:])))
				at += 2
			}
		}
		return out, nil
	}
	dx, err := read(0x02, 0x10)
	if err != nil {
		return err
	}
	dy, err := read(0x04, 0x20)
	if err != nil {
		return err
	}
	x, y := 0, 0
	xMin, yMin, xMax, yMax := 0, 0, 0, 0
	for i := range flags {
		s.appendTriplet(dx[i], dy[i], flags[i]&0x01 != 0)
		x, y = x+dx[i], y+dy[i]
		if i == 0 {
			xMin, xMax, yMin, yMax = x, x, y, y
		}
		xMin, xMax, yMin, yMax = min(xMin, x), max(xMax, x), min(yMin, y), max(yMax, y)
	}
	header := [4]int{int(int16(be.Uint16(o[2:]))), int(int16(be.Uint16(o[4:]))), int(int16(be.Uint16(o[6:]))), int(int16(be.Uint16(o[8:])))}
	if header != [4]int{xMin, yMin, xMax, yMax} {
		s.setBbox(g, o)
	}
	s.glyph = append255UInt16(s.glyph, insLen)
	s.instruction = append(s.instruction, instructions...)
	return nil
}

// addComposite appends a composite outline: its component records as
// they are, its bounding box, its instructions.
func (s *glyfStreams) addComposite(g int, o []byte) error {
	be := binary.BigEndian
	at := 10
	instructions := false
	for {
		if at+4 > len(o) {
			return errGlyfTransform
		}
		flags := be.Uint16(o[at:])
		n := componentLength(flags)
		if at+n > len(o) {
			return errGlyfTransform
		}
		at += n
		instructions = flags&haveInstruction != 0
		if flags&moreComponents == 0 {
			break
		}
	}
	s.composite = append(s.composite, o[10:at]...)
	s.setBbox(g, o)
	if instructions {
		if at+2 > len(o) {
			return errGlyfTransform
		}
		n := int(be.Uint16(o[at:]))
		if at+2+n > len(o) {
			return errGlyfTransform
		}
		s.glyph = append255UInt16(s.glyph, n)
		s.instruction = append(s.instruction, o[at+2:at+2+n]...)
	}
	return nil
}

// appendTriplet appends a point's flag and coordinate deltas in the
// shortest of the transform's encodings.
func (s *glyfStreams) appendTriplet(dx, dy int, onCurve bool) {
	ax, ay := abs(dx), abs(dy)
	sign := byte(0)
	if dx >= 0 {
		sign |= 1
	}
	if dy >= 0 {
		sign |= 2
	}
	var flag byte
	var data []byte
	switch {
	case dx == 0 && ay < 1280:
		flag, data = byte(ay>>8)<<1|sign>>1, []byte{byte(ay)}
	case dy == 0 && ax < 1280:
		flag, data = 10+byte(ax>>8)<<1|sign&1, []byte{byte(ax)}
	case ax >= 1 && ax <= 64 && ay >= 1 && ay <= 64:
		x, y := ax-1, ay-1
		flag = 20 + byte(x&0x30) + byte(y&0x30)>>2 + sign
		data = []byte{byte(x&0x0F)<<4 | byte(y&0x0F)}
	case ax >= 1 && ax <= 768 && ay >= 1 && ay <= 768:
		x, y := ax-1, ay-1
		flag = 84 + byte(x>>8)*12 + byte(y>>8)<<2 + sign
		data = []byte{byte(x), byte(y)}
	case ax < 4096 && ay < 4096:
		flag = 120 + sign
		data = []byte{byte(ax >> 4), byte(ax&0x0F)<<4 | byte(ay>>8), byte(ay)}
	default:
		flag = 124 + sign
		data = []byte{byte(ax >> 8), byte(ax), byte(ay >> 8), byte(ay)}
	}
	if !onCurve {
		flag |= 0x80
	}
	s.flag = append(s.flag, flag)
	s.glyph = append(s.glyph, data...)
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// append255UInt16 appends v in WOFF2's 255UInt16 encoding.
func append255UInt16(b []byte, v int) []byte {
	switch {
	case v < 253:
		return append(b, byte(v))
	case v < 506:
		return append(b, 255, byte(v-253))
	case v < 759:
		return append(b, 254, byte(v-506))
	}
	return append(b, 253, byte(v>>8), byte(v))
}
