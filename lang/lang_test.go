package lang

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestFor(t *testing.T) {
	for _, tc := range []struct {
		tag, row string
	}{
		{"", "zh-Hans"},
		{"zh", "zh-Hans"},
		{"zh-CN", "zh-Hans"},
		{"zh-SG", "zh-Hans"},
		{"zh-Hans", "zh-Hans"},
		{"zh-Hans-CN", "zh-Hans"},
		{"zh-Hans-HK", "zh-Hans"}, // the script written wins over the region
		{"ZH-cn", "zh-Hans"},
		{"cmn", "zh-Hans"},
		{"wuu", "zh-Hans"},
		{"yue-Hans", "zh-Hans"},
		{"zh-TW", "zh-Hant"},
		{"zh-Hant", "zh-Hant"},
		{"zh-Hant-TW", "zh-Hant"},
		{"zh-hant-tw", "zh-Hant"},
		{"cmn-Hant", "zh-Hant"},
		{"zh-HK", "zh-Hant-HK"},
		{"zh-MO", "zh-Hant-HK"},
		{"zh-Hant-HK", "zh-Hant-HK"},
		{"zh-Hant-MO", "zh-Hant-HK"},
		{"yue", "zh-Hant-HK"},
		{"ja", "ja"},
		{"ja-JP", "ja"},
		{"ja-Jpan-JP", "ja"},
		{"ko", "ko"},
		{"ko-KR", "ko"},
		{"ko-Kore-KP", "ko"},
		{"en", "en"},
		{"en-GB", "en"},
		{"fr-CA", "en"},
		{"vi", "en"},
		{"ru", "en"},
		{"zh-Latn-pinyin", "en"}, // Chinese written in Latin letters
		{"ja-Latn", "en"},
		{"und", "en"},
		{"x-private", "en"},
		{"not a tag", "en"},
		{"zh_CN", "zh-Hans"}, // x/text reads _ as -, as issue.yaml's loader does
	} {
		if got := For(tc.tag).Tag; got != tc.row {
			t.Errorf("For(%q) = %s, want %s", tc.tag, got, tc.row)
		}
	}
}

func TestRules(t *testing.T) {
	for _, tc := range []struct {
		tag            string
		punct          Punct
		indent         float64
		strict, keep   bool
		normalize, cjk bool
		region         string
	}{
		{"zh-CN", PunctGB, 2, false, false, true, true, "SC"},
		{"zh-TW", PunctHant, 2, false, false, true, true, "TC"},
		{"zh-HK", PunctHant, 2, false, false, true, true, "HK"},
		{"ja", PunctJA, 1, true, false, false, true, "JP"},
		{"ko", PunctGB, 1, false, true, false, true, "KR"},
		{"en", PunctGB, 1, false, false, false, false, "SC"},
	} {
		l := For(tc.tag)
		got := []any{l.Punct, l.Indent, l.StrictKinsoku, l.KeepAll, l.NormalizePunct, l.CJK(), l.Region}
		want := []any{tc.punct, tc.indent, tc.strict, tc.keep, tc.normalize, tc.cjk, tc.region}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: punct, indent, strict, keep-all, normalize, CJK, region = %v, want %v", tc.tag, got, want)
		}
	}
}

func TestDateAndNumber(t *testing.T) {
	d := time.Date(2025, 3, 28, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		tag, date, number string
	}{
		{"zh-CN", "2025年3月28日", "总第344期"},
		{"zh-TW", "2025年3月28日", "總第344期"},
		{"zh-HK", "2025年3月28日", "總第344期"},
		{"ja", "2025年3月28日", "通巻344号"},
		{"ko", "2025년 3월 28일", "통권 344호"},
		{"en", "March 28, 2025", "No. 344"},
		{"de", "March 28, 2025", "No. 344"},
	} {
		l := For(tc.tag)
		if got := l.Date(d); got != tc.date {
			t.Errorf("%s: Date = %q, want %q", tc.tag, got, tc.date)
		}
		if got := l.Number(" 344 "); got != tc.number {
			t.Errorf("%s: Number(344) = %q, want %q", tc.tag, got, tc.number)
		}
	}
	// What the user wrote in words stays as written.
	for _, s := range []string{"", "总第344期", "No. 12", "344a", "３４４", "-3"} {
		if got := For("ja").Number(s); got != s {
			t.Errorf("Number(%q) = %q, want it unchanged", s, got)
		}
	}
}

// TestLabels checks that every row has every label and that they are in
// the row's own writing: no Chinese in the English labels, no Han in the
// Korean ones, Simplified and Traditional apart.
func TestLabels(t *testing.T) {
	for _, l := range All() {
		v := reflect.ValueOf(l.Labels)
		for i := range v.NumField() {
			s := v.Field(i).String()
			name := v.Type().Field(i).Name
			if s == "" {
				t.Errorf("%s: label %s is empty", l.Tag, name)
			}
			c := Count(s)
			switch l.Script {
			case Latin:
				if c.CJK() > 0 {
					t.Errorf("%s: label %s = %q holds CJK letters", l.Tag, name, s)
				}
			case Hangul:
				if c.Han+c.Kana > 0 {
					t.Errorf("%s: label %s = %q holds Han or kana", l.Tag, name, s)
				}
			default:
				if c.Latin+c.Hangul > 0 {
					t.Errorf("%s: label %s = %q holds Latin or Hangul", l.Tag, name, s)
				}
			}
		}
	}
	// Characters that differ between the Simplified and the Traditional
	// forms of the words the labels use.
	for _, pair := range [][2]string{{"录", "錄"}, {"权", "權"}, {"页", "頁"}, {"单", "單"}, {"编", "編"}, {"辑", "輯"}, {"导", "導"}, {"览", "覽"}, {"码", "碼"}, {"图", "圖"}, {"题", "題"}} {
		for _, l := range []*Lang{hans, hant, hantHK} {
			all := fmtLabels(l.Labels)
			wrong := pair[1]
			if l != hans {
				wrong = pair[0]
			}
			if strings.ContainsAny(all, wrong) {
				t.Errorf("%s labels hold %s", l.Tag, wrong)
			}
		}
	}
}

func fmtLabels(ls Labels) string {
	v := reflect.ValueOf(ls)
	s := ""
	for i := range v.NumField() {
		s += v.Field(i).String()
	}
	return s
}

// TestShared checks that the rows For returns are the table's own (no
// copy per call), so comparing rows by pointer is meaningful.
func TestShared(t *testing.T) {
	if For("zh-TW") != For("zh-Hant") || For("en") != For("fr") {
		t.Error("For returns copies of its rows")
	}
}
