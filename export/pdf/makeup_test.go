package pdf

import (
	"fmt"
	"math"
	"path/filepath"
	"sort"
	"testing"

	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/internal/genissue"
	"github.com/qikan-dev/qikan/issue"
)

// The make-up check: what an art director rejects, found on composed
// pages from what each placed block is (page.placed).

// maxEmpty is the largest part of a page's text block that may stay empty
// below its last block when its article goes on on the next page.
const maxEmpty = 0.40

// makeupProblems lists the make-up faults of a composed document:
//
//   - a body page more than maxEmpty empty although its article goes on;
//   - a subhead without two lines of its text after it in its column;
//   - a column (or page) holding only end matter or a single line of text;
//   - a table header row without a body row of its table beneath it;
//   - a line of text or a subhead off the baseline grid;
//   - a block outside the text block;
//   - a paragraph's first line alone at the foot of a column (an orphan)
//     or its last line alone at the head of one (a widow).
func makeupProblems(doc *document) []string {
	var out []string
	g := doc.geo
	bad := func(i int, format string, args ...any) {
		out = append(out, fmt.Sprintf("page %d: ", i+1)+fmt.Sprintf(format, args...))
	}
	out = append(out, lonelyLines(doc)...)
	textAfter := textLinesAfter(doc)
	for i, p := range doc.pages {
		if p.kind != articlePage || len(p.placed) == 0 {
			continue
		}
		// Emptiness in the middle of an article.
		if i+1 < len(doc.pages) {
			low := g.textTop()
			for _, pl := range p.placed {
				low = max(low, pl.y+pl.h)
			}
			if empty := (g.textBottom() - low) / g.textHeight(); empty > maxEmpty && continues(p, doc.pages[i+1]) {
				bad(i, "%.0f%% empty, its article goes on", 100*empty)
			}
		}
		cols := map[int][]placement{}
		for _, pl := range p.placed {
			if pl.kind != kindOther && (pl.y < g.textTop()-0.01 || pl.y+pl.h > g.textBottom()+0.01) {
				bad(i, "%s of %s at y %.1f–%.1f outside the text block", kindName(pl.kind), pl.article, pl.y, pl.y+pl.h)
			}
			if pl.kind == kindText || pl.kind == kindSubhead {
				if off := math.Mod(pl.y-g.textTop()+g.pitch/2, g.pitch) - g.pitch/2; math.Abs(off) > 0.01 {
					bad(i, "%s of %s at y %.2f is %.2f off the grid", kindName(pl.kind), pl.article, pl.y, off)
				}
			}
			if pl.col >= 0 {
				cols[pl.col] = append(cols[pl.col], pl)
			}
		}
		for k, col := range cols {
			sort.SliceStable(col, func(a, b int) bool { return col[a].y < col[b].y })
			text, end, other := 0, 0, 0
			for _, pl := range col {
				switch pl.kind {
				case kindText:
					text++
				case kindEnd:
					end++
				default:
					other++
				}
			}
			switch {
			case text == 0 && end > 0 && other == 0:
				bad(i, "column %d holds only end matter", k+1)
			case text == 1 && other == 0 && textAfter[col[0].article] > 1:
				bad(i, "column %d holds a single line", k+1)
			}
			for n, pl := range col {
				switch pl.kind {
				case kindSubhead:
					lines := 0
					for _, q := range col[n+1:] {
						if q.article == pl.article && q.kind == kindText {
							lines++
						}
					}
					if lines < 2 && laterText(doc, i, pl) >= 2 {
						bad(i, "subhead of %s in column %d has %d lines of its text after it", pl.article, k+1, lines)
					}
				case kindTableHead:
					if n+1 >= len(col) || col[n+1].kind != kindTableRow || col[n+1].src != pl.src {
						bad(i, "table header of %s in column %d without a row beneath", pl.article, k+1)
					}
				}
			}
		}
	}
	return out
}

// lonelyLines finds the orphans and widows of a document: a paragraph
// whose first line is alone in its column, the next one in another
// column, or whose last line is.
func lonelyLines(doc *document) []string {
	type line struct{ page, col int }
	type par struct {
		article string
		src     int
		par     *parSource
	}
	lines := map[par][]line{}
	var order []par
	for i, p := range doc.pages {
		for _, pl := range p.placed {
			if pl.kind != kindText || pl.par == nil {
				continue
			}
			k := par{pl.article, pl.src, pl.par}
			if lines[k] == nil {
				order = append(order, k)
			}
			lines[k] = append(lines[k], line{i, pl.col})
		}
	}
	var out []string
	for _, k := range order {
		ls := lines[k]
		if n := len(ls); n >= 2 {
			if ls[0] != ls[1] {
				out = append(out, fmt.Sprintf("page %d: the first line of block %d of %s alone in column %d", ls[0].page+1, k.src, k.article, ls[0].col+1))
			}
			if ls[n-1] != ls[n-2] {
				out = append(out, fmt.Sprintf("page %d: the last line of block %d of %s alone in column %d", ls[n-1].page+1, k.src, k.article, ls[n-1].col+1))
			}
		}
	}
	return out
}

