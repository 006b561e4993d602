package epub

import (
	"fmt"
	"time"

	"golang.org/x/text/language"

	"github.com/qikan-dev/qikan/layout"
)

// words are the few fixed words the EPUB shows, in one language.
type words struct {
	lang        string // BCP 47 tag of these words (set as lang where they differ from the page)
	Contents    string // heading of the table of contents
	Cover       string
	Start       string // landmark of the body matter
	Pages       string // heading of the page list
	Guide       string // heading of the landmarks
	Colophon    string
	Affiliation string // label before the author's affiliation
	Editor      string // label before the responsible editor
	CoverPhoto  string // label of the cover photo in the colophon
	Untitled    string
	open, close string // brackets around end-matter notes
	edOpen      string // brackets around the editor note
	edClose     string
	summary     string // accessibility summary
	date        func(t time.Time) string
}

// dateHan writes a date as Chinese and Japanese do: 2025年3月28日.
func dateHan(t time.Time) string { return fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day()) }

var (
	wordsHans = words{
		lang: "zh-Hans", Contents: "目录", Cover: "封面", Start: "正文", Pages: "页码",
		Guide: "导览", Colophon: "版权信息", Affiliation: "作者单位：", Editor: "责任编辑：",
		CoverPhoto: "封面图片", Untitled: "无题", open: "（", close: "）", edOpen: "［", edClose: "］",
		summary: "本出版物的全部内容均为文字，可按阅读顺序朗读；目录、章节标题和印刷版页码可用于导航。有说明的图片附有替代文字。",
		date:    dateHan,
	}
	wordsHant = words{
		lang: "zh-Hant", Contents: "目錄", Cover: "封面", Start: "正文", Pages: "頁碼",
		Guide: "導覽", Colophon: "版權資訊", Affiliation: "作者單位：", Editor: "責任編輯：",
		CoverPhoto: "封面圖片", Untitled: "無題", open: "（", close: "）", edOpen: "［", edClose: "］",
		summary: "本出版物的全部內容均為文字，可按閱讀順序朗讀；目錄、章節標題和印刷版頁碼可用於導航。有說明的圖片附有替代文字。",
		date:    dateHan,
	}
	wordsJa = words{
		lang: "ja", Contents: "目次", Cover: "表紙", Start: "本文", Pages: "ページ",
		Guide: "ガイド", Colophon: "奥付", Affiliation: "所属：", Editor: "編集：",
		CoverPhoto: "表紙写真", Untitled: "無題", open: "（", close: "）", edOpen: "［", edClose: "］",
		summary: "本書の内容はすべてテキストで、読む順序に沿って読み上げられます。目次、見出し、印刷版のページ番号で移動できます。説明のある図版には代替テキストがあります。",
		date:    dateHan,
	}
	wordsKo = words{
		lang: "ko", Contents: "목차", Cover: "표지", Start: "본문", Pages: "쪽",
		Guide: "안내", Colophon: "판권", Affiliation: "소속: ", Editor: "책임편집: ",
		CoverPhoto: "표지 사진", Untitled: "제목 없음", open: "(", close: ")", edOpen: "[", edClose: "]",
		summary: "이 출판물의 모든 내용은 텍스트이며 읽는 순서대로 읽을 수 있습니다. 목차, 제목, 인쇄판 쪽 번호로 이동할 수 있습니다. 설명이 있는 그림에는 대체 텍스트가 있습니다.",
		date:    func(t time.Time) string { return fmt.Sprintf("%d년 %d월 %d일", t.Year(), t.Month(), t.Day()) },
	}
	wordsEn = words{
		lang: "en", Contents: "Contents", Cover: "Cover", Start: "Start", Pages: "Pages",
		Guide: "Guide", Colophon: "Colophon", Affiliation: "Affiliation: ", Editor: "Editor: ",
		CoverPhoto: "Cover photo", Untitled: "Untitled", open: "(", close: ")", edOpen: "[", edClose: "]",
		summary: "All content is text in reading order; the table of contents, headings and the print edition's page numbers allow navigation. Images with captions have text alternatives.",
		date:    func(t time.Time) string { return t.Format("2 January 2006") },
	}
)

// wordsFor returns the words for a BCP 47 language tag: Chinese in the
// simplified or traditional script, Japanese, Korean, else English.
func wordsFor(tag string) words {
	t, err := language.Parse(tag)
	if err != nil {
		return wordsEn
	}
	base, _ := t.Base()
	switch base.String() {
	case "zh":
		if script, _ := t.Script(); script.String() == "Hant" {
			return wordsHant
		}
		return wordsHans
	case "ja":
		return wordsJa
	case "ko":
		return wordsKo
	}
	return wordsEn
}

// cleanLang returns tag in canonical form, "und" when it is not a valid
// BCP 47 tag (lang attributes must be valid).
func cleanLang(tag string) string {
	if tag == "" {
		return "und"
	}
	t, err := language.Parse(tag)
	if err != nil {
		return "und"
	}
	return t.String()
}

// punctFor picks the punctuation convention and strict kinsoku of a BCP 47
// language tag for the cover's text.
func punctFor(tag string) (layout.PunctStyle, bool) {
	t, err := language.Parse(tag)
	if err != nil {
		return layout.PunctGB, false
	}
	base, _ := t.Base()
	switch base.String() {
	case "ja":
		return layout.PunctJA, true
	case "zh":
		if script, _ := t.Script(); script.String() == "Hant" {
			return layout.PunctHant, false
		}
	}
	return layout.PunctGB, false
}
