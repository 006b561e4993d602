package export

import (
	"path/filepath"
	"testing"

	"github.com/qikan-dev/qikan/fonts"
)

// BenchmarkIssueSample exports the sample issue to EPUB and PDF with a
// fresh font library each time, as one `qikan export` run does.
func BenchmarkIssueSample(b *testing.B) {
	sample := filepath.Join("..", "testdata", "dangyuanzhiyou-2025-03")
	for _, formats := range [][]string{{"epub"}, {"pdf"}, {"epub", "pdf"}} {
		b.Run(filepath.Join(formats...), func(b *testing.B) {
			out := b.TempDir()
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := Issue(sample, fonts.NewLibrary(), Options{OutDir: out, Formats: formats}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