// footGaps counts the empty lines at the foot of the columns of body
// pages whose article goes on, below the last block of each column.
func footGaps(doc *document) int {
	g := doc.geo
	n := 0
	for i, p := range doc.pages {
		if p.kind != articlePage || i+1 >= len(doc.pages) || !continues(p, doc.pages[i+1]) {
			continue
		}
		low := map[int]float64{}
		for _, pl := range p.placed {
			if pl.col >= 0 {
				low[pl.col] = max(low[pl.col], pl.y+pl.h)
			}
		}
		for k := range g.columns {
			y, ok := low[k]
			if !ok {
				continue
			}
			limit := g.textBottom() // or the top of what spans below
			for _, pl := range p.placed {
				if pl.col < 0 && pl.y >= y-0.01 {
					limit = min(limit, pl.y)
				}
			}
			n += int((limit - y + 0.01) / g.pitch)
		}
	}
	return n
}

// continues reports whether an article with blocks on page p has blocks on
// the page after it, next.
func continues(p, next *page) bool {
	on := map[string]bool{}
	for _, pl := range p.placed {
		if pl.article != "" {
			on[pl.article] = true
		}
	}
	for _, pl := range next.placed {
		if on[pl.article] && pl.kind != kindTitle {
			return true
		}
	}
	return false
}

// textLinesAfter counts the lines of text of each article.
func textLinesAfter(doc *document) map[string]int {
	n := map[string]int{}
	for _, p := range doc.pages {
		for _, pl := range p.placed {
			if pl.kind == kindText {
				n[pl.article]++
			}
		}
	}
	return n
}

// laterText counts the lines of text of sub's article after the subhead
// sub on page i (in any column or page), up to its next subhead.
func laterText(doc *document, i int, sub placement) int {
	lines := 0
	started := false
	for _, p := range doc.pages[i:] {
		for _, pl := range p.placed {
			if pl == sub {
				started = true
				continue
			}
			if !started || pl.article != sub.article {
				continue
			}
			if pl.kind == kindSubhead {
				return lines
			}
			if pl.kind == kindText {
				lines++
			}
		}
	}
	return lines
}

func kindName(k blockKind) string {
	return [...]string{"other", "title", "text", "subhead", "figure", "table", "table header", "table row", "code", "end matter", "notes"}[k]
}

// makeupIssue is an issue the make-up check runs over.
type makeupIssue struct {
	name string
	iss  *issue.Issue
}

// makeupIssues are every valid issue under testdata, generated
// figure-heavy issues, and the sample in other geometries.
func makeupIssues(t *testing.T) []makeupIssue {
	var out []makeupIssue
	dirs, _ := filepath.Glob("../../testdata/*/issue.yaml")
	for _, d := range dirs {
		iss, _, err := issue.Load(filepath.Dir(d))
		if err != nil {
			continue // the invalid cases
		}
		out = append(out, makeupIssue{filepath.Base(filepath.Dir(d)), iss})
	}
	for _, seed := range []uint64{1, 2, 3, 4} {
		dir := t.TempDir()
		opt := genissue.Options{Seed: seed, Source: sampleDir}
		if seed == 4 {
			opt.FigureRate, opt.TableRate = 0.6, 0.1 // a picture book
		}
		if err := genissue.Write(dir, opt); err != nil {
			t.Fatal(err)
		}
		iss, _, err := issue.Load(dir)
		if err != nil {
			t.Fatalf("generated issue %d: %v", seed, err)
		}
		out = append(out, makeupIssue{fmt.Sprintf("generated-%d", seed), iss})
	}
	for _, geo := range []struct {
		trim    string
		columns int
	}{{"A4", 1}, {"B5", 2}, {"210x285mm", 3}} {
		iss, _ := loadSample(t)
		iss.Print.TrimWidth, iss.Print.TrimHeight, _ = issue.ParseTrim(geo.trim)
		iss.Print.Columns = geo.columns
		out = append(out, makeupIssue{fmt.Sprintf("sample-%s-%dcol", geo.trim, geo.columns), iss})
	}
	return out
}

// TestMakeup runs the make-up check over every issue of makeupIssues.
func TestMakeup(t *testing.T) {
	set, err := fonts.NewLibrary().Set("", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, mi := range makeupIssues(t) {
		t.Run(mi.name, func(t *testing.T) {
			doc, err := compose(mi.iss, set, withDefaults(sampleOptions, mi.iss))
			if err != nil {
				t.Fatal(err)
			}
			probs := makeupProblems(doc)
			for _, p := range probs {
				t.Error(p)
			}
			t.Logf("%d pages, %d make-up problems, %d empty lines at column feet mid-article", len(doc.pages), len(probs), footGaps(doc))
		})
	}
}
