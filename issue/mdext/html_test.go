package mdext

import (
	"testing"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

func newMD() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(CJKFriendly, RubyShorthand, HTML))
}

func TestHTML(t *testing.T) {
	md := newMD()
	tests := []struct{ src, want string }{
		{"甲<br>乙<br/>丙", "<p>甲<br />乙<br />丙</p>"},
		{"<u>下划线</u>和<ins>插入</ins>、<s>删</s><del>除</del>", "<p><u>下划线</u>和<ins>插入</ins>、<s>删</s><del>除</del></p>"},
		{"H<sub>2</sub>O, x<sup>2</sup>, <small>小</small> <mark>标</mark> <kbd>Ctrl</kbd>", "<p>H<sub>2</sub>O, x<sup>2</sup>, <small>小</small> <mark>标</mark> <kbd>Ctrl</kbd></p>"},
		{"<em>a</em><i>b</i><strong>c</strong><b>d</b><code>e</code>", "<p><em>a</em><i>b</i><strong>c</strong><b>d</b><code>e</code></p>"},
		{`<a href="https://e.com/?a=1&amp;b=2" onclick="x()">链接</a>`, `<p><a href="https://e.com/?a=1&amp;b=2">链接</a></p>`},
		{`<a href="javascript:alert(1)">坏</a>`, `<p><a>坏</a></p>`},
		{`<a href="JaVaScRiPt&colon;alert(1)">坏</a>`, `<p><a>坏</a></p>`},
		{`<span style="color:red">红</span>字`, `<p><span>红</span>字</p>`},
		{"前<script>alert(1)</script>后", "<p>前后</p>"},
		{"<script>alert(1)</script>\n\n正文", "\n<p>正文</p>"},
		{`<iframe src="https://evil.com"></iframe>`, "\n"},
		{`文<iframe src="x">`, "<p>文</p>"},
		{"前<center>居中</center>后", "<p>前居中后</p>"},
		{"&amp;amp; <b>&amp;amp;</b>", "<p>&amp;amp; <b>&amp;amp;</b></p>"},
		{"<div>\n&amp;amp;\n</div>", "<div>\n&amp;amp;\n</div>\n"},
		{"<p align=\"center\">\n  <img src='a.png' style=\"max-width:30%;\"></img><br>\n关注\n</p>", "<p>\n  <img src=\"a.png\" /><br />\n关注\n</p>\n"},
		{"<ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>", "<p><ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby></p>"},
		{"<ruby>漢<rt>かん</rt>字<rt>じ</rt></ruby>", "<p><ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp>字<rp>(</rp><rt>じ</rt><rp>)</rp></ruby></p>"},
		{"<ruby><rb>東京</rb><rt>とうきょう</rt>都</ruby>", "<p><ruby>東京<rp>(</rp><rt>とうきょう</rt><rp>)</rp></ruby>都</p>"},
		{"<ruby>无注音</ruby>", "<p>无注音</p>"},
		{"{漢字|かんじ}と{東京|とう|きょう}", "<p><ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>と<ruby>東<rp>(</rp><rt>とう</rt><rp>)</rp>京<rp>(</rp><rt>きょう</rt><rp>)</rp></ruby></p>"},
		{"{漢字|か|ん|じ}", "<p><ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby></p>"},
		{`\{漢字|かんじ} {a} {|b} {a|} ` + "`{x|y}`", "<p>{漢字|かんじ} {a} {|b} {a|} <code>{x|y}</code></p>"},
		{"<table>\n<tr><th align=\"right\">甲</th><td colspan=2 bgcolor=red>乙</td></tr>\n</table>", "<table>\n<tr><th align=\"right\">甲</th><td colspan=\"2\">乙</td></tr>\n</table>\n"},
		{"`<b>code</b>`", "<p><code>&lt;b&gt;code&lt;/b&gt;</code></p>"},
		{"List<String>", "<p>List</p>"},
		{"<img src=x onerror=alert(1)>", "<img src=\"x\" />\n"},
		{"<u>**粗**</u>", "<p><u><strong>粗</strong></u></p>"},
		{"<!-- 注释 -->正文", "正文"}, // one HTML block, as CommonMark reads it
	}
	for _, tt := range tests {
		if got := render(t, md, tt.src); got != trim(tt.want) {
			t.Errorf("%s\ngot  %q\nwant %q", tt.src, got, trim(tt.want))
		}
	}
}

func trim(s string) string {
	for len(s) > 0 && (s[0] == '\n' || s[len(s)-1] == '\n') {
		if s[0] == '\n' {
			s = s[1:]
		} else {
			s = s[:len(s)-1]
		}
	}
	return s
}

func TestHTMLDropped(t *testing.T) {
	src := "甲<span style=\"x\" onclick=\"y\">乙</span>\n\n<iframe src=\"https://v.com\"></iframe>\n\n<font color=red>丙</font>"
	doc := newMD().Parser().Parse(text.NewReader([]byte(src)))
	var got []string
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if d, ok := n.(*Dropped); ok && entering {
			got = append(got, d.What+"@"+itoa(d.Pos()))
		}
		return gast.WalkContinue, nil
	})
	want := []string{
		"style attribute of <span>@3",
		"onclick attribute of <span>@3",
		"<iframe> element and its content (https://v.com)@43",
		"<font> tag (its text is kept)@82",
	}
	if len(got) != len(want) {
		t.Fatalf("dropped %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("dropped[%d] = %q, want %q", i, got[i], want[i])
		}
	}
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
