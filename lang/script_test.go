package lang

import "testing"

func TestScriptOf(t *testing.T) {
	for _, tc := range []struct {
		r    rune
		want Script
	}{
		{'a', Latin}, {'Z', Latin}, {'é', Latin}, {'Ａ', Latin}, {'ß', Latin},
		{'1', Other}, {'１', Other}, {' ', Other}, {'，', Other}, {'。', Other}, {'“', Other}, {'・', Other},
		{'中', Han}, {'國', Han}, {'𠮷', Han}, {'々', Han}, {'〇', Han}, {'⼀', Han}, {'豈', Han},
		{'あ', Kana}, {'ア', Kana}, {'ｱ', Kana}, {'っ', Kana}, {'ー', Kana}, {'ｰ', Kana}, {'゛', Kana}, {'ㇰ', Kana},
		{'한', Hangul}, {'ㄱ', Hangul}, {'ᄀ', Hangul}, {'ﾡ', Hangul},
		{'ㄅ', Bopomofo}, {'ㆠ', Bopomofo},
		{'Ж', Other}, {'α', Other}, {'ع', Other}, {'😀', Other},
	} {
		if got := ScriptOf(tc.r); got != tc.want {
			t.Errorf("ScriptOf(%q U+%04X) = %v, want %v", tc.r, tc.r, got, tc.want)
		}
	}
}

func TestIsCJK(t *testing.T) {
	for _, tc := range []struct {
		r          rune
		cjk, punct bool
	}{
		{'中', true, false}, {'か', true, false}, {'한', true, false}, {'ㄅ', true, false},
		{'ー', true, true}, {'〇', true, true}, {'々', true, true}, {'ｱ', true, true},
		{'，', false, true}, {'。', false, true}, {'　', false, true}, {'「', false, true}, {'・', false, true},
		{'︰', false, true}, {'﹁', false, true}, {'Ａ', false, true},
		{'a', false, false}, {',', false, false}, {'“', false, false}, {'—', false, false}, {'1', false, false},
	} {
		if got := IsCJK(tc.r); got != tc.cjk {
			t.Errorf("IsCJK(%q) = %v, want %v", tc.r, got, tc.cjk)
		}
		if got := IsCJKPunct(tc.r); got != tc.punct {
			t.Errorf("IsCJKPunct(%q) = %v, want %v", tc.r, got, tc.punct)
		}
	}
}

func TestCount(t *testing.T) {
	got := Count("2025年，iPhone 16のセール 한국 ㄅ Москва!")
	want := Counts{Han: 1, Kana: 4, Hangul: 2, Bopomofo: 1, Latin: 6, Other: 6}
	if got != want {
		t.Errorf("Count = %+v, want %+v", got, want)
	}
	if got.CJK() != 8 {
		t.Errorf("CJK() = %d, want 8", got.CJK())
	}
}

func TestDetect(t *testing.T) {
	for _, tc := range []struct {
		text, def, want string
	}{
		// Japanese and Korean by their scripts, whatever the default.
		{"コーヒーを飲みながら、ちょっと考えてみよう。", "zh-CN", "ja"},
		{"吾輩は猫である。名前はまだ無い。", "zh-TW", "ja"},
		{"대한민국의 수도는 서울이다.", "zh-CN", "ko"},
		{"대한민국의 수도는 서울이다.", "en", "ko"},
		{"2025년에 “서울”은 大韓民國의 수도이다.", "zh-Hant", "ko"},
		// The default kept where it already says so (region and all).
		{"東京の夏はとても暑いです。", "ja-JP", "ja-JP"},
		{"서울의 여름", "ko-KR", "ko-KR"},
		// Han alone: the default when it is written in Han, kana or Hangul.
		{"推动区域协调发展，是解决发展不平衡不充分问题的重要途径。", "zh-CN", "zh-CN"},
		{"臺灣的雜誌排版", "zh-TW", "zh-TW"},
		{"学而时习之，不亦说乎。", "ja", "ja"},
		{"學而時習之", "ko", "ko"},
		{"学而时习之", "", ""},
		// … and Chinese under a Latin default.
		{"推动区域协调发展", "en", "zh"},
		{"ㄅㄆㄇㄈ 注音符號", "fr", "zh-Hant"},
		// A word or two of another script does not make the text foreign.
		{"小清新の生活方式在年轻人中很流行，很多品牌都在模仿这种风格。", "zh-CN", "zh-CN"},
		{"韩国总统尹锡悦（윤석열）在首尔发表讲话，谈到经济与外交政策。", "zh-CN", "zh-CN"},
		{"我最喜欢的动画是《君の名は。》和《千と千尋の神隠し》，每年都要重看一遍。", "zh-CN", "zh-CN"},
		{"ラーメン", "zh-CN", "ja"},
		// Japanese dense in kanji is still Japanese.
		{"内閣総理大臣は国会で施政方針演説を行った。", "zh-CN", "ja"},
		{"東京都知事選挙の結果が発表された。", "zh-TW", "ja"},
		// Both: the more frequent script.
		{"日本語と한국어를 함께 쓰는 문장입니다", "zh-CN", "ko"},
		{"한국 の日本語の文章ですよね", "zh-CN", "ja"},
		// Latin and other scripts carry no language.
		{"The quick brown fox jumps over the lazy dog.", "zh-CN", "zh-CN"},
		{"Москва", "ja", "ja"},
		{"", "ko", "ko"},
		{"12345，。", "en", "en"},
	} {
		if got := Detect(tc.text, tc.def); got != tc.want {
			t.Errorf("Detect(%q, %q) = %q, want %q", tc.text, tc.def, got, tc.want)
		}
	}
}

func BenchmarkDetect(b *testing.B) {
	text := "推动区域协调发展，是解决发展不平衡不充分问题的重要途径，特别是受历史等因素影响，西部地区与其他地区在发展基础、产业结构等方面存在差距。"
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Detect(text, "zh-CN")
	}
}
