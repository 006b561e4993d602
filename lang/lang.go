package lang

import (
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/language"
)

// Punct is a punctuation convention: where full-width marks sit in their
// em box and so which blank of each may be compressed (clreq §3.1.1,
// jlreq §3.1). Package layout applies it.
type Punct int

// Punctuation conventions.
const (
	PunctGB   Punct = iota // zh-Hans, GB/T 15834: 。，、 sit in the lower left
	PunctHant              // zh-Hant: punctuation centred, never compressed
	PunctJA                // Japanese (jlreq)
)

// Labels are the fixed words printed around an issue's own text.
type Labels struct {
	Cover       string // the cover, in the PDF outline and the EPUB landmarks
	Contents    string // heading of the table of contents
	Colophon    string // heading of the colophon (版权页)
	BodyStart   string // EPUB landmark of the body matter
	PageList    string // heading of the EPUB's list of print pages
	Landmarks   string // heading of the EPUB's landmarks
	CoverPhoto  string // label of the cover photo in the colophon
	Untitled    string // title of something without one
	Affiliation string // before the author's affiliation: 作者单位：
	Editor      string // before the responsible editor: 责任编辑：
	Open, Close string // brackets around an end-matter note: （…）
	// NoteOpen and NoteClose bracket the editor note: ［责任编辑：…］.
	NoteOpen, NoteClose string
	// Labels of the colophon rows qikan adds: the ISSN, the CN number
	// (国内统一连续出版物号) and the running number.
	ISSN, CN, RunningNumber string
}

// Lang is one row of the table: how qikan prints and sets one language.
type Lang struct {
	// Tag is the row's BCP 47 tag (zh-Hans, zh-Hant, zh-Hant-HK, ja, ko,
	// en): the language of Labels, for lang attributes.
	Tag string
	// Script is the script the language is written in: Han, Kana (for
	// Japanese, which mixes kana and Han), Hangul or Latin.
	Script Script
	// Region is the Noto CJK region whose glyph forms the language wants
	// (SC, TC, HK, JP, KR). Latin text takes the Simplified Chinese forms
	// for the Han characters it may hold, like qikan's default faces.
	Region string
	Labels Labels
	Punct  Punct
	// Indent is the first-line indent of body paragraphs in em.
	Indent float64
	// StrictKinsoku forbids small kana and the prolonged sound mark ー at
	// a line start (jlreq §3.1.7, cl-11), as CSS line-break: strict.
	StrictKinsoku bool
	// KeepAll keeps words whole: lines break at the spaces between words
	// and are justified by widening those spaces, not by spacing letters
	// (CSS word-break: keep-all, Korean). Package layout does this for
	// every Hangul word by its script, whatever the paragraph's language.
	KeepAll bool
	// NormalizePunct says that ASCII punctuation inside the language's
	// text is turned into full-width marks (layout.NormalizePunct):
	// Chinese only.
	NormalizePunct bool

	date    func(time.Time) string
	number  string                               // format of the running number, %s the digits
	summary func(Facts, string, []string) string // the accessibility summary (summary.go)
}

// CJK reports whether the language is written in Han, kana or Hangul.
func (l *Lang) CJK() bool { return l.Script != Latin }

// Date writes t as the language writes dates: 2025年3月28日,
// 2025년 3월 28일, March 28, 2025.
func (l *Lang) Date(t time.Time) string { return l.date(t) }

// Number writes an issue's running number: 344 becomes 总第344期,
// 總第344期, 通巻344号, 통권 344호 or No. 344. Text that is not a bare
// number of ASCII digits is what the user wrote and is returned unchanged
// (trimmed).
func (l *Lang) Number(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.Trim(s, "0123456789") != "" {
		return s
	}
	return fmt.Sprintf(l.number, s)
}

func dateHan(t time.Time) string { return fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day()) }

