// Command placeholders draws the placeholder images of the sample issue
// testdata/dangyuanzhiyou-2025-03.
//
// The photos of the printed issue are not part of the seed text, so every
// figure and the cover get an honest placeholder instead: a neutral
// coloured field with a frame, both diagonals and the words "PLACEHOLDER"
// and the file name. The list of images and their pixel sizes is read from
// images.txt next to this file (written by ../build_sample.py). Output is
// deterministic: the colour comes from a hash of the file name, and PNG and
// JPEG encoding have no time stamps.
//
// Usage, from the repository root:
//
//	go run ./testdata/tools/placeholders [-list testdata/tools/placeholders/images.txt] [-out testdata/dangyuanzhiyou-2025-03/images]
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"hash/fnv"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/math/fixed"
)

func main() {
	list := flag.String("list", "testdata/tools/placeholders/images.txt", "image list: one \"name width height\" per line")
	out := flag.String("out", "testdata/dangyuanzhiyou-2025-03/images", "output directory")
	flag.Parse()
	if err := run(*list, *out); err != nil {
		fmt.Fprintln(os.Stderr, "placeholders:", err)
		os.Exit(1)
	}
}

type spec struct {
	name string
	w, h int
}

func run(list, out string) error {
	specs, err := readList(list)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, s := range specs {
		data, err := encode(s)
		if err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
		if err := os.WriteFile(filepath.Join(out, s.name), data, 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("%d placeholder images in %s\n", len(specs), out)
	return nil
}

func readList(path string) ([]spec, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var specs []spec
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) != 3 {
			return nil, fmt.Errorf("%s:%d: want \"name width height\", got %q", path, n, line)
		}
		w, err1 := strconv.Atoi(fields[1])
		h, err2 := strconv.Atoi(fields[2])
		if err1 != nil || err2 != nil || w < 16 || h < 16 || w > 4000 || h > 4000 {
			return nil, fmt.Errorf("%s:%d: bad size %q", path, n, line)
		}
		if fields[0] != filepath.Base(fields[0]) {
			return nil, fmt.Errorf("%s:%d: name %q must be a plain file name", path, n, fields[0])
		}
		specs = append(specs, spec{fields[0], w, h})
	}
	return specs, sc.Err()
}

// encode draws the placeholder and encodes it by the file extension.
func encode(s spec) ([]byte, error) {
	img := draw1(s)
	var buf bytes.Buffer
	switch strings.ToLower(filepath.Ext(s.name)) {
	case ".png":
		enc := png.Encoder{CompressionLevel: png.BestCompression}
		if err := enc.Encode(&buf, img); err != nil {
			return nil, err
		}
	case ".jpg", ".jpeg":
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 55}); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("unsupported extension %q", filepath.Ext(s.name))
	}
	return buf.Bytes(), nil
}

// palette holds muted, neutral field colours.
var palette = []color.RGBA{
	{0xd9, 0xd4, 0xc7, 0xff}, // stone
	{0xc9, 0xd3, 0xd6, 0xff}, // slate
	{0xd6, 0xcf, 0xbf, 0xff}, // sand
	{0xcc, 0xd5, 0xc8, 0xff}, // sage
	{0xd8, 0xcc, 0xcc, 0xff}, // clay
	{0xcf, 0xcd, 0xd9, 0xff}, // lavender grey
}

func draw1(s spec) *image.RGBA {
	h := fnv.New32a()
	h.Write([]byte(s.name))
	field := palette[h.Sum32()%uint32(len(palette))]
	ink := color.RGBA{field.R / 2, field.G / 2, field.B / 2, 0xff}

	img := image.NewRGBA(image.Rect(0, 0, s.w, s.h))
	draw.Draw(img, img.Bounds(), &image.Uniform{field}, image.Point{}, draw.Src)

	// frame
	t := max(2, min(s.w, s.h)/100)
	m := min(s.w, s.h) / 20
	r := image.Rect(m, m, s.w-m, s.h-m)
	for i := 0; i < t; i++ {
		rect(img, r.Inset(i), ink)
	}
	// diagonals
	line(img, r.Min.X, r.Min.Y, r.Max.X-1, r.Max.Y-1, ink)
	line(img, r.Min.X, r.Max.Y-1, r.Max.X-1, r.Min.Y, ink)

	// label, drawn small and scaled up with nearest neighbour
	scale := max(1, min(s.w, s.h)/180)
	label(img, []string{"PLACEHOLDER", s.name, fmt.Sprintf("%dx%d", s.w, s.h)}, scale, field, ink)
	return img
}

func rect(img *image.RGBA, r image.Rectangle, c color.RGBA) {
	for x := r.Min.X; x < r.Max.X; x++ {
		img.SetRGBA(x, r.Min.Y, c)
		img.SetRGBA(x, r.Max.Y-1, c)
	}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		img.SetRGBA(r.Min.X, y, c)
		img.SetRGBA(r.Max.X-1, y, c)
	}
}

// line draws a 1-pixel line with Bresenham's algorithm.
func line(img *image.RGBA, x0, y0, x1, y1 int, c color.RGBA) {
	dx, dy := abs(x1-x0), -abs(y1-y0)
	sx, sy := 1, 1
	if x0 > x1 {
		sx = -1
	}
	if y0 > y1 {
		sy = -1
	}
	err := dx + dy
	for {
		img.SetRGBA(x0, y0, c)
		if x0 == x1 && y0 == y1 {
			return
		}
		e2 := 2 * err
		if e2 >= dy {
			err += dy
			x0 += sx
		}
		if e2 <= dx {
			err += dx
			y0 += sy
		}
	}
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// label draws the lines of text centred on a plate of the field colour.
func label(dst *image.RGBA, lines []string, scale int, field, ink color.RGBA) {
	face := basicfont.Face7x13
	lineH := 16
	tw := 0
	for _, l := range lines {
		tw = max(tw, font.MeasureString(face, l).Ceil())
	}
	small := image.NewRGBA(image.Rect(0, 0, tw+8, lineH*len(lines)+6))
	draw.Draw(small, small.Bounds(), &image.Uniform{field}, image.Point{}, draw.Src)
	d := font.Drawer{Dst: small, Src: &image.Uniform{ink}, Face: face}
	for i, l := range lines {
		w := font.MeasureString(face, l).Ceil()
		d.Dot = fixed.P((small.Bounds().Dx()-w)/2, 3+lineH*i+face.Ascent)
		d.DrawString(l)
	}
	// keep the label inside the image
	for scale > 1 && (small.Bounds().Dx()*scale > dst.Bounds().Dx()*9/10) {
		scale--
	}
	ox := (dst.Bounds().Dx() - small.Bounds().Dx()*scale) / 2
	oy := (dst.Bounds().Dy() - small.Bounds().Dy()*scale) / 2
	for y := 0; y < small.Bounds().Dy()*scale; y++ {
		for x := 0; x < small.Bounds().Dx()*scale; x++ {
			if ox+x < 0 || oy+y < 0 || ox+x >= dst.Bounds().Dx() || oy+y >= dst.Bounds().Dy() {
				continue
			}
			dst.SetRGBA(ox+x, oy+y, small.RGBAAt(x/scale, y/scale))
		}
	}
}
