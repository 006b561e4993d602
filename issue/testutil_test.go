package issue

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"testing"
)

// tinyPNG returns a valid 3×2 PNG.
func tinyPNG(t testing.TB) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 3, 2))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }
