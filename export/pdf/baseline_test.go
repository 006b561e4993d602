package pdf

import (
	"bytes"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/internal/genissue"
	"github.com/qikan-dev/qikan/internal/testtool"
	"github.com/qikan-dev/qikan/issue"
)

// TestBaselinesAligned: on every body page, the lines of body text of all
// columns sit on one grid, read back by pdftotext -bbox from the PDF: the
// bottoms of their word boxes, modulo the body leading, agree within a
// tenth of a point, and every column of a page with body text in two
// columns has lines on the same grid.
func TestBaselinesAligned(t *testing.T) {
	set, err := fonts.NewLibrary().Set("", "")
	if err != nil {
		t.Fatal(err)
	}
	sample, _ := loadSample(t)
	dir := t.TempDir()
	if err := genissue.Write(dir, genissue.Options{Seed: 11, Source: sampleDir, FigureRate: 0.5, TableRate: 0.1}); err != nil {
		t.Fatal(err)
	}
	gen, _, err := issue.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		iss  *issue.Issue
	}{{"sample", sample}, {"generated", gen}} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if _, err := Write(&buf, tt.iss, set, sampleOptions); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "x.pdf")
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			doc, err := compose(tt.iss, set, withDefaults(sampleOptions, tt.iss))
			if err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(testtool.Need(t, "pdftotext"), "-bbox", path, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			checkBaselines(t, doc, string(out))
		})
	}
}

// checkBaselines checks pdftotext -bbox output against the grid of doc:
// on each body page, the words of body text (as high as the body face's
// line box at 9 to 9.5 pt, inside a column, outside titles, bands and
// floats) must all sit on one grid: the bottoms of their boxes agree
// modulo the leading with the most common one, within a tenth of a point
// (9-pt quote lines sit 0.14 pt higher in their box: allowed for).
func checkBaselines(t *testing.T, doc *document, bbox string) {
	g := doc.geo
	pageRe := regexp.MustCompile(`(?s)<page .*?</page>`)
	wordRe := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">`)
	pages, checked := 0, 0
	for pi, pg := range pageRe.FindAllString(bbox, -1) {
		if pi >= len(doc.pages) || doc.pages[pi].kind != articlePage {
			continue
		}
		type word struct {
			col int
			y   float64
			r   float64
		}
		var words []word
		count := map[int]int{}
		for _, m := range wordRe.FindAllStringSubmatch(pg, -1) {
			x0, _ := strconv.ParseFloat(m[1], 64)
			y0, _ := strconv.ParseFloat(m[2], 64)
			y1, _ := strconv.ParseFloat(m[4], 64)
			if h := y1 - y0; h < 1.3*bodyStyle.size || h > 1.6*bodyStyle.size {
				continue
			}
			x, y := x0-g.origin(), y1-g.origin()
			if y < g.textTop() || y > g.textBottom()+g.pitch || notFlow(doc.pages[pi], x, y) {
				continue
			}
			col := -1
			for c := range g.columns {
				if left := g.columnX(pi, c); x >= left-1 && x < left+g.colW {
					col = c
				}
			}
			if col < 0 {
				continue
			}
			r := math.Mod(y-g.textTop(), g.pitch)
			words = append(words, word{col, y, r})
			count[int(math.Round(r*10))]++
		}
		if len(words) == 0 {
			continue
		}
		best, mode := 0, 0
		for k, n := range count {
			if n > best {
				best, mode = n, k
			}
		}
		ref := float64(mode) / 10
		cols := map[int]bool{}
		for _, w := range words {
			d := math.Abs(w.r - ref)
			d = math.Min(d, g.pitch-d)
			if d > 0.2 {
				t.Errorf("page %d column %d: a line of body text at y %.2f is %.2f off the page's grid", pi+1, w.col+1, w.y, d)
			}
			cols[w.col] = true
			checked++
		}
		if len(cols) > 1 {
			pages++
		}
	}
	if pages < 5 || checked < 300 {
		t.Errorf("only %d pages with two columns of body text, %d words checked", pages, checked)
	}
	t.Logf("%d pages with body text in more than one column; %d words on the grid", pages, checked)
}

// notFlow reports whether (x, y) lies in a block of p that is not set on
// the grid: a title block, a section band, a figure, a table.
func notFlow(p *page, x, y float64) bool {
	for _, pl := range p.placed {
		switch pl.kind {
		case kindText, kindSubhead, kindEnd:
			continue
		}
		if x >= pl.x-1 && x <= pl.x+pl.w+1 && y >= pl.y-1 && y <= pl.y+pl.h+1 {
			return true
		}
	}
	return false
}
