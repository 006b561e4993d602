package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/qikan-dev/qikan/export/pdf/pdfw"
	"github.com/qikan-dev/qikan/internal/testtool"
)

// TestImageMatrix: the stored image's top-left, top-right and bottom-left
// corners land on the corners of the box that EXIF's orientation tags name
// (TIFF 6.0: orientation 6 puts the 0th row on the visual right and the
// 0th column at the visual top).
func TestImageMatrix(t *testing.T) {
	const x, y, w, h = 10.0, 20.0, 30.0, 40.0
	corner := map[string][2]float64{"TL": {x, y + h}, "TR": {x + w, y + h}, "BL": {x, y}, "BR": {x + w, y}}
	want := map[int][3]string{ // where the stored top-left, top-right and bottom-left go
		0: {"TL", "TR", "BL"}, 1: {"TL", "TR", "BL"}, 2: {"TR", "TL", "BR"}, 3: {"BR", "BL", "TR"},
		4: {"BL", "BR", "TL"}, 5: {"TL", "BL", "TR"}, 6: {"TR", "BR", "TL"}, 7: {"BR", "TR", "BL"},
		8: {"BL", "TL", "BR"}, 9: {"TL", "TR", "BL"},
	}
	for o, w2 := range want {
		a, b, c, d, e, f := imageMatrix(o, w, h, x, y)
		at := func(u, v float64) [2]float64 { return [2]float64{a*u + c*v + e, b*u + d*v + f} }
		for i, uv := range [][2]float64{{0, 1}, {1, 1}, {0, 0}} {
			if got := at(uv[0], uv[1]); got != corner[w2[i]] {
				t.Errorf("orientation %d: the stored image's corner (%v) is at %v, want %s %v", o, uv, got, w2[i], corner[w2[i]])
			}
		}
	}
}

// quadrants is a w×h image whose four quarters have four colours, so that
// each of the eight orientations shows it differently.
func quadrants(w, h int) *image.RGBA {
	cols := [2][2]color.RGBA{
		{{230, 20, 20, 255}, {20, 200, 20, 255}},  // top: red, green
		{{20, 20, 230, 255}, {240, 220, 20, 255}}, // bottom: blue, yellow
	}
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			m.SetRGBA(x, y, cols[y*2/h][x*2/w])
		}
	}
	return m
}

// turned is src shown as EXIF orientation o says, pixel by pixel from the
// tag's definition (TIFF 6.0, Exif 2.32 §4.6.4): the oracle for imageMatrix.
func turned(src *image.RGBA, o int) *image.RGBA {
	w, h := src.Bounds().Dx(), src.Bounds().Dy()
	W, H := w, h
	if o >= 5 && o <= 8 {
		W, H = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, W, H))
	for y := range H {
		for x := range W {
			sx, sy := x, y
			switch o {
			case 2:
				sx = w - 1 - x
			case 3:
				sx, sy = w-1-x, h-1-y
			case 4:
				sy = h - 1 - y
			case 5:
				sx, sy = y, x
			case 6:
				sx, sy = y, h-1-x
			case 7:
				sx, sy = w-1-y, h-1-x
			case 8:
				sx, sy = w-1-y, x
			}
			dst.SetRGBA(x, y, src.RGBAAt(sx, sy))
		}
	}
	return dst
}

// TestImageOrientationRendered draws a four-colour image with each EXIF
// orientation through imageMatrix on a page of the shown image's size,
// renders the page with pdftoppm at 1 pixel per point and compares it
// with the image turned by Go.
func TestImageOrientationRendered(t *testing.T) {
	pdftoppm := testtool.Need(t, "pdftoppm")
	const w, h = 60, 40
	src := quadrants(w, h)
	for o := 1; o <= 8; o++ {
		want := turned(src, o)
		W, H := want.Bounds().Dx(), want.Bounds().Dy()
		z := &pdfw.Deflater{}
		var buf bytes.Buffer
		pw := pdfw.NewWriter(&buf, "1.7", z)
		catalog, pages, page := pw.Alloc(), pw.Alloc(), pw.Alloc()
		img := pdfw.FromImage(src, z)
		im := pw.AddStream(img.Dict(pdfw.Name("DeviceRGB"), 0), img.Data)
		var c pdfw.Content
		c.Save()
		c.Transform(imageMatrix(o, float64(W), float64(H), 0, 0))
		c.XObject("Im")
		c.Restore()
		pw.Object(page, pdfw.D("Type", pdfw.Name("Page"), "Parent", pages, "MediaBox", pdfw.Array{0, 0, W, H},
			"Resources", pdfw.D("XObject", pdfw.D("Im", im)), "Contents", pw.AddStream(nil, c.Bytes())))
		pw.Object(pages, pdfw.D("Type", pdfw.Name("Pages"), "Kids", pdfw.Array{page}, "Count", 1))
		pw.Object(catalog, pdfw.D("Type", pdfw.Name("Catalog"), "Pages", pages))
		if err := pw.Close(catalog, 0); err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		pdf := filepath.Join(dir, "o.pdf")
		if err := os.WriteFile(pdf, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(pdftoppm, "-r", "72", "-png", "-singlefile", pdf, filepath.Join(dir, "o")).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v\n%s", err, out)
		}
		f, err := os.Open(filepath.Join(dir, "o.png"))
		if err != nil {
			t.Fatal(err)
		}
		got, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if got.Bounds().Dx() != W || got.Bounds().Dy() != H {
			t.Errorf("orientation %d: rendered %v, want %d×%d", o, got.Bounds(), W, H)
			continue
		}
		if bad := differing(got, want); bad > 0 {
			t.Errorf("orientation %d: %d of %d pixels differ from the image turned by Go", o, bad, W*H)
			if out, err := os.Create(filepath.Join(os.TempDir(), "orient-"+strconv.Itoa(o)+".png")); err == nil {
				png.Encode(out, got)
				out.Close()
			}
		}
	}
}

// differing counts the pixels of got whose colour is far from want's,
// ignoring a pixel's width along the quarters' edges (rendering may
// smooth them).
func differing(got image.Image, want *image.RGBA) int {
	W, H := want.Bounds().Dx(), want.Bounds().Dy()
	n := 0
	for y := range H {
		for x := range W {
			if edge := func(v, n int) bool { return v == n/2-1 || v == n/2 }; edge(x, W) || edge(y, H) {
				continue
			}
			r, g, b, _ := got.At(x, y).RGBA()
			wc := want.RGBAAt(x, y)
			far := func(a uint32, b uint8) bool { d := int(a>>8) - int(b); return d > 40 || d < -40 }
			if far(r, wc.R) || far(g, wc.G) || far(b, wc.B) {
				n++
			}
		}
	}
	return n
}
