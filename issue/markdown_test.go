package issue

import (
	"reflect"
	"strings"
	"testing"
)

// md converts src with an image resolver that accepts every local path:
// images whose name has "big" in it are 800×600 pixels, others 16×16.
// Remote images are refused.
func md(t *testing.T, src string) ([]Block, *report) {
	t.Helper()
	blocks, r := mdRaw(src)
	return normBlocks(blocks), r
}

func mdRaw(src string) ([]Block, *report) {
	r := &report{}
	s := mdSource{text: []byte(src), file: "a.md", abs: "/i/a.md", cols: true}
	blocks := convertMarkdown(s, r, func(dest string, at Pos, strict bool) (Image, bool) {
		if strings.Contains(dest, "://") {
			r.warn("a.md", at.Line, "remote image %s", dest)
			return Image{}, false
		}
		if strings.Contains(dest, "big") {
			return Image{Rel: dest, Format: "png", Width: 800, Height: 600}, true
		}
		return Image{Rel: dest, Format: "png", Width: 16, Height: 16}, true
	})
	return blocks, r
}

// normBlocks clears positions and merges the runs that only positions
// keep apart, so that tables of expected blocks can leave them out.
func normBlocks(bs []Block) []Block {
	for _, b := range bs {
		switch b := b.(type) {
		case *Paragraph:
			b.Pos, b.Inlines = Pos{}, normRuns(b.Inlines)
		case *Heading:
			b.Pos, b.Inlines = Pos{}, normRuns(b.Inlines)
		case *Quote:
			b.Pos = Pos{}
			normBlocks(b.Blocks)
		case *List:
			b.Pos = Pos{}
			for _, it := range b.Items {
				normBlocks(it)
			}
		case *Table:
			b.Pos = Pos{}
			for i := range b.Header {
				b.Header[i] = normRuns(b.Header[i])
			}
			for _, row := range b.Rows {
				for i := range row {
					row[i] = normRuns(row[i])
				}
			}
		case *Figure:
			b.Pos = Pos{}
		case *Code:
			b.Pos = Pos{}
		case *Rule:
			b.Pos = Pos{}
		}
	}
	return bs
}

