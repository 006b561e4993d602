package export

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/qikan-dev/qikan/issue"
	"github.com/qikan-dev/qikan/layout"
)

// TestWarningsPointAtTheSource: normalisation and missing characters are
// reported at the file and line to edit, for article files, inline
// articles in issue.yaml and the issue's own fields.
func TestWarningsPointAtTheSource(t *testing.T) {
	const missing = "\U00010000" // LINEAR B SYLLABLE B008 A: in no CJK font
	tests := []struct {
		name  string
		yaml  string
		files map[string]string
		want  []string // "file:line: substring"
	}{
		{
			name:  "article file",
			yaml:  "title: 期刊\nissue: 1\ndate: 2025-03-28\nsections:\n  - title: 栏目\n    articles: [a.md]\n",
			files: map[string]string{"a.md": "---\ntitle: 标题\n---\n\n第一段。\n\n第二段,有逗号。\n\n第三段" + missing + "。\n"},
			want: []string{
				"a.md:7: normalised 1 ASCII punctuation mark",
				"a.md:9: U+10000 is in none of the fonts",
			},
		},
		{
			name:  "marks next to emphasis",
			yaml:  "title: 期刊\nissue: 1\ndate: 2025-03-28\nsections:\n  - title: 栏目\n    articles: [sub/b.md]\n",
			files: map[string]string{"sub/b.md": "---\ntitle: 标题\n---\n\n**强调**,正文;再来(*括号*)。\n"},
			want:  []string{"sub/b.md:5: normalised 4 ASCII punctuation marks"},
		},
		{
			name: "inline article and masthead",
			yaml: "title: 期刊,月刊\nissue: 1\ndate: 2025-03-28\nsections:\n  - title: 栏目\n    articles:\n      - title: 内联\n        body: |\n          正文" + missing + "在这里\n",
			want: []string{
				"issue.yaml:1: normalised 1 ASCII punctuation mark",
				"issue.yaml:9: U+10000 is in none of the fonts",
			},
		},
		{
			name: "four files, one character: three warnings",
			yaml: "title: 期刊\nissue: 1\ndate: 2025-03-28\nsections:\n  - title: 栏目\n    articles: [a.md, b.md, c.md, d.md]\n",
			files: map[string]string{
				"a.md": "---\ntitle: 甲\n---\n\n" + missing + "\n",
				"b.md": "---\ntitle: 乙\n---\n\n" + missing + "\n",
				"c.md": "---\ntitle: 丙\n---\n\n正文\n\n" + missing + "\n",
				"d.md": "---\ntitle: 丁\n---\n\n" + missing + "\n",
			},
			want: []string{
				"a.md:5: U+10000 is in none of the fonts",
				"b.md:5: U+10000 is in none of the fonts",
				"c.md:7: (also in 1 more files)",
			},
		},
		{
			name:  "the text, not its first occurrence in the file",
			yaml:  "title: 期刊\nissue: 1\ndate: 2025-03-28\nsections:\n  - title: 栏目\n    articles: [a.md]\n",
			files: map[string]string{"a.md": "---\ntitle: 标题\n---\n\n```\n第二段,有逗号" + missing + "\n```\n\n第二段,有逗号。\n"},
			want: []string{
				"a.md:9: normalised 1 ASCII punctuation mark",
				"a.md:6: U+10000 is in none of the fonts",
			},
		},
		{
			name: "Korean and Japanese text keep their punctuation",
			yaml: "title: 期刊\nissue: 1\ndate: 2025-03-28\nlanguage: zh-TW\nsections:\n  - title: 栏目\n    articles: [ko.md, zh.md]\n",
			files: map[string]string{
				"ko.md": "---\ntitle: 책\n---\n\n천천히 보면, 낡은 책도 (아마) 새롭다. 韓國, 漢字\n",
				"zh.md": "---\ntitle: 書\n---\n\n讀書的方法有很多種,慢慢讀舊書也會覺得新鮮,這是日本作家說過的話。\n\n> 古い本も、ゆっくり読めば新しい。漢字,漢字\n",
			},
			want: []string{
				"ko.md:1: is written in Korean (Hangul)",
				"zh.md:5: normalised 2 ASCII punctuation marks",
			},
		},
		{
			name: "several files, one character",
			yaml: "title: 期刊\nissue: 1\ndate: 2025-03-28\nsections:\n  - title: 栏目\n    articles: [a.md, b.md]\n",
			files: map[string]string{
				"a.md": "---\ntitle: 标题" + missing + "\n---\n正文\n",
				"b.md": "---\ntitle: 标题\n---\n\n正文\n\n" + missing + "\n",
			},
			want: []string{
				"a.md:2: U+10000 is in none of the fonts",
				"b.md:7: U+10000 is in none of the fonts",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "iss")
			os.MkdirAll(dir, 0o755)
			os.WriteFile(filepath.Join(dir, "issue.yaml"), []byte(tt.yaml), 0o644)
			for name, text := range tt.files {
				os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
				os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
			}
			var res Result
			opt := Options{OutDir: t.TempDir()}
			if err := run(dir, library(), &opt, fakeBackends(&recorder{}, &recorder{}), &res); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range res.Warnings {
				got = append(got, w.String())
			}
			for _, want := range tt.want {
				loc, msg, _ := strings.Cut(want, " ")
				prefix := filepath.Join(dir, loc) + " warning: "
				found := false
				for _, g := range got {
					found = found || strings.HasPrefix(g, prefix) && strings.Contains(g, msg)
				}
				if !found {
					t.Errorf("no warning %q %q in\n%s", prefix, msg, strings.Join(got, "\n"))
				}
			}
			if len(got) != len(tt.want) {
				t.Errorf("%d warnings, want %d:\n%s", len(got), len(tt.want), strings.Join(got, "\n"))
			}
		})
	}
}

