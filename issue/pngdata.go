package issue

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// deflateMaxRatio bounds how far deflate can compress: at best two bits
// for a run of 258 bytes, 1032 to 1.
const deflateMaxRatio = 1032

// checkPNGData reads the chunk headers of the PNG r and reports pixel data that is missing or far too short for the
// image's size: no IDAT chunk, or fewer compressed bytes than the
// smallest deflate stream of width×height pixels. Such a file passes a
// header check, yet its pixels cannot be decoded, and backends that copy
// the compressed data through (PDF, EPUB) would ship a broken image. Only
// chunk headers are read, so the check costs the same for any image size.
func checkPNGData(r io.ReadSeeker, width, height int) error {
	size, err := r.Seek(0, io.SeekEnd)
	if err != nil {
		return err
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return err
	}
	var hdr [8]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil { // the signature
		return err
	}
	pos := int64(8)
	var (
		idat           int64
		bitsPerPixel   int64
		sawIHDR, ended bool
	)
	for !ended {
		if _, err := io.ReadFull(r, hdr[:]); err != nil {
			break // no IEND: truncated() warns of that
		}
		pos += 8
		n := int64(binary.BigEndian.Uint32(hdr[:4]))
		n = min(n, size-pos) // count only the bytes there are
		switch string(hdr[4:8]) {
		case "IHDR":
			var ihdr [13]byte
			if n < 13 {
				return errors.New("IHDR chunk too short")
			}
			if _, err := io.ReadFull(r, ihdr[:]); err != nil {
				return err
			}
			n -= 13 // the Seek below skips the rest of the chunk
			if samples := [...]int64{0: 1, 2: 3, 3: 1, 4: 2, 6: 4}; int(ihdr[9]) < len(samples) {
				bitsPerPixel = samples[ihdr[9]] * int64(ihdr[8]) // by colour type
			}
			sawIHDR = true
		case "IDAT":
			idat += n
		case "IEND":
			ended = true
		}
		if pos, err = r.Seek(n+4, io.SeekCurrent); err != nil { // data and CRC
			return err
		}
	}
	if !sawIHDR {
		return errors.New("no IHDR chunk")
	}
	raw := int64(width) * int64(height) * bitsPerPixel / 8
	const zlibMin = 8 // header, an empty final block, checksum
	if idat < zlibMin || idat < raw/deflateMaxRatio {
		return fmt.Errorf("pixel data missing or cut short: %d bytes of compressed data cannot hold %d×%d pixels", idat, width, height)
	}
	return nil
}
