package issue

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"strings"
	"testing"
)

// pngChunks assembles a PNG file from chunks (type, data), with correct
// lengths and CRCs.
func pngChunks(chunks ...[2]string) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	for _, c := range chunks {
		binary.Write(&b, binary.BigEndian, uint32(len(c[1])))
		b.WriteString(c[0] + c[1])
		binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE([]byte(c[0]+c[1])))
	}
	return b.Bytes()
}

// ihdr is the data of an IHDR chunk.
func ihdr(w, h uint32, depth, colorType byte) string {
	b := make([]byte, 13)
	binary.BigEndian.PutUint32(b, w)
	binary.BigEndian.PutUint32(b[4:], h)
	b[8], b[9] = depth, colorType
	return string(b)
}

// encodePNG encodes img with image/png.
func encodePNG(t *testing.T, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// idatOf returns the concatenated IDAT data of a PNG made by image/png.
func idatOf(t *testing.T, file []byte) string {
	t.Helper()
	var data []byte
	for p := 8; p+8 <= len(file); {
		n := int(binary.BigEndian.Uint32(file[p:]))
		if string(file[p+4:p+8]) == "IDAT" {
			data = append(data, file[p+8:p+8+n]...)
		}
		p += 12 + n
	}
	if len(data) == 0 {
		t.Fatal("no IDAT")
	}
	return string(data)
}

func TestCheckPNGData(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	noise := image.NewNRGBA(image.Rect(0, 0, 300, 200))
	for i := range noise.Pix {
		noise.Pix[i] = byte(rng.Uint32())
	}
	solid := image.NewNRGBA(image.Rect(0, 0, 3000, 2000)) // compresses about 800:1
	for i := range solid.Pix {
		solid.Pix[i] = 0xff
	}
	bilevel := image.NewPaletted(image.Rect(0, 0, 4000, 3000), color.Palette{color.Black, color.White})
	gray16 := image.NewGray16(image.Rect(0, 0, 640, 480))
	noiseIDAT := idatOf(t, encodePNG(t, noise))

	tests := []struct {
		name string
		file []byte
		w, h int
		err  string // "" = valid
	}{
		{"noise", encodePNG(t, noise), 300, 200, ""},
		{"solid white, 6 megapixels", encodePNG(t, solid), 3000, 2000, ""},
		{"1 bit palette, 12 megapixels", encodePNG(t, bilevel), 4000, 3000, ""},
		{"16 bit grey", encodePNG(t, gray16), 640, 480, ""},
		{"empty IDAT", pngChunks([2]string{"IHDR", ihdr(9000, 9000, 8, 2)}, [2]string{"IDAT", ""}, [2]string{"IEND", ""}), 9000, 9000, "0 bytes of compressed data cannot hold 9000×9000"},
		{"no IDAT", pngChunks([2]string{"IHDR", ihdr(10, 10, 8, 6)}, [2]string{"IEND", ""}), 10, 10, "pixel data missing"},
		{"IDAT cut, IEND kept", pngChunks([2]string{"IHDR", ihdr(300, 200, 8, 6)}, [2]string{"IDAT", noiseIDAT[:40]}, [2]string{"IEND", ""}), 300, 200, "40 bytes"},
		{"IDAT in two chunks", pngChunks([2]string{"IHDR", ihdr(300, 200, 8, 6)}, [2]string{"IDAT", noiseIDAT[:100]}, [2]string{"IDAT", noiseIDAT[100:]}, [2]string{"IEND", ""}), 300, 200, ""},
		{"no IHDR", pngChunks([2]string{"IDAT", noiseIDAT}, [2]string{"IEND", ""}), 300, 200, "no IHDR"},
		{"chunk length past the end", append(pngChunks([2]string{"IHDR", ihdr(300, 200, 8, 6)}), 0x7f, 0xff, 0xff, 0xff, 'I', 'D', 'A', 'T'), 300, 200, "cannot hold"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkPNGData(bytes.NewReader(tt.file), tt.w, tt.h)
			switch {
			case tt.err == "" && err != nil:
				t.Errorf("valid PNG refused: %v", err)
			case tt.err != "" && err == nil:
				t.Errorf("no error, want %q", tt.err)
			case tt.err != "" && !strings.Contains(err.Error(), tt.err):
				t.Errorf("error %q, want %q", err, tt.err)
			}
		})
	}
}

// FuzzCheckPNGData: any bytes are judged without a panic, and a PNG that
// image/png decodes is never refused.
func FuzzCheckPNGData(f *testing.F) {
	f.Add(pngChunks([2]string{"IHDR", ihdr(9000, 9000, 8, 2)}, [2]string{"IDAT", ""}, [2]string{"IEND", ""}))
	f.Add(pngChunks([2]string{"IHDR", ihdr(1, 1, 1, 0)}, [2]string{"IDAT", "x\x9cc`\x00\x00\x00\x02\x00\x01"}, [2]string{"IEND", ""}))
	var b bytes.Buffer
	png.Encode(&b, image.NewGray(image.Rect(0, 0, 40, 30)))
	f.Add(b.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := png.DecodeConfig(bytes.NewReader(data))
		if err != nil || int64(cfg.Width)*int64(cfg.Height) > 1<<20 {
			return
		}
		err = checkPNGData(bytes.NewReader(data), cfg.Width, cfg.Height)
		if _, derr := png.Decode(bytes.NewReader(data)); derr == nil && err != nil {
			t.Errorf("a PNG that decodes is refused: %v", err)
		}
	})
}
