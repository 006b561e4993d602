package epub

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	_ "image/gif" // cover photos may be GIF
	"image/jpeg"
	"image/png"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"github.com/qikan-dev/qikan/export/cover"
	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/internal/safefile"
	"github.com/qikan-dev/qikan/issue"
)

// The cover image: 1600 × 2400 pixels (2:3, the usual e-book cover
// shape), rasterised from the cover design the PDF draws (package cover).
const coverW, coverH = 1600, 2400

// CoverLayout returns the cover design the EPUB's generated cover image
// is rasterised from (coverW × coverH pixels), so that export can refuse,
// before anything is written, an issue whose cover cuts a text short or
// leaves a cover line off (cover.Cover.Cut).
func CoverLayout(iss *issue.Issue, faces *fonts.Set) *cover.Cover {
	return cover.Layout(iss, faces, cover.Page{Width: coverW, Height: coverH}, cover.Options{HanLatinSpace: true})
}

// coverImage lays the cover design out and rasterises it in the
// background (decoding, scaling and encoding the photo take longer than
// the rest of the book): the media's bytes come when the container is
// written. The image is JPEG when it holds the photo (a ninth of its PNG
// size), else PNG. It also returns the texts the cover shows.
func (b *book) coverImage() (*media, []string) {
	cv := CoverLayout(b.iss, b.faces)
	photo := false
	for _, e := range cv.Elements {
		if _, ok := e.(*cover.Photo); ok {
			photo = true
		}
	}
	done := make(chan struct{})
	var data []byte
	var err error
	go func() {
		defer close(done)
		data, err = rasterize(cv, photo)
	}()
	m := &media{name: "cover.png", cover: true, lazy: func() ([]byte, error) { <-done; return data, err }}
	if photo {
		m.name = "cover.jpg"
	}
	return m, cv.Texts
}

// rasterize draws the cover's elements and encodes the image.
func rasterize(cv *cover.Cover, photo bool) ([]byte, error) {
	img := image.NewRGBA(image.Rect(0, 0, coverW, coverH))
	r := &rasterizer{dst: img, parsed: map[*fonts.Face]*opentype.Font{}, sized: map[sizedFace]font.Face{}}
	for _, e := range cv.Elements {
		var err error
		switch e := e.(type) {
		case *cover.Fill:
			draw.Draw(img, pixels(e.Rect), image.NewUniform(rgba(e.Color)), image.Point{}, draw.Src)
		case *cover.Photo:
			err = drawPhoto(img, e)
		case *cover.Text:
			err = r.text(e)
		}
		if err != nil {
			return nil, fmt.Errorf("cover: %w", err)
		}
	}
	var buf bytes.Buffer
	if photo {
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 88}); err != nil {
			return nil, fmt.Errorf("cover: %v", err)
		}
		return buf.Bytes(), nil
	}
	if err := (&png.Encoder{CompressionLevel: png.DefaultCompression}).Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("cover: %v", err)
	}
	return buf.Bytes(), nil
}

func rgba(c cover.RGB) color.RGBA { return color.RGBA{c.R, c.G, c.B, 0xff} }

// pixels rounds a rectangle to whole pixels.
func pixels(r cover.Rect) image.Rectangle {
	return image.Rect(int(math.Round(r.X)), int(math.Round(r.Y)), int(math.Round(r.X+r.W)), int(math.Round(r.Y+r.H)))
}

// drawPhoto decodes the cover photo and draws the part of it inside the
// clip rectangle, turned by its EXIF orientation and scaled (photo.go).
func drawPhoto(dst *image.RGBA, p *cover.Photo) error {
	f, err := safefile.Open(p.Image.Path)
	if err != nil {
		return err
	}
	src, _, err := image.Decode(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("%s: %v", p.Image.Rel, err)
	}
	o := p.Image.Orientation
	sb := orientedImage{src, o}.Bounds()
	vis := pixels(p.Clip).Intersect(dst.Bounds())
	if vis.Empty() || p.W <= 0 || p.H <= 0 {
		return nil
	}
	sx := float64(sb.Dx()) / p.W
	sy := float64(sb.Dy()) / p.H
	from := image.Rect(
		sb.Min.X+int(math.Round((float64(vis.Min.X)-p.X)*sx)), sb.Min.Y+int(math.Round((float64(vis.Min.Y)-p.Y)*sy)),
		sb.Min.X+int(math.Round((float64(vis.Max.X)-p.X)*sx)), sb.Min.Y+int(math.Round((float64(vis.Max.Y)-p.Y)*sy)),
	).Intersect(sb)
	drawOriented(dst, vis, src, o, from)
	return nil
}

// rasterizer draws the cover's lines of text with golang.org/x/image,
// each item at the position the layout gave it.
type rasterizer struct {
	dst    draw.Image
	parsed map[*fonts.Face]*opentype.Font
	sized  map[sizedFace]font.Face
}

type sizedFace struct {
	face *fonts.Face
	px   float64
}

// face returns f at px for drawing text. The embedded faces store the
// outlines of rare glyphs apart (fonts.Face.TrueTypeFor): text that needs
// them gets a font of its own, parsed for it alone.
func (r *rasterizer) face(f *fonts.Face, px float64, text string) (font.Face, error) {
	prog, err := f.TrueTypeFor(text)
	if err != nil {
		return nil, fmt.Errorf("font %s: %v", f.Name(), err)
	}
	if all := f.TrueType(); len(prog) != len(all) || &prog[0] != &all[0] {
		ot, err := opentype.Parse(prog)
		if err != nil {
			return nil, fmt.Errorf("font %s: %v", f.Name(), err)
		}
		return opentype.NewFace(ot, &opentype.FaceOptions{Size: px, DPI: 72, Hinting: font.HintingNone})
	}
	key := sizedFace{f, px}
	if ff, ok := r.sized[key]; ok {
		return ff, nil
	}
	ot, ok := r.parsed[f]
	if !ok {
		var err error
		if ot, err = opentype.Parse(f.TrueType()); err != nil {
			return nil, fmt.Errorf("font %s: %v", f.Name(), err)
		}
		r.parsed[f] = ot
	}
	ff, err := opentype.NewFace(ot, &opentype.FaceOptions{Size: px, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, fmt.Errorf("font %s: %v", f.Name(), err)
	}
	r.sized[key] = ff
	return ff, nil
}

// text draws one line: glyph by glyph with the advances the layout used
// (no kerning, as in the PDF), bold synthesised by drawing the glyphs
// again a little to each side when the face is not bold.
func (r *rasterizer) text(t *cover.Text) error {
	for _, it := range t.Line.Items {
		run := t.Runs[it.Run]
		ff, err := r.face(run.Face, run.Size, it.Text)
		if err != nil {
			return err
		}
		offsets := []float64{0}
		if run.Bold && !run.Face.IsBold() {
			k := run.Size * 0.018
			offsets = []float64{-k, 0, k}
		}
		d := font.Drawer{Dst: r.dst, Src: image.NewUniform(rgba(run.Color)), Face: ff}
		for _, dx := range offsets {
			x := t.X + it.X + dx
			for _, c := range it.Text {
				d.Dot = fixed.Point26_6{X: fixed.Int26_6(math.Round(x * 64)), Y: fixed.Int26_6(math.Round(t.Y * 64))}
				d.DrawString(string(c))
				x += run.Face.Advance(c) * run.Size
			}
		}
	}
	return nil
}
