package layout

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

func ja(o *Options)     { o.Punct = PunctJA }
func strict(o *Options) { o.Punct = PunctJA; o.StrictKinsoku = true }
func hant(o *Options)   { o.Punct = PunctHant }
func hls(o *Options)    { o.HanLatinSpace = true }

// TestBreaks checks hand-worked line breaks; widths are in em.
func TestBreaks(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float64
		mod   []func(*Options)
		want  []string
	}{
		{"plain grid", "一二三四五六七八九十", 5, nil, []string{"一二三四五", "六七八九十"}},
		// 。 may not start a line (clreq §3.1.7). Keeping it on line 1
		// needs 6 em and only its own ½ em is compressible: push 五 down.
		{"oidashi before stop", "一二三四五。六七", 5, nil, []string{"一二三四", "五。六七"}},
		// Line 1 "一二，三四五。" is 7 em, the comma and the stop can give ½ em
		// each: compression (oikomi) beats pushing two characters down.
		{"compress before oidashi", "一二，三四五。六七八", 6, nil, []string{"一二，三四五。", "六七八"}},
		{"closing bracket not at start", "一二三四」五六七八", 4, nil, []string{"一二三", "四」五六", "七八"}},
		{"opening bracket not at end", "一二三「四五六七八", 4, nil, []string{"一二三", "「四五六", "七八"}},
		{"ellipsis pair not split", "一二三四……五六七八九", 5, nil, []string{"一二三", "四……五六", "七八九"}},
		{"dash pair not split", "一二三四——五六七八九", 5, nil, []string{"一二三", "四——五六", "七八九"}},
		{"percent stays with number", "一二三四5.2%五六", 5, nil, []string{"一二三四", "5.2%五六"}},
		// hello = .5+.5+.25+.25+.5 = 2 em: line 1 is exactly 5 em.
		{"latin word kept", "一二三hello四五六", 5, nil, []string{"一二三hello", "四五六"}},
		// one 1.5, two 1.5, three 2.25, four 1.75, space .25: "two three" is exactly 4.
		{"spaces break latin", "one two three four", 4, nil, []string{"one", "twothree", "four"}},
		// 見 + https:// (3.25) + ex. (1.25) = 5.5; org/abcd/ = 4.5; a break after ':' or inside "abcd" would be illegal.
		{"url only after slash or dot", "見https://ex.org/abcd/efgh了", 6, nil, []string{"見https://ex.", "org/abcd/", "efgh了"}},
		// jlreq: ー and small kana may start a line unless kinsoku is strict.
		{"ja normal kinsoku", "あいうえおーかき", 5, []func(*Options){ja}, []string{"あいうえお", "ーかき"}},
		{"ja strict kinsoku", "あいうえおーかき", 5, []func(*Options){strict}, []string{"あいうえ", "おーかき"}},
		{"ja strict small tsu", "あいうえおっかき", 5, []func(*Options){strict}, []string{"あいうえ", "おっかき"}},
		// widow: greedy would leave 十 alone on the last line.
		{"widow pulled down", "一二三四五六七八九十", 9, nil, []string{"一二三四五六七八", "九十"}},
		{"widow with punctuation", "一二三四五六七八九十。", 9, nil, []string{"一二三四五六七八", "九十。"}},
		{"forced break", "一二\n三四", 5, nil, []string{"一二", "三四"}},
		// Korean breaks at the spaces between words, never inside a word
		// (CSS word-break: keep-all): not between syllables, nor after
		// digits, Hanja or a closing quote that a particle follows …
		{"ko at spaces", "가나다 라마바 사아자 차카", 7, nil, []string{"가나다라마바", "사아자차카"}},
		{"ko loose line kept whole", "가나다 라마바 사아자차카", 8, nil, []string{"가나다라마바", "사아자차카"}},
		{"ko digits and particle", "가나다 2025년에 라마", 6, nil, []string{"가나다", "2025년에", "라마"}},
		{"ko quote and particle", "가나다 “서울”은 라마", 5, nil, []string{"가나다", "“서울”은", "라마"}},
		{"ko hanja and particle", "가나 大韓民國의 다라", 6, nil, []string{"가나", "大韓民國의", "다라"}},
		// … unless the word alone is wider than the measure.
		{"ko word wider than the measure", "가나다 라마바사아자차카타파하", 8, nil, []string{"가나다라마바사", "아자차카타파하"}},
		{"ko long word cut", "가나다라마바사아자차", 4, nil, []string{"가나다라", "마바사아", "자차"}},
		// Hangul in a sentence with full-width stops is not a Korean word.
		{"hangul among han", "一二三四가나，五六七八", 5, nil, []string{"一二三四", "가나，五六", "七八"}},
		// The line before a hard break ends a line of text: no widow there
		// either (a link or Latin run before the break made one).
		{"widow before forced break", "一二三四五六七八九十\n三四", 9, nil, []string{"一二三四五六七八", "九十", "三四"}},
		{"widow before forced break after latin", "一二三四ab五六\n七", 6.5, nil, []string{"一二三四ab", "五六", "七"}},
		{"forced double break", "一二\n\n三四", 5, nil, []string{"一二", "", "三四"}},
		// abcd 2, efghi 2, jklm 1.75 (+n would be 2.25), nop 1.5
		{"emergency long word", "abcdefghijklmnop", 2, nil, []string{"abcd", "efghi", "jklm", "nop"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lines := lay(tc.text, tc.width, tc.mod...)
			if got := lineTexts(lines); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			opt := Options{Width: tc.width}
			for _, m := range tc.mod {
				m(&opt)
			}
			checkInvariants(t, []Run{{Text: tc.text, Face: fakeFace{}, Size: 1}}, opt, lines, 1e-6)
		})
	}
}

