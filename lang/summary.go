package lang

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Facts are what an EPUB's accessibility summary says about the
// publication: only what is true of this one.
type Facts struct {
	Articles, Sections int
	// Figures is the number of figures; Described the number of them
	// with a caption, which is their text alternative.
	Figures, Described int
	Tables             int
	// PrintEdition names the print edition whose page numbers the page
	// list gives (magazine and issue), "" when there is no page list;
	// ISSN is its ISSN, if any.
	PrintEdition, ISSN string
	// Languages are the BCP 47 tags of the text, the publication's first.
	Languages []string
	Vertical  bool
	// Conforms is set when the publication meets EPUB Accessibility 1.1
	// at WCAG 2.1 Level AA (and says so in dcterms:conformsTo).
	Conforms bool
}

// Summary writes the accessibility summary (schema:accessibilitySummary)
// of a publication with the given facts in the row's language.
func (l *Lang) Summary(f Facts) string {
	names := display.Tags(language.Make(l.Tag))
	var main string
	var others []string
	for i, t := range f.Languages {
		n := names.Name(spoken(t))
		if n == "" {
			n = t
		}
		if i == 0 {
			main = n
		} else {
			others = append(others, n)
		}
	}
	return l.summary(f, main, others)
}

// edition names the print edition, with its ISSN after sep.
func (f Facts) edition(sep string) string {
	if f.ISSN == "" {
		return f.PrintEdition
	}
	return f.PrintEdition + sep + "ISSN " + f.ISSN
}

// spoken is the tag a language is named by: its base language, and for
// Chinese its script (简体中文, not 中文（中国）).
func spoken(tag string) language.Tag {
	t := language.Make(tag)
	base, _ := t.Base()
	if r := For(tag); r.Script == Han {
		script, _ := t.Script()
		return language.Make(base.String() + "-" + script.String())
	}
	return language.Make(base.String())
}

// summaryHans writes the summary in Simplified Chinese; summaryHant is
// the same text in Traditional Chinese.
func summaryHans(f Facts, main string, others []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "本期共%d篇文章，分%d个栏目；目录、栏目与文章标题、地标可用于导航，全部文字按阅读顺序排列。", f.Articles, f.Sections)
	switch {
	case f.Figures == 0:
		b.WriteString("除封面外不含图片。")
	case f.Described == f.Figures:
		fmt.Fprintf(&b, "%d幅图片均以图片说明作为替代文字。", f.Figures)
	case f.Described == 0:
		fmt.Fprintf(&b, "%d幅图片均无说明，没有替代文字。", f.Figures)
	default:
		fmt.Fprintf(&b, "%d幅图片中，%d幅以图片说明作为替代文字，%d幅无说明，没有替代文字。", f.Figures, f.Described, f.Figures-f.Described)
	}
	b.WriteString("封面图片的替代文字是封面上的文字。")
	if f.Tables > 0 {
		fmt.Fprintf(&b, "含%d个表格。", f.Tables)
	}
	if f.PrintEdition != "" {
		fmt.Fprintf(&b, "页码列表对应印刷版（%s）的页码。", f.edition("，"))
	}
	fmt.Fprintf(&b, "正文为%s", main)
	if len(others) > 0 {
		fmt.Fprintf(&b, "，部分内容为%s", strings.Join(others, "、"))
	}
	b.WriteString("。")
	if f.Vertical {
		b.WriteString("文字竖排，从右向左翻页。")
	}
	if f.Conforms {
		b.WriteString("符合 EPUB 无障碍 1.1 与 WCAG 2.1 AA 级要求。")
	}
	return b.String()
}

func summaryHant(f Facts, main string, others []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "本期共%d篇文章，分%d個欄目；目錄、欄目與文章標題、地標可用於導覽，全部文字按閱讀順序排列。", f.Articles, f.Sections)
	switch {
	case f.Figures == 0:
		b.WriteString("除封面外不含圖片。")
	case f.Described == f.Figures:
		fmt.Fprintf(&b, "%d幅圖片均以圖片說明作為替代文字。", f.Figures)
	case f.Described == 0:
		fmt.Fprintf(&b, "%d幅圖片均無說明，沒有替代文字。", f.Figures)
	default:
		fmt.Fprintf(&b, "%d幅圖片中，%d幅以圖片說明作為替代文字，%d幅無說明，沒有替代文字。", f.Figures, f.Described, f.Figures-f.Described)
	}
	b.WriteString("封面圖片的替代文字是封面上的文字。")
	if f.Tables > 0 {
		fmt.Fprintf(&b, "含%d個表格。", f.Tables)
	}
	if f.PrintEdition != "" {
		fmt.Fprintf(&b, "頁碼列表對應印刷版（%s）的頁碼。", f.edition("，"))
	}
	fmt.Fprintf(&b, "正文為%s", main)
	if len(others) > 0 {
		fmt.Fprintf(&b, "，部分內容為%s", strings.Join(others, "、"))
	}
	b.WriteString("。")
	if f.Vertical {
		b.WriteString("文字直排，從右向左翻頁。")
	}
	if f.Conforms {
		b.WriteString("符合 EPUB 無障礙 1.1 與 WCAG 2.1 AA 級要求。")
	}
	return b.String()
}

