package layout

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/golden")

// goldenCase is one paragraph laid out for a golden file.
type goldenCase struct {
	name  string
	text  string
	width float64 // em, at size 1 in the test face
	mod   []func(*Options)
	runs  []string // if set, text is these runs (as a backend makes them of bold, links, hard breaks)
}

// golden makes a case of one paragraph in several runs.
func golden(name string, width float64, mod []func(*Options), runs ...string) goldenCase {
	return goldenCase{name: name, text: strings.Join(runs, ""), width: width, mod: mod, runs: runs}
}

// goldenCases are the clreq examples and paragraphs of other scripts and
// hard cases, each at the measure given.
func goldenCases(t *testing.T) []goldenCase {
	t.Helper()
	data, err := os.ReadFile("testdata/clreq/examples.json")
	if err != nil {
		t.Fatal(err)
	}
	var file struct{ Examples []clreqExample }
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	var cases []goldenCase
	for _, ex := range file.Examples {
		c := goldenCase{name: "clreq " + ex.Name, text: ex.Text, width: ex.Width}
		switch ex.Style {
		case "hant":
			c.mod = append(c.mod, hant)
		case "ja":
			c.mod = append(c.mod, ja)
		}
		if ex.Strict {
			c.mod = append(c.mod, strict)
		}
		if ex.HanLatinSpace {
			c.mod = append(c.mod, hls)
		}
		cases = append(cases, c)
	}
	ragged := func(o *Options) { o.Align = AlignLeft }
	indent := func(o *Options) { o.Indent = 2 }
	return append(cases,
		golden("zh-Hans sample paragraph", 17, []func(*Options){indent, hls}, "推动区域协调发展，是解决发展不平衡不充分问题的重要途径，特别是受历史等因素影响，西部地区与其他地区在发展基础、产业结构等方面存在差距。"),
		golden("zh-Hans consecutive quotes", 13, []func(*Options){indent}, "新疆精河县疾病预防控制中心优秀共产党员陈志刚，三十八年如一日，长年累月坚守在人迹罕至的荒山野岭地带，甘当鼠疫防控事业的“守门员”“宣传员”“服务员”。"),
		golden("zh-Hans book titles and dates", 15, []func(*Options){indent, hls}, "3月16日出版的第6期《求是》杂志将发表中共中央总书记、国家主席、中央军委主席习近平的重要文章《坚持和落实“两个毫不动摇”》。这是习近平总书记2013年11月至2025年2月期间有关重要论述的节录。"),
		golden("zh-Hant link then hard break", 9, []func(*Options){hant}, "粗體字", "與強調", "code", "連結", "\n", "吉野家的𠮷字。臺灣的雜誌排版需要標點擠壓與禁則處理，"),
		golden("zh-Hant with centred stops", 12, []func(*Options){hant, indent}, "臺灣的雜誌排版需要標點擠壓與禁則處理。「引號」內的句子，也要照顧到；冒號：和分號；的寬度。"),
		golden("ja with kana and prolonged sound mark", 9, []func(*Options){ja}, "コーヒーを飲みながら、ちょっと考えてみよう。きゃっきゃっと笑うこどもたち。"),
		golden("ja strict kinsoku", 9, []func(*Options){strict}, "コーヒーを飲みながら、ちょっと考えてみよう。きゃっきゃっと笑うこどもたち。"),
		golden("ko with spaces between words", 10, nil, "대한민국의 수도는 서울이며, 한글은 세종대왕이 창제하였다. 띄어쓰기를 지켜야 한다."),
		golden("ko in a wider column", 16, nil, "대한민국의 수도는 서울이며, 한글은 세종대왕이 창제하였다. 띄어쓰기를 지켜야 한다. 한국어 문장은 어절 단위로 줄을 바꾸는 것이 읽기에 좋다."),
		golden("ko with digits Hanja and quotes", 12, nil, "2025년에 “서울”은 大韓民國의 수도이다. 한글은 1443년 세종대왕이 창제하였다. 국립국어원은 표준국어대사전을 펴냈다."),
		golden("mixed Latin and digits", 11, []func(*Options){hls}, "2025年3月，GDP增长5.2%，iPhone 16的销量达到1,200万台，约占China market的一半。"),
		golden("astral characters", 6, nil, "吉野家的𠮷字，𩸽魚與𠀋字都在第二平面：𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷。"),
		golden("long URL forced apart", 8, nil, "详见https://example.org/a/very/long/path/that/cannot/fit/on/one/line/index.html，谢谢。"),
		golden("long Latin word in a narrow measure", 4, nil, "一个Pneumonoultramicroscopicsilicovolcanoconiosis单词"),
		golden("narrow measure of 3 em", 3, nil, "“天生我材必有用”，千金散尽还复来！（烹羊宰牛）且为乐……"),
		golden("hard breaks", 5, nil, "第一行\n第二行很长很长很长很长很长很长\n\n第四行"),
		golden("ragged right", 7, []func(*Options){ragged}, "推动区域协调发展，是解决发展不平衡不充分问题的重要途径。"),
	)
}

