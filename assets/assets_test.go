package assets

import "testing"

// TestFontBudget keeps the embedded fonts within the binary budget: the
// binary must stay under 64 MB, and the rest of it is about 27 MB.
func TestFontBudget(t *testing.T) {
	const budget = 35_500_000
	total := 0
	for _, b := range [][]byte{SerifTTF, SerifRare, SansTTF, SansRare, MonoTTF,
		SerifLatinTTF, SansLatinTTF, MonoLatinTTF, SymbolsTTF, MathTTF, []byte(FontLicense)} {
		if len(b) == 0 {
			t.Error("an embedded font file is empty")
		}
		total += len(b)
	}
	t.Logf("embedded fonts: %d bytes", total)
	if total > budget {
		t.Errorf("embedded fonts: %d bytes, over the %d budget", total, budget)
	}
}