func TestBreakKinds(t *testing.T) {
	lines := lay("一二\n\n三四五六七八九十一二", 5)
	var kinds []BreakKind
	for _, l := range lines {
		kinds = append(kinds, l.Break)
	}
	want := []BreakKind{BreakForced, BreakForced, BreakNormal, BreakFinal}
	if !reflect.DeepEqual(kinds, want) {
		t.Fatalf("kinds %v, want %v (%q)", kinds, want, lineTexts(lines))
	}
	if lines[0].Justified || !lines[2].Justified || lines[3].Justified {
		t.Errorf("justified flags: %v %v %v", lines[0].Justified, lines[2].Justified, lines[3].Justified)
	}
	lines = lay("abcdefghijkl", 2)
	if lines[0].Break != BreakEmergency {
		t.Errorf("long word: break %v, want BreakEmergency", lines[0].Break)
	}
}

// TestPunctWidths checks punctuation width adjustment (clreq §3.1.6).
func TestPunctWidths(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float64
		mod   []func(*Options)
		line  int
		item  int     // index of the item to check
		want  float64 // its width
		trim  float64 // its LeftTrim
	}{
		{"stop+closing 1.5em: stop trimmed", "他说：「好。」我走", 20, nil, 0, 5, 0.5, 0},
		{"stop+closing 1.5em: closing full", "他说：「好。」我走", 20, nil, 0, 6, 1, 0},
		{"colon+opening compressed", "他说：「好。」我走", 20, nil, 0, 2, 0.5, 0},
		{"opening after colon full", "他说：「好。」我走", 20, nil, 0, 3, 1, 0},
		{"closing+opening keep half", "甲」「乙", 20, nil, 0, 1, 0.5, 0},
		{"closing+opening: opening", "甲」「乙", 20, nil, 0, 2, 1, 0},
		{"opening+opening", "甲（「乙", 20, nil, 0, 2, 0.5, 0.5},
		{"hant stop+closing not trimmed", "他說：「好。」我走", 20, []func(*Options){hant}, 0, 5, 1, 0},
		{"hant closing+opening", "甲」「乙", 20, []func(*Options){hant}, 0, 1, 0.5, 0},
		{"comma at line end half", "一二三，四五六七", 4, nil, 0, 3, 0.5, 0},
		{"GB full stop at line end full", "一二三。四五六七", 4, nil, 0, 3, 1, 0},
		{"JA full stop at line end half", "一二三。四五六七", 4, []func(*Options){ja}, 0, 3, 0.5, 0},
		{"opening at line start half", "一二三四「五六」七八", 4, nil, 1, 0, 0.5, 0.5},
		{"paragraph-initial opening full", "「一二」三四", 10, nil, 0, 0, 1, 0},
		{"middle dot quarter each side in compression", "一二·三四五六", 6, nil, 0, 2, 1, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lines := lay(tc.text, tc.width, tc.mod...)
			if tc.line >= len(lines) || tc.item >= len(lines[tc.line].Items) {
				t.Fatalf("no item %d on line %d: %q", tc.item, tc.line, lineTexts(lines))
			}
			it := lines[tc.line].Items[tc.item]
			if !near(it.Width, tc.want) || !near(it.LeftTrim, tc.trim) {
				t.Errorf("item %q width %.3f trim %.3f, want %.3f trim %.3f (lines %q)", it.Text, it.Width, it.LeftTrim, tc.want, tc.trim, lineTexts(lines))
			}
		})
	}
}

