package pdf

import "github.com/qikan-dev/qikan/issue"

// PlacedImage is an image as the PDF places it: where it is written in
// the source, the page and the size it takes there. Its effective
// resolution (PPI) is what a printer's preflight checks.
type PlacedImage struct {
	Image *issue.Image
	At    issue.Pos // where the image is written: the figure, the inline image or issue.yaml's cover.image
	Page  int       // 1-based
	W, H  float64   // placed size in points (the whole image, also where a clip shows part of it)
}

// PPI is the effective resolution: pixels per placed inch, the lower of
// the two directions (an image stretched one way prints at the lower).
func (p PlacedImage) PPI() float64 {
	if p.W <= 0 || p.H <= 0 {
		return 0
	}
	return min(float64(p.Image.Width)/(p.W/72), float64(p.Image.Height)/(p.H/72))
}

// placedImages lists the images placed on the pages of doc, in page
// order: one entry per source position and image, at its lowest
// resolution when the same figure is placed more than once.
func placedImages(doc *document) []PlacedImage {
	var out []PlacedImage
	index := map[issue.Pos]map[string]int{}
	for pi, p := range doc.pages {
		for _, it := range p.items {
			if it.kind != imageItem || it.img == nil || it.w <= 0 || it.h <= 0 {
				continue
			}
			pl := PlacedImage{Image: it.img, At: it.src, Page: pi + 1, W: it.w, H: it.h}
			if index[it.src] == nil {
				index[it.src] = map[string]int{}
			}
			if k, seen := index[it.src][it.img.Path]; seen {
				if pl.PPI() < out[k].PPI() {
					out[k] = pl
				}
				continue
			}
			index[it.src][it.img.Path] = len(out)
			out = append(out, pl)
		}
	}
	return out
}
