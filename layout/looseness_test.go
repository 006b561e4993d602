package layout

import "testing"

// TestLoosenessImpossible: a paragraph that cannot be set a line longer or
// shorter with fit lines is left as its best breaking.
func TestLoosenessImpossible(t *testing.T) {
	text := "一二三四五六七八九十一二三四五六七八九十一二"
	runs := []Run{{Text: text, Face: fakeFace{}, Size: 1}}
	for _, loose := range []int{1, -1, 3, -3} {
		opt := Options{Width: 20, Looseness: loose}
		lines := Paragraph(runs, opt)
		checkInvariants(t, runs, opt, lines, 1e-6)
		if len(lines) != 2 {
			t.Errorf("looseness %d: %d lines, want its 2", loose, len(lines))
		}
	}
}
