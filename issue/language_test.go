package issue

import (
	"strings"
	"testing"
)

func TestDetectLanguage(t *testing.T) {
	dir := writeIssue(t, map[string]string{
		"issue.yaml":  "title: 期刊\nissue: 1\ndate: 2025-03-01\nlanguage: zh-TW\nsections:\n  - title: 欄\n    articles: [ko.md, ja.md, zh.md, declared.md]\n",
		"ko.md":       "---\ntitle: 책 읽기\n---\n\n천천히 보면, 낡은 책도 새롭다. 그러나 우리는 늘 바쁘다.\n",
		"ja.md":       "---\ntitle: 読書\n---\n\n本をゆっくり読むと、古い本も新しく見える。\n",
		"zh.md":       "---\ntitle: 讀書\n---\n\n慢慢讀，舊書也新。韓國作家김영하的小說很好看。\n\n> 古い本も、ゆっくり読めば新しい。\n",
		"declared.md": "---\ntitle: 見出し\nlanguage: zh-CN\n---\n\nこれは日本語の文章です。ひらがなが多い。\n",
	})
	iss, warnings, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	arts := iss.Articles()
	for i, want := range []string{"ko", "ja", "zh-TW", "ja"} {
		if arts[i].Language != want {
			t.Errorf("%s: language %q, want %q", arts[i].Title, arts[i].Language, want)
		}
	}
	q := arts[2].Blocks[1].(*Quote).Blocks[0].(*Paragraph)
	if q.Lang != "ja" || arts[2].Blocks[0].(*Paragraph).Lang != "" {
		t.Errorf("paragraph languages %q %q", arts[2].Blocks[0].(*Paragraph).Lang, q.Lang)
	}
	want := []string{
		`ko.md:1: warning: article "책 읽기" is written in Korean (Hangul)`,
		`ja.md:1: warning: article "読書" is written in Japanese (kana)`,
		`declared.md:3: warning: article "見出し" says language: zh-CN but is written in Japanese (kana)`,
	}
	if len(warnings) != len(want) {
		t.Fatalf("warnings %v", warnings)
	}
	for i, w := range warnings {
		if !strings.Contains(w.String(), want[i]) {
			t.Errorf("warning %s\nwant %s", w, want[i])
		}
	}
	if !strings.Contains(warnings[0].Message, `add "language: ko" to its front matter`) {
		t.Errorf("no fix in %q", warnings[0].Message)
	}
}
