package fonts

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/andybalholm/brotli"
)

// decodeWOFF2 is a reference decoder for WOFF2 files whose tables all use
// the null transform (what encodeWOFF2 writes): it checks the header and
// directory and returns the font as TrueType.
func decodeWOFF2(b []byte) ([]byte, error) {
	be := binary.BigEndian
	if len(b) < 48 || string(b[:4]) != "wOF2" {
		return nil, errors.New("no WOFF2 signature")
	}
	if int(be.Uint32(b[8:])) != len(b) || len(b)%4 != 0 {
		return nil, fmt.Errorf("length field %d, file %d bytes", be.Uint32(b[8:]), len(b))
	}
	n := int(be.Uint16(b[12:]))
	compLen := int(be.Uint32(b[20:]))
	pos := 48
	type entry struct {
		tag    string
		length int
	}
	var dir []entry
	for range n {
		flags := b[pos]
		pos++
		tag := ""
		if flags&63 == 63 {
			tag = string(b[pos : pos+4])
			pos += 4
		} else {
			tag = woff2KnownTags[flags&63]
		}
		transform := flags >> 6
		if (tag == "glyf" || tag == "loca") && transform != 3 || tag != "glyf" && tag != "loca" && transform != 0 {
			return nil, fmt.Errorf("%s: transform %d, want the null transform", tag, transform)
		}
		var v uint32
		for i := 0; ; i++ {
			if i == 5 || (i == 0 && b[pos] == 0x80) {
				return nil, errors.New("bad UIntBase128")
			}
			c := b[pos]
			pos++
			v = v<<7 | uint32(c&0x7F)
			if c&0x80 == 0 {
				break
			}
		}
		dir = append(dir, entry{tag, int(v)})
	}
	if pos+compLen > len(b) {
		return nil, errors.New("compressed data runs past the end")
	}
	data, err := io.ReadAll(brotli.NewReader(bytes.NewReader(b[pos : pos+compLen])))
	if err != nil {
		return nil, err
	}
	var tabs []sfntTable
	off := 0
	for _, e := range dir {
		if off+e.length > len(data) {
			return nil, fmt.Errorf("%s runs past the decompressed data", e.tag)
		}
		tabs = append(tabs, sfntTable{tag: e.tag, data: data[off : off+e.length]})
		off += e.length
	}
	if off != len(data) {
		return nil, fmt.Errorf("%d bytes of decompressed data left over", len(data)-off)
	}
	sfnt := writeSFNT(be.Uint32(b[4:]), tabs)
	if size := int(be.Uint32(b[16:])); size != len(sfnt) {
		return nil, fmt.Errorf("totalSfntSize %d, font %d bytes", size, len(sfnt))
	}
	return sfnt, nil
}

func TestAppendBase128(t *testing.T) {
	tests := []struct {
		v    uint32
		want []byte
	}{
		{0, []byte{0}},
		{127, []byte{0x7F}},
		{128, []byte{0x81, 0x00}},
		{16383, []byte{0xFF, 0x7F}},
		{16384, []byte{0x81, 0x80, 0x00}},
		{0xFFFFFFFF, []byte{0x8F, 0xFF, 0xFF, 0xFF, 0x7F}},
	}
	for _, tt := range tests {
		if got := appendBase128(nil, tt.v); !bytes.Equal(got, tt.want) {
			t.Errorf("appendBase128(%d) = % x, want % x", tt.v, got, tt.want)
		}
	}
}