// TestMissingGlyphWarningsAreCapped: an issue set in fonts that lack its
// script gets a bounded number of warnings, the rest summed up.
func TestMissingGlyphWarningsAreCapped(t *testing.T) {
	var body strings.Builder
	for r := rune(0x10000); r < 0x10000+50; r++ { // Linear B: in no CJK font
		body.WriteString(string(r) + "\n\n")
	}
	dir := newIssue(t, "x", "zh-CN", body.String())
	var res Result
	opt := Options{OutDir: t.TempDir()}
	if err := run(dir, library(), &opt, fakeBackends(&recorder{}, &recorder{}), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) != maxGlyphWarnings+1 {
		t.Fatalf("%d warnings, want %d", len(res.Warnings), maxGlyphWarnings+1)
	}
	last := res.Warnings[len(res.Warnings)-1]
	if !strings.Contains(last.Message, "30 more characters") {
		t.Errorf("summary %q", last)
	}
}

func TestNormalizeRuns(t *testing.T) {
	tests := []struct {
		runs, want []string
		n          int
	}{
		{[]string{"强调", ",正文"}, []string{"强调", "，正文"}, 1},
		{[]string{"中文, ", "下文"}, []string{"中文，", "下文"}, 1},
		{[]string{"中文,", " ", "下文"}, []string{"中文，", "", "下文"}, 1},
		{[]string{"他说", "\"好", "\"。"}, []string{"他说", "“好", "”。"}, 2},
		{[]string{"(", "括号", ")"}, []string{"（", "括号", "）"}, 2},
		{[]string{"3,000", " items"}, []string{"3,000", " items"}, 0},
		{[]string{"English,", " text"}, []string{"English,", " text"}, 0},
		{[]string{}, []string{}, 0},
	}
	for _, tt := range tests {
		got, n := normalizeRuns(tt.runs)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) || n != tt.n {
			t.Errorf("normalizeRuns(%q) = %q, %d; want %q, %d", tt.runs, got, n, tt.want, tt.n)
		}
	}
}

// FuzzNormalizeRuns: the runs normalised together read as the text
// normalised whole, run for run.
func FuzzNormalizeRuns(f *testing.F) {
	f.Add("强调", ",正文 ", "(x)")
	f.Add("中文, ", "下文", "\"引\"")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		runs := []string{a, b, c}
		got, n := normalizeRuns(runs)
		if len(got) != len(runs) {
			t.Fatalf("%d runs for %d", len(got), len(runs))
		}
		if n == 0 || !utf8.ValidString(a+b+c) {
			return
		}
		want, _ := layout.NormalizePunct(strings.Join(runs, ""))
		each, _ := normalizeEach(runs)
		if joined := strings.Join(got, ""); joined != want && joined != strings.Join(each, "") {
			t.Fatalf("normalizeRuns(%q) = %q: neither %q nor run by run", runs, got, want)
		}
	})
}

// TestKoreanKeepsItsPunctuation: an undeclared Korean article in a Chinese
// issue reaches the backends as written, ASCII marks and spaces included,
// and as Korean.
func TestKoreanKeepsItsPunctuation(t *testing.T) {
	const text = "천천히 보면, 낡은 책도 (아마) 새롭다. 그러나: 우리는 늘 바쁘다! 韓國, 漢字?"
	dir := newIssue(t, "ko", "zh-CN", "\n"+text)
	rec := &recorder{}
	var res Result
	opt := Options{OutDir: t.TempDir()}
	if err := run(dir, library(), &opt, fakeBackends(rec, &recorder{}), &res); err != nil {
		t.Fatal(err)
	}
	a := rec.iss.Articles()[0]
	var got strings.Builder
	for _, r := range a.Blocks[0].(*issue.Paragraph).Inlines {
		got.WriteString(r.Text)
	}
	if got.String() != text || a.Language != "ko" {
		t.Errorf("article %s: %q", a.Language, got.String())
	}
}
