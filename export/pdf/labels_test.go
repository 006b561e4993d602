package pdf

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"github.com/qikan-dev/qikan/internal/pdfcheck"
)

// pageLabelsOf reads the page labels of a PDF (a flat Nums array, the
// way qikan writes the number tree) as pdfcpu reads them: each page's
// label, from its range's prefix and decimal number.
func pageLabelsOf(t *testing.T, data []byte) []string {
	t.Helper()
	doc, err := pdfcheck.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	cat, _ := doc.Catalog()
	nums, _ := doc.Resolve(doc.Dict(cat["PageLabels"])["Nums"]).(types.Array)
	labels := make([]string, doc.Ctx.PageCount)
	for k := 0; k+1 < len(nums); k += 2 {
		start := int(doc.Resolve(nums[k]).(types.Integer))
		end := doc.Ctx.PageCount
		if k+2 < len(nums) {
			end = int(doc.Resolve(nums[k+2]).(types.Integer))
		}
		d := doc.Dict(nums[k+1])
		st := 1
		if v := d.IntEntry("St"); v != nil {
			st = *v
		}
		for i := start; i < end; i++ {
			labels[i] = doc.Text(d["P"])
			if s := d.NameEntry("S"); s != nil {
				if *s != "D" {
					t.Fatalf("page label style %s", *s)
				}
				labels[i] += strconv.Itoa(st + i - start)
			}
		}
	}
	return labels
}

// TestPageLabels: the sample's page labels are the folios printed on
// its pages; the cover, the contents (three pages) and the colophon are
// named, a part of several pages numbered from its second; every label
// names one page.
func TestPageLabels(t *testing.T) {
	_, data, _ := writeSample(t, sampleOptions)
	doc := composeSample(t)
	got := pageLabelsOf(t, data)
	names := map[pageKind]string{coverPage: doc.lang.Labels.Cover, contentsPage: doc.lang.Labels.Contents, colophonPage: doc.lang.Labels.Colophon}
	seen := map[string]int{}
	contents, folios := 0, 0
	for i, p := range doc.pages {
		want := strconv.Itoa(i + 1)
		if name, ok := names[p.kind]; ok {
			want = name
			if i > 0 && doc.pages[i-1].kind == p.kind {
				want = fmt.Sprintf("%s %d", name, i-firstOfKind(doc, i)+1)
			}
		}
		for _, tx := range p.texts {
			if tx.artifact != folioArt {
				continue
			}
			folios++
			if strings.TrimSpace(tx.text) != want {
				t.Errorf("page %d: folio %q, label should be %q", i+1, tx.text, want)
			}
		}
		if p.kind == contentsPage {
			contents++
		}
		if got[i] != want {
			t.Errorf("page %d: label %q, want %q", i+1, got[i], want)
		}
		if j, dup := seen[got[i]]; dup {
			t.Errorf("pages %d and %d both labelled %q", j+1, i+1, got[i])
		}
		seen[got[i]] = i
	}
	if folios < len(doc.pages)/2 {
		t.Errorf("%d folios on %d pages", folios, len(doc.pages))
	}
	if contents < 2 {
		t.Errorf("the sample's contents has %d pages: the test needs more than one", contents)
	}
}

// firstOfKind is the index of the first page of the run of pages of
// page i's kind that holds it.
func firstOfKind(doc *document, i int) int {
	for i > 0 && doc.pages[i-1].kind == doc.pages[i].kind {
		i--
	}
	return i
}
