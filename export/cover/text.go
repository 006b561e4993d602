package cover

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/qikan-dev/qikan/layout"
)

// ellipsis ends a text cut short.
const ellipsis = "…"

// paragraph sets text in st (sizes in page units) into lines of the given
// width with layout.Paragraph. With maxLines > 0 a longer text is cut
// after maxLines lines, the last of which then ends in an ellipsis. The
// Texts are positioned at (0, 0); the caller places them.
func (d *designer) paragraph(text string, st style, width float64, align layout.Align, maxLines int) []*Text {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil
	}
	lines, runs := d.set(text, st, width, align)
	if maxLines <= 0 || len(lines) <= maxLines {
		return texts(lines, runs)
	}
	// The last line kept starts at byte start of text and ends at end.
	start, end := 0, 0
	cursor := 0
	for i, ln := range lines[:maxLines] {
		for k, it := range ln.Items {
			at := cursor + strings.Index(text[cursor:], it.Text)
			if i == maxLines-1 && k == 0 {
				start = at
			}
			cursor = at + len(it.Text)
		}
		end = cursor
	}
	kept := texts(lines[:maxLines-1], runs)
	// Shorten the last line until it holds the ellipsis too: a character
	// or two at most, unless the ellipsis is set wider than the text.
	rest := text[start:end]
	for {
		cut := strings.TrimRightFunc(rest, unicode.IsSpace) + ellipsis
		last, lastRuns := d.set(cut, st, width, align)
		if len(last) == 1 || rest == "" {
			d.c.Cut = append(d.c.Cut, Cut{Field: d.field, Index: d.index, Text: text, Shown: text[:start] + strings.TrimRightFunc(rest, unicode.IsSpace)})
			return append(kept, texts(last[:1], lastRuns)...)
		}
		_, n := utf8.DecodeLastRuneInString(rest)
		rest = rest[:len(rest)-n]
	}
}

// set breaks text into lines of the given width.
func (d *designer) set(text string, st style, width float64, align layout.Align) ([]layout.Line, []Run) {
	var lruns []layout.Run
	var runs []Run
	for _, seg := range d.faces.Split(st.role, text) {
		lruns = append(lruns, layout.Run{Text: seg.Text, Face: seg.Face, Size: st.size, Tag: len(runs)})
		runs = append(runs, Run{Face: seg.Face, Size: st.size, Color: st.color, Bold: st.bold, Missing: seg.Missing})
	}
	lines := layout.Paragraph(lruns, layout.Options{
		Width: width, Punct: d.lang.Punct, Align: align,
		HanLatinSpace: d.opt.HanLatinSpace, StrictKinsoku: d.lang.StrictKinsoku,
	})
	return lines, runs
}

// texts wraps lines as Texts sharing runs.
func texts(lines []layout.Line, runs []Run) []*Text {
	out := make([]*Text, 0, len(lines))
	for _, ln := range lines {
		if len(ln.Items) == 0 {
			continue
		}
		out = append(out, &Text{Line: ln, Runs: runs})
	}
	return out
}
