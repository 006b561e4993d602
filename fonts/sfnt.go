package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// This file reads and writes the sfnt table directory only: it lets Load
// pull one face out of a TrueType collection as a standalone font file
// (gopdf reads single fonts only). Glyphs, cmaps and metrics are parsed by
// github.com/go-text/typesetting.

// sfnt version tags.
const (
	tagTrueType   = 0x00010000
	tagAppleTrue  = 0x74727565 // "true"
	tagOpenType   = 0x4F54544F // "OTTO"
	tagCollection = 0x74746366 // "ttcf"
	tagWOFF       = 0x774F4646 // "wOFF"
	tagWOFF2      = 0x774F4632 // "wOF2"
)

// sfntTable is one table of an sfnt font.
type sfntTable struct {
	tag  string
	data []byte
}

var errTruncated = errors.New("truncated or corrupt font data")

// collectionOffsets returns the offsets of the faces of a TrueType
// collection (data starts with "ttcf").
func collectionOffsets(data []byte) ([]uint32, error) {
	if len(data) < 12 || binary.BigEndian.Uint32(data) != tagCollection {
		return nil, errors.New("not a font collection")
	}
	n := binary.BigEndian.Uint32(data[8:])
	if n == 0 || uint64(n)*4 > uint64(len(data)-12) {
		return nil, errTruncated
	}
	offs := make([]uint32, n)
	for i := range offs {
		offs[i] = binary.BigEndian.Uint32(data[12+4*i:])
	}
	return offs, nil
}

// readTables reads the table directory at offset off of data (a single
// font file, or a face of a collection, whose table offsets are relative
// to the start of the file) and returns the sfnt version and the tables.
func readTables(data []byte, off uint32) (uint32, []sfntTable, error) {
	if uint64(off)+12 > uint64(len(data)) {
		return 0, nil, errTruncated
	}
	dir := data[off:]
	version := binary.BigEndian.Uint32(dir)
	n := int(binary.BigEndian.Uint16(dir[4:]))
	if n == 0 || 12+16*n > len(dir) {
		return 0, nil, errTruncated
	}
	tables := make([]sfntTable, 0, n)
	seen := make(map[string]bool, n)
	for i := range n {
		rec := dir[12+16*i:]
		tag := string(rec[:4])
		start := uint64(binary.BigEndian.Uint32(rec[8:]))
		length := uint64(binary.BigEndian.Uint32(rec[12:]))
		if start+length > uint64(len(data)) {
			return 0, nil, fmt.Errorf("table %q runs past the end of the file: %w", tag, errTruncated)
		}
		if seen[tag] {
			return 0, nil, fmt.Errorf("table %q appears twice", tag)
		}
		seen[tag] = true
		tables = append(tables, sfntTable{tag: tag, data: data[start : start+length]})
	}
	return version, tables, nil
}

// tableData returns the data of the table with the tag, in place (no
// copy), or nil when there is none.
func tableData(tables []sfntTable, tag string) []byte {
	for _, t := range tables {
		if t.tag == tag {
			return t.data
		}
	}
	return nil
}

// hasTable reports whether tables holds a table with the tag.
func hasTable(tables []sfntTable, tag string) bool {
	for _, t := range tables {
		if t.tag == tag {
			return true
		}
	}
	return false
}

