package layout

import (
	"math"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// fakeFace has fixed, hand-checkable metrics: every wide character 1 em;
// Latin letters by shape (i l j t f ' . , : ; ! | narrow, m w M W wide);
// full-width punctuation inked as in GB fonts (stops and closing marks in
// the left half, opening marks in the right half) or, with hant, with the
// stops centred.
type fakeFace struct {
	hant    bool
	inkFull bool // every glyph inked across its whole advance (nothing may be trimmed)
}

func (fakeFace) HasGlyph(r rune) bool { return r != 0xFFFD }

func (fakeFace) Advance(r rune) float64 {
	switch {
	case isZeroWidth(r):
		return 0
	case isWide(r), r == '“', r == '”', r == '‘', r == '’', r == '—', r == '…', r == '·':
		return 1
	case r == ' ':
		return 0.25
	case strings.ContainsRune("iljtf'.,:;!|", r):
		return 0.25
	case strings.ContainsRune("mwMW", r):
		return 0.75
	}
	return 0.5
}

func (f fakeFace) Ink(r rune) (float64, float64) {
	adv := f.Advance(r)
	if f.inkFull {
		return 0, adv
	}
	switch classOf(r) {
	case pcOpen:
		return 0.55, 0.9
	case pcClose:
		return 0.1, 0.45
	case pcStop:
		if f.hant || r == '？' || r == '！' {
			return 0.3, 0.7
		}
		return 0.1, 0.4
	case pcMiddle:
		return 0.4, 0.6
	}
	if adv == 0 {
		return 0, 0
	}
	return 0.05 * adv, 0.95 * adv
}

// lay sets text in the fake face at size 1 (so lengths are in em).
func lay(text string, width float64, mod ...func(*Options)) []Line {
	opt := Options{Width: width}
	for _, m := range mod {
		m(&opt)
	}
	return Paragraph([]Run{{Text: text, Face: fakeFace{hant: opt.Punct == PunctHant}, Size: 1}}, opt)
}

func lineTexts(lines []Line) []string {
	var out []string
	for _, l := range lines {
		var b strings.Builder
		for _, it := range l.Items {
			b.WriteString(it.Text)
		}
		out = append(out, b.String())
	}
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

// visible drops the runes that layout turns into gaps.
func visible(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !(r != utf8.RuneError || n > 1) || !isGap(r) {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// checkInvariants verifies the contract of Paragraph on any input whose
// clusters each fit the measure:
//   - the items' texts, concatenated, equal the input without white space;
//   - no line is wider than the measure (tolerance tol) and every justified
//     line is exactly the measure;
//   - no line after a normal break starts with a line-start-prohibited
//     character, no line before one ends with a line-end-prohibited one;
//   - items do not overlap and are in order (the base of a ruby item: its
//     ruby may hang over a neighbour).
func checkInvariants(t testing.TB, runs []Run, opt Options, lines []Line, tol float64) {
	t.Helper()
	var want, got strings.Builder
	for _, r := range runs {
		want.WriteString(visible(r.Text))
	}
	prevBreak := BreakForced
	for li, l := range lines {
		var lt strings.Builder
		end := math.Inf(-1)
		for k, it := range l.Items {
			lt.WriteString(it.Text)
			if it.Text == "" {
				t.Errorf("line %d item %d: empty text", li, k)
			}
			start, stop := it.X+it.LeftTrim, it.X+it.LeftTrim+it.Width
			if r := runs[it.Run]; r.Ruby != "" {
				start = it.X + r.RubyLayout(it.Width).BaseX
				stop = start + r.baseWidth()
			}
			if start < end-tol {
				t.Errorf("line %d item %d %q starts at %.4f before the previous item ends at %.4f", li, k, it.Text, start, end)
			}
			end = stop
		}
		got.WriteString(lt.String())
		if l.Width > opt.Width+tol {
			t.Errorf("line %d %q: width %.4f exceeds measure %.4f", li, lt.String(), l.Width, opt.Width)
		}
		if n := len(l.Items); n > 0 && l.Items[n-1].X+l.Items[n-1].Width > opt.Width+tol && opt.Align != AlignCenter {
			t.Errorf("line %d %q: ends at %.4f beyond measure %.4f", li, lt.String(), l.Items[len(l.Items)-1].X+l.Items[len(l.Items)-1].Width, opt.Width)
		}
		if l.Justified && math.Abs(l.Width-opt.Width) > tol {
			t.Errorf("line %d %q: justified width %.4f ≠ measure %.4f", li, lt.String(), l.Width, opt.Width)
		}
		if l.Justified && l.Break != BreakNormal && l.Break != BreakEmergency {
			t.Errorf("line %d %q: break %v must not be justified", li, lt.String(), l.Break)
		}
		s := lt.String()
		if s != "" && prevBreak == BreakNormal {
			if r, _ := utf8.DecodeRuneInString(s); noStart(r, opt.StrictKinsoku) {
				t.Errorf("line %d %q starts with prohibited %q", li, s, r)
			}
		}
		if s != "" && l.Break == BreakNormal {
			if r, _ := utf8.DecodeLastRuneInString(s); noEnd(r) {
				t.Errorf("line %d %q ends with prohibited %q", li, s, r)
			}
		}
		prevBreak = l.Break
	}
	if len(lines) > 0 && lines[len(lines)-1].Break != BreakFinal {
		t.Errorf("last line has break %v, want BreakFinal", lines[len(lines)-1].Break)
	}
	if got.String() != want.String() {
		t.Errorf("text changed:\n got %q\nwant %q", got.String(), want.String())
	}
}

var _ = unicode.IsSpace
