package lang

import (
	"strings"
	"testing"
)

// TestSummary: the accessibility summary says what this publication has
// and nothing it lacks, in each row's language.
func TestSummary(t *testing.T) {
	full := Facts{Articles: 45, Sections: 18, Figures: 36, Described: 35, Tables: 2,
		PrintEdition: "党员之友 2025年第3期", ISSN: "2096-7462", Languages: []string{"zh-CN", "ja"}, Vertical: true}
	bare := Facts{Articles: 1, Sections: 1, Languages: []string{"zh-CN"}, Conforms: true}
	for _, tc := range []struct {
		tag       string
		facts     Facts
		want, not []string
	}{
		{"zh-CN", full, []string{"45篇文章", "18个栏目", "36幅图片中，35幅", "1幅无说明", "2个表格", "印刷版（党员之友 2025年第3期，ISSN 2096-7462）", "简体中文", "日语", "竖排"}, []string{"符合"}},
		{"zh-CN", bare, []string{"1篇文章", "除封面外不含图片", "正文为简体中文。", "符合 EPUB 无障碍 1.1 与 WCAG 2.1 AA"}, []string{"页码", "表格", "竖排", "部分内容"}},
		{"zh-TW", full, []string{"45篇文章", "18個欄目", "印刷版（", "簡體中文" /* zh-CN, named in Traditional Chinese */, "日文", "直排"}, []string{"符合"}},
		{"ja", full, []string{"45本の記事", "36点の画像のうち35点", "表が2点", "ページリスト", "縦書き"}, []string{"適合"}},
		{"ja", bare, []string{"表紙のほかに画像はありません", "適合"}, []string{"ページリスト", "表が"}},
		{"ko", full, []string{"기사 45편", "이미지 36개 중 35개", "표 2개", "인쇄판(", "세로쓰기"}, []string{"충족"}},
		{"en", full, []string{"45 articles in 18 sections", "Of 36 images, 35", "are 2 tables", "(党员之友 2025年第3期, ISSN 2096-7462)", "Chinese", "Japanese", "vertically"}, []string{"meets"}},
		{"en", bare, []string{"1 article in 1 section", "no images besides the cover", "meets EPUB Accessibility 1.1"}, []string{"page list", " tables", "1 table."}},
		{"en", Facts{Articles: 2, Sections: 1, Figures: 3, Described: 3, Languages: []string{"en"}}, []string{"All 3 images have their captions"}, []string{"no caption"}},
		{"en", Facts{Articles: 2, Sections: 1, Figures: 1, Languages: []string{"en"}}, []string{"1 image has no caption"}, []string{"All"}},
	} {
		got := For(tc.tag).Summary(tc.facts)
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: summary lacks %q:\n%s", tc.tag, w, got)
			}
		}
		for _, n := range tc.not {
			if strings.Contains(got, n) {
				t.Errorf("%s: summary says %q:\n%s", tc.tag, n, got)
			}
		}
	}
}
