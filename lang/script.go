package lang

import "unicode"

// Script is the writing system of a character, as far as typesetting
// cares: the three East Asian scripts, Bopomofo, Latin and the rest.
type Script uint8

// Scripts.
const (
	Other    Script = iota // any other script; digits, punctuation, symbols and spaces
	Latin                  // Latin letters, full-width ones included
	Han                    // ideographs, 々 and 〇
	Kana                   // hiragana, katakana and the marks used only with them (ー ゛ ゜)
	Hangul                 // syllables and jamo
	Bopomofo               // zhuyin
)

var scriptNames = [...]string{"Other", "Latin", "Han", "Kana", "Hangul", "Bopomofo"}

func (s Script) String() string {
	if int(s) < len(scriptNames) {
		return scriptNames[s]
	}
	return "Script(?)"
}

// ScriptOf returns the script of r by its Unicode Script property, with
// the Common-script marks that only kana use (the prolonged sound mark ー
// and ｰ, the voiced sound marks ゛ ゜ ﾞ ﾟ) counted as kana. Characters of
// the Common script (digits, punctuation, symbols, spaces) are Other.
func ScriptOf(r rune) Script {
	if r < 0x80 {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
			return Latin
		}
		return Other
	}
	switch {
	case unicode.Is(unicode.Han, r):
		return Han
	case unicode.In(r, unicode.Hiragana, unicode.Katakana):
		return Kana
	case r == 'ー', r == 'ｰ', r == '゛', r == '゜', r == 'ﾞ', r == 'ﾟ':
		return Kana
	case unicode.Is(unicode.Hangul, r):
		return Hangul
	case unicode.Is(unicode.Bopomofo, r):
		return Bopomofo
	case unicode.Is(unicode.Latin, r):
		return Latin
	}
	return Other
}

// IsCJK reports whether r is written in an East Asian script: Han, kana,
// Hangul or Bopomofo (letters, and the radicals and numerals of those
// scripts; not punctuation, see IsCJKPunct).
func IsCJK(r rune) bool {
	switch ScriptOf(r) {
	case Han, Kana, Hangul, Bopomofo:
		return true
	}
	return false
}

// IsCJKPunct reports whether r lies in the blocks of East Asian
// punctuation and forms: CJK Symbols and Punctuation (U+3000–303F, the
// ideographic space, 、。「」《》 and others), Halfwidth and Fullwidth Forms
// (U+FF00–FFEF: ，！（） and the full-width letters and digits), the
// vertical and compatibility forms (U+FE10–FE4F), and the katakana middle
// dot and prolonged sound mark (・ ー).
func IsCJKPunct(r rune) bool {
	return r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF ||
		r >= 0xFE10 && r <= 0xFE4F || r == 0x30FB || r == 0x30FC
}

// Counts are the letters of a text by script.
type Counts struct {
	Han, Kana, Hangul, Bopomofo, Latin int
	Other                              int // letters of other scripts (Cyrillic, Greek, Arabic …)
}

// CJK is the number of letters written in an East Asian script.
func (c Counts) CJK() int { return c.Han + c.Kana + c.Hangul + c.Bopomofo }

// Count counts the letters of text by script (digits, punctuation, symbols
// and spaces are not counted).
func Count(text string) Counts {
	var c Counts
	for _, r := range text {
		switch ScriptOf(r) {
		case Han:
			c.Han++
		case Kana:
			c.Kana++
		case Hangul:
			c.Hangul++
		case Bopomofo:
			c.Bopomofo++
		case Latin:
			c.Latin++
		default:
			if unicode.IsLetter(r) {
				c.Other++
			}
		}
	}
	return c
}

// Detect returns the BCP 47 tag of the language text's script implies,
// def when the script says nothing against def:
//
//   - kana make the text Japanese ("ja") when there are at least two and
//     they make up a fifth or more of its East Asian letters (Japanese
//     prose has a third or more: particles and endings are kana; Chinese
//     that quotes Japanese titles, 《君の名は。》, has less), Hangul
//     makes it Korean ("ko") when it makes up a third or more (Korean
//     prose is mostly Hangul, Hanja aside); so 小清新の生活 or a Korean name
//     quoted in Chinese stays Chinese. When both qualify, the more frequent
//     script wins;
//   - Han characters alone (with no kana or Hangul to speak of) are the
//     language def names when def is written in Han, kana or Hangul (a
//     Chinese default stays Chinese, a Japanese or Korean article may
//     quote Classical Chinese); under a Latin def they are Chinese, "zh"
//     ("zh-Hant" with zhuyin);
//   - Latin letters and everything else carry no language: def.
//
// When the script implies the language def already is (kana under
// def "ja-JP"), def is returned as given, region and all.
func Detect(text, def string) string {
	c := Count(text)
	d := For(def)
	kana := c.Kana >= 2 && c.Kana*5 >= c.CJK()
	hangul := c.Hangul >= 2 && c.Hangul*3 >= c.CJK()
	switch {
	case kana && (!hangul || c.Kana >= c.Hangul):
		if d.Script == Kana {
			return def
		}
		return "ja"
	case hangul:
		if d.Script == Hangul {
			return def
		}
		return "ko"
	case c.Han+c.Bopomofo > 0 && !d.CJK():
		if c.Bopomofo > 0 {
			return "zh-Hant"
		}
		return "zh"
	}
	return def
}
