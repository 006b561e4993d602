package pdf

import (
	"io"
	"testing"
)

// BenchmarkWriteSample typesets the whole sample issue (fonts and issue
// loaded once, outside the timing). Compare with typst's 0.73 s.
func BenchmarkWriteSample(b *testing.B) {
	iss, set := loadSample(b)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := Write(io.Discard, iss, set, sampleOptions); err != nil {
			b.Fatal(err)
		}
	}
}