// TestInkGuard: a face whose punctuation is inked edge to edge is never trimmed.
func TestInkGuard(t *testing.T) {
	lines := Paragraph([]Run{{Text: "他说：「好。」我走", Face: fakeFace{inkFull: true}, Size: 1}}, Options{Width: 20})
	for _, it := range lines[0].Items {
		if !near(it.Width, 1) || it.LeftTrim != 0 {
			t.Errorf("%q width %.3f trim %.3f, want 1, 0", it.Text, it.Width, it.LeftTrim)
		}
	}
}

func TestJustify(t *testing.T) {
	// 9 chars in a 9.5 em measure: ½ em spread over 8 gaps.
	lines := lay("一二三四五六七八九十一", 9.5)
	if len(lines) != 2 || !lines[0].Justified || !near(lines[0].Width, 9.5) {
		t.Fatalf("lines %q width %.3f", lineTexts(lines), lines[0].Width)
	}
	for k, it := range lines[0].Items {
		if !near(it.X, float64(k)*(1+0.5/8)) {
			t.Errorf("item %d at %.4f, want %.4f", k, it.X, float64(k)*(1+0.5/8))
		}
	}
	if lines[1].Justified || !near(lines[1].Width, 2) {
		t.Errorf("last line justified=%v width %.3f, want ragged 2", lines[1].Justified, lines[1].Width)
	}
}

// TestSpacesStretchFirst: in "中文 ab cd 中文" the spaces take the slack
// up to their stretch (½ space each) before the inter-character gaps.
func TestSpacesStretchFirst(t *testing.T) {
	// natural: 中文(2) + sp .25 + ab(1) + sp .25 + cd(1) + sp .25 + 中文二(3) = 7.75
	lines := lay("中文 ab cd 中文二三四五", 8)
	l := lines[0]
	if got := lineTexts(lines)[0]; got != "中文abcd中文二" {
		t.Fatalf("line 1 %q", got)
	}
	// 0.25 em slack ≤ 3 × 0.125 stretch of spaces: only spaces stretch.
	var xs []float64
	for _, it := range l.Items {
		xs = append(xs, it.X)
	}
	want := []float64{0, 1, 2 + 0.25 + 0.25/3, 3 + 0.5 + 0.5/3, 4 + 0.75 + 0.25, 5 + 1, 6 + 1}
	if len(xs) != len(want) {
		t.Fatalf("items %d, want %d: %+v", len(xs), len(want), l.Items)
	}
	for k := range want {
		if !near(xs[k], want[k]) {
			t.Errorf("item %d %q at %.4f, want %.4f", k, l.Items[k].Text, xs[k], want[k])
		}
	}
}

func TestHanLatinSpace(t *testing.T) {
	lines := lay("中文abc中文，abc。", 30, hls)
	var xs []float64
	for _, it := range lines[0].Items {
		xs = append(xs, it.X)
	}
	// 中 文 ¼ abc(1.5) ¼ 中 文 ，(full, mid-line) abc 。
	want := []float64{0, 1, 2.25, 4, 5, 6, 7, 8.5}
	if !reflect.DeepEqual(len(xs), len(want)) {
		t.Fatalf("items %+v", lines[0].Items)
	}
	for k := range want {
		if !near(xs[k], want[k]) {
			t.Errorf("item %d %q at %.4f, want %.4f", k, lines[0].Items[k].Text, xs[k], want[k])
		}
	}
	off := lay("中文abc中文", 30)
	if !near(off[0].Items[2].X, 2) {
		t.Errorf("without HanLatinSpace abc at %.3f, want 2", off[0].Items[2].X)
	}
}

func TestIndentAndAlign(t *testing.T) {
	lines := Paragraph([]Run{{Text: "一二三四五六七八", Face: fakeFace{}, Size: 10}}, Options{Width: 50, Indent: 20})
	if got := lineTexts(lines); !reflect.DeepEqual(got, []string{"一二三", "四五六七八"}) {
		t.Fatalf("indent: %q", got)
	}
	if !near(lines[0].Items[0].X, 20) || !near(lines[0].Width, 50) {
		t.Errorf("indent: first item at %.2f width %.2f", lines[0].Items[0].X, lines[0].Width)
	}
	c := lay("一二", 10, func(o *Options) { o.Align = AlignCenter })
	if !near(c[0].Items[0].X, 4) {
		t.Errorf("center: X %.2f, want 4", c[0].Items[0].X)
	}
	r := lay("一二", 10, func(o *Options) { o.Align = AlignRight })
	if !near(r[0].Items[0].X, 8) {
		t.Errorf("right: X %.2f, want 8", r[0].Items[0].X)
	}
}

