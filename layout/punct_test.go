package layout

import (
	"strings"
	"testing"
)

// narrowDash is the fake face with a proportional em dash, 0.89 em wide
// (as in Noto CJK): the doubled dash must still take 2 em.
type narrowDash struct{ fakeFace }

func (f narrowDash) Advance(r rune) float64 {
	if r == '—' {
		return 0.89
	}
	return f.fakeFace.Advance(r)
}

func (f narrowDash) Ink(r rune) (float64, float64) {
	if r == '—' {
		return 0.04, 0.85
	}
	return f.fakeFace.Ink(r)
}

// TestDoubledDash: —— is one unbroken 2-em piece that justification never
// opens up; a single dash keeps the face's width.
func TestDoubledDash(t *testing.T) {
	runs := []Run{{Text: "一二——三四五六七八九十一二三四五六七八九十", Face: narrowDash{}, Size: 1}}
	opt := Options{Width: 10.5}
	lines := Paragraph(runs, opt)
	checkInvariants(t, runs, opt, lines, 1e-6)
	found := false
	for _, l := range lines {
		for _, it := range l.Items {
			if strings.Contains(it.Text, "—") {
				found = true
				if it.Text != "——" || !near(it.Width, 2) || !DashRun(it.Text) {
					t.Errorf("dash item %q width %.3f, want one item —— of 2 em", it.Text, it.Width)
				}
			}
		}
	}
	if !found {
		t.Fatal("no dash item")
	}
	single := Paragraph([]Run{{Text: "一—二", Face: narrowDash{}, Size: 1}}, Options{Width: 20})
	if w := single[0].Items[1].Width; !near(w, 0.89) || DashRun("—") {
		t.Errorf("single dash width %.3f, want 0.89", w)
	}
}

// TestPairFloor: a stop or closing mark and an opening one never take
// less than 1.5 em together, however much the line must shrink; a lone
// comma may give its blank half (clreq §3.1.7).
func TestPairFloor(t *testing.T) {
	for _, text := range []string{"一二三，「四」五六七八九", "一二三、“四”五六七八九"} {
		runs := []Run{{Text: text, Face: fakeFace{}, Size: 1}}
		opt := Options{Width: 10.5}
		lines := Paragraph(runs, opt)
		checkInvariants(t, runs, opt, lines, 1e-6)
		items := lines[0].Items
		for i := 0; i+1 < len(items); i++ {
			if a, b := items[i], items[i+1]; classOf([]rune(a.Text)[0]) == pcStop && classOf([]rune(b.Text)[0]) == pcOpen {
				if w := b.X + b.LeftTrim + b.Width - (a.X + a.LeftTrim); w < 1.5-1e-6 {
					t.Errorf("%q: %s%s takes %.3f em, below 1.5", text, a.Text, b.Text, w)
				}
			}
		}
	}
}

// TestHardBreakIndent: every line after a hard break starts with the
// first-line indent, as the paragraph's first line does (a poem's lines).
func TestHardBreakIndent(t *testing.T) {
	runs := []Run{{Text: "床前明月光\n疑是地上霜\n举头望明月\n低头思故乡", Face: fakeFace{}, Size: 1}}
	lines := Paragraph(runs, Options{Width: 20, Indent: 2})
	if len(lines) != 4 {
		t.Fatalf("%d lines, want 4", len(lines))
	}
	for i, l := range lines {
		if x := l.Items[0].X; !near(x, 2) {
			t.Errorf("line %d starts at %.3f, want the indent 2", i+1, x)
		}
	}
}
