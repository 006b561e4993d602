package issue

import (
	"bytes"
	"encoding/binary"
	"io"
)

// imageHead is what qikan reads of an image's header beyond its size: the
// EXIF orientation, and what decoding it costs.
type imageHead struct {
	orientation int // EXIF orientation 1–8; 0 when the file has none
	// decode is the memory, in bytes, Go's decoder of the format takes
	// for the whole image: the decoded pixels (YCbCr, RGBA64, …) plus, for
	// a progressive JPEG, its coefficients (four bytes each).
	decode int64
	// plain is set for a JPEG, and for a PNG with 8-bit samples, not
	// interlaced, without alpha channel or transparent colour: images a
	// PDF or EPUB carries as they are, without decoding their pixels.
	plain bool
}

// readImageHead reads the header of the image in r (format "jpeg", "png"
// or "gif", w×h pixels). It reads markers and chunk headers only, never
// pixel data, and at most the first 1 MB of a JPEG (where EXIF and the
// frame header are).
func readImageHead(r io.ReadSeeker, format string, w, h int) imageHead {
	px := int64(w) * int64(h)
	switch format {
	case "jpeg":
		return jpegHead(io.LimitReader(r, 1<<20), px)
	case "png":
		return pngHead(r, px)
	}
	return imageHead{decode: px} // GIF: one byte an index (image.Paletted)
}

// jpegHead reads the markers of a JPEG up to its frame header.
func jpegHead(r io.Reader, px int64) imageHead {
	head := imageHead{plain: true, decode: 3 * px} // 4:4:4 until the frame header says
	br := &byteReader{r: r}
	if br.u8() != 0xff || br.u8() != 0xd8 {
		return head
	}
	for br.err == nil {
		if br.u8() != 0xff {
			return head
		}
		m := br.u8()
		for m == 0xff && br.err == nil { // fill bytes
			m = br.u8()
		}
		if m == 0xd8 || m >= 0xd0 && m <= 0xd7 || m == 0x01 {
			continue // markers without a length
		}
		n := int(br.u16()) - 2
		if n < 0 || br.err != nil {
			return head
		}
		seg := br.bytes(n)
		switch {
		case m == 0xe1 && bytes.HasPrefix(seg, []byte("Exif\x00\x00")) && head.orientation == 0:
			head.orientation = exifOrientation(seg[6:])
		case m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc: // SOFn
			head.decode = jpegDecodeCost(seg, px, m == 0xc2 || m == 0xc6 || m == 0xca || m == 0xce)
			return head
		case m == 0xda || m == 0xd9: // a scan before any frame: not a JPEG we read
			return head
		}
	}
	return head
}

// jpegDecodeCost is the memory image/jpeg takes for a frame header seg:
// one byte per sample of each component at its sampling (an image.YCbCr,
// Gray or CMYK), and for a progressive JPEG four bytes per coefficient
// besides.
func jpegDecodeCost(seg []byte, px int64, progressive bool) int64 {
	if len(seg) < 6 {
		return 3 * px
	}
	nc := int(seg[5])
	if len(seg) < 6+3*nc || nc == 0 {
		return 3 * px
	}
	hmax, vmax := 1, 1
	for i := range nc {
		s := seg[6+3*i+1]
		hmax, vmax = max(hmax, int(s>>4)), max(vmax, int(s&15))
	}
	var samples int64
	for i := range nc {
		s := seg[6+3*i+1]
		h, v := max(int(s>>4), 1), max(int(s&15), 1)
		samples += px * int64(h*v) / int64(hmax*vmax)
	}
	if nc == 4 {
		samples = 4 * px // decoded to image.CMYK
	}
	if progressive {
		return samples + 4*samples
	}
	return samples
}

// pngHead reads the chunk headers of a PNG: IHDR, tRNS and eXIf.
func pngHead(r io.ReadSeeker, px int64) imageHead {
	head := imageHead{decode: 8 * px}
	if _, err := r.Seek(8, io.SeekStart); err != nil {
		return head
	}
	var depth, colour, interlace byte
	for {
		var hdr [8]byte
		if _, err := io.ReadFull(r, hdr[:]); err != nil {
			return head
		}
		n := int64(binary.BigEndian.Uint32(hdr[:4]))
		switch string(hdr[4:8]) {
		case "IHDR":
			var ihdr [13]byte
			if n < 13 {
				return head
			}
			if _, err := io.ReadFull(r, ihdr[:]); err != nil {
				return head
			}
			n -= 13
			depth, colour, interlace = ihdr[8], ihdr[9], ihdr[12]
			head.decode = px * pngModelBytes(depth, colour)
			if interlace != 0 {
				head.decode *= 2 // each pass decoded beside the image
			}
			head.plain = depth == 8 && interlace == 0 && (colour == 0 || colour == 2 || colour == 3)
		case "tRNS":
			head.plain = false
		case "eXIf":
			if n <= 1<<16 {
				data := make([]byte, n)
				if _, err := io.ReadFull(r, data); err != nil {
					return head
				}
				n = 0
				head.orientation = exifOrientation(data)
			}
		case "IDAT", "IEND":
			return head // eXIf and tRNS come before the pixel data
		}
		if _, err := r.Seek(n+4, io.SeekCurrent); err != nil { // data and CRC
			return head
		}
	}
}

// pngModelBytes is the bytes per pixel of the image image/png decodes a
// PNG of this bit depth and colour type into.
func pngModelBytes(depth, colour byte) int64 {
	wide := depth == 16
	switch colour {
	case 0: // grey: Gray or Gray16
		if wide {
			return 2
		}
		return 1
	case 3: // palette: Paletted
		return 1
	}
	if wide { // RGB, grey + alpha, RGBA: RGBA64 or NRGBA64
		return 8
	}
	return 4
}

// exifOrientation returns the Orientation (tag 0x0112) of the first IFD of
// a TIFF structure (an EXIF block), or 0.
func exifOrientation(t []byte) int {
	if len(t) < 8 {
		return 0
	}
	var bo binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 0
	}
	if bo.Uint16(t[2:]) != 42 {
		return 0
	}
	off := int64(bo.Uint32(t[4:]))
	if off < 8 || off+2 > int64(len(t)) {
		return 0
	}
	n := int64(bo.Uint16(t[off:]))
	for i := range n {
		e := off + 2 + 12*i
		if e+12 > int64(len(t)) {
			return 0
		}
		if bo.Uint16(t[e:]) == 0x0112 && bo.Uint16(t[e+2:]) == 3 { // SHORT
			if o := int(bo.Uint16(t[e+8:])); o >= 1 && o <= 8 {
				return o
			}
			return 0
		}
	}
	return 0
}

// byteReader reads big-endian values, remembering the first error.
type byteReader struct {
	r   io.Reader
	err error
	buf [2]byte
}

func (b *byteReader) u8() byte {
	if b.err == nil {
		_, b.err = io.ReadFull(b.r, b.buf[:1])
	}
	return b.buf[0]
}

func (b *byteReader) u16() uint16 {
	if b.err == nil {
		_, b.err = io.ReadFull(b.r, b.buf[:2])
	}
	return binary.BigEndian.Uint16(b.buf[:])
}

// bytes reads n bytes; segments over 64 KB are not possible in a JPEG.
func (b *byteReader) bytes(n int) []byte {
	if b.err != nil || n > 1<<16 {
		b.err = io.ErrUnexpectedEOF
		return nil
	}
	p := make([]byte, n)
	_, b.err = io.ReadFull(b.r, p)
	return p
}
