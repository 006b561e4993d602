package layout_test

import (
	"strings"
	"testing"

	"github.com/qikan-dev/qikan/layout"
)

// TestLoosenessSample: most paragraphs of six lines or more of the sample
// issue, set in its column, can be set a line longer, some a line
// shorter; every such setting keeps the text, the measure and the
// justification, and no line is stretched beyond reason.
func TestLoosenessSample(t *testing.T) {
	face := bodyFace(t)
	const size, width = 9.5, 27 * 9.5
	tried, longer, shorter := 0, 0, 0
	for _, texts := range sampleParagraphs(t) {
		if strings.Contains(strings.Join(texts, ""), "\n") {
			continue
		}
		runs := runsOf(texts, face)
		opt := layout.Options{Width: width, Indent: 2 * size}
		best := layout.Paragraph(runs, opt)
		if len(best) < 6 {
			continue
		}
		tried++
		for _, loose := range []int{1, -1} {
			o := opt
			o.Looseness = loose
			lines := layout.Paragraph(runs, o)
			var got, want strings.Builder
			for _, l := range lines {
				if l.Width > width+1e-6 || l.Justified && (l.Ratio > 1.5 || l.Width < width-1e-6) {
					t.Errorf("looseness %d: line of width %.2f, ratio %.2f", loose, l.Width, l.Ratio)
				}
				for _, it := range l.Items {
					got.WriteString(it.Text)
				}
			}
			for _, r := range runs {
				want.WriteString(strings.Join(strings.Fields(r.Text), ""))
			}
			if got.String() != want.String() {
				t.Fatalf("looseness %d changed the text", loose)
			}
			switch len(lines) - len(best) {
			case loose:
				if loose > 0 {
					longer++
				} else {
					shorter++
				}
			case 0:
			default:
				t.Errorf("looseness %d: %d lines from %d", loose, len(lines), len(best))
			}
		}
	}
	t.Logf("%d paragraphs: %d a line longer, %d a line shorter", tried, longer, shorter)
	if tried < 50 || longer < tried*6/10 {
		t.Errorf("%d of %d paragraphs could be set a line longer", longer, tried)
	}
}
