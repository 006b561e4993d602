package issue

import (
	"strings"
	"testing"
)

// depthOf returns how deeply quotes and lists nest in blocks.
func depthOf(blocks []Block) int {
	d := 0
	for _, b := range blocks {
		switch b := b.(type) {
		case *Quote:
			d = max(d, 1+depthOf(b.Blocks))
		case *List:
			for _, it := range b.Items {
				d = max(d, 1+depthOf(it))
			}
		}
	}
	return d
}

// TestNestingGuard: nesting is cut while parsing, so the converted tree
// never holds more than the limit however deep the source goes, and
// exactly the limit is accepted.
func TestNestingGuard(t *testing.T) {
	tests := []struct {
		name string
		src  string
		ok   bool
	}{
		{"quotes at the limit", strings.Repeat(">", maxNesting) + " 深", true},
		{"quotes one beyond", strings.Repeat(">", maxNesting+1) + " 深", false},
		{"60000 quotes", strings.Repeat(">", 60000) + " 深", false},
		{"lists at the limit", strings.Repeat("- ", maxNesting) + "深", true},
		{"30000 dashes", strings.Repeat("- ", 30000) + "深", false},
		{"20000 numbers", strings.Repeat("1. ", 20000) + "深", false},
		{"quotes and lists", strings.Repeat("> - ", 10000) + "深", false},
		{"many deep lines", strings.Repeat(strings.Repeat(">", 1000)+" 深\n", 50), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks, r := md(t, tt.src)
			if d := depthOf(blocks); d > maxNesting+1 { // the level beyond is reported and left empty
				t.Errorf("tree nests %d levels", d)
			}
			if tt.ok != (len(r.problems) == 0) {
				t.Errorf("problems = %v", r.problems)
			}
			if !tt.ok && (len(r.problems) != 1 || r.problems[0].Line != 1 || r.problems[0].Hint == "") {
				t.Errorf("want one problem at line 1 with a hint, got %v", r.problems)
			}
		})
	}
}

// TestParagraphGuard: a paragraph or line over the bounds is refused at
// its line before inline parsing; a long table, escaped marks and marks in
// several paragraphs are not.
func TestParagraphGuard(t *testing.T) {
	row := "| 甲 | [乙](https://e.com) |\n"
	tests := []struct {
		name string
		src  string
		says string // "" for none
		line int
	}{
		{"short", "正文。\n\n" + strings.Repeat("[链](https://e.com)", 100), "", 0},
		{"long paragraph", "正文。\n\n" + strings.Repeat("一二三四五六七八九十\n", 3000), "paragraph of 90 KB is longer than the 64 KB", 3},
		{"long line", strings.Repeat("长", 30000), "line of 87 KB is longer than the 64 KB", 1},
		{"long table", "| a | b |\n|---|---|\n" + strings.Repeat(row, 3000), "", 0},
		{"brackets", "甲\n\n乙\n" + strings.Repeat("[x\n", 1001), `paragraph holds 1001 "["`, 3},
		{"escaped brackets", strings.Repeat(`\[x`+"\n", 2000), "", 0},
		{"brackets in two paragraphs", strings.Repeat("[x\n", 900) + "\n" + strings.Repeat("[x\n", 900), "", 0},
		{"emphasis", strings.Repeat("*a_\n", 2001), `paragraph holds 4002 "*" and "_"`, 1},
		{"emphasis on a line", strings.Repeat("_", maxEmphasisMarks+1), `line holds 4001 "*" and "_"`, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, r := md(t, tt.src)
			if tt.says == "" {
				if len(r.problems) > 0 {
					t.Errorf("problems = %v", r.problems)
				}
				return
			}
			if len(r.problems) != 1 || !strings.Contains(r.problems[0].Message, tt.says) || r.problems[0].Line != tt.line || r.problems[0].Hint == "" {
				t.Errorf("problems = %v, want one at line %d saying %q", r.problems, tt.line, tt.says)
			}
		})
	}
}

func TestCheckLink(t *testing.T) {
	tests := []struct{ dest, link, reason string }{
		{"https://example.com/a?b=1", "https://example.com/a?b=1", ""},
		{" HTTP://Example.com ", "http://example.com", ""},
		{"mailto:a@example.com", "mailto:a@example.com", ""},
		{"https://例子.中国/路径", "https://xn--fsqu00a.xn--fiqs8s/%E8%B7%AF%E5%BE%84", ""},
		{"http://[::1]:8080/x", "http://[::1]:8080/x", ""},
		{"https://a_b.com/", "", "host name is not valid"},
		{"javascript:alert(1)", "", "javascript: links can run code"},
		{"JavaScript:alert(1)", "", "javascript: links can run code"},
		{"vbscript:msgbox", "", "vbscript: links"},
		{"data:text/html,<b>", "", "data: links"},
		{"file:///etc/passwd", "", "file: links"},
		{"ftp://example.com", "", "ftp: is not an http, https or mailto link"},
		{"#section", "", "links inside the issue"},
		{"other.md", "", "relative links"},
		{"https://", "", "no host"},
		{"mailto:", "", "no address"},
		{"https://e.com/\x1b[2J", "", "not a valid URL"},
		{"", "", ""},
	}
	for _, tt := range tests {
		link, reason := checkLink(tt.dest)
		if link != tt.link || !strings.Contains(reason, tt.reason) || (tt.reason == "") != (reason == "") {
			t.Errorf("checkLink(%q) = %q, %q; want %q, …%q…", tt.dest, link, reason, tt.link, tt.reason)
		}
	}
}

