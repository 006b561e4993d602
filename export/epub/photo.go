package epub

import (
	"image"
	"image/color"
	"image/draw"

	xdraw "golang.org/x/image/draw"
)

// The cover photo is drawn turned by its EXIF orientation and scaled down
// by averaging every source pixel into the cover pixel it falls in, one
// row of cover pixels at a time: memory beyond the decoded photo is one
// row of sums, where golang.org/x/image/draw's kernel scalers hold a
// float buffer of the cover's width times the photo's height (195 MB for a
// 24-megapixel photo). A photo smaller than the cover is scaled up
// bilinearly.

// orient maps a point of the photo as shown, (x, y) in a w×h image, to
// the stored pixel it shows, for EXIF orientation o; sw and sh are the
// stored size.
func orient(o, x, y, sw, sh int) (int, int) {
	switch o {
	case 2:
		return sw - 1 - x, y
	case 3:
		return sw - 1 - x, sh - 1 - y
	case 4:
		return x, sh - 1 - y
	case 5:
		return y, x
	case 6:
		return y, sh - 1 - x
	case 7:
		return sw - 1 - y, sh - 1 - x
	case 8:
		return sw - 1 - y, x
	}
	return x, y
}

// pixelReader returns a function reading the stored pixel (x, y) of src,
// relative to its bounds, as 8-bit RGB, fast for the types the standard
// decoders return.
func pixelReader(src image.Image) func(x, y int) (r, g, b uint32) {
	b := src.Bounds()
	switch m := src.(type) {
	case *image.YCbCr:
		return func(x, y int) (uint32, uint32, uint32) {
			x, y = x+b.Min.X, y+b.Min.Y
			yi, ci := m.YOffset(x, y), m.COffset(x, y)
			r, g, bl := color.YCbCrToRGB(m.Y[yi], m.Cb[ci], m.Cr[ci])
			return uint32(r), uint32(g), uint32(bl)
		}
	case *image.Gray:
		return func(x, y int) (uint32, uint32, uint32) {
			v := uint32(m.Pix[m.PixOffset(x+b.Min.X, y+b.Min.Y)])
			return v, v, v
		}
	case *image.RGBA:
		return func(x, y int) (uint32, uint32, uint32) {
			i := m.PixOffset(x+b.Min.X, y+b.Min.Y)
			return uint32(m.Pix[i]), uint32(m.Pix[i+1]), uint32(m.Pix[i+2])
		}
	case *image.CMYK:
		return func(x, y int) (uint32, uint32, uint32) {
			i := m.PixOffset(x+b.Min.X, y+b.Min.Y)
			r, g, bl := color.CMYKToRGB(m.Pix[i], m.Pix[i+1], m.Pix[i+2], m.Pix[i+3])
			return uint32(r), uint32(g), uint32(bl)
		}
	}
	return func(x, y int) (uint32, uint32, uint32) {
		r, g, bl, _ := src.At(x+b.Min.X, y+b.Min.Y).RGBA()
		return r >> 8, g >> 8, bl >> 8
	}
}

// orientedImage is src as shown with EXIF orientation o, for the bilinear
// scaler (small photos only: it reads pixel by pixel).
type orientedImage struct {
	src image.Image
	o   int
}

func (m orientedImage) ColorModel() color.Model { return m.src.ColorModel() }

func (m orientedImage) Bounds() image.Rectangle {
	b := m.src.Bounds()
	if m.o >= 5 {
		return image.Rect(0, 0, b.Dy(), b.Dx())
	}
	return image.Rect(0, 0, b.Dx(), b.Dy())
}

func (m orientedImage) At(x, y int) color.Color {
	b := m.src.Bounds()
	sx, sy := orient(m.o, x, y, b.Dx(), b.Dy())
	return m.src.At(sx+b.Min.X, sy+b.Min.Y)
}

// drawOriented draws the part from (in the photo's shown coordinates,
// within orientedImage{src, o}.Bounds()) of the photo src, turned by EXIF
// orientation o, into the rectangle vis of dst.
func drawOriented(dst *image.RGBA, vis image.Rectangle, src image.Image, o int, from image.Rectangle) {
	if from.Empty() || vis.Empty() {
		return
	}
	sb := src.Bounds()
	read := pixelReader(src)
	if from.Dx() < vis.Dx() || from.Dy() < vis.Dy() {
		// Enlarged: the part shown, turned, is copied once into RGBA (no
		// larger than the cover) and scaled from there. x/image/draw's
		// BiLinear reads an image.Image pixel by pixel through At and
		// keeps a float64 buffer of the cover's width by the photo's
		// height (87 MB for a 1200×1700 photo on the 1600×2400 cover);
		// ApproxBiLinear on RGBA does neither.
		part := image.NewRGBA(image.Rect(0, 0, from.Dx(), from.Dy()))
		for y := range from.Dy() {
			for x := range from.Dx() {
				sx, sy := orient(o, from.Min.X+x, from.Min.Y+y, sb.Dx(), sb.Dy())
				r, g, b := read(sx, sy)
				i := part.PixOffset(x, y)
				part.Pix[i], part.Pix[i+1], part.Pix[i+2], part.Pix[i+3] = uint8(r), uint8(g), uint8(b), 0xff
			}
		}
		xdraw.ApproxBiLinear.Scale(dst, vis, part, part.Bounds(), draw.Src, nil)
		return
	}
	dw, dh := vis.Dx(), vis.Dy()
	sums := make([][4]uint64, dw) // r, g, b and the count, per cover pixel of the row
	col := make([]int, from.Dx()) // the cover column of each photo column
	for x := range col {
		col[x] = x * dw / from.Dx()
	}
	row := 0
	flush := func() {
		for i, s := range sums {
			if n := s[3]; n > 0 {
				dst.SetRGBA(vis.Min.X+i, vis.Min.Y+row, color.RGBA{uint8(s[0] / n), uint8(s[1] / n), uint8(s[2] / n), 0xff})
			}
			sums[i] = [4]uint64{}
		}
	}
	for y := 0; y < from.Dy(); y++ {
		if r := y * dh / from.Dy(); r != row {
			flush()
			row = r
		}
		for x := 0; x < from.Dx(); x++ {
			sx, sy := orient(o, from.Min.X+x, from.Min.Y+y, sb.Dx(), sb.Dy())
			r, g, b := read(sx, sy)
			s := &sums[col[x]]
			s[0] += uint64(r)
			s[1] += uint64(g)
			s[2] += uint64(b)
			s[3]++
		}
	}
	flush()
}