func normRuns(in []Inline) []Inline {
	for i := range in {
		in[i].Pos = Pos{}
	}
	return merge(in)
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
		{"inline html image", `前<img src=x onerror=alert(1)>后`, []Block{para(txt("前"), img("x", ""), txt("后"))}},
		{"html blocks", "<script>alert(1)</script>\n<p>x &amp;amp; y</p>", []Block{para(txt("x &amp; y"))}},
		{"multi-line html block", "<div>\n甲 &amp;\n乙\n</div>", []Block{para(txt("甲 & 乙"))}},
		{"headings", "# 一\n## 二\n### 三", []Block{
			&Heading{Level: 2, Inlines: []Inline{txt("一")}}, &Heading{Level: 2, Inlines: []Inline{txt("二")}}, &Heading{Level: 3, Inlines: []Inline{txt("三")}}}},
		{"quote", "> 引文\n> 继续\n>\n> 第二段", []Block{&Quote{Blocks: []Block{para(txt("引文继续")), para(txt("第二段"))}}}},
		{"lists", "- 甲\n- 乙\n  - 丙\n\n3. 三\n4. 四", []Block{
			&List{Items: [][]Block{{para(txt("甲"))}, {para(txt("乙")), &List{Items: [][]Block{{para(txt("丙"))}}}}}},
			&List{Ordered: true, Start: 3, Items: [][]Block{{para(txt("三"))}, {para(txt("四"))}}}}},
		{"code", "```go\nfunc main() {}\n<b>\n```\n\n    indented", []Block{&Code{Language: "go", Text: "func main() {}\n<b>"}, &Code{Text: "indented"}}},
		{"rule", "甲\n\n---\n\n乙", []Block{para(txt("甲")), &Rule{}, para(txt("乙"))}},
		{"figure", "![图一 说明](img/a.png \"张三/摄\")", []Block{&Figure{Image: Image{Rel: "img/a.png", Format: "png", Width: 16, Height: 16}, Caption: "图一 说明", Credit: "张三/摄"}}},
		{"figure without caption", "  ![](b.jpg)  ", []Block{&Figure{Image: Image{Rel: "b.jpg", Format: "png", Width: 16, Height: 16}}}},
		{"table", "| 项目 | 数量 |\n|:--|--:|\n| 甲 | **1** |\n| 乙 |", []Block{&Table{
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

func img(rel, alt string) Inline {
	return Inline{Text: alt, Image: &Image{Rel: rel, Format: "png", Width: 16, Height: 16}}
}

func fig(rel, caption, link string) *Figure {
	return &Figure{Image: Image{Rel: rel, Format: "png", Width: 800, Height: 600}, Caption: caption, Link: link}
}

func TestMarkdownImages(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		want     []Block
		warnings int
	}{
		{"small image in a line", "看![小图](a.png)这里。", []Block{para(txt("看"), img("a.png", "小图"), txt("这里。"))}, 0},
		{"small images alone", "![甲](a.png)![乙](b.png)", []Block{para(img("a.png", "甲"), img("b.png", "乙"))}, 0},
		{"large image in a line", "看![大图](big.png)这里。\n\n下一段", []Block{para(txt("看这里。")), fig("big.png", "大图", ""), para(txt("下一段"))}, 1},
		{"large image on its own line", "上文\\\n![大图](big.png)\\\n下文", []Block{para(txt("上文")), fig("big.png", "大图", ""), para(txt("下文"))}, 0},
		{"linked figure", "[![封面](big.png)](https://example.com/a)", []Block{fig("big.png", "封面", "https://example.com/a")}, 0},
		{"linked icon", "见[![i](a.png)](https://e.com)官网", []Block{para(txt("见"), Inline{Text: "i", Link: "https://e.com", Image: &Image{Rel: "a.png", Format: "png", Width: 16, Height: 16}}, txt("官网"))}, 0},
		{"html figure", "<figure><a href=\"https://e.com\"><img src=\"big.png\" alt=\"替代\"></a><figcaption>图 1 说明</figcaption></figure>", []Block{&Figure{Image: Image{Rel: "big.png", Format: "png", Width: 800, Height: 600}, Caption: "图 1 说明", Link: "https://e.com", Alt: "替代"}}, 0},
		{"html figure, empty figcaption", "<figure><img src=\"big.png\" alt=\"替代\"><figcaption> </figcaption></figure>", []Block{fig("big.png", "替代", "")}, 0},
		{"html image alone then text", "<p align=\"center\">\n<img src=\"big.png\" style=\"max-width:30%\"></img><br>\n关注公众号\n</p>", []Block{fig("big.png", "", ""), para(txt("关注公众号"))}, 2}, // the style attribute, no caption
		{"html image scaled to a line", `文<img src="big.png" width="20">字`, []Block{para(txt("文"), Inline{Image: &Image{Rel: "big.png", Format: "png", Width: 800, Height: 600}}, txt("字"))}, 0},
		{"remote html image keeps its alt text", `文<img src="https://e.com/a.png" alt="图标">字`, []Block{para(txt("文图标字"))}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, r := md(t, tt.src)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %s\nwant %s", dump(got), dump(tt.want))
			}
			if len(r.warnings) != tt.warnings || len(r.problems) > 0 {
				t.Errorf("warnings %v, problems %v", r.warnings, r.problems)
			}
		})
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
	l2 := Pos{File: "a", Line: 2}
	in := []Inline{txt("a"), txt("b"), {Text: "c", Style: Strong}, {Text: "d", Style: Strong}, txt("\n"), txt("\n"), txt("e"), {Text: "f", Link: "u"}, {Text: ""},
		{Text: "g", Pos: l2}, {Text: "h", Pos: l2}, {Text: "i", Pos: Pos{File: "a", Line: 3}}, {Text: "漢", Ruby: "かん"}, {Text: "字", Ruby: "じ"}}
	want := []Inline{txt("ab"), {Text: "cd", Style: Strong}, txt("\n"), txt("\n"), txt("e"), {Text: "f", Link: "u"},
		{Text: "gh", Pos: l2}, {Text: "i", Pos: Pos{File: "a", Line: 3}}, {Text: "漢", Ruby: "かん"}, {Text: "字", Ruby: "じ"}}
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

func st(s string, style Style) Inline { return Inline{Text: s, Style: style} }

func TestMarkdownHTML(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []Block
	}{
		{"styles", "<em>a</em><i>b</i><strong>c</strong><b>d</b><u>e</u><ins>f</ins><s>g</s><del>h</del><sup>i</sup><sub>j</sub><small>k</small><mark>l</mark><code>m</code><kbd>n</kbd>",
			[]Block{para(st("ab", Emphasis), st("cd", Strong), st("ef", Underline), st("gh", Strike), st("i", Superscript), st("j", Subscript),
				st("k", Small), st("l", Mark), st("m", CodeSpan), st("n", Keyboard))}},
		{"nested", "<b>粗<u>线</u></b>", []Block{para(st("粗", Strong), st("线", Strong|Underline))}},
		{"br", "一<br>二<br/>三", []Block{para(txt("一"), txt("\n"), txt("二"), txt("\n"), txt("三"))}},
		{"link", `<a href="https://e.com" target="_blank">站</a>`, []Block{para(Inline{Text: "站", Link: "https://e.com"})}},
		{"unsafe link", `<a href="javascript:alert(1)">站</a>`, []Block{para(txt("站"))}},
		{"span div p", "<span>甲</span><div>乙</div>", []Block{para(txt("甲乙"))}},
		{"entities once", "&amp;amp; <b>&lt;b&gt;</b>", []Block{para(txt("&amp; "), st("<b>", Strong))}},
		{"block entities once", "<p>&amp;amp; &lt;script&gt;</p>", []Block{para(txt("&amp; <script>"))}},
		{"dropped", "前<script>alert(1)</script><iframe src=x></iframe><video>v</video>后", []Block{para(txt("前后"))}},
		{"unknown tag keeps text", "<center>中</center><font color=red>红</font>", []Block{para(txt("中红"))}},
		{"ruby html", "<ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>を", []Block{para(Inline{Text: "漢字", Ruby: "かんじ"}, txt("を"))}},
		{"ruby mono", "<ruby>漢<rt>かん</rt>字<rt>じ</rt></ruby>", []Block{para(Inline{Text: "漢", Ruby: "かん"}, Inline{Text: "字", Ruby: "じ"})}},
		{"ruby shorthand", "{注音|zhù yīn}和{東京|とう|きょう}", []Block{para(Inline{Text: "注音", Ruby: "zhù yīn"}, txt("和"), Inline{Text: "東", Ruby: "とう"}, Inline{Text: "京", Ruby: "きょう"})}},
		{"ruby in strong", "**{漢字|かんじ}**", []Block{para(Inline{Text: "漢字", Ruby: "かんじ", Style: Strong})}},
		{"cjk emphasis", "叫做**《动物农场》**的书", []Block{para(txt("叫做"), st("《动物农场》", Strong), txt("的书"))}},
		{"cjk strike", "原价~~一百~~五十，3~5天", []Block{para(txt("原价"), st("一百", Strike), txt("五十，3~5天"))}},
		{"html table", "<table>\n<thead><tr><th align=center>项</th><th>值</th></tr></thead>\n<tbody><tr><td>甲<br>乙</td><td><b>1</b></td></tr>\n<tr><td>丙</td></tr></tbody></table>",
			[]Block{&Table{Align: []Align{AlignCenter, AlignNone}, Header: [][]Inline{{txt("项")}, {txt("值")}},
				Rows: [][][]Inline{{{txt("甲"), txt("\n"), txt("乙")}, {st("1", Strong)}}, {{txt("丙")}, nil}}}}},
		{"html structure", "<h2>标题</h2>\n<ul><li>一</li><li>二</ul>\n<blockquote><p>引</p></blockquote><hr><pre>  a\n  b</pre>",
			[]Block{&Heading{Level: 2, Inlines: []Inline{txt("标题")}}, &List{Items: [][]Block{{para(txt("一"))}, {para(txt("二"))}}},
				&Quote{Blocks: []Block{para(txt("引"))}}, &Rule{}, &Code{Text: "  a\n  b"}}},
		{"html paragraphs", "<div>\n<p>一</p>\n<p>二</p>\n</div>", []Block{para(txt("一")), para(txt("二"))}},
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

func TestMarkdownDropWarnings(t *testing.T) {
	src := "正文<span onclick=\"x()\">甲</span>\n\n<script>\nalert(1)\n</script>\n\n<form action=x><input name=a></form>\n\nList<String> 与 <object data=x></object>\n"
	_, r := mdRaw(src)
	want := []string{
		"a.md:1: warning: dropped the onclick attribute of <span>",
		"a.md:3: warning: dropped <script> element and its content",
		"a.md:7: warning: dropped <form> element and its content",
		"a.md:9: warning: dropped <string> tag (its text is kept): if the angle brackets are meant as text",
		"a.md:9: warning: dropped <object> element and its content",
	}
	if len(r.warnings) != len(want) {
		t.Fatalf("warnings = %v", r.warnings)
	}
	for i, w := range r.warnings {
		if !strings.HasPrefix(w.String(), want[i]) {
			t.Errorf("warning %d = %s\nwant %s…", i, w, want[i])
		}
	}
}

// TestHeadingLevels: headings never skip a level in the model (readers
// that move by headings expect h2 after h1, h3 after h2); a skip in the
// input is mapped and warned of at its line, once per mapping.
func TestHeadingLevels(t *testing.T) {
	for _, tc := range []struct {
		name  string
		src   string
		want  []int
		warns []int // lines warned at
	}{
		{"in order", "## a\n### b\n## c\n### d\n#### e", []int{2, 3, 2, 3, 4}, nil},
		{"skip ## to ####", "## a\n\n#### b\n\n## c", []int{2, 3, 2}, []int{3}},
		{"first heading ###", "### a\n\n### b\n\n#### c", []int{2, 2, 3}, []int{1}},
		{"skip then deeper", "## a\n\n#### b\n\n##### c\n\n###### d", []int{2, 3, 4, 5}, []int{3}},
		{"skip then back up", "## a\n\n###### b\n\n### c", []int{2, 3, 3}, []int{3}},
		{"# is level 2", "# a\n\n### b", []int{2, 3}, nil},
		{"in a quote", "## a\n\n> #### b", []int{2, 3}, []int{3}},
		{"two skips", "## a\n\n#### b\n\n## c\n\n##### d", []int{2, 3, 2, 3}, []int{3, 7}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			blocks, r := md(t, tc.src)
			var got []int
			eachBlock(blocks, func(b Block) {
				if h, ok := b.(*Heading); ok {
					got = append(got, h.Level)
				}
			})
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("levels %v, want %v", got, tc.want)
			}
			var lines []int
			for _, w := range r.warnings {
				lines = append(lines, w.Line)
				if !strings.Contains(w.Message, "skips a level") || !strings.Contains(w.Message, "write #") {
					t.Errorf("warning %q", w.Message)
				}
			}
			if !reflect.DeepEqual(lines, tc.warns) {
				t.Errorf("warned at %v, want %v", lines, tc.warns)
			}
		})
	}
}

// TestUncaptionedFigures: figures without a caption are warned of once per
// article, at the first, with their count.
func TestUncaptionedFigures(t *testing.T) {
	_, r := md(t, "甲\n\n![](big-a.png)\n\n![说明](big-b.png)\n\n![](big-c.png \"张三/摄\")")
	if len(r.warnings) != 1 || r.warnings[0].Line != 3 || !strings.Contains(r.warnings[0].Message, "2 figures have no caption") {
		t.Errorf("warnings %v", r.warnings)
	}
	if _, r := md(t, "![说明](big-b.png)"); len(r.warnings) != 0 {
		t.Errorf("captioned figure warned of: %v", r.warnings)
	}
}
