package layout

import "testing"

// TestKoreanDigitsNoHanLatinGap: the quarter-em gap between Han and Latin
// letters or digits (clreq) is not put between Hangul and digits: 3권 is
// one Korean word.
func TestKoreanDigitsNoHanLatinGap(t *testing.T) {
	f := fakeFace{}
	for _, tt := range []struct {
		text string
		gap  bool
	}{{"책3권", false}, {"第3期", true}} {
		lines := Paragraph([]Run{{Text: tt.text, Face: f, Size: 1}}, Options{Width: 100, Align: AlignLeft, HanLatinSpace: true})
		got := lines[0].Width > 2.5+1e-9 // 1 + 0.5 + 1 without gaps
		if got != tt.gap {
			t.Errorf("%s: width %v, gap %v, want %v", tt.text, lines[0].Width, got, tt.gap)
		}
	}
}

// TestSpaceStretchCap: a line justified by its word spaces alone (Korean)
// stretches them to at most four times their width and is left short of
// the measure beyond that, never gapped wider.
func TestSpaceStretchCap(t *testing.T) {
	f := fakeFace{}
	runs := []Run{{Text: "대한민국의 수도는 서울이며 한글은 세종대왕이 창제하였다", Face: f, Size: 1}}
	for _, width := range []float64{9, 10, 12, 20} {
		for _, ln := range Paragraph(runs, Options{Width: width, Align: Justify}) {
			for k := 1; k < len(ln.Items); k++ {
				a, b := ln.Items[k-1], ln.Items[k]
				if gap := b.X - (a.X + a.Width); gap > 4*0.25+1e-9 {
					t.Errorf("measure %v: gap of %.2f em between %q and %q", width, gap, a.Text, b.Text)
				}
			}
			if ln.Justified && ln.Width != width {
				t.Errorf("justified line %v wide in %v", ln.Width, width)
			}
		}
	}
}
