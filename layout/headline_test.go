package layout

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func head(text string, width float64) []Line {
	return Headline([]Run{{Text: text, Face: fakeFace{}, Size: 1}}, Options{Width: width})
}

func TestHeadline(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float64
		want  []string
	}{
		{"fits on one line", "促进区域协调发展 更好建设", 20, []string{"促进区域协调发展更好建设"}},
		// Breaking anywhere would give 十个字的标题之一 | 二三 …: the
		// phrase space is where the title breaks.
		{"at the phrase space", "促进区域协调发展 更好建设美丽新疆", 12, []string{"促进区域协调发展", "更好建设美丽新疆"}},
		{"three phrases", "切实把思想和行动统一 特别是重要讲话精神 在新起点上谱写篇章", 12,
			[]string{"切实把思想和行动统一", "特别是重要讲话精神", "在新起点上谱写篇章"}},
		// Two phrases fit one line: the fewest lines, the most even.
		{"phrases grouped evenly", "一二三 四五六 七八九十 甲乙丙", 8, []string{"一二三四五六", "七八九十甲乙丙"}},
		{"ideographic space", "一二三四五六\u3000七八九十", 7, []string{"一二三四五六", "七八九十"}},
		// No phrase: balanced, not 7 + 1.
		{"balanced, no short turnover", "总书记重要讲话精神座谈会", 10, []string{"总书记重要讲", "话精神座谈会"}},
		// A phrase wider than the measure is itself balanced.
		{"long phrase balanced", "一二三四五六七八九十甲乙丙丁 天地", 10, []string{"一二三四五六七八", "九十甲乙丙丁天地"}},
		// Spaces between Latin words are word spaces, not phrase spaces.
		{"latin words", "HelloGitHub monthly picks of the best", 10, nil},
		{"hard break kept", "一二三\n四五六七八九十甲", 6, []string{"一二三", "四五六七八九", "十甲"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			runs := []Run{{Text: tt.text, Face: fakeFace{}, Size: 1}}
			opt := Options{Width: tt.width}
			lines := Headline(runs, opt)
			checkInvariants(t, runs, opt, lines, 1e-6)
			got := lineTexts(lines)
			if tt.want != nil && strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			for i, l := range lines {
				if l.Justified {
					t.Errorf("line %d justified", i)
				}
			}
		})
	}
}

// TestHeadlineBalance: whatever the measure, the last line of a title
// without phrase spaces is never a turnover of three characters or fewer
// when the title has more than eight, and no line is wider than the
// measure.
func TestHeadlineBalance(t *testing.T) {
	title := "学习贯彻习近平总书记重要讲话精神贯彻落实中央关于党内法规工作部署要求"
	for w := 6.0; w <= 30; w++ {
		lines := head(title, w)
		texts := lineTexts(lines)
		if n := utf8.RuneCountInString(texts[len(texts)-1]); len(texts) > 1 && n <= 3 {
			t.Errorf("width %.0f: %q ends with a turnover of %d", w, texts, n)
		}
		runs := []Run{{Text: title, Face: fakeFace{}, Size: 1}}
		checkInvariants(t, runs, Options{Width: w}, lines, 1e-6)
	}
}

// FuzzHeadline checks the invariants of Paragraph on Headline's lines.
func FuzzHeadline(f *testing.F) {
	for _, s := range []string{"促进区域协调发展 更好建设美丽新疆", "一 二 三 四", "Hello World 你好 世界", "「一二」 三四", "  一  ", "a\nb 中文"} {
		f.Add(s, "（注）", uint8(7))
	}
	f.Fuzz(func(t *testing.T, a, b string, w uint8) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return
		}
		opt := Options{Width: 3 + float64(w%40)/2}
		runs := []Run{
			{Text: a, Face: fakeFace{}, Size: 1},
			{Text: b, Face: fakeFace{}, Size: 1, Tag: 1},
		}
		checkInvariants(t, runs, opt, Headline(runs, opt), 1e-6)
	})
}
