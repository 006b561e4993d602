package issue

import (
	"reflect"
	"strings"
	"testing"
)

// md converts src with a figure resolver that accepts every path.
func md(t *testing.T, src string) ([]Block, *report) {
	t.Helper()
	r := &report{}
	blocks := convertMarkdown([]byte(src), "a.md", 0, r, func(dest string, line int) (Image, bool) {
		return Image{Rel: dest, Format: "png", Width: 1, Height: 1}, true
	})
	return blocks, r
}

func para(in ...Inline) *Paragraph { return &Paragraph{Inlines: in} }
func txt(s string) Inline          { return Inline{Text: s} }

func TestMarkdown(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []Block
	}{
		{"cjk soft break joins", "第一行\n第二行", []Block{para(txt("第一行第二行"))}},
		{"latin soft break is a space", "first\nsecond", []Block{para(txt("first second"))}},
		{"mixed soft break is a space", "中文\nEnglish\n中文", []Block{para(txt("中文 English 中文"))}},
		{"fullwidth punctuation joins", "他说，\n“好。”\n然后", []Block{para(txt("他说，“好。”然后"))}},
		{"kana and hangul join", "ひらがな\nカタカナ\n한국어", []Block{para(txt("ひらがなカタカナ한국어"))}},
		{"rare han joins", "𠮷野家\n𠮷", []Block{para(txt("𠮷野家𠮷"))}},
		{"soft break across styles", "**强调**\n正文", []Block{para(Inline{Text: "强调", Style: Strong}, txt("正文"))}},
		{"hard break", "一行  \n二行\\\n三行", []Block{para(txt("一行"), txt("\n"), txt("二行"), txt("\n"), txt("三行"))}},
		{"styles", "a *em* **strong** ***both*** `co*de*`", []Block{para(
			txt("a "), Inline{Text: "em", Style: Emphasis}, txt(" "), Inline{Text: "strong", Style: Strong}, txt(" "),
			Inline{Text: "both", Style: Emphasis | Strong}, txt(" "), Inline{Text: "co*de*", Style: CodeSpan})}},
		{"links", "见[网站](https://example.com/a?b=1 \"t\")和<https://x.org>。", []Block{para(
			txt("见"), Inline{Text: "网站", Link: "https://example.com/a?b=1"}, txt("和"), Inline{Text: "https://x.org", Link: "https://x.org"}, txt("。"))}},
		{"escapes and entities", `\*不是强调\* &amp; &#x4E2D; &copy;`, []Block{para(txt("*不是强调* & 中 ©"))}},
		{"raw inline html is text", `前<img src=x onerror=alert(1)>后`, []Block{para(txt("前<img src=x onerror=alert(1)>后"))}},
		{"raw html blocks are text", "<script>alert(1)</script>\n<p>x</p>", []Block{para(txt("<script>alert(1)</script>")), para(txt("<p>x</p>"))}},
		{"multi-line html block", "<div>\n甲 &amp;\n</div>", []Block{para(txt("<div>"), txt("\n"), txt("甲 &amp;"), txt("\n"), txt("</div>"))}},
		{"headings", "# 一\n## 二\n### 三", []Block{
			&Heading{Level: 2, Inlines: []Inline{txt("一")}}, &Heading{Level: 2, Inlines: []Inline{txt("二")}}, &Heading{Level: 3, Inlines: []Inline{txt("三")}}}},
		{"quote", "> 引文\n> 继续\n>\n> 第二段", []Block{&Quote{Blocks: []Block{para(txt("引文继续")), para(txt("第二段"))}}}},
		{"lists", "- 甲\n- 乙\n  - 丙\n\n3. 三\n4. 四", []Block{
			&List{Items: [][]Block{{para(txt("甲"))}, {para(txt("乙")), &List{Items: [][]Block{{para(txt("丙"))}}}}}},
			&List{Ordered: true, Start: 3, Items: [][]Block{{para(txt("三"))}, {para(txt("四"))}}}}},
		{"code", "```go\nfunc main() {}\n<b>\n```\n\n    indented", []Block{&Code{Language: "go", Text: "func main() {}\n<b>"}, &Code{Text: "indented"}}},
		{"rule", "甲\n\n---\n\n乙", []Block{para(txt("甲")), &Rule{}, para(txt("乙"))}},
		{"figure", "![图一 说明](img/a.png \"张三/摄\")", []Block{&Figure{Image: Image{Rel: "img/a.png", Format: "png", Width: 1, Height: 1}, Caption: "图一 说明", Credit: "张三/摄"}}},
		{"figure without caption", "  ![](b.jpg)  ", []Block{&Figure{Image: Image{Rel: "b.jpg", Format: "png", Width: 1, Height: 1}}}},
		{"table", "| 项目 | 数量 |\n|:--|--:|\n| 甲 | **1** |\n| 乙 |", []Block{&Table{
			Line:   1,
			Align:  []Align{AlignLeft, AlignRight},
			Header: [][]Inline{{txt("项目")}, {txt("数量")}},
			Rows:   [][][]Inline{{{txt("甲")}, {Inline{Text: "1", Style: Strong}}}, {{txt("乙")}, nil}}}}},
		{"link reference definition", "[甲][r]\n\n[r]: https://e.com", []Block{para(Inline{Text: "甲", Link: "https://e.com"})}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, r := md(t, tt.src)
			if len(r.problems) > 0 {
				t.Errorf("problems: %v", r.problems)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %s\nwant %s", dump(got), dump(tt.want))
			}
		})
	}
}

