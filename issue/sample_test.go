package issue

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// sampleDir is the whole issue 党员之友 2025年第3期, rebuilt from the text of
// its PDF by testdata/tools/build_sample.py (see its README.md).
var sampleDir = filepath.Join("..", "testdata", "dangyuanzhiyou-2025-03")

// sampleSections is the 栏目 order of the 目录, then the cover pages that
// the 目录 does not list, with the number of articles in each.
var sampleSections = []struct {
	title    string
	articles int
}{
	{"卷首语", 1},
	{"要闻要论", 4},
	{"深入学习贯彻习近平新时代中国特色社会主义思想", 2},
	{"统筹区域协调发展", 3},
	{"工作交流", 13},
	{"援疆天地", 1},
	{"一线传真", 2},
	{"理论研究", 1},
	{"党建论坛", 4},
	{"天山先锋", 4},
	{"党员心声", 1},
	{"文化广角", 1},
	{"法律法规", 1},
	{"魅力新疆", 1},
	{"铸牢中华民族共同体意识", 1},
	{"红色印记", 1},
	{"随笔感悟", 2},
	{"封三·封底", 2},
}

const (
	sampleArticles = 45
	sampleFigures  = 36
	// coverSection holds the inside back cover and the back cover, which
	// carry no printed page number (Page 0).
	coverSection = "封三·封底"
)

func TestSampleIssue(t *testing.T) {
	iss, warnings, err := Load(sampleDir)
	if err != nil {
		t.Fatalf("Load(%s): %v", sampleDir, err)
	}
	for _, w := range warnings {
		t.Logf("warning: %v", w)
	}

	if iss.Title != "党员之友" || iss.Label != "2025年第3期" || iss.Number != "总第344期" || iss.ISSN != "2096-7462" {
		t.Errorf("masthead = %q %q %q %q", iss.Title, iss.Label, iss.Number, iss.ISSN)
	}
	if got := iss.Date.Format("2006-01-02"); got != "2025-03-28" {
		t.Errorf("Date = %s, want 2025-03-28 (出版日期 每月28日)", got)
	}
	if iss.Cover.Image == nil || iss.Cover.Image.Width != 1200 || iss.Cover.Image.Height != 1700 {
		t.Errorf("cover image = %+v, want a 1200×1700 image", iss.Cover.Image)
	}
	if len(iss.Colophon) < 15 || iss.Colophon[0].Label != "主管" {
		t.Errorf("colophon has %d rows, first %+v", len(iss.Colophon), iss.Colophon)
	}
	if len(iss.Highlights) != 5 {
		t.Errorf("highlights = %q, want the 5 lines of 本期看点", iss.Highlights)
	}

	if len(iss.Sections) != len(sampleSections) {
		t.Fatalf("%d sections, want %d", len(iss.Sections), len(sampleSections))
	}
	for i, want := range sampleSections {
		s := iss.Sections[i]
		if s.Title != want.title || len(s.Articles) != want.articles {
			t.Errorf("section %d = %q with %d articles, want %q with %d", i+1, s.Title, len(s.Articles), want.title, want.articles)
		}
	}

	arts := iss.Articles()
	if len(arts) < 40 || len(arts) != sampleArticles {
		t.Fatalf("%d articles, want %d (at least 40)", len(arts), sampleArticles)
	}

	figures, lastPage := 0, 0
	for _, s := range iss.Sections {
		for _, a := range s.Articles {
			name := filepath.Base(a.File)
			if strings.TrimSpace(a.Title) == "" {
				t.Errorf("%s: no title", name)
			}
			if s.Title == coverSection {
				if a.Page != 0 {
					t.Errorf("%s: page %d on an unnumbered cover page", name, a.Page)
				}
			} else {
				if a.Page <= 0 {
					t.Errorf("%s: no print page", name)
				}
				if a.Page < lastPage {
					t.Errorf("%s: page %d comes after page %d (reading order follows the 目录)", name, a.Page, lastPage)
				}
				lastPage = a.Page
			}
			if len(a.Blocks) == 0 {
				t.Errorf("%s: empty body", name)
			}
			for _, b := range a.Blocks {
				if f, ok := b.(*Figure); ok {
					figures++
					if f.Image.Width == 0 || f.Image.Height == 0 {
						t.Errorf("%s: figure %s not probed", name, f.Image.Rel)
					}
				}
			}
			for _, p := range brokenParagraphs(a.Blocks) {
				t.Errorf("%s: paragraph stops mid-sentence and the next block continues it: …%s", name, tail(p, 20))
			}
		}
	}
	if figures != sampleFigures {
		t.Errorf("%d figures, want %d", figures, sampleFigures)
	}

	for _, s := range sampleTexts(iss) {
		if loc := asciiPunctBetweenHan.FindStringIndex(s); loc != nil {
			t.Errorf("ASCII punctuation between Han characters in …%s…", around(s, loc[0], loc[1]))
		}
		for _, junk := range pageFurniture {
			if strings.Contains(s, junk) {
				t.Errorf("page furniture %q left in %q", junk, tail(s, 40))
			}
		}
	}
}