// The rows of the table.
var (
	hans = &Lang{
		Tag: "zh-Hans", Script: Han, Region: "SC",
		Labels: Labels{
			Cover: "封面", Contents: "目录", Colophon: "版权页", BodyStart: "正文", PageList: "页码",
			Landmarks: "导览", CoverPhoto: "封面图片", Untitled: "无题",
			Affiliation: "作者单位：", Editor: "责任编辑：", Open: "（", Close: "）", NoteOpen: "［", NoteClose: "］",
			ISSN: "国际标准连续出版物号", CN: "国内统一连续出版物号", RunningNumber: "总期号",
		},
		Punct: PunctGB, Indent: 2, NormalizePunct: true,
		date: dateHan, number: "总第%s期", summary: summaryHans,
	}
	hant = &Lang{
		Tag: "zh-Hant", Script: Han, Region: "TC",
		Labels: Labels{
			Cover: "封面", Contents: "目錄", Colophon: "版權頁", BodyStart: "正文", PageList: "頁碼",
			Landmarks: "導覽", CoverPhoto: "封面圖片", Untitled: "無題",
			Affiliation: "作者單位：", Editor: "責任編輯：", Open: "（", Close: "）", NoteOpen: "［", NoteClose: "］",
			ISSN: "國際標準連續出版物號", CN: "國內統一連續出版物號", RunningNumber: "總期號",
		},
		Punct: PunctHant, Indent: 2, NormalizePunct: true,
		date: dateHan, number: "總第%s期", summary: summaryHant,
	}
	hantHK = withTag(hant, "zh-Hant-HK", "HK")
	ja     = &Lang{
		Tag: "ja", Script: Kana, Region: "JP",
		Labels: Labels{
			Cover: "表紙", Contents: "目次", Colophon: "奥付", BodyStart: "本文", PageList: "ページ",
			Landmarks: "ガイド", CoverPhoto: "表紙写真", Untitled: "無題",
			Affiliation: "所属：", Editor: "担当編集：", Open: "（", Close: "）", NoteOpen: "［", NoteClose: "］",
			ISSN: "国際標準逐次刊行物番号", CN: "中国国内統一刊号", RunningNumber: "通巻号数",
		},
		Punct: PunctJA, Indent: 1, StrictKinsoku: true,
		date: dateHan, number: "通巻%s号", summary: summaryJa,
	}
	ko = &Lang{
		Tag: "ko", Script: Hangul, Region: "KR",
		Labels: Labels{
			Cover: "표지", Contents: "목차", Colophon: "판권", BodyStart: "본문", PageList: "쪽",
			Landmarks: "안내", CoverPhoto: "표지 사진", Untitled: "제목 없음",
			Affiliation: "소속: ", Editor: "책임편집: ", Open: "(", Close: ")", NoteOpen: "[", NoteClose: "]",
			ISSN: "국제 표준 연속 간행물 번호", CN: "중국 국내 통일 간행물 번호", RunningNumber: "통권",
		},
		// Korean writes ASCII punctuation, proportional and never
		// compressed; the rare full-width mark follows GB.
		Punct: PunctGB, Indent: 1, KeepAll: true,
		date:   func(t time.Time) string { return fmt.Sprintf("%d년 %d월 %d일", t.Year(), t.Month(), t.Day()) },
		number: "통권 %s호", summary: summaryKo,
	}
	latin = &Lang{
		Tag: "en", Script: Latin, Region: "SC",
		Labels: Labels{
			Cover: "Cover", Contents: "Contents", Colophon: "Colophon", BodyStart: "Start", PageList: "Pages",
			Landmarks: "Guide", CoverPhoto: "Cover photo", Untitled: "Untitled",
			Affiliation: "Affiliation: ", Editor: "Editor: ", Open: "(", Close: ")", NoteOpen: "[", NoteClose: "]",
			ISSN: "ISSN", CN: "CN serial number", RunningNumber: "Running number",
		},
		Punct: PunctGB, Indent: 1,
		date: func(t time.Time) string { return t.Format("January 2, 2006") }, number: "No. %s", summary: summaryEn,
	}
)

// withTag returns a copy of l with another tag and glyph region.
func withTag(l *Lang, tag, region string) *Lang {
	c := *l
	c.Tag, c.Region = tag, region
	return &c
}

// All returns the rows of the table: zh-Hans, zh-Hant, zh-Hant-HK, ja,
// ko and the Latin row.
func All() []*Lang { return []*Lang{hans, hant, hantHK, ja, ko, latin} }

// sinitic are the base languages written in Chinese characters: Chinese
// and the Chinese languages BCP 47 names on their own (Mandarin,
// Cantonese, Wu, Classical, Hakka, Min Nan, Gan, Xiang, Jin, Min Dong).
var sinitic = map[string]bool{
	"zh": true, "cmn": true, "yue": true, "wuu": true, "lzh": true, "hak": true,
	"nan": true, "gan": true, "hsn": true, "cjy": true, "cdo": true,
}

// For returns the row of a BCP 47 tag (see the package doc). The rows are
// shared: callers must not change them.
func For(tag string) *Lang {
	if strings.TrimSpace(tag) == "" {
		return hans
	}
	t, err := language.Parse(tag)
	if err != nil {
		return latin
	}
	base, conf := t.Base()
	if conf == language.No || t.IsRoot() {
		return latin
	}
	script, _ := t.Script()
	switch {
	case sinitic[base.String()]:
		switch script.String() {
		case "Hans":
			return hans
		case "Hant":
			if region, _ := t.Region(); region.String() == "HK" || region.String() == "MO" {
				return hantHK
			}
			return hant
		}
	case base.String() == "ja":
		switch script.String() {
		case "Jpan", "Hrkt", "Hira", "Kana", "Hani":
			return ja
		}
	case base.String() == "ko":
		switch script.String() {
		case "Kore", "Hang", "Hani":
			return ko
		}
	}
	return latin
}