// describe writes the lines of a paragraph as a reviewer reads them: each
// line between bars, with a space where the source has white space between
// two items, then how it was set; items wider or narrower than their
// natural advance (compressed punctuation) are listed with their widths.
func describe(c goldenCase, lines []Line) string {
	var b strings.Builder
	fmt.Fprintf(&b, "== %s (width %g em)\n", c.name, c.width)
	src := c.text // what is left of the source after the items so far
	for i, l := range lines {
		var text strings.Builder
		var squeezed []string
		for k, it := range l.Items {
			rest := strings.TrimLeftFunc(src, isGap)
			if k > 0 && len(rest) < len(src) {
				text.WriteByte(' ') // a space between words
			}
			src = strings.TrimPrefix(rest, it.Text)
			text.WriteString(it.Text)
			if n := natural(it.Text); it.Width < n-1e-9 {
				squeezed = append(squeezed, fmt.Sprintf("%s=%.3f", it.Text, it.Width))
			}
		}
		how := "ragged"
		if l.Justified {
			how = "justified"
		}
		fmt.Fprintf(&b, "%2d |%s| %.3f %s ratio %+.3f %s", i+1, text.String(), l.Width, how, l.Ratio, breakName(l.Break))
		if len(squeezed) > 0 {
			fmt.Fprintf(&b, " squeezed %s", strings.Join(squeezed, " "))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// natural is the advance of s in the test face.
func natural(s string) float64 {
	w := 0.0
	for _, r := range s {
		w += fakeFace{}.Advance(r)
	}
	return w
}

func breakName(k BreakKind) string {
	switch k {
	case BreakNormal:
		return "normal"
	case BreakForced:
		return "forced"
	case BreakFinal:
		return "final"
	case BreakEmergency:
		return "emergency"
	}
	return fmt.Sprint(int(k))
}

var unsafeName = regexp.MustCompile(`[^a-z0-9]+`)

// TestGolden lays out every golden case and compares the description with
// testdata/golden/<case>.txt; go test ./layout -run Golden -update
// rewrites the files. The invariants are checked too.
func TestGolden(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range goldenCases(t) {
		file := strings.Trim(unsafeName.ReplaceAllString(strings.ToLower(c.name), "-"), "-")
		if seen[file] {
			t.Fatalf("two golden cases named %q", file)
		}
		seen[file] = true
		t.Run(file, func(t *testing.T) {
			opt := Options{Width: c.width}
			for _, m := range c.mod {
				m(&opt)
			}
			texts := c.runs
			if texts == nil {
				texts = []string{c.text}
			}
			var runs []Run
			for i, s := range texts {
				runs = append(runs, Run{Text: s, Face: fakeFace{hant: opt.Punct == PunctHant}, Size: 1, Tag: i})
			}
			lines := Paragraph(runs, opt)
			checkInvariants(t, runs, opt, lines, 1e-6)
			got := describe(c, lines)
			path := filepath.Join("testdata", "golden", file+".txt")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./layout -run Golden -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs (go test ./layout -run Golden -update rewrites it if the change is right):\n%s", path, diffLines(string(want), got))
			}
		})
	}
	if !*update {
		files, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.txt"))
		for _, f := range files {
			if !seen[strings.TrimSuffix(filepath.Base(f), ".txt")] {
				t.Errorf("%s belongs to no golden case: delete it", f)
			}
		}
	}
}

// diffLines shows the lines of want and got from the first that differs.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	var b strings.Builder
	for k := i; k < len(w) && k < i+4; k++ {
		fmt.Fprintf(&b, "- %s\n", w[k])
	}
	for k := i; k < len(g) && k < i+4; k++ {
		fmt.Fprintf(&b, "+ %s\n", g[k])
	}
	return b.String()
}
