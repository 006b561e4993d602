package export

import (
	"fmt"
	"math"

	"github.com/qikan-dev/qikan/export/pdf"
	"github.com/qikan-dev/qikan/issue"
)

// The effective resolutions (pixels per placed inch) preflight checks
// the PDF's images against: print needs printPPI; below leastPPI the
// pixels show, and --strict makes it an error.
const (
	printPPI = 300
	leastPPI = 150
)

// maxImageWarnings caps the resolution warnings of one issue; the rest
// are summed up in one more warning.
const maxImageWarnings = 20

// preflight checks the effective resolution of every image the PDF
// places: a warning at the image's file and line for each below
// printPPI (at most maxImageWarnings, then a summary), with the
// resolution it prints at and the pixels it would need; with strict,
// the images below leastPPI are problems instead.
func preflight(images []pdf.PlacedImage, nm names, strict bool) ([]issue.Warning, issue.Problems) {
	var ws []issue.Warning
	var ps issue.Problems
	more, lowest := 0, pdf.PlacedImage{}
	for _, im := range images {
		ppi := im.PPI()
		if ppi >= printPPI {
			continue
		}
		msg := fmt.Sprintf("image %q prints at %.0f ppi: %d×%d pixels placed %.0f×%.0f mm (page %d)",
			im.Image.Rel, math.Floor(ppi), im.Image.Width, im.Image.Height, im.W/72*25.4, im.H/72*25.4, im.Page)
		need := func(res float64) string {
			return fmt.Sprintf("%.0f×%.0f pixels", math.Ceil(im.W/72*res), math.Ceil(im.H/72*res))
		}
		if strict && ppi < leastPPI {
			ps = append(ps, issue.Problem{File: nm.of(im.At.File), Line: im.At.Line, Col: im.At.Col,
				Message: msg + fmt.Sprintf(", below the %d ppi --strict allows", leastPPI),
				Hint:    fmt.Sprintf("give an image of at least %s (%d ppi at that size; %s for %d ppi)", need(leastPPI), leastPPI, need(printPPI), printPPI)})
			continue
		}
		if len(ws) == maxImageWarnings {
			if more == 0 || ppi < lowest.PPI() {
				lowest = im
			}
			more++
			continue
		}
		ws = append(ws, nm.warning(im.At, im.At.File, msg+fmt.Sprintf("; %d ppi at that size needs %s", printPPI, need(printPPI))))
	}
	if more > 0 {
		ws = append(ws, nm.warning(lowest.At, lowest.At.File, fmt.Sprintf("%d more images print below %d ppi, the lowest %q at %.0f ppi (page %d)",
			more, printPPI, lowest.Image.Rel, math.Floor(lowest.PPI()), lowest.Page)))
	}
	return ws, ps
}