func summaryJa(f Facts, main string, others []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "本号は%d本の記事を%dのコーナーに収録しています。目次、見出し、ランドマークで移動でき、本文はすべて読む順序に並んでいます。", f.Articles, f.Sections)
	switch {
	case f.Figures == 0:
		b.WriteString("表紙のほかに画像はありません。")
	case f.Described == f.Figures:
		fmt.Fprintf(&b, "%d点の画像にはすべてキャプションが代替テキストとして付いています。", f.Figures)
	case f.Described == 0:
		fmt.Fprintf(&b, "%d点の画像にはキャプションがなく、代替テキストがありません。", f.Figures)
	default:
		fmt.Fprintf(&b, "%d点の画像のうち%d点にはキャプションが代替テキストとして付いていますが、%d点にはキャプションがなく、代替テキストがありません。", f.Figures, f.Described, f.Figures-f.Described)
	}
	b.WriteString("表紙画像の代替テキストは表紙の文字です。")
	if f.Tables > 0 {
		fmt.Fprintf(&b, "表が%d点あります。", f.Tables)
	}
	if f.PrintEdition != "" {
		fmt.Fprintf(&b, "ページリストは印刷版（%s）のページ番号に対応しています。", f.edition("、"))
	}
	fmt.Fprintf(&b, "本文の言語は%s", main)
	if len(others) > 0 {
		fmt.Fprintf(&b, "で、一部に%sを含みます。", strings.Join(others, "、"))
	} else {
		b.WriteString("です。")
	}
	if f.Vertical {
		b.WriteString("縦書きで、ページは右から左へ進みます。")
	}
	if f.Conforms {
		b.WriteString("EPUB アクセシビリティ 1.1 と WCAG 2.1 レベル AA に適合しています。")
	}
	return b.String()
}

func summaryKo(f Facts, main string, others []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "이번 호에는 %d개 섹션에 기사 %d편이 실려 있습니다. 목차, 제목, 랜드마크로 이동할 수 있으며 모든 텍스트는 읽는 순서대로 배열되어 있습니다. ", f.Sections, f.Articles)
	switch {
	case f.Figures == 0:
		b.WriteString("표지 외에는 이미지가 없습니다. ")
	case f.Described == f.Figures:
		fmt.Fprintf(&b, "이미지 %d개 모두 캡션이 대체 텍스트로 제공됩니다. ", f.Figures)
	case f.Described == 0:
		fmt.Fprintf(&b, "이미지 %d개 모두 캡션이 없어 대체 텍스트가 없습니다. ", f.Figures)
	default:
		fmt.Fprintf(&b, "이미지 %d개 중 %d개는 캡션이 대체 텍스트로 제공되고, %d개는 캡션이 없어 대체 텍스트가 없습니다. ", f.Figures, f.Described, f.Figures-f.Described)
	}
	b.WriteString("표지 이미지의 대체 텍스트는 표지에 적힌 글입니다. ")
	if f.Tables > 0 {
		fmt.Fprintf(&b, "표 %d개가 있습니다. ", f.Tables)
	}
	if f.PrintEdition != "" {
		fmt.Fprintf(&b, "쪽 목록은 인쇄판(%s)의 쪽 번호와 일치합니다. ", f.edition(", "))
	}
	fmt.Fprintf(&b, "본문 언어: %s.", main)
	if len(others) > 0 {
		fmt.Fprintf(&b, " 일부 내용: %s.", strings.Join(others, ", "))
	}
	if f.Vertical {
		b.WriteString(" 세로쓰기이며 쪽은 오른쪽에서 왼쪽으로 넘어갑니다.")
	}
	if f.Conforms {
		b.WriteString(" EPUB 접근성 1.1 및 WCAG 2.1 AA 수준을 충족합니다.")
	}
	return b.String()
}

func summaryEn(f Facts, main string, others []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "This issue has %s in %s; the table of contents, headings and landmarks allow navigation, and all text is in reading order. ",
		count(f.Articles, "article", "articles"), count(f.Sections, "section", "sections"))
	switch {
	case f.Figures == 0:
		b.WriteString("There are no images besides the cover. ")
	case f.Described == f.Figures && f.Figures == 1:
		b.WriteString("The one image has its caption as its text alternative. ")
	case f.Described == f.Figures:
		fmt.Fprintf(&b, "All %d images have their captions as text alternatives. ", f.Figures)
	case f.Described == 0:
		fmt.Fprintf(&b, "%s no caption and so no text alternative. ", count(f.Figures, "image has", "images have"))
	default:
		fmt.Fprintf(&b, "Of %d images, %d have their captions as text alternatives; %d have no caption and so no text alternative. ",
			f.Figures, f.Described, f.Figures-f.Described)
	}
	b.WriteString("The cover image's text alternative is the text on the cover. ")
	if f.Tables > 0 {
		fmt.Fprintf(&b, "There %s. ", map[bool]string{true: "is 1 table", false: fmt.Sprintf("are %d tables", f.Tables)}[f.Tables == 1])
	}
	if f.PrintEdition != "" {
		fmt.Fprintf(&b, "The page list gives the page numbers of the print edition (%s). ", f.edition(", "))
	}
	fmt.Fprintf(&b, "The text is in %s", main)
	if len(others) > 0 {
		fmt.Fprintf(&b, ", with parts in %s", strings.Join(others, ", "))
	}
	b.WriteString(".")
	if f.Vertical {
		b.WriteString(" The text is set vertically; pages turn from right to left.")
	}
	if f.Conforms {
		b.WriteString(" It meets EPUB Accessibility 1.1 at WCAG 2.1 Level AA.")
	}
	return b.String()
}

// count writes n with the singular or plural noun.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
