package epub

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"strings"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"github.com/qikan-dev/qikan/fonts"
)

// The generated cover: 1600 × 2400 pixels (2:3, the usual e-book cover
// shape), the typographic design of the PDF cover — a colour field with the
// masthead, slogan and issue, then the date and the highlights on paper,
// and a foot band with the ISSN and publisher.
const (
	coverW, coverH = 1600, 2400
	coverMargin    = 120
)

var (
	coverField = color.RGBA{0xB3, 0x1B, 0x1B, 0xFF} // the magazine red
	coverPaper = color.RGBA{0xFB, 0xF8, 0xF1, 0xFF}
	coverInk   = color.RGBA{0x21, 0x21, 0x21, 0xFF}
	coverGrey  = color.RGBA{0x5F, 0x5A, 0x55, 0xFF}
	coverWhite = color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}
)

// rasterizer draws text of a fonts.Set with golang.org/x/image, each
// character in the face fonts.Set.Split gives it.
type rasterizer struct {
	faces  *fonts.Set
	parsed map[*fonts.Face]*opentype.Font
	sized  map[sizedFace]font.Face
}

type sizedFace struct {
	face *fonts.Face
	px   float64
}

func (r *rasterizer) face(f *fonts.Face, px float64) (font.Face, error) {
	key := sizedFace{f, px}
	if ff, ok := r.sized[key]; ok {
		return ff, nil
	}
	ot, ok := r.parsed[f]
	if !ok {
		var err error
		ot, err = opentype.Parse(f.TrueType())
		if err != nil {
			return nil, fmt.Errorf("cover: font %s: %v", f.Name(), err)
		}
		r.parsed[f] = ot
	}
	ff, err := opentype.NewFace(ot, &opentype.FaceOptions{Size: px, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, fmt.Errorf("cover: font %s: %v", f.Name(), err)
	}
	r.sized[key] = ff
	return ff, nil
}

// measure returns the advance width of text in pixels.
func (r *rasterizer) measure(role fonts.Role, px float64, text string) (float64, error) {
	var w fixed.Int26_6
	for _, seg := range r.faces.Split(role, text) {
		ff, err := r.face(seg.Face, px)
		if err != nil {
			return 0, err
		}
		w += font.MeasureString(ff, seg.Text)
	}
	return float64(w) / 64, nil
}

// draw draws text with its baseline starting at (x, y).
func (r *rasterizer) draw(dst draw.Image, role fonts.Role, px float64, x, y float64, c color.Color, text string) error {
	d := font.Drawer{Dst: dst, Src: image.NewUniform(c), Dot: fixed.Point26_6{X: fixed.Int26_6(x * 64), Y: fixed.Int26_6(y * 64)}}
	for _, seg := range r.faces.Split(role, text) {
		ff, err := r.face(seg.Face, px)
		if err != nil {
			return err
		}
		d.Face = ff
		d.DrawString(seg.Text)
	}
	return nil
}

// wrap breaks text into lines no wider than width, between any two
// characters except before closing and after opening punctuation.
func (r *rasterizer) wrap(role fonts.Role, px, width float64, text string) ([]string, error) {
	var lines []string
	rs := []rune(strings.TrimSpace(text))
	for len(rs) > 0 {
		n := len(rs)
		for n > 1 {
			w, err := r.measure(role, px, string(rs[:n]))
			if err != nil {
				return nil, err
			}
			if w <= width {
				break
			}
			n--
		}
		if n < len(rs) {
			// Keep closing punctuation on the line, opening on the next.
			for n > 1 && (noLineStart(rs[n]) || noLineEnd(rs[n-1])) {
				n--
			}
		}
		lines = append(lines, strings.TrimSpace(string(rs[:n])))
		rs = []rune(strings.TrimLeftFunc(string(rs[n:]), unicode.IsSpace))
	}
	return lines, nil
}

func noLineStart(r rune) bool {
	return strings.ContainsRune("，。、；：？！）》」』”’】〕…·,.;:?!)]}", r)
}
func noLineEnd(r rune) bool { return strings.ContainsRune("（《「『“‘【〔([{", r) }

// coverPNG draws the typographic cover and returns it as PNG, with the
// text it shows (the cover image's alternative text).
func coverPNG(b *book) ([]byte, string, error) {
	iss := b.iss
	r := &rasterizer{faces: b.faces, parsed: map[*fonts.Face]*opentype.Font{}, sized: map[sizedFace]font.Face{}}
	img := image.NewRGBA(image.Rect(0, 0, coverW, coverH))
	fill := func(rect image.Rectangle, c color.Color) {
		draw.Draw(img, rect, image.NewUniform(c), image.Point{}, draw.Src)
	}
	inner := float64(coverW - 2*coverMargin)

	// Lay the colour field out first: masthead (as large as fits the
	// width, at most 340 px), slogan, then the issue label and running
	// number at its foot; the field grows when the masthead wraps.
	title := strings.TrimSpace(xmlText(iss.Title))
	px := 340.0
	if w, err := r.measure(fonts.Heading, px, title); err != nil {
		return nil, "", err
	} else if w > inner {
		px = max(px*inner/w, 60)
	}
	lines, err := r.wrap(fonts.Heading, px, inner, title)
	if err != nil {
		return nil, "", err
	}
	titleY := 160 + px
	y := titleY + float64(len(lines)-1)*px*1.15
	slogan := strings.TrimSpace(xmlText(iss.Subtitle))
	const sloganPx = 60.0
	sloganY := y + 40 + sloganPx*1.3
	if slogan != "" {
		y = sloganY
	}
	label := xmlText(join("　", iss.Label, iss.Number))
	const labelPx = 76.0
	labelY := max(y+60+labelPx*1.3, 1000-90)
	fieldH := int(labelY + 90)

	fill(img.Bounds(), coverPaper)
	fill(image.Rect(0, 0, coverW, fieldH), coverField)
	fill(image.Rect(0, coverH-220, coverW, coverH), coverField)

	var alt []string
	for i, l := range lines {
		if err := r.draw(img, fonts.Heading, px, coverMargin, titleY+float64(i)*px*1.15, coverWhite, l); err != nil {
			return nil, "", err
		}
	}
	alt = append(alt, title)
	if slogan != "" {
		if err := r.draw(img, fonts.Body, sloganPx, coverMargin, sloganY, coverWhite, slogan); err != nil {
			return nil, "", err
		}
		alt = append(alt, slogan)
	}
	if label != "" {
		lpx := labelPx
		w, err := r.measure(fonts.Heading, lpx, label)
		if err != nil {
			return nil, "", err
		}
		if w > inner {
			lpx *= inner / w
			w = inner
		}
		if err := r.draw(img, fonts.Heading, lpx, coverW-coverMargin-w, labelY, coverWhite, label); err != nil {
			return nil, "", err
		}
		alt = append(alt, label)
	}
	// Date, then the highlights.
	y = float64(fieldH) + 150
	if !iss.Date.IsZero() {
		date := b.words.date(iss.Date)
		if err := r.draw(img, fonts.Body, 56, coverMargin, y, coverGrey, date); err != nil {
			return nil, "", err
		}
		alt = append(alt, date)
		y += 140
	}
	const hpx = 66.0
	for _, h := range iss.Highlights {
		h = strings.TrimSpace(xmlText(h))
		if h == "" {
			continue
		}
		lines, err := r.wrap(fonts.Heading, hpx, inner-60, h)
		if err != nil {
			return nil, "", err
		}
		if y+float64(len(lines))*hpx*1.3 > coverH-300 {
			break // no room: the remaining highlights are on the contents page
		}
		fill(image.Rect(coverMargin, int(y-hpx*0.82), coverMargin+14, int(y+hpx*0.1)), coverField)
		for _, l := range lines {
			if err := r.draw(img, fonts.Heading, hpx, coverMargin+60, y, coverInk, l); err != nil {
				return nil, "", err
			}
			y += hpx * 1.3
		}
		y += hpx * 0.6
		alt = append(alt, h)
	}
	// Foot band: ISSN and publisher.
	foot := xmlText(join("　", issnLabel(iss.ISSN), iss.Publisher))
	if foot != "" {
		fpx := 48.0
		w, err := r.measure(fonts.Body, fpx, foot)
		if err != nil {
			return nil, "", err
		}
		if w > inner {
			fpx *= inner / w
		}
		if err := r.draw(img, fonts.Body, fpx, coverMargin, coverH-95, coverWhite, foot); err != nil {
			return nil, "", err
		}
		alt = append(alt, foot)
	}
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.DefaultCompression}).Encode(&buf, img); err != nil {
		return nil, "", fmt.Errorf("cover: %v", err)
	}
	return buf.Bytes(), strings.Join(alt, "　"), nil
}

func issnLabel(issn string) string {
	if issn == "" {
		return ""
	}
	return "ISSN " + issn
}