func TestRunsAndTags(t *testing.T) {
	runs := []Run{
		{Text: "中文", Face: fakeFace{}, Size: 10, Tag: 1},
		{Text: "bold", Face: fakeFace{}, Size: 10, Tag: 2},
		{Text: "er文字", Face: fakeFace{}, Size: 12, Tag: 3},
	}
	lines := Paragraph(runs, Options{Width: 200})
	var got []string
	for _, it := range lines[0].Items {
		got = append(got, it.Text+"/"+string(rune('0'+it.Run)))
	}
	want := []string{"中/0", "文/0", "bold/1", "er/2", "文/2", "字/2"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("items %q, want %q", got, want)
	}
	// the "bold" item ends where "er" starts: the word is split by runs only
	if b, e := lines[0].Items[2], lines[0].Items[3]; !near(b.X+b.Width, e.X) {
		t.Errorf("bold ends %.3f, er starts %.3f", b.X+b.Width, e.X)
	}
}

// brokenFace reports nonsense metrics: NaN, infinite and negative
// advances, ink outside the advance box.
type brokenFace struct{}

func (brokenFace) HasGlyph(rune) bool { return true }
func (brokenFace) Advance(r rune) float64 {
	switch r % 4 {
	case 0:
		return math.NaN()
	case 1:
		return math.Inf(1)
	case 2:
		return -3
	}
	return 1
}
func (brokenFace) Ink(rune) (float64, float64) { return 5, -5 }

// TestBadInput: empty, invalid and hostile input (no face, a negative
// size, invalid UTF-8, a face with NaN and negative metrics, measures of
// -1, 0, 1 and 10⁹ em) gives lines whose numbers are finite, whose items
// hold every visible byte of the input once and in order, and whose last
// line ends the paragraph; a measure no character fits still gets one
// cluster per line, never an empty line.
func TestBadInput(t *testing.T) {
	for _, tc := range []struct {
		name  string
		runs  []Run
		lines int // lines at every measure; -1: depends on the measure
	}{
		{"no runs", nil, 0},
		{"empty text", []Run{{Text: ""}}, 0},
		{"white space only", []Run{{Text: " \t\u3000 ", Face: fakeFace{}, Size: 10}}, 0},
		{"no face", []Run{{Text: "中文 text", Face: nil, Size: 10}}, -1},
		{"invalid UTF-8, negative size", []Run{{Text: "\xff\xfe中", Face: fakeFace{}, Size: -3}}, 1},
		{"hard breaks only", []Run{{Text: "\n\n", Face: fakeFace{}, Size: 10}}, 0},
		{"hard breaks around text", []Run{{Text: "\n甲\n\n乙", Face: fakeFace{}, Size: 10}}, -1},
		{"long word", []Run{{Text: strings.Repeat("a", 50), Face: fakeFace{}, Size: 10}}, -1},
		{"broken face", []Run{{Text: "一二三四五六七八九十。「引号」", Face: brokenFace{}, Size: 10}}, -1},
		{"NaN size", []Run{{Text: "中文", Face: fakeFace{}, Size: math.NaN()}, {Text: "text", Face: fakeFace{}, Size: math.Inf(1)}}, 1},
	} {
		var want strings.Builder
		for _, r := range tc.runs {
			want.WriteString(visible(r.Text))
		}
		for _, w := range []float64{-1, 0, 1, 1e9} {
			lines := Paragraph(tc.runs, Options{Width: w * 10, Indent: 5})
			if tc.lines >= 0 && len(lines) != tc.lines && !(tc.lines == 1 && w <= 1) {
				t.Errorf("%s at %g em: %d lines, want %d", tc.name, w, len(lines), tc.lines)
			}
			var got strings.Builder
			for li, l := range lines {
				for _, v := range []float64{l.Width, l.Ratio} {
					if math.IsNaN(v) || math.IsInf(v, 0) {
						t.Errorf("%s at %g em: line %d has width %v ratio %v", tc.name, w, li, l.Width, l.Ratio)
					}
				}
				for _, it := range l.Items {
					if math.IsNaN(it.X+it.Width+it.LeftTrim) || math.IsInf(it.X+it.Width+it.LeftTrim, 0) || it.Width < 0 {
						t.Errorf("%s at %g em: line %d item %+v", tc.name, w, li, it)
					}
					got.WriteString(it.Text)
				}
				if len(l.Items) == 0 && l.Break != BreakForced {
					t.Errorf("%s at %g em: line %d is empty with break %v", tc.name, w, li, l.Break)
				}
			}
			if got.String() != want.String() {
				t.Errorf("%s at %g em: items hold %q, want %q", tc.name, w, got.String(), want.String())
			}
			if n := len(lines); n > 0 && lines[n-1].Break != BreakFinal {
				t.Errorf("%s at %g em: last line ends with %v", tc.name, w, lines[n-1].Break)
			}
		}
	}
}