// TestLinkPolicyInModel: the converter keeps only the links the policy
// allows and warns at the line of each dropped one.
func TestLinkPolicyInModel(t *testing.T) {
	blocks, r := md(t, "甲[好](https://e.com)\n乙[坏](javascript:x)<mailto:a@e.com>\n\n<javascript:alert(1)>")
	want := []Block{
		para(txt("甲"), Inline{Text: "好", Link: "https://e.com"}, txt("乙坏"), Inline{Text: "mailto:a@e.com", Link: "mailto:a@e.com"}),
		para(txt("javascript:alert(1)")),
	}
	if dump(blocks) != dump(want) {
		t.Errorf("got  %s\nwant %s", dump(blocks), dump(want))
	}
	if len(r.warnings) != 2 || r.warnings[0].Line != 2 || r.warnings[1].Line != 4 {
		t.Errorf("warnings = %v", r.warnings)
	}
}

func TestUnparsedImageWarning(t *testing.T) {
	tests := []struct {
		src  string
		line int
		says string // "" for no warning
	}{
		{"![图](a.png)", 0, ""},
		{"文字\n![照片](../images/my photo.jpg)", 2, "write ![照片](<../images/my photo.jpg>) or ![照片](../images/my%20photo.jpg)"},
		{"![图](a b.png \"张三/摄\")", 1, `write ![图](<a b.png> "张三/摄") or ![图](a%20b.png "张三/摄")`},
		{"![图](a(1.png)", 1, "check its brackets and parentheses"},
		{"![图](a.png", 1, `"![图](a.png" is printed as text, not shown as an image: check its brackets`},
		{"![图] (a.png)", 1, `a space stands between "]" and "(": write ![图](a.png)`},
		{"文字\n![图]（a.png）", 2, "its parentheses are full-width: write ![图](a.png)"},
		{"![图](a.png \"未闭合)", 1, `its title has no closing quote: write ![图](a.png "未闭合")`},
		{"![图][没有定义]", 0, ""},
		{"看 [图](a.png) 这里", 1, `link "a.png" is dropped (its text stays): it points to an image: an image is written with "!" before its brackets, ![图](a.png)`},
		{"文字\n看！[图](img/a.JPG)", 2, `the "！" before it is full-width: write ![图](img/a.JPG)`},
		{"看 [文件](a.pdf)", 1, "links inside the issue and relative links are not kept"},
		{"这里 ![ 不是图片", 0, ""},
	}
	for _, tt := range tests {
		_, r := md(t, tt.src)
		if tt.says == "" {
			if len(r.warnings) > 0 {
				t.Errorf("%q: warnings %v", tt.src, r.warnings)
			}
			continue
		}
		if len(r.warnings) != 1 || r.warnings[0].Line != tt.line || !strings.Contains(r.warnings[0].Message, tt.says) {
			t.Errorf("%q: warnings %v, want one at line %d saying %q", tt.src, r.warnings, tt.line, tt.says)
		}
	}
}

func TestShorten(t *testing.T) {
	for _, tt := range []struct {
		s    string
		n    int
		want string
	}{{"abc", 3, "abc"}, {"abcd", 3, "abc…"}, {"甲乙丙丁", 2, "甲乙…"}, {"", 0, ""}} {
		if got := shorten(tt.s, tt.n); got != tt.want {
			t.Errorf("shorten(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
	}
}

// TestMarkupUnits: a line counts the block it starts, its list and quote
// markers, the bytes that open inline markup or separate table cells and
// a hard line break; plain text continuing a paragraph counts nothing.
func TestMarkupUnits(t *testing.T) {
	for _, tt := range []struct {
		line       string
		afterBlank bool
		want       int
	}{
		{"正文。", true, 1},
		{"正文接上一行。", false, 0},
		{"- 项", false, 2},
		{"12. 项", false, 2},
		{"1234567890. 不是列表", true, 1}, // ten digits: not a list marker
		{"-不是列表", false, 0},
		{"> - > - 项", true, 5},
		{strings.Repeat(">", 100) + " 深", true, maxNesting + 2}, // deeper levels are text
		{"## 标题", false, 1},
		{"|1|2|3|", false, 4},
		{"*强调* 与 `代码` 与 [链接](x) 与 <b>", true, 1 + 2 + 2 + 1 + 1},
		{"行末硬换行  ", false, 1},
		{"行末硬换行\\", false, 1},
		{"行末硬换行  \r", false, 1},
		{"{漢字|かんじ} ~~删~~", true, 1 + 1 + 1 + 4},
	} {
		if got := markupUnits([]byte(tt.line), tt.afterBlank); got != tt.want {
			t.Errorf("markupUnits(%q, %v) = %d, want %d", tt.line, tt.afterBlank, got, tt.want)
		}
	}
}

// TestMarkupBudget: the issue's budget runs over its articles; the line
// where it passes is reported and that body is not parsed.
func TestMarkupBudget(t *testing.T) {
	var b markupBudget
	items := func(n int) []byte { return []byte(strings.Repeat("- 项\n", n)) }
	r := &report{}
	if !checkLines(items(15_000), "a.md", 4, r, &b) || len(r.problems) > 0 {
		t.Fatalf("15,000 list items refused: %v", r.problems)
	}
	if checkLines(items(10_000), "b.md", 4, r, &b) {
		t.Fatal("the second article's 10,000 list items passed the budget")
	}
	// 30,000 units in a.md, 2 a line in b.md: passed on its 5,001st line.
	if len(r.problems) != 1 || r.problems[0].File != "b.md" || r.problems[0].Line != 4+5001 || !strings.Contains(r.problems[0].Message, "more than 40000 Markdown elements") {
		t.Errorf("problems %+v", r.problems)
	}
	if checkLines(items(10), "c.md", 0, &report{}, nil) != true {
		t.Error("no budget: refused")
	}
}
