package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"fmt"
	"image"
	imagedraw "image/draw"
	_ "image/gif" // GIF figures are converted to PNG
	"image/png"
	"math"
	"os"
	"slices"
	"strconv"

	"github.com/qikan-dev/qikan/fonts"
	"github.com/signintech/gopdf"
)

// styleMarker is the cyan component of the CMYK text colour that marks
// synthetic-bold or synthetic-oblique text in gopdf's output (2.55 is not a valid colour
// component, so no real colour is mistaken for it); finish replaces the
// marker colour by the real colour and text render mode 2.
const styleMarker = 255

// markedStyle is how one synthetic-bold or synthetic-oblique text is drawn
// (gopdf can draw neither; finish rewrites the marked text objects).
type markedStyle struct {
	color   rgb
	width   float64 // outline stroke width, points; 0 for no bold
	oblique bool    // slanted by obliqueSkew
}

// obliqueSkew is the horizontal shear of synthetic oblique text: tan 12°,
// the slant of most italics.
const obliqueSkew = 0.2126

// drawing is gopdf's output with what finish needs to complete it.
type drawing struct {
	pdf    []byte
	styles []markedStyle // indexed by the marker's m, y, k components
	fonts  []*fontProgram
}

// fontProgram is the font file embedded for one face. gopdf is given a
// hollow copy of the subset (fonts.Hollow: same glyph IDs and metrics, no
// outlines), from which it measures and numbers glyphs and which it
// re-subsets and compresses in its serial writer at no cost; the real
// subset is compressed meanwhile, beside the drawing, and finish puts it
// in place of gopdf's font file. gopdf keeps the glyph IDs of the font it
// is given (its CIDs are those IDs), so the two are interchangeable.
type fontProgram struct {
	name string // the /FontName gopdf writes, "ABCDEF+Name"
	ttf  []byte
	done chan struct{}
	z    []byte // ttf Flate-compressed, once done is closed
	err  error
}

// compress compresses the font program; it closes done when it is over.
func (p *fontProgram) compress() {
	defer close(p.done)
	var b bytes.Buffer
	b.Grow(len(p.ttf) * 3 / 4)
	zw := zlib.NewWriter(&b)
	if _, p.err = zw.Write(p.ttf); p.err == nil {
		p.err = zw.Close()
	}
	p.z = b.Bytes()
}

// draw renders the composed pages with gopdf: fonts are subset to the
// characters drawn and registered under subset-tagged names, then every
// page's items are drawn in order. Content streams are left uncompressed
// for finish.
func draw(doc *document) (*drawing, error) {
	resolveRefs(doc)
	g := doc.geo
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: gopdf.Rect{W: g.mediaW(), H: g.mediaH()}, Unit: gopdf.UnitPT})
	gp.SetNoCompression()

	families, programs, err := registerFonts(gp, doc)
	if err != nil {
		return nil, err
	}
	size := 16 << 10 * len(doc.pages)
	d := &drawing{fonts: programs}
	styleIndex := map[markedStyle]int{}
	imgs := map[string]gopdf.ImageHolder{}
	o := g.origin()
	for i, p := range doc.pages {
		gp.AddPage()
		gp.SetXY(0, 0)
		gp.SetAnchor("p" + strconv.Itoa(i))
		for _, it := range p.items {
			if err := drawItem(gp, it, o, imgs); err != nil {
				return nil, err
			}
		}
		var face *fonts.Face
		// gopdf keeps the character spacing across pages: set it anew.
		size, spacing := -1.0, math.NaN()
		for _, t := range p.texts {
			if t.missing {
				for _, it := range placeholder(t) {
					if err := drawItem(gp, it, o, imgs); err != nil {
						return nil, err
					}
				}
				continue
			}
			if t.face != face || t.size != size {
				if err := gp.SetFont(families[t.face], "", t.size); err != nil {
					return nil, fmt.Errorf("font %s: %w", t.face.Name(), err)
				}
				face, size = t.face, t.size
			}
			if t.spacing != spacing {
				gp.SetCharSpacing(t.spacing)
				spacing = t.spacing
			}
			if t.bold || t.oblique {
				bs := markedStyle{color: t.color, oblique: t.oblique}
				if t.bold {
					bs.width = t.size * 0.035
				}
				k, ok := styleIndex[bs]
				if !ok {
					k = len(d.styles)
					styleIndex[bs] = k
					d.styles = append(d.styles, bs)
				}
				gp.SetTextColorCMYK(styleMarker, uint8(k>>16), uint8(k>>8), uint8(k))
			} else {
				gp.SetTextColor(t.color.R, t.color.G, t.color.B)
			}
			gp.SetXY(o+t.x, o+t.y)
			if err := gp.Text(t.text); err != nil {
				return nil, fmt.Errorf("text %q: %w", t.text, err)
			}
		}
		for _, it := range p.items {
			if it.kind != linkItem {
				continue
			}
			if it.url != "" {
				gp.AddExternalLink(it.url, o+it.x, o+it.y, it.w, it.h)
			} else if pg, ok := doc.start[it.dest]; ok {
				gp.AddInternalLink("p"+strconv.Itoa(pg), o+it.x, o+it.y, it.w, it.h)
			}
		}
		if g.marks > 0 {
			cropMarks(gp, g)
		}
	}
	if len(d.styles) >= 1<<24 {
		return nil, fmt.Errorf("too many bold or oblique styles")
	}
	// gopdf writes the file into a buffer that doubles as it grows:
	// presize it for the fonts and pages, which are most of the file.
	var buf bytes.Buffer
	buf.Grow(size)
	if _, err := gp.WriteTo(&buf); err != nil {
		return nil, err
	}
	d.pdf = buf.Bytes()
	return d, nil
}

