package layout

import (
	"testing"
	"unicode/utf8"
)

// FuzzParagraph lays out arbitrary text in two runs and checks the
// invariants of checkInvariants at a measure every cluster fits into.
func FuzzParagraph(f *testing.F) {
	for _, s := range []string{
		"一二三四五。六七", "他说：「好。」我走了……", "中文English混排, 5.2%的增长——真的！",
		"见https://example.org/a/b了", "あいうえおーかきっく", "「「「」」」。。。",
		"a\nb\n\n中文", "𠮷野家の牛丼", "e\u0301 中\U000E0100文",
	} {
		f.Add(s, "（注）", uint8(7), uint8(0))
	}
	f.Fuzz(func(t *testing.T, a, b string, w, style uint8) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return
		}
		opt := Options{
			Width:         3 + float64(w%40)/2, // 3 … 22.5 em: every cluster of the fake face fits
			Indent:        float64(w%3) / 2,
			Punct:         PunctStyle(style % 3),
			Align:         Align(style / 3 % 4),
			HanLatinSpace: style&16 != 0,
			StrictKinsoku: style&32 != 0,
		}
		if opt.Indent > 0 {
			opt.Indent = 2
		}
		runs := []Run{
			{Text: a, Face: fakeFace{hant: opt.Punct == PunctHant}, Size: 1},
			{Text: b, Face: fakeFace{}, Size: 1, Tag: 1},
		}
		if style&64 != 0 && utf8.RuneCountInString(b) == 1 {
			runs[1].Ruby = "ちょ" // one box, as wide as a wide cluster: it fits
		}
		lines := Paragraph(runs, opt)
		checkInvariants(t, runs, opt, lines, 1e-6)
	})
}
