package issue

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"testing"
)

// exif returns a TIFF structure (an EXIF block) whose first IFD holds the
// orientation o, in byte order bo.
func exif(bo binary.ByteOrder, o uint16) []byte {
	var b bytes.Buffer
	if bo == binary.LittleEndian {
		b.WriteString("II")
	} else {
		b.WriteString("MM")
	}
	binary.Write(&b, bo, uint16(42))
	binary.Write(&b, bo, uint32(8))
	binary.Write(&b, bo, uint16(2)) // two entries: another tag first
	binary.Write(&b, bo, []uint16{0x010f, 2})
	binary.Write(&b, bo, []uint32{1, 0})
	binary.Write(&b, bo, []uint16{0x0112, 3})
	binary.Write(&b, bo, uint32(1))
	binary.Write(&b, bo, []uint16{o, 0})
	binary.Write(&b, bo, uint32(0))
	return b.Bytes()
}

// exifJPEG encodes a w×h JPEG (4:2:0) with an EXIF orientation o (none
// when 0).
func exifJPEG(t testing.TB, w, h int, o uint16) []byte {
	t.Helper()
	var enc bytes.Buffer
	if err := jpeg.Encode(&enc, image.NewRGBA(image.Rect(0, 0, w, h)), nil); err != nil {
		t.Fatal(err)
	}
	data := enc.Bytes()
	if o == 0 {
		return data
	}
	seg := append([]byte("Exif\x00\x00"), exif(binary.BigEndian, o)...)
	app1 := append([]byte{0xff, 0xe1, byte((len(seg) + 2) >> 8), byte(len(seg) + 2)}, seg...)
	return append(append([]byte{0xff, 0xd8}, app1...), data[2:]...)
}

// rawPNG returns a PNG of the given IHDR fields with extra chunks before
// an empty IDAT.
func rawPNG(w, h uint32, depth, colour, interlace byte, extra ...[2]string) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		b.WriteString(typ)
		b.Write(data)
		binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr, w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9], ihdr[12] = depth, colour, interlace
	chunk("IHDR", ihdr)
	for _, e := range extra {
		chunk(e[0], []byte(e[1]))
	}
	chunk("IDAT", nil)
	chunk("IEND", nil)
	return b.Bytes()
}

func TestExifOrientation(t *testing.T) {
	for o := uint16(1); o <= 8; o++ {
		for _, bo := range []binary.ByteOrder{binary.LittleEndian, binary.BigEndian} {
			if got := exifOrientation(exif(bo, o)); got != int(o) {
				t.Errorf("%v orientation %d: got %d", bo, o, got)
			}
		}
	}
	for _, bad := range [][]byte{nil, []byte("II*\x00"), exif(binary.BigEndian, 9), exif(binary.BigEndian, 0)[:20], []byte("XX\x00\x2a\x00\x00\x00\x08")} {
		if got := exifOrientation(bad); got != 0 {
			t.Errorf("exifOrientation(%q) = %d", bad, got)
		}
	}
}

func TestImageHead(t *testing.T) {
	const w, h = 64, 48
	px := int64(w * h)
	progressive := exifJPEG(t, w, h, 6)
	if i := bytes.Index(progressive, []byte{0xff, 0xc0}); i > 0 {
		progressive[i+1] = 0xc2 // the frame header of a progressive JPEG
	}
	tests := []struct {
		name string
		data []byte
		fmt  string
		want imageHead
	}{
		{"jpeg", exifJPEG(t, w, h, 0), "jpeg", imageHead{decode: px * 3 / 2, plain: true}},
		{"jpeg turned", exifJPEG(t, w, h, 6), "jpeg", imageHead{orientation: 6, decode: px * 3 / 2, plain: true}},
		{"jpeg progressive", progressive, "jpeg", imageHead{orientation: 6, decode: px * 3 / 2 * 5, plain: true}},
		{"png rgb", rawPNG(w, h, 8, 2, 0), "png", imageHead{decode: 4 * px, plain: true}},
		{"png grey", rawPNG(w, h, 8, 0, 0), "png", imageHead{decode: px, plain: true}},
		{"png rgba", rawPNG(w, h, 8, 6, 0), "png", imageHead{decode: 4 * px}},
		{"png 16-bit", rawPNG(w, h, 16, 2, 0), "png", imageHead{decode: 8 * px}},
		{"png interlaced", rawPNG(w, h, 8, 2, 1), "png", imageHead{decode: 8 * px}},
		{"png palette", rawPNG(w, h, 8, 3, 0, [2]string{"PLTE", "\x00\x00\x00"}), "png", imageHead{decode: px, plain: true}},
		{"png palette transparent", rawPNG(w, h, 8, 3, 0, [2]string{"PLTE", "\x00\x00\x00"}, [2]string{"tRNS", "\x00"}), "png", imageHead{decode: px}},
		{"png eXIf", rawPNG(w, h, 8, 2, 0, [2]string{"eXIf", string(exif(binary.LittleEndian, 8))}), "png", imageHead{orientation: 8, decode: 4 * px, plain: true}},
		{"gif", []byte("GIF89a"), "gif", imageHead{decode: px}},
	}
	for _, tt := range tests {
		if got := readImageHead(bytes.NewReader(tt.data), tt.fmt, w, h); got != tt.want {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

// TestProbeOrientation: a photo stored landscape with orientation 6 is
// described as shown, portrait.
func TestProbeOrientation(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.jpg")
	os.WriteFile(path, exifJPEG(t, 64, 48, 6), 0o644)
	img, _, err := probeImage(path)
	if err != nil || img.Width != 48 || img.Height != 64 || img.Orientation != 6 || !img.Rotated() {
		t.Errorf("probeImage = %+v, %v; want 48×64, orientation 6", img, err)
	}
}
