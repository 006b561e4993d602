package issue

import (
	"strconv"
	"strings"

	gast "github.com/yuin/goldmark/ast"

	"github.com/qikan-dev/qikan/issue/mdext"
)

// maxInlinePx is the tallest image, in pixels as shown (an HTML width or
// height scales it), that is set inside a line of text, scaled to the
// line's height: icons, badges, small formulas. A taller image is a figure.
const maxInlinePx = 64

// imageInfo is what a figure made of an image run needs besides the run.
type imageInfo struct {
	credit string  // title
	px     float64 // height as shown, in pixels
}

// image adds an image run: the image at dest with its alternative text.
// An image that cannot be used is reported by c.image; a non-strict one
// (HTML's) leaves its alt text in the line.
func (k *collector) image(dest, alt, title string, ctx inlineCtx, at Pos, strict bool, e ...*mdext.Element) {
	img, ok := k.c.image(dest, at, strict)
	if !ok {
		if !strict {
			k.add(alt, ctx, at)
		}
		return
	}
	px := float64(img.Height)
	if len(e) > 0 {
		px = shownHeight(img, e[0].Attr("width"), e[0].Attr("height"))
	}
	if k.info == nil {
		k.info = map[*Image]imageInfo{}
	}
	p := &img
	k.info[p] = imageInfo{credit: strings.TrimSpace(title), px: px}
	k.ps = append(k.ps, piece{Inline: Inline{Text: strings.TrimSpace(alt), Style: ctx.style, Link: ctx.link, Image: p, Pos: at}})
}

// shownHeight is the height in pixels at which HTML width and height
// attributes ("60", "60px"; percentages are ignored) show img.
func shownHeight(img Image, w, h string) float64 {
	px := func(s string) float64 {
		v, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(s), "px"), 64)
		if err != nil || v <= 0 {
			return 0
		}
		return v
	}
	if v := px(h); v > 0 {
		return v
	}
	if v := px(w); v > 0 && img.Width > 0 {
		return v * float64(img.Height) / float64(img.Width)
	}
	return float64(img.Height)
}

// paragraph converts a Markdown paragraph. Images decide its shape: an
// image alone in it (linked or not) makes it a figure; one that fits a
// line stays in it; a larger one alone on its line (between
// hard breaks) becomes a figure in its place, splitting the paragraph;
// one larger than a line among text becomes a figure after the paragraph,
// with a warning.
func (c *mdConverter) paragraph(n gast.Node) []Block {
	k := &collector{c: c}
	k.children(n, inlineCtx{})
	in := finish(k.ps)
	c.warnUnparsedImage(n, in)
	return k.place(in)
}

// place turns finished runs into paragraphs and figures.
func (k *collector) place(in []Inline) []Block {
	var out, after []Block
	var cur []Inline
	flush := func() {
		cur = trimBreaks(cur)
		if len(cur) > 0 {
			out = append(out, &Paragraph{Pos: cur[0].Pos, Inlines: merge(cur)})
		}
		cur = nil
	}
	if images := imageRuns(in); len(images) == 1 && !hasText(in) {
		return []Block{k.figure(images[0])} // an image alone is a figure, whatever its size
	}
	for start := 0; start < len(in); {
		end := start
		for end < len(in) && in[end].Text != "\n" {
			end++
		}
		line := in[start:end]
		alone := !hasText(line)
		for _, r := range line {
			if r.Image == nil || k.info[r.Image].px <= maxInlinePx && k.info[r.Image].px > 0 {
				cur = append(cur, r)
				continue
			}
			fig := k.figure(r)
			if alone {
				flush()
				out = append(out, fig)
				continue
			}
			k.c.r.warn(k.c.file, r.Pos.Line, "image %q is taller than a line of text (%.0f px): it is set as a figure after the paragraph; put it on a line of its own to place it there", r.Image.Rel, k.info[r.Image].px)
			after = append(after, fig)
		}
		if end < len(in) {
			cur = append(cur, in[end]) // the hard break
		}
		start = end + 1
	}
	flush()
	return append(out, after...)
}

// figure makes a figure of an image run.
func (k *collector) figure(r Inline) *Figure {
	return &Figure{Pos: r.Pos, Image: *r.Image, Caption: strings.TrimSpace(r.Text), Credit: k.info[r.Image].credit, Link: r.Link}
}

func imageRuns(in []Inline) []Inline {
	var out []Inline
	for _, r := range in {
		if r.Image != nil {
			out = append(out, r)
		}
	}
	return out
}

// hasText reports whether runs hold anything visible but images.
func hasText(runs []Inline) bool {
	for _, r := range runs {
		if r.Image == nil && strings.TrimSpace(r.Text) != "" {
			return true
		}
	}
	return false
}

// trimBreaks removes hard breaks and white space at both ends of runs.
func trimBreaks(in []Inline) []Inline {
	for len(in) > 0 && in[0].Image == nil && strings.TrimSpace(in[0].Text) == "" {
		in = in[1:]
	}
	for len(in) > 0 && in[len(in)-1].Image == nil && strings.TrimSpace(in[len(in)-1].Text) == "" {
		in = in[:len(in)-1]
	}
	return in
}