// asciiPunctBetweenHan finds ASCII , : ; ? ! between two Han characters, or
// an ASCII parenthesis touching a Han character.
var asciiPunctBetweenHan = regexp.MustCompile(`\p{Han}[,:;?!]\p{Han}|\p{Han}[()]|[()]\p{Han}`)

// pageFurniture is text of the printed page that must not reach the body:
// jump lines, QR-code prompts, running heads, photo credits outside figures.
var pageFurniture = []string{"下转第", "上接第", "扫码观看", "扫描二维码", "「一线传真」", "责任编辑", "□"}

// sampleTexts returns the texts of the bodies and of the article metadata.
// Figure credits ("□…/摄") are left out because they keep the printed marker.
func sampleTexts(iss *Issue) []string {
	var out []string
	for _, a := range iss.Articles() {
		out = append(out, a.Title, a.Subtitle, a.Affiliation, a.Source, a.Editor)
		out = append(out, a.Authors...)
		var walk func([]Block)
		walk = func(bs []Block) {
			for _, b := range bs {
				switch b := b.(type) {
				case *Paragraph:
					out = append(out, inlineText(b.Inlines))
				case *Heading:
					out = append(out, inlineText(b.Inlines))
				case *Quote:
					walk(b.Blocks)
				case *List:
					for _, it := range b.Items {
						walk(it)
					}
				case *Figure:
					out = append(out, b.Caption)
				}
			}
		}
		walk(a.Blocks)
	}
	return out
}

func inlineText(in []Inline) string {
	var b strings.Builder
	for _, r := range in {
		b.WriteString(r.Text)
	}
	return b.String()
}

// brokenParagraphs returns the paragraphs that stop in the middle of a
// sentence while the next block is another paragraph or a figure: the marks
// of a paragraph cut at a column or page break (a caption may sit between
// the two halves). Short label lines such as bylines are allowed.
func brokenParagraphs(blocks []Block) []string {
	var out []string
	for i := 0; i+1 < len(blocks); i++ {
		p, ok := blocks[i].(*Paragraph)
		if !ok {
			continue
		}
		switch blocks[i+1].(type) {
		case *Paragraph, *Figure:
		default:
			continue
		}
		text := strings.TrimSpace(inlineText(p.Inlines))
		if sentenceOpen(text) && !labelLine(text) {
			out = append(out, text)
		}
	}
	return out
}

const (
	sentenceEnd = "。！？…；：!?."
	closingMark = "”’」』）》)"
)

// sentenceOpen reports whether text does not end a sentence. A closing
// quote or bracket ends one only after terminal punctuation (……。”) or when
// it closes a note that follows one (……。（某某供稿）) or makes up the whole
// paragraph (（贾佳整理）).
func sentenceOpen(text string) bool {
	if text == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(text)
	if strings.ContainsRune(sentenceEnd, last) || last == '—' {
		return false
	}
	if !strings.ContainsRune(closingMark, last) {
		return true
	}
	inner := strings.TrimRight(text, closingMark)
	if r, _ := utf8.DecodeLastRuneInString(inner); inner != "" && strings.ContainsRune(sentenceEnd, r) {
		return false
	}
	if last == '）' || last == ')' {
		open := strings.LastIndexAny(text, "（(")
		if open == 0 {
			return false
		}
		if open > 0 {
			if r, _ := utf8.DecodeLastRuneInString(text[:open]); strings.ContainsRune(sentenceEnd, r) {
				return false
			}
		}
	}
	return true
}

