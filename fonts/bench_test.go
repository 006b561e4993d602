package fonts

import (
	"bytes"
	"compress/flate"
	"path/filepath"
	"testing"

	"github.com/qikan-dev/qikan/assets"
	"github.com/qikan-dev/qikan/issue"
)

func BenchmarkParseDefaults(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseFace(assets.SerifTTF, "serif"); err != nil {
			b.Fatal(err)
		}
		if _, err := parseFace(assets.SansTTF, "sans"); err != nil {
			b.Fatal(err)
		}
	}
}

// benchText is 60 000 characters of mixed Han, punctuation and Latin from
// the serif's own character set.
func benchText(b *testing.B, f *Face) []rune {
	all := f.Runes()
	rs := make([]rune, 60000)
	for i := range rs {
		switch {
		case i%17 == 0:
			rs[i] = '，'
		case i%29 == 0:
			rs[i] = 'a' + rune(i%26)
		default:
			rs[i] = all[(i*7919)%len(all)]
		}
	}
	return rs
}

func BenchmarkAdvance(b *testing.B) {
	f, err := NewLibrary().Default(Body)
	if err != nil {
		b.Fatal(err)
	}
	text := benchText(b, f)
	b.ResetTimer()
	var sum float64
	i := 0
	for b.Loop() {
		sum += f.Advance(text[i])
		i++
		if i == len(text) {
			i = 0
		}
	}
	if sum <= 0 {
		b.Fatal("no advance")
	}
}

// BenchmarkAdvance60k measures the metrics part of laying out a 60 000
// character issue: one Advance and one HasGlyph per character.
func BenchmarkAdvance60k(b *testing.B) {
	f, err := NewLibrary().Default(Body)
	if err != nil {
		b.Fatal(err)
	}
	text := benchText(b, f)
	b.ResetTimer()
	for b.Loop() {
		var sum float64
		for _, r := range text {
			if f.HasGlyph(r) {
				sum += f.Advance(r)
			}
		}
		if sum <= 0 {
			b.Fatal("no advance")
		}
	}
}

func BenchmarkInk(b *testing.B) {
	f, err := NewLibrary().Default(Body)
	if err != nil {
		b.Fatal(err)
	}
	punct := []rune("。，、（）“”《》「」")
	i := 0
	for b.Loop() {
		f.Ink(punct[i%len(punct)])
		i++
	}
}

func BenchmarkSplit(b *testing.B) {
	set, err := NewLibrary().Set("", "")
	if err != nil {
		b.Fatal(err)
	}
	text := string(benchText(b, set.Face(Body))[:1000])
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		set.Split(Body, text)
	}
}

// BenchmarkSubset3000TTF makes the PDF subset of 3,000 characters of the
// embedded serif.
func BenchmarkSubset3000TTF(b *testing.B) {
	f, err := NewLibrary().Default(Body)
	if err != nil {
		b.Fatal(err)
	}
	runes := sampleRunes(f, 3000)
	if _, err := Subset(f, runes); err != nil { // parse once
		b.Fatal(err)
	}
	b.ResetTimer()
	var size int
	for b.Loop() {
		out, err := Subset(f, runes)
		if err != nil {
			b.Fatal(err)
		}
		size = len(out)
	}
	b.ReportMetric(float64(size), "bytes")
}

// benchmarkWebSubset makes a web subset of 3,000 characters of the
// embedded serif, set in Simplified Chinese with a few in Japanese, and
// reports its size and its size deflated as the EPUB's zip stores it.
func benchmarkWebSubset(b *testing.B, format Format) {
	f, err := NewLibrary().Default(Body)
	if err != nil {
		b.Fatal(err)
	}
	runes := sampleRunes(f, 3000)
	text := NewText()
	text.Add("zh-CN", string(runes))
	text.Add("ja", string(runes[:300]))
	b.ResetTimer()
	var out []byte
	for b.Loop() {
		if out, err = WebSubset(f, text, format); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(len(out)), "bytes")
	var z bytes.Buffer
	zw, _ := flate.NewWriter(&z, flate.BestCompression)
	zw.Write(out)
	zw.Close()
	b.ReportMetric(float64(z.Len()), "deflated-bytes")
}

func BenchmarkWebSubset3000TTF(b *testing.B)   { benchmarkWebSubset(b, TTF) }
func BenchmarkWebSubset3000WOFF2(b *testing.B) { benchmarkWebSubset(b, WOFF2) }

func BenchmarkCheckSample(b *testing.B) {
	iss, _, err := issue.Load(filepath.Join("..", "testdata", "dangyuanzhiyou-2025-03"))
	if err != nil {
		b.Skip("sample issue does not load:", err)
	}
	set, err := NewLibrary().Set("", "")
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		Check(set, iss)
	}
}

// BenchmarkSetDefaults parses every embedded face, as an export does once
// per process.
func BenchmarkSetDefaults(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewLibrary().Set("", ""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkForLang makes the zh-TW, ja and ko forms of the body face.
func BenchmarkForLang(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		f, err := parseFace(assets.SerifTTF, "serif")
		if err != nil {
			b.Fatal(err)
		}
		f.ForLang("zh-TW")
		f.ForLang("ja")
		f.ForLang("ko")
	}
}

// BenchmarkSubsetRare subsets twelve rare name characters, whose outlines
// are stored compressed: the price of a rare name.
func BenchmarkSubsetRare(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		f, err := NewLibrary().Default(Body)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Subset(f, []rune("中文堃喆祎旸瑋䶮龘囧饸饹偸屌")); err != nil {
			b.Fatal(err)
		}
	}
}
