package export

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qikan-dev/qikan/export/pdf"
	"github.com/qikan-dev/qikan/issue"
)

// writePNG writes an opaque w×h PNG to path.
func writePNG(t *testing.T, path string, w, h int) {
	t.Helper()
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			m.Set(x, y, color.RGBA{uint8(x), uint8(y), 128, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, m); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// placed returns the placement of the image rel written at line.
func placed(t *testing.T, ims []pdf.PlacedImage, rel string, line int) pdf.PlacedImage {
	t.Helper()
	for _, im := range ims {
		if im.Image.Rel == rel && im.At.Line == line {
			return im
		}
	}
	t.Fatalf("%s at line %d not among the placed images %v", rel, line, ims)
	return pdf.PlacedImage{}
}

// TestPreflight: every image the PDF places is reported with its page,
// size and source line; one under 300 ppi gets a warning at its line
// with its resolution and the pixels it would need, one far above gets
// none; with Strict, one under 150 ppi is a problem at its line and the
// PDF already there is left as it was.
func TestPreflight(t *testing.T) {
	body := "正文第一段，图表在下面。\n\n" + // line 4
		"![低分辨率的图表](small.png)\n\n" + // line 6
		"正文第二段。\n\n" +
		"![高分辨率的照片](big.png)\n\n" + // line 10
		"行内图标![图标](icon.png)在文字中。\n" // line 12
	dir := newIssue(t, "pf", "zh-CN", body)
	writePNG(t, filepath.Join(dir, "small.png"), 60, 40)
	writePNG(t, filepath.Join(dir, "big.png"), 3000, 2000)
	writePNG(t, filepath.Join(dir, "icon.png"), 64, 64)
	writePNG(t, filepath.Join(dir, "cover.png"), 300, 400)
	yaml, _ := os.ReadFile(filepath.Join(dir, "issue.yaml"))
	yaml = append(yaml, "cover:\n  image: cover.png\n"...) // lines 8 and 9
	os.WriteFile(filepath.Join(dir, "issue.yaml"), yaml, 0o644)
	out := t.TempDir()
	res, err := Issue(dir, library(), Options{OutDir: out, Formats: []string{"pdf"}})
	if err != nil {
		t.Fatal(err)
	}
	small := placed(t, res.PDF.Images, "small.png", 6)
	big := placed(t, res.PDF.Images, "big.png", 10)
	icon := placed(t, res.PDF.Images, "icon.png", 12)
	cover := placed(t, res.PDF.Images, "cover.png", 9)
	for _, im := range []pdf.PlacedImage{small, big, icon, cover} {
		want := math.Min(float64(im.Image.Width)/(im.W/72), float64(im.Image.Height)/(im.H/72))
		file := filepath.Join(dir, "a.md")
		if im == cover {
			file = filepath.Join(dir, "issue.yaml")
		}
		if math.Abs(im.PPI()-want) > 1e-9 || im.Page < 1 || im.Page > res.PDF.Pages || im.At.File != file {
			t.Errorf("%s: ppi %.1f (want %.1f), page %d of %d, file %s", im.Image.Rel, im.PPI(), want, im.Page, res.PDF.Pages, im.At.File)
		}
	}
	if small.PPI() >= leastPPI || big.PPI() < printPPI {
		t.Fatalf("test images at %.0f and %.0f ppi: the small one should be under %d, the big one over %d", small.PPI(), big.PPI(), leastPPI, printPPI)
	}
	if cover.Page != 1 || cover.PPI() >= leastPPI {
		t.Errorf("cover on page %d at %.0f ppi", cover.Page, cover.PPI())
	}
	var got []string
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, "ppi") && w.Line != 9 { // the cover's
			got = append(got, w.String())
		}
	}
	want := fmt.Sprintf("%s:6: warning: image \"small.png\" prints at %d ppi: 60×40 pixels placed", filepath.Join(dir, "a.md"), int(small.PPI()))
	needs := fmt.Sprintf("300 ppi at that size needs %.0f×%.0f pixels", math.Ceil(small.W/72*300), math.Ceil(small.H/72*300))
	if len(got) != 1 && !(len(got) == 2 && icon.PPI() < printPPI) || !strings.HasPrefix(got[0], want) || !strings.Contains(got[0], needs) {
		t.Errorf("resolution warnings:\n%s\nwant one starting %q and saying %q", strings.Join(got, "\n"), want, needs)
	}

	pdfPath := filepath.Join(out, "pf.pdf")
	before, _ := os.ReadFile(pdfPath)
	_, err = Issue(dir, library(), Options{OutDir: out, Formats: []string{"pdf"}, Strict: true})
	var ps issue.Problems
	if !errors.As(err, &ps) || len(ps) != 2 || ps[0].Line != 9 || ps[1].Line != 6 || !strings.Contains(ps[1].Message, "small.png") || !strings.Contains(ps[1].Hint, "150 ppi") {
		t.Errorf("strict: err = %v, want problems at issue.yaml:9 (the cover) and a.md:6 (small.png)", err)
	}
	if after, _ := os.ReadFile(pdfPath); !bytes.Equal(before, after) {
		t.Error("strict: the PDF already there was replaced")
	}
}

// TestPreflightCapped: many low-resolution images give a bounded number
// of warnings, the rest summed up with the lowest of them.
func TestPreflightCapped(t *testing.T) {
	dir := newIssue(t, "many", "zh-CN", "")
	var ims []pdf.PlacedImage
	for i := range maxImageWarnings + 5 {
		img := &issue.Image{Rel: fmt.Sprintf("i%02d.png", i), Width: 100 + i, Height: 100 + i}
		ims = append(ims, pdf.PlacedImage{Image: img, At: issue.Pos{File: filepath.Join(dir, "a.md"), Line: 4 + i}, Page: 3, W: 144, H: 144})
	}
	ims[maxImageWarnings+2].Image.Width = 20 // the lowest, among the rest
	ws, ps := preflight(ims, names{dir: dir, abs: dir}, false)
	if len(ps) != 0 || len(ws) != maxImageWarnings+1 {
		t.Fatalf("%d warnings, %d problems", len(ws), len(ps))
	}
	last := ws[len(ws)-1]
	if !strings.Contains(last.Message, "5 more images") || !strings.Contains(last.Message, `"i22.png" at 10 ppi`) || last.Line != 4+maxImageWarnings+2 {
		t.Errorf("summary %s", last)
	}
	_, ps = preflight(ims, names{dir: dir, abs: dir}, true)
	if len(ps) != len(ims) {
		t.Errorf("strict: %d problems for %d images under 150 ppi", len(ps), len(ims))
	}
}
