package layout

import (
	"unicode"

	"github.com/qikan-dev/qikan/lang"
	"golang.org/x/text/width"
)

// punctClass is the typographic class of a character for punctuation width
// adjustment (W3C clreq §3.1.6 "Punctuation Compression"; jlreq §3.1
// character classes cl-01 … cl-08).
type punctClass uint8

const (
	pcNone   punctClass = iota // not adjustable punctuation
	pcOpen                     // opening brackets and quotes (jlreq cl-01): blank on the left
	pcClose                    // closing brackets and quotes (jlreq cl-02): blank on the right
	pcStop                     // full stops and commas ，。、．and ：；？！ (jlreq cl-06/07, clreq §3.1.1)
	pcMiddle                   // middle dots (jlreq cl-05): blank on both sides
	pcInsep                    // dashes and ellipses (jlreq cl-08): never trimmed, never split
)

// classOf returns the punctuation class of r.
func classOf(r rune) punctClass {
	switch r {
	case '「', '『', '“', '‘', '（', '【', '《', '〈', '〔', '〖', '［', '｛', '〘', '〚', '｟', '⦅', '〝':
		return pcOpen
	case '」', '』', '”', '’', '）', '】', '》', '〉', '〕', '〗', '］', '｝', '〙', '〛', '｠', '⦆', '〞', '〟':
		return pcClose
	case '，', '。', '、', '．', '：', '；', '？', '！':
		return pcStop
	case '·', '・', '‧':
		return pcMiddle
	case '—', '―', '…', '‥', '～', '〜', '⸺', '⸻':
		return pcInsep
	}
	return pcNone
}

// isStop reports whether r is a full stop or an exclamation/question mark,
// the marks that keep their full width at the end of a line in GB style
// (clreq §3.1.6: only the pause/comma marks and closing brackets are set
// half-width at the line end in mainland practice).
func isStop(r rune) bool {
	return r == '。' || r == '．' || r == '？' || r == '！'
}

// noStart reports whether r may not begin a line (clreq §3.1.7 "Prohibition
// Rules for Line Start and Line End"; GB/T 15834-2011 §5.1; jlreq §3.1.7
// cl-02, cl-03, cl-04, cl-05, cl-06, cl-07 and, under strict kinsoku, cl-11).
func noStart(r rune, strict bool) bool {
	switch r {
	case '，', '。', '、', '；', '：', '？', '！', '．',
		'」', '』', '”', '’', '）', '】', '》', '〉', '〕', '〗', '］', '｝', '〙', '〛', '｠', '⦆', '〞', '〟',
		'…', '‥', '—', '―', '⸺', '⸻', '～', '〜', '·', '・', '‧', '%', '‰', '％', '℃', '°',
		'々', '〻', 'ゝ', 'ゞ', 'ヽ', 'ヾ', '゛', '゜',
		',', '.', ';', ':', '?', '!', ')', ']', '}',
		'｡', '､', '｣', '･', '﹐', '﹑', '﹒', '﹔', '﹕', '﹖', '﹗':
		return true
	}
	return strict && isSmallKana(r)
}

// noEnd reports whether r may not end a line (clreq §3.1.7; jlreq cl-01).
func noEnd(r rune) bool {
	switch r {
	case '「', '『', '“', '‘', '（', '【', '《', '〈', '〔', '〖', '［', '｛', '〘', '〚', '｟', '⦅', '〝',
		'(', '[', '{', '｢':
		return true
	}
	return false
}

// isSmallKana reports whether r has the UAX #14 class CJ (conditional
// Japanese starter): small kana and the prolonged sound mark (jlreq cl-11).
func isSmallKana(r rune) bool {
	switch r {
	case 'ぁ', 'ぃ', 'ぅ', 'ぇ', 'ぉ', 'っ', 'ゃ', 'ゅ', 'ょ', 'ゎ', 'ゕ', 'ゖ',
		'ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'ッ', 'ャ', 'ュ', 'ョ', 'ヮ', 'ヵ', 'ヶ',
		'ー', 'ｰ', 'ｧ', 'ｨ', 'ｩ', 'ｪ', 'ｫ', 'ｬ', 'ｭ', 'ｮ', 'ｯ':
		return true
	}
	return r >= 0x31F0 && r <= 0x31FF // Katakana Phonetic Extensions (small ㇰ…ㇿ)
}

// isWide reports whether r is set on the ideographic em grid: East Asian
// Width W or F (UAX #11), plus the ambiguous-width quotes and dots that
// Chinese text sets full-width when the face does.
func isWide(r rune) bool {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return true
	}
	return false
}

// isHan reports whether r is a CJK letter (ideograph, kana, hangul,
// bopomofo) for Han–Latin spacing (clreq §3.2.1 "Spacing between Chinese
// and Western characters"; jlreq §3.2.2).
func isHan(r rune) bool {
	return lang.IsCJK(r) && (unicode.IsLetter(r) || r == '〇')
}

// isHangul reports whether r is a Hangul syllable or jamo. Korean breaks
// at the spaces between words, not between syllables (see markKorean).
func isHangul(r rune) bool {
	return lang.ScriptOf(r) == lang.Hangul && unicode.IsLetter(r)
}

// isLatinAlnum reports whether r is a narrow letter or digit (Latin, Greek,
// Cyrillic, European digits …) that gets a Han–Latin gap next to Han.
func isLatinAlnum(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) && !isWide(r)
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isGap reports whether r is white space that layout turns into a gap
// between items rather than text (including the zero-width space).
func isGap(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b'
}

// isZeroWidth reports whether r never takes horizontal space of its own:
// combining marks, variation selectors, joiners and other format characters.
func isZeroWidth(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf)
}