// labelLine reports whether text is a short line without punctuation, such
// as a byline (丁娟丽 杜新林) or a name with a middle dot.
func labelLine(text string) bool {
	if utf8.RuneCountInString(text) > 16 {
		return false
	}
	for _, r := range text {
		if unicode.IsPunct(r) && r != '·' {
			return false
		}
	}
	return true
}

// around returns s[i:j] with up to ten runes of context on either side.
func around(s string, i, j int) string {
	before := []rune(s[:i])
	if len(before) > 10 {
		before = before[len(before)-10:]
	}
	after := []rune(s[j:])
	if len(after) > 10 {
		after = after[:10]
	}
	return string(before) + s[i:j] + string(after)
}

func tail(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[len(r)-n:]
	}
	return string(r)
}

// TestBrokenParagraphCheck runs the check on lines of the raw PDF text that
// were cut at a column or page break, and on correct paragraph endings.
func TestBrokenParagraphCheck(t *testing.T) {
	tests := []struct {
		text   string
		broken bool
	}{
		// cut lines from the raw extraction
		{"文章指出,我国非公有制经济从小到大、由弱", true},
		{"当前经济运行的外部环境面临高度不确定性,", true},
		{"在修建村里道路时,需拆除部分村民自建房,有的村民不愿意,遇到不小阻力。面对困境,村“两委”", true},
		{"实现科技自主创新和人才自主培养良性互动,教育要进一步发挥先导性、基础性支撑(下转第9页)", true},
		{"深入实施“12345”政务服务便民热线和百姓说事“228”制度(每月22", true},
		{"加快兵地融合项目建设,2024年,实现S24等9个项目如期开工,G0711线乌鲁木齐至尉犁、", true},
		{"协同联动“显高效”。强化与属", true},
		// correct endings
		{"村里通过高标准农田建设,配齐各种农业设施,种粮越来越省劲了。”", false},
		{"教导孩子们“好好学习,天天向上”,殷切叮嘱老师“一定要把工作做好”!", false},
		{"（贾佳整理）", false},
		{"为经济社会高质量发展提供有力支撑。（自治区水利厅供稿）", false},
		{"问：请介绍一下《规划》提出的目标任务和指标要求？", false},
		{"统筹抓好就业、教育、医疗等民生工作；", false},
		{"董燕军", true}, // open, but a label line: see labelLine
	}
	for _, tt := range tests {
		if got := sentenceOpen(tt.text); got != tt.broken {
			t.Errorf("sentenceOpen(%q) = %v, want %v", tt.text, got, tt.broken)
		}
	}
	labels := map[string]bool{
		"董燕军":             true,
		"丁娟丽 杜新林":         true,
		"木拉迪力·克衣木":        true,
		"文章指出,我国非公有制经济":   false,
		"党建读物出版社读者服务部电话：": false,
	}
	for text, want := range labels {
		if got := labelLine(text); got != want {
			t.Errorf("labelLine(%q) = %v, want %v", text, got, want)
		}
	}

	// a cut paragraph followed by a caption and its second half
	p := func(s string) *Paragraph { return &Paragraph{Inlines: []Inline{{Text: s}}} }
	blocks := []Block{
		p("组织扎根产业一线。打造省部共建重点实"),
		&Figure{Caption: "吐鲁番市高昌区葡萄标准化示范园。"},
		p("验室吐鲁番工作站。"),
		&Heading{Level: 2, Inlines: []Inline{{Text: "提能升级助力产业发展"}}},
	}
	if got := brokenParagraphs(blocks); len(got) != 1 {
		t.Errorf("brokenParagraphs found %q, want the first paragraph", got)
	}
}