// writeSFNT writes a standalone font file holding the tables: the table
// directory sorted by tag, each table 4-byte aligned and zero padded, table
// checksums, and head.checkSumAdjustment so that the whole file sums to
// 0xB1B0AFBA.
func writeSFNT(version uint32, tables []sfntTable) []byte {
	sorted := append([]sfntTable(nil), tables...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].tag < sorted[j].tag })

	n := len(sorted)
	entrySelector := 0
	for 1<<(entrySelector+1) <= n {
		entrySelector++
	}
	searchRange := (1 << entrySelector) * 16

	size := 12 + 16*n
	for _, t := range sorted {
		size += (len(t.data) + 3) &^ 3
	}
	out := make([]byte, size)
	binary.BigEndian.PutUint32(out, version)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(searchRange))
	binary.BigEndian.PutUint16(out[8:], uint16(entrySelector))
	binary.BigEndian.PutUint16(out[10:], uint16(n*16-searchRange))

	off := 12 + 16*n
	headOff := -1
	for i, t := range sorted {
		copy(out[off:], t.data)
		if t.tag == "head" && len(t.data) >= 12 {
			headOff = off
			binary.BigEndian.PutUint32(out[off+8:], 0) // checkSumAdjustment
		}
		padded := (len(t.data) + 3) &^ 3
		rec := out[12+16*i:]
		copy(rec, t.tag)
		binary.BigEndian.PutUint32(rec[4:], checksum(out[off:off+padded]))
		binary.BigEndian.PutUint32(rec[8:], uint32(off))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(t.data)))
		off += padded
	}
	if headOff >= 0 {
		binary.BigEndian.PutUint32(out[headOff+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

// checksum is the sfnt table checksum: the sum of big-endian uint32s, the
// data zero padded to a multiple of 4 bytes.
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	if len(b) > 0 {
		var last [4]byte
		copy(last[:], b)
		sum += binary.BigEndian.Uint32(last[:])
	}
	return sum
}

// subsetNames returns a name table holding the records of the given name
// table whose IDs are in keep (in their original order), or nil when name
// is unreadable. Subsets drop the long names (descriptions, sample text), but
// PDF writers need the PostScript name (ID 6) and the OFL wants the
// copyright and licence (IDs 0, 13, 14) to travel with the font.
func subsetNames(name []byte, keep func(id uint16) bool) []byte {
	if len(name) < 6 {
		return nil
	}
	count := int(binary.BigEndian.Uint16(name[2:]))
	storage := int(binary.BigEndian.Uint16(name[4:]))
	if 6+12*count > len(name) || storage > len(name) {
		return nil
	}
	type record struct {
		head [8]byte // platform, encoding, language, name IDs
		str  []byte
	}
	var recs []record
	for i := range count {
		rec := name[6+12*i:]
		id := binary.BigEndian.Uint16(rec[6:])
		length := int(binary.BigEndian.Uint16(rec[8:]))
		off := storage + int(binary.BigEndian.Uint16(rec[10:]))
		if !keep(id) || off+length > len(name) {
			continue
		}
		var r record
		copy(r.head[:], rec[:8])
		r.str = name[off : off+length]
		recs = append(recs, r)
	}
	out := make([]byte, 6+12*len(recs))
	binary.BigEndian.PutUint16(out[2:], uint16(len(recs)))
	binary.BigEndian.PutUint16(out[4:], uint16(len(out)))
	base := len(out)
	for i, r := range recs {
		rec := out[6+12*i:]
		copy(rec, r.head[:])
		binary.BigEndian.PutUint16(rec[8:], uint16(len(r.str)))
		binary.BigEndian.PutUint16(rec[10:], uint16(len(out)-base))
		out = append(out, r.str...)
	}
	return out
}

// withPostScriptName returns the font with a PostScript name (name ID 6)
// added when it has none: PDF writers (gopdf) refuse fonts without one.
// The name is made from fallback, reduced to the characters PostScript
// names allow. A font that has the name, or that cannot be read, is
// returned unchanged.
func withPostScriptName(font []byte, fallback string) []byte {
	version, tabs, err := readTables(font, 0)
	if err != nil {
		return font
	}
	var name []byte
	idx := -1
	for i, t := range tabs {
		if t.tag == "name" {
			name, idx = t.data, i
		}
	}
	if len(name) >= 6 {
		count := int(binary.BigEndian.Uint16(name[2:]))
		for i := 0; i < count && 6+12*i+12 <= len(name); i++ {
			if binary.BigEndian.Uint16(name[6+12*i+6:]) == 6 {
				return font
			}
		}
	} else {
		name = []byte{0, 0, 0, 0, 0, 6} // empty format 0 table
	}
	ps := PostScriptName(fallback)
	kept := subsetNames(name, func(uint16) bool { return true })
	if kept == nil {
		kept = []byte{0, 0, 0, 0, 0, 6}
	}
	// Append a Windows Unicode BMP, US English record for ID 6.
	count := int(binary.BigEndian.Uint16(kept[2:]))
	storage := int(binary.BigEndian.Uint16(kept[4:]))
	strs := kept[storage:]
	var str []byte
	for _, c := range ps {
		str = binary.BigEndian.AppendUint16(str, uint16(c))
	}
	out := make([]byte, 0, len(kept)+12+len(str))
	out = append(out, kept[:6+12*count]...)
	out = binary.BigEndian.AppendUint16(out, 3)     // platform Windows
	out = binary.BigEndian.AppendUint16(out, 1)     // Unicode BMP
	out = binary.BigEndian.AppendUint16(out, 0x409) // en-US
	out = binary.BigEndian.AppendUint16(out, 6)
	out = binary.BigEndian.AppendUint16(out, uint16(len(str)))
	out = binary.BigEndian.AppendUint16(out, uint16(len(strs)))
	binary.BigEndian.PutUint16(out[2:], uint16(count+1))
	binary.BigEndian.PutUint16(out[4:], uint16(6+12*(count+1)))
	out = append(out, strs...)
	out = append(out, str...)
	if idx >= 0 {
		tabs[idx].data = out
	} else {
		tabs = append(tabs, sfntTable{tag: "name", data: out})
	}
	return writeSFNT(version, tabs)
}

// PostScriptName turns a face name into a PostScript name: the printable
// ASCII of s that PostScript names allow, and no # (which PDF names would
// have to escape), at most 63 characters; spaces become hyphens;
// "QikanFont" when nothing is left. The PDF's font names and the name a
// subset is given when its font has none are made by it.
func PostScriptName(s string) string {
	var b []byte
	for _, c := range s {
		switch {
		case c == ' ':
			b = append(b, '-')
		case c > 32 && c < 127 && !strings.ContainsRune("[](){}<>/%#", c):
			b = append(b, byte(c))
		}
		if len(b) == 63 {
			break
		}
	}
	if len(b) == 0 {
		return "QikanFont"
	}
	return string(b)
}
