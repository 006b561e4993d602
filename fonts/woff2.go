package fonts

import (
	"bytes"
	"encoding/binary"
	"slices"

	"github.com/andybalholm/brotli"
)

// woff2KnownTags are the table tags WOFF2 encodes as a 6-bit index
// (https://www.w3.org/TR/WOFF2/#table_dir_format).
var woff2KnownTags = [...]string{
	"cmap", "head", "hhea", "hmtx", "maxp", "name", "OS/2", "post",
	"cvt ", "fpgm", "glyf", "loca", "prep", "CFF ", "VORG", "EBDT",
	"EBLC", "gasp", "hdmx", "kern", "LTSH", "PCLT", "VDMX", "vhea",
	"vmtx", "BASE", "GDEF", "GPOS", "GSUB", "EBSC", "JSTF", "MATH",
	"CBDT", "CBLC", "COLR", "CPAL", "SVG ", "sbix", "acnt", "avar",
	"bdat", "bloc", "bsln", "cvar", "fdsc", "feat", "fmtx", "fvar",
	"gvar", "hsty", "just", "lcar", "mort", "morx", "opbd", "prop",
	"trak", "Zapf", "Silf", "Glat", "Gloc", "Feat", "Sill",
}

// Brotli settings of WOFF2 output. CJK outlines compress poorly whatever
// the effort: on a 3000-character subset of the body face (1.09 MB of
// TrueType) quality 3 with a 256 KiB window gives 696 KB in 23 ms, quality
// 6 with the default 4 MiB window 645 KB in 116 ms, quality 9 a further
// 2 % in four times that. An export is dominated by this step, so qikan
// takes the fast end: 8 % larger fonts for a fifth of the time.
const (
	woff2Quality = 3
	woff2Window  = 18 // log2 of the window size
)

// encodeWOFF2 wraps a TrueType font in WOFF2 with the null transform for
// every table: the tables are Brotli compressed as they are. (The glyf
// transform of github.com/tdewolff/font mis-encodes hinted composite
// glyphs, which browsers then reject; untransformed tables are always
// valid and cost a little size.)
func encodeWOFF2(ttf []byte) ([]byte, error) {
	flavor, tabs, err := readTables(ttf, 0)
	if err != nil {
		return nil, err
	}
	tabs = slices.DeleteFunc(tabs, func(t sfntTable) bool { return t.tag == "DSIG" })
	slices.SortFunc(tabs, func(a, b sfntTable) int { return cmpString(a.tag, b.tag) })
	// loca follows glyf, as decoders expect.
	for i, t := range tabs {
		if t.tag == "loca" {
			tabs = slices.Delete(tabs, i, i+1)
			for j, u := range tabs {
				if u.tag == "glyf" {
					tabs = slices.Insert(tabs, j+1, t)
					break
				}
			}
			break
		}
	}

	var dir []byte
	sfntSize := 12 + 16*len(tabs)
	var stream bytes.Buffer
	stream.Grow(len(ttf))
	for _, t := range tabs {
		index := slices.Index(woff2KnownTags[:], t.tag)
		transform := byte(0)
		if t.tag == "glyf" || t.tag == "loca" {
			transform = 3 // null transform
		}
		if index < 0 {
			dir = append(dir, transform<<6|63)
			dir = append(dir, t.tag...)
		} else {
			dir = append(dir, transform<<6|byte(index))
		}
		dir = appendBase128(dir, uint32(len(t.data)))
		data := t.data
		if t.tag == "head" && len(data) >= 18 {
			data = slices.Clone(data)
			flags := binary.BigEndian.Uint16(data[16:])
			binary.BigEndian.PutUint16(data[16:], flags|1<<11) // converted losslessly
		}
		stream.Write(data)
		sfntSize += (len(t.data) + 3) &^ 3
	}

	var compressed bytes.Buffer
	compressed.Grow(stream.Len() * 3 / 4) // CJK outlines shrink little
	bw := brotli.NewWriterOptions(&compressed, brotli.WriterOptions{Quality: woff2Quality, LGWin: woff2Window})
	if _, err := bw.Write(stream.Bytes()); err != nil {
		return nil, err
	}
	if err := bw.Close(); err != nil {
		return nil, err
	}

	const headerSize = 48
	length := headerSize + len(dir) + compressed.Len()
	padded := (length + 3) &^ 3
	out := make([]byte, headerSize, padded)
	be := binary.BigEndian
	copy(out, "wOF2")
	be.PutUint32(out[4:], flavor)
	be.PutUint32(out[8:], uint32(padded))
	be.PutUint16(out[12:], uint16(len(tabs)))
	be.PutUint32(out[16:], uint32(sfntSize))
	be.PutUint32(out[20:], uint32(compressed.Len()))
	be.PutUint16(out[24:], 1) // version 1.0 of the font data
	out = append(out, dir...)
	out = append(out, compressed.Bytes()...)
	for len(out) < padded {
		out = append(out, 0)
	}
	return out, nil
}

// appendBase128 appends v as a WOFF2 UIntBase128.
func appendBase128(b []byte, v uint32) []byte {
	var tmp [5]byte
	n := 0
	for {
		tmp[4-n] = byte(v & 0x7F)
		v >>= 7
		n++
		if v == 0 {
			break
		}
	}
	for i := 5 - n; i < 4; i++ {
		tmp[i] |= 0x80
	}
	return append(b, tmp[5-n:]...)
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
