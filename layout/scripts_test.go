package layout_test

import (
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/issue"
	"github.com/qikan-dev/qikan/layout"
)

// textSize is the font size of these tests, in points: measures are
// given in em and multiplied by it.
const textSize = 10

// faceSet is the embedded default body and heading faces with their
// fallback chain, as the backends use them.
func faceSet(t testing.TB) *fonts.Set {
	t.Helper()
	set, err := fonts.NewLibrary().Set("", "")
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// splitRuns makes layout runs of texts as the backends do: each text is
// cut where the face that has its characters changes (fonts.Set.Split),
// and the punctuation of Chinese text is normalised first.
func splitRuns(set *fonts.Set, texts []string, normalize bool) []layout.Run {
	var runs []layout.Run
	for i, t := range texts {
		if normalize {
			t, _ = layout.NormalizePunct(t)
		}
		for _, seg := range set.Split(fonts.Body, t) {
			runs = append(runs, layout.Run{Text: seg.Text, Face: seg.Face, Size: textSize, Tag: i})
		}
	}
	return runs
}

// punctFor is the punctuation style of a BCP 47 language, as the backends
// choose it.
func punctFor(lang string) layout.PunctStyle {
	l := strings.ToLower(lang)
	switch {
	case strings.HasPrefix(l, "ja"):
		return layout.PunctJA
	case strings.HasPrefix(l, "zh-tw"), strings.HasPrefix(l, "zh-hk"), strings.HasPrefix(l, "zh-mo"), strings.HasPrefix(l, "zh-hant"):
		return layout.PunctHant
	}
	return layout.PunctGB
}

// issueText is the paragraphs of an issue's articles with their language.
type issueText struct {
	lang  string
	paras [][]string
}

// issueTexts loads the issue in dir and returns the runs of every block of
// running text of each article (see issueParagraphs).
func issueTexts(t testing.TB, dir string) []issueText {
	t.Helper()
	iss, _, err := issue.Load(dir)
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	var out []issueText
	for _, a := range iss.Articles() {
		out = append(out, issueText{lang: a.Language, paras: blockRuns(a.Blocks)})
	}
	return out
}

// issueDirs lists the directories under root that hold an issue.yaml,
// except those under root/invalid (broken on purpose, for the loader's
// tests).
func issueDirs(t testing.TB, root string) []string {
	t.Helper()
	var dirs []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path == filepath.Join(root, "invalid") {
			return filepath.SkipDir
		}
		if !d.IsDir() && d.Name() == "issue.yaml" {
			dirs = append(dirs, filepath.Dir(path))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return dirs
}

// TestIssuesInvariants lays out every paragraph of every valid issue under
// testdata (the sample, the minimal issue and any added later) as the
// backends do: faces per character from the embedded set, the article's
// punctuation style, three measures of a two- and three-column page, and
// checks the invariants of every line.
func TestIssuesInvariants(t *testing.T) {
	dirs := issueDirs(t, "../testdata")
	if !slices.Contains(dirs, filepath.Clean(sampleDir)) {
		t.Fatalf("the sample %s is not among the issues found: %q", sampleDir, dirs)
	}
	set := faceSet(t)
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			n := 0
			for _, art := range issueTexts(t, dir) {
				zh := strings.HasPrefix(strings.ToLower(art.lang), "zh")
				for _, measure := range []float64{12, 17, 23.5} {
					opt := layout.Options{Width: measure * textSize, Indent: 2 * textSize, Punct: punctFor(art.lang), HanLatinSpace: zh}
					for _, p := range art.paras {
						runs := splitRuns(set, p, zh)
						layout.CheckInvariants(t, runs, opt, layout.Paragraph(runs, opt), 0.01)
						n++
					}
				}
			}
			if n == 0 {
				t.Errorf("%s: no paragraphs", dir)
			}
		})
	}
}

// TestScripts lays out paragraphs of Traditional Chinese, Japanese and
// Korean in the embedded faces at several measures and checks the line
// invariants and each script's own rule: Japanese under strict kinsoku
// starts no line with small kana or ー (the invariants check that), and
// Korean breaks only at the spaces between words unless a word alone is
// wider than the measure.
func TestScripts(t *testing.T) {
	set := faceSet(t)
	tests := []struct {
		name   string
		lang   string
		strict bool
		texts  []string
	}{
		{"zh-TW", "zh-TW", false, []string{"臺灣的雜誌排版需要標點擠壓與禁則處理。「引號」內的句子，也要照顧到；冒號：和分號；的寬度。吉野家的𠮷字與𩸽魚，都在第二平面。"}},
		{"zh-TW link then hard break", "zh-TW", false, []string{"粗體字", "與強調", "code", "連結", "\n", "吉野家的𠮷字。臺灣的雜誌排版需要標點擠壓與禁則處理，"}},
		{"ja kana", "ja", false, []string{"コーヒーを飲みながら、ちょっと考えてみよう。きゃっきゃっと笑うこどもたち。シャッターチャンスを逃さないように、カメラをしっかり構えよう。"}},
		{"ja strict kinsoku", "ja", true, []string{"コーヒーを飲みながら、ちょっと考えてみよう。きゃっきゃっと笑うこどもたち。シャッターチャンスを逃さないように、カメラをしっかり構えよう。"}},
		{"ja runs", "ja", true, []string{"「スーパー", "マーケット」で", "ヨーグルト", "を買った。ゞ々〻の後。"}},
		{"ko", "ko", false, []string{"대한민국의 수도는 서울이며, 2025년에 “서울”은 大韓民國의 수도이다. 한글은 1443년 세종대왕이 창제하였다. 띄어쓰기를 지켜야 한다. 한국어 문장은 어절 단위로 줄을 바꾸는 것이 읽기에 좋다."}},
		{"ko runs", "ko", false, []string{"국립국어원은 ", "표준국어대사전", "을 펴냈다. 링크", "\n", "다음 줄의 문장이다."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, measure := range []float64{6, 9, 12.5, 17, 23.5} {
				opt := layout.Options{Width: measure * textSize, Indent: 2 * textSize, Punct: punctFor(tc.lang), StrictKinsoku: tc.strict}
				runs := splitRuns(set, tc.texts, strings.HasPrefix(tc.lang, "zh"))
				lines := layout.Paragraph(runs, opt)
				layout.CheckInvariants(t, runs, opt, lines, 1e-6)
				if tc.lang == "ko" {
					checkKoreanBreaks(t, runs, lines, measure)
				}
			}
		})
	}
}

// checkKoreanBreaks fails if a line ends inside a word (at no white space
// in the source) after a normal break.
func checkKoreanBreaks(t *testing.T, runs []layout.Run, lines []layout.Line, measure float64) {
	t.Helper()
	var src strings.Builder
	for _, r := range runs {
		src.WriteString(r.Text)
	}
	rest := src.String()
	for i, l := range lines {
		for _, it := range l.Items {
			rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
			if !strings.HasPrefix(rest, it.Text) {
				t.Fatalf("measure %g em: item %q not next in the source %q", measure, it.Text, rest)
			}
			rest = rest[len(it.Text):]
		}
		if l.Break == layout.BreakNormal && rest != "" {
			if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsSpace(r) {
				t.Errorf("measure %g em: line %d %q ends inside a word (before %q)", measure, i, layout.LineTexts(lines[i : i+1])[0], r)
			}
		}
	}
}
