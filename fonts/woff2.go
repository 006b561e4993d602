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

// Brotli settings of WOFF2 output, which EPUBs get when asked for smaller
// files (--epub-fonts woff2; TrueType is the default). On a web subset of
// 3,000 characters of the embedded serif (glyf transformed), window 22:
// quality 3 gives 639 KB in 150 ms, quality 5 613 KB in 250 ms, quality 7
// 609 KB in 300 ms, quality 9 596 KB in 860 ms (a busy 2-core machine).
// qikan takes quality 5: 4 % smaller than 3, for a tenth of a second per
// face, subset in parallel with the rest of the export.
const (
	woff2Quality = 5
	woff2Window  = 22 // log2 of the window size
)

// encodeWOFF2 wraps a TrueType font in WOFF2: glyf and loca with the glyf
// transform (woff2glyf.go; github.com/tdewolff/font's mis-encodes hinted
// composite glyphs, which browsers then reject), or with the null
// transform when an outline cannot be transformed; every other table as
// it is. All are then Brotli compressed together.
func encodeWOFF2(ttf []byte) ([]byte, error) {
	flavor, tabs, err := readTables(ttf, 0)
	if err != nil {
		return nil, err
	}
	transformed := transformedGlyf(tabs)
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
		transform := byte(0) // glyf and loca: transformed
		if (t.tag == "glyf" || t.tag == "loca") && transformed == nil {
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
		switch {
		case transformed != nil && t.tag == "glyf":
			data = transformed
			dir = appendBase128(dir, uint32(len(data)))
		case transformed != nil && t.tag == "loca":
			data = nil
			dir = appendBase128(dir, 0)
		}
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
	// The window need not be larger than the data (a small font then
	// costs no 4 MiB of hash tables).
	window := 16
	for window < woff2Window && 1<<window < stream.Len() {
		window++
	}
	bw := brotli.NewWriterOptions(&compressed, brotli.WriterOptions{Quality: woff2Quality, LGWin: window})
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

// transformedGlyf returns the transformed glyf table of the font's tables,
// or nil when they cannot be transformed.
func transformedGlyf(tabs []sfntTable) []byte {
	head, maxp, glyf := tableData(tabs, "head"), tableData(tabs, "maxp"), tableData(tabs, "glyf")
	loca := tableData(tabs, "loca")
	if len(head) < 54 || len(maxp) < 6 || glyf == nil || loca == nil {
		return nil
	}
	n := int(binary.BigEndian.Uint16(maxp[4:]))
	format := binary.BigEndian.Uint16(head[50:])
	size := 2
	if format == 1 {
		size = 4
	}
	if len(loca) != size*(n+1) {
		return nil
	}
	offsets, err := locaOffsets(loca, n, format == 1, len(glyf))
	if err != nil {
		return nil
	}
	out, err := transformGlyf(glyf, offsets, n, format)
	if err != nil {
		return nil
	}
	return out
}