func TestMarkdownInlineImage(t *testing.T) {
	got, r := md(t, "第一段。\n\n看![小图](a.png)这里。\n\n![甲](a.png)![乙](b.png)")
	want := []Block{para(txt("第一段。")), para(txt("看小图这里。")), para(txt("甲乙"))}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %s", dump(got))
	}
	if len(r.warnings) != 3 || r.warnings[0].Line != 3 || r.warnings[0].File != "a.md" {
		t.Errorf("warnings = %v", r.warnings)
	}
}

func TestMarkdownNestingLimit(t *testing.T) {
	_, r := md(t, strings.Repeat(">", 200)+" 深")
	if len(r.problems) != 1 || !strings.Contains(r.problems[0].Message, "nest more than") {
		t.Errorf("problems = %v", r.problems)
	}
}

func TestJoinsWithoutSpace(t *testing.T) {
	tests := []struct {
		a, b rune
		want bool
	}{
		{'中', '文', true}, {'。', 'A', false}, {'A', '中', false}, {'a', 'b', false},
		{'”', '中', true}, {'中', '“', true}, {'—', 'a', false}, {'あ', 'ア', true},
		{'한', '국', true}, {'，', '（', true}, {0, '中', false},
	}
	for _, tt := range tests {
		if got := joinsWithoutSpace(tt.a, tt.b); got != tt.want {
			t.Errorf("joinsWithoutSpace(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestMerge(t *testing.T) {
	in := []Inline{txt("a"), txt("b"), {Text: "c", Style: Strong}, {Text: "d", Style: Strong}, txt("\n"), txt("\n"), txt("e"), {Text: "f", Link: "u"}, {Text: ""}}
	want := []Inline{txt("ab"), {Text: "cd", Style: Strong}, txt("\n"), txt("\n"), txt("e"), {Text: "f", Link: "u"}}
	if got := merge(in); !reflect.DeepEqual(got, want) {
		t.Errorf("merge = %#v", got)
	}
}

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		src      string
		fm, body string
		bodyLine int
		errMsg   string
	}{
		{"---\ntitle: x\n---\n正文\n", "title: x\n", "正文\n", 4, ""},
		{"---\r\ntitle: x\r\n...\r\n正文", "title: x\r\n", "正文", 4, ""},
		{"---\n---\n", "", "", 3, ""},
		{"--- \ntitle: x\n---", "title: x\n", "", 4, ""},
		{"title: x\n---\n", "", "", 0, "no front matter"},
		{"---\ntitle: x\n正文\n", "", "", 0, "missing its closing ---"},
		{"", "", "", 0, "no front matter"},
	}
	for _, tt := range tests {
		fm, fmLine, body, bodyLine, err := splitFrontMatter([]byte(tt.src))
		if tt.errMsg != "" {
			if err == nil || !strings.Contains(err.msg, tt.errMsg) {
				t.Errorf("splitFrontMatter(%q) error = %v, want %q", tt.src, err, tt.errMsg)
			}
			continue
		}
		if err != nil || string(fm) != tt.fm || string(body) != tt.body || bodyLine != tt.bodyLine || fmLine != 2 {
			t.Errorf("splitFrontMatter(%q) = %q, %d, %q, %d, %v", tt.src, fm, fmLine, body, bodyLine, err)
		}
	}
}

// dump prints blocks readably for failure messages.
func dump(bs []Block) string {
	var b strings.Builder
	for _, x := range bs {
		switch x := x.(type) {
		case *Quote:
			b.WriteString("Quote{" + dump(x.Blocks) + "} ")
		case *List:
			b.WriteString("List{")
			for _, it := range x.Items {
				b.WriteString("[" + dump(it) + "]")
			}
			b.WriteString("} ")
		default:
			b.WriteString(strings.TrimPrefix(strings.ReplaceAll(sprintf("%+v", x), "issue.", ""), "&") + " ")
		}
	}
	return b.String()
}