// resolveRefs fills in the page numbers of the contents, now that every
// page is composed: the number is right-aligned at the item's x.
func resolveRefs(doc *document) {
	for _, p := range doc.pages {
		for i, t := range p.texts {
			if t.pageRef == "" {
				continue
			}
			n, ok := doc.start[t.pageRef]
			if !ok {
				continue
			}
			t.text = strconv.Itoa(n + 1)
			t.x -= naturalWidth(t.face, t.text, t.size)
			t.pageRef = ""
			p.texts[i] = t
		}
	}
}

// registerFonts subsets every face to the characters drawn with it and
// registers the subsets with gopdf, under PostScript-style names with a
// subset tag (PDF 32000-1 §9.6.4) derived from the face and its
// characters. It returns the gopdf family of each face.
// The font programs to embed are being compressed when it returns.
func registerFonts(gp *gopdf.GoPdf, doc *document) (families map[*fonts.Face]string, programs []*fontProgram, err error) {
	var order []*fonts.Face
	used := map[*fonts.Face]map[rune]bool{}
	for _, p := range doc.pages {
		for _, t := range p.texts {
			if t.missing {
				continue
			}
			set := used[t.face]
			if set == nil {
				set = map[rune]bool{}
				used[t.face] = set
				order = append(order, t.face)
			}
			for _, r := range t.text {
				set[r] = true
			}
		}
	}
	runes := make([][]rune, len(order))
	subsets := make([][]byte, len(order))
	err = parallel(len(order), func(i int) error {
		for r := range used[order[i]] {
			runes[i] = append(runes[i], r)
		}
		slices.Sort(runes[i])
		var err error
		subsets[i], err = fonts.Subset(order[i], runes[i], fonts.TTF)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	families = map[*fonts.Face]string{}
	names := map[string]bool{}
	for i, f := range order {
		data := subsets[i]
		base := f.PostScriptName()
		if sys := f.LangSysTag(); sys != "" {
			base += "-" + sys // the regional forms of one font: a subset each
		}
		name := base
		for k := 2; names[name]; k++ {
			name = base + "-" + strconv.Itoa(k)
		}
		names[name] = true
		family := subsetTag(name, runes[i]) + "+" + name
		hollow, err := fonts.Hollow(data)
		if err != nil {
			return nil, nil, fmt.Errorf("font %s: %w", f.Name(), err)
		}
		if err := gp.AddTTFFontData(family, hollow); err != nil {
			return nil, nil, fmt.Errorf("font %s: %w", f.Name(), err)
		}
		families[f] = family
		p := &fontProgram{name: gopdf.CreateEmbeddedFontSubsetName(family), ttf: data, done: make(chan struct{})}
		go p.compress()
		programs = append(programs, p)
	}
	doc.faces = order
	return families, programs, nil
}

// subsetTag derives six capital letters from the font name and the
// characters of the subset: the same subset always gets the same tag.
func subsetTag(name string, runes []rune) string {
	h := sha256.New()
	h.Write([]byte(name))
	for _, r := range runes {
		h.Write([]byte(string(r)))
	}
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

// drawItem draws a fill, rule or image; links are added after the text.
func drawItem(gp *gopdf.GoPdf, it item, o float64, imgs map[string]gopdf.ImageHolder) error {
	switch it.kind {
	case fillItem:
		gp.SetFillColor(it.color.R, it.color.G, it.color.B)
		gp.RectFromUpperLeftWithStyle(o+it.x, o+it.y, it.w, it.h, "F")
	case ruleItem:
		gp.SetLineWidth(it.lineWidth)
		gp.SetStrokeColor(it.color.R, it.color.G, it.color.B)
		if it.dotted {
			gp.SetCustomLineType([]float64{it.lineWidth, it.lineWidth * 2.5}, 0)
		}
		gp.Line(o+it.x, o+it.y, o+it.x2, o+it.y2)
		if it.dotted {
			gp.SetCustomLineType([]float64{}, 0)
		}
	case imageItem:
		h, err := imageHolder(it.img.Path, it.img.Format, imgs)
		if err != nil {
			return fmt.Errorf("image %s: %w", it.img.Rel, err)
		}
		opt := gopdf.ImageOptions{X: o + it.x, Y: o + it.y, Rect: &gopdf.Rect{W: it.w, H: it.h}}
		if c := it.clip; c != nil {
			// gopdf clips to Crop at (X, Y) and draws the image at
			// (X-Crop.X, Y-Crop.Y).
			opt.X, opt.Y = o+c.x, o+c.y
			opt.Crop = &gopdf.CropOptions{X: c.x - it.x, Y: c.y - it.y, Width: c.w, Height: c.h}
		}
		if err := gp.ImageByHolderWithOptions(h, opt); err != nil {
			return fmt.Errorf("image %s: %w", it.img.Rel, err)
		}
	}
	return nil
}

// imageHolder returns the gopdf image of a file, read once per file so an
// image used twice is embedded once. JPEG files and 8-bit non-interlaced
// PNG files are passed through (DCT data as is; PNG data with its alpha
// as a soft mask); GIF and other PNG files are re-encoded as PNG.
func imageHolder(path, format string, imgs map[string]gopdf.ImageHolder) (gopdf.ImageHolder, error) {
	if h, ok := imgs[path]; ok {
		return h, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if format == "gif" || format == "png" && !simplePNG(data) {
		m, _, err := image.Decode(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		rgba := image.NewNRGBA(m.Bounds())
		imagedraw.Draw(rgba, rgba.Bounds(), m, m.Bounds().Min, imagedraw.Src)
		var buf bytes.Buffer
		if err := png.Encode(&buf, rgba); err != nil {
			return nil, err
		}
		data = buf.Bytes()
	}
	h, err := gopdf.ImageHolderByBytes(data)
	if err != nil {
		return nil, err
	}
	imgs[path] = h
	return h, nil
}

// simplePNG reports whether a PNG has 8-bit samples, is not interlaced and
// is not palette-based with transparency: what gopdf embeds directly.
func simplePNG(b []byte) bool {
	if len(b) < 33 || string(b[12:16]) != "IHDR" {
		return false
	}
	depth, colorType, interlace := b[24], b[25], b[28]
	if depth != 8 || interlace != 0 || colorType == 3 && bytes.Contains(b, []byte("tRNS")) {
		return false
	}
	return true
}

// cropMarks draws crop marks at the four corners of the trim box, in the
// margin outside the bleed.
func cropMarks(gp *gopdf.GoPdf, g geometry) {
	gp.SetLineWidth(0.25)
	gp.SetStrokeColor(0, 0, 0)
	o := g.origin()
	start := g.bleed + marksOffsetMM*ptPerMM
	for _, x := range []float64{o, o + g.trimW} {
		for _, y := range []float64{o, o + g.trimH} {
			dx, dy := -1.0, -1.0
			if x > o {
				dx = 1
			}
			if y > o {
				dy = 1
			}
			gp.Line(x+dx*start, y, x+dx*(o), y)
			gp.Line(x, y+dy*start, x, y+dy*(o))
		}
	}
}
