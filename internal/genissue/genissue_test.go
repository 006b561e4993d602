package genissue

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/qikan-dev/qikan/issue"
)

const sample = "../../testdata/dangyuanzhiyou-2025-03"

// TestWriteLoads: a generated issue is valid, holds figures of several
// shapes and tables, and the same seed gives the same files.
func TestWriteLoads(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	opt := Options{Seed: 7, Source: sample, FigureRate: 0.5, TableRate: 0.2}
	for _, dir := range []string{a, b} {
		if err := Write(dir, opt); err != nil {
			t.Fatal(err)
		}
	}
	iss, _, err := issue.Load(a)
	if err != nil {
		t.Fatalf("generated issue does not load: %v", err)
	}
	figures, tables := 0, 0
	shapes := map[float64]bool{}
	for _, art := range iss.Articles() {
		for _, bl := range art.Blocks {
			switch bl := bl.(type) {
			case *issue.Figure:
				figures++
				shapes[float64(bl.Image.Width)/float64(bl.Image.Height)] = true
			case *issue.Table:
				tables++
			}
		}
	}
	if figures < 10 || len(shapes) < 4 || tables < 1 {
		t.Errorf("%d figures of %d shapes, %d tables: not a figure-heavy issue", figures, len(shapes), tables)
	}
	files, _ := filepath.Glob(filepath.Join(a, "*", "*"))
	files = append(files, filepath.Join(a, "issue.yaml"))
	for _, f := range files {
		rel, _ := filepath.Rel(a, f)
		x, _ := os.ReadFile(f)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs with one seed", rel)
		}
	}
}

func TestWriteBadSource(t *testing.T) {
	if err := Write(t.TempDir(), Options{Source: t.TempDir()}); err == nil {
		t.Error("no error for a source without articles")
	}
}