// TestHardBreakAfterRun reproduces export/pdf's synthetic paragraph: runs of
// bold, emphasis, code and a link, then a hard line break ("\n" from a
// Markdown hard break) as a run of its own. The line before a hard break
// ends a line of text just as a paragraph's last line does, so it must not
// hold a single character either: in a narrow column the link text 連結
// was split into 連 / 結 with 結 alone before the break, because the widow
// rule only looked at the paragraph's final line. Every measure from 4 to
// 20 em is tried, with and without a first-line indent.
func TestHardBreakAfterRun(t *testing.T) {
	tests := []struct {
		name  string
		texts []string
	}{
		{"link then break run", []string{"粗體字", "與強調", "code", "連結", "\n", "吉野家的𠮷字。臺灣的雜誌排版需要標點擠壓與禁則處理，"}},
		{"break inside the link run", []string{"粗體字與強調", "code", "連結\n", "吉野家的𠮷字。"}},
		{"break starts the next run", []string{"粗體字與強調code", "連結", "\n吉野家的𠮷字。"}},
		{"latin link", []string{"參見", "example", "\n", "下一行"}},
		{"two breaks", []string{"粗體字與強調", "連結", "\n\n", "吉野家"}},
	}
	for _, tc := range tests {
		for _, indent := range []float64{0, 2} {
			for w := 4.0; w <= 20; w += 0.25 {
				runs := make([]Run, len(tc.texts))
				for i, s := range tc.texts {
					runs[i] = Run{Text: s, Face: fakeFace{hant: true}, Size: 1, Tag: i}
				}
				opt := Options{Width: w, Indent: indent, Punct: PunctHant}
				lines := Paragraph(runs, opt)
				checkInvariants(t, runs, opt, lines, 1e-6)
				texts := lineTexts(lines)
				for i := 0; i+1 < len(lines); i++ {
					if lines[i].Break != BreakForced || len(lines[i].Items) == 0 {
						continue
					}
					// A piece of one character can only be set alone.
					if i > 0 && lines[i-1].Break != BreakForced && len([]rune(texts[i])) < 2 {
						t.Errorf("%s, width %g, indent %g: %q alone before the hard break: %q", tc.name, w, indent, texts[i], texts)
					}
				}
			}
		}
	}
}

// TestJustifyKeepsMarksAttached: justification spreads a line's slack
// over its gaps but none before a stop or a closing bracket or after an
// opening one (jlreq §3.8.3): ， stays against what precedes it, 《 against
// what follows.
func TestJustifyKeepsMarksAttached(t *testing.T) {
	for _, tc := range []struct {
		text  string
		width float64
	}{
		{"一二三，四五六七八九十一二三四五", 9.25},
		{"一二《书名》五六七八九十一二三四五", 10.25},
	} {
		lines := lay(tc.text, tc.width)
		if len(lines) < 2 || !lines[0].Justified || !near(lines[0].Width, tc.width) {
			t.Fatalf("%s: lines %q width %.3f, want the first justified to %.2f", tc.text, lineTexts(lines), lines[0].Width, tc.width)
		}
		items := lines[0].Items
		spread := false
		for k := 1; k < len(items); k++ {
			a, b := items[k-1], items[k]
			gap := b.X + b.LeftTrim - (a.X + a.LeftTrim + a.Width)
			attached := strings.HasPrefix(b.Text, "，") || strings.HasPrefix(b.Text, "》") || strings.HasSuffix(a.Text, "《")
			if attached && math.Abs(gap) > 1e-6 {
				t.Errorf("%s: %q then %q: gap %.4f, want none", tc.text, a.Text, b.Text, gap)
			}
			spread = spread || gap > 1e-6
		}
		if !spread {
			t.Errorf("%s: no gap took the slack: %+v", tc.text, items)
		}
	}
}
