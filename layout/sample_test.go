package layout_test

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/issue"
	"github.com/qikan-dev/qikan/layout"
)

const sampleDir = "../testdata/dangyuanzhiyou-2025-03"

// sampleParagraphs returns the inline runs of every block of running
// text of the sample issue, as issue.Load reads it: paragraphs, subheads,
// quotes, list items and table cells, with their runs of emphasis, links
// and hard breaks ("\n") as the backends get them.
func sampleParagraphs(t testing.TB) [][]string {
	t.Helper()
	return issueParagraphs(t, sampleDir)
}

// issueParagraphs loads the issue in dir and returns its paragraphs' runs.
func issueParagraphs(t testing.TB, dir string) [][]string {
	t.Helper()
	var paras [][]string
	for _, a := range issueTexts(t, dir) {
		paras = append(paras, a.paras...)
	}
	return paras
}

// blockRuns returns the texts of the inline runs of every block of running
// text in blocks: paragraphs, subheads, quotes, list items and table cells,
// with their runs of emphasis, links and hard breaks ("\n") as the
// backends get them.
func blockRuns(blocks []issue.Block) [][]string {
	var paras [][]string
	issue.EachText(blocks, func(in []issue.Inline) {
		var runs []string
		for _, r := range in {
			if r.Text != "" {
				runs = append(runs, r.Text)
			}
		}
		if len(runs) > 0 {
			paras = append(paras, runs)
		}
	}, nil)
	return paras
}

// runsOf makes layout runs of texts in one face, punctuation normalised.
func runsOf(texts []string, face layout.Face) []layout.Run {
	runs := make([]layout.Run, len(texts))
	for i, t := range texts {
		t, _ = layout.NormalizePunct(t)
		runs[i] = layout.Run{Text: t, Face: face, Size: 10, Tag: i}
	}
	return runs
}

func bodyFace(t testing.TB) *fonts.Face {
	t.Helper()
	f, err := fonts.NewLibrary().Default(fonts.Body)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestSampleIssueInvariants lays out every paragraph of the sample issue in
// the embedded body face at 10 pt on two measures and checks the invariants
// of every line (see checkInvariants): nothing lost or duplicated, no line
// wider than the measure, justified lines exactly flush, no prohibited
// character at a line start or end. It also checks that no line is
// stretched beyond recognition: at most one line in a hundred is looser
// than 1/8 em per gap.
func TestSampleIssueInvariants(t *testing.T) {
	paras := sampleParagraphs(t)
	face := bodyFace(t)
	for _, measure := range []float64{17, 23.5} {
		opt := layout.Options{Width: measure * 10, Indent: 20, HanLatinSpace: true}
		var lines, loose, chars int
		for _, p := range paras {
			runs := runsOf(p, face)
			ls := layout.Paragraph(runs, opt)
			layout.CheckInvariants(t, runs, opt, ls, 0.01)
			for _, l := range ls {
				lines++
				chars += len([]rune(strings.Join(layout.LineTexts([]layout.Line{l}), "")))
				if l.Justified && l.Ratio > 2 { // > 2 × 1/16 em per gap
					loose++
				}
			}
		}
		t.Logf("measure %.1f em: %d paragraphs, %d lines, %d characters, %d loose lines", measure, len(paras), lines, chars, loose)
		if lines == 0 || loose*100 > lines {
			t.Errorf("measure %.1f em: %d of %d lines loose", measure, loose, lines)
		}
	}
}

// BenchmarkSampleIssue lays out the whole sample issue at one measure.
func BenchmarkSampleIssue(b *testing.B) {
	paras := sampleParagraphs(b)
	face := bodyFace(b)
	var all [][]layout.Run
	chars := 0
	for _, p := range paras {
		runs := runsOf(p, face)
		all = append(all, runs)
		for _, r := range runs {
			chars += len([]rune(r.Text))
		}
	}
	for _, measure := range []float64{17, 23.5} {
		b.Run(strconv.FormatFloat(measure, 'f', -1, 64)+"em", func(b *testing.B) {
			opt := layout.Options{Width: measure * 10, Indent: 20, HanLatinSpace: true}
			lines := 0
			for i := 0; i < b.N; i++ {
				for _, runs := range all {
					lines += len(layout.Paragraph(runs, opt))
				}
			}
			b.ReportMetric(float64(lines)/b.Elapsed().Seconds(), "lines/s")
			b.ReportMetric(float64(chars), "chars/issue")
		})
	}
}

// TestRealFacePunctuation checks punctuation compression against the ink
// of the embedded Noto Serif CJK SC (GB style: stops in the lower left,
// opening quotes inked on the right).
func TestRealFacePunctuation(t *testing.T) {
	face := bodyFace(t)
	const size = 10
	lines := layout.Paragraph([]layout.Run{{Text: "他说：“好。”我走了。", Face: face, Size: size}}, layout.Options{Width: 300})
	want := map[string]float64{"：": 5, "“": 10, "。": 5, "”": 10}
	for _, it := range lines[0].Items[:6] {
		if w, ok := want[it.Text]; ok && math.Abs(it.Width-w) > 1e-6 {
			t.Errorf("%q width %.3f, want %.3f", it.Text, it.Width, w)
		}
	}
	if last := lines[0].Items[len(lines[0].Items)-1]; math.Abs(last.Width-size) > 1e-6 {
		t.Errorf("final 。 width %.3f, want full %d", last.Width, size)
	}
	// An opening quote at the start of a line (not the paragraph's first)
	// is set half-width: its blank left half is cut off.
	lines = layout.Paragraph([]layout.Run{{Text: "一二三四五“六七八”九十", Face: face, Size: size}}, layout.Options{Width: 50})
	if got := layout.LineTexts(lines); len(got) < 2 || !strings.HasPrefix(got[1], "“") {
		t.Fatalf("lines %q: want line 2 to start with “", got)
	}
	q := lines[1].Items[0]
	if math.Abs(q.LeftTrim-5) > 1e-6 || math.Abs(q.X+q.LeftTrim) > 1e-6 || math.Abs(q.Width-5) > 1e-6 {
		t.Errorf("line-start “: X %.3f trim %.3f width %.3f, want X -5 trim 5 width 5", q.X, q.LeftTrim, q.Width)
	}
}
