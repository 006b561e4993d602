// Package lang is qikan's one table of per-language conventions and its one
// script classifier. Every package that prints a fixed word or sets text by
// a language's rules reads them here, so the PDF and the EPUB cannot drift
// apart.
//
// The table has one row (a Lang) per variety qikan sets differently:
//
//	row         tags (BCP 47)                              glyphs  punctuation  indent  dates / running number
//	zh-Hans     zh, zh-CN, zh-SG, zh-Hans-*, yue-Hans …    SC      GB/T 15834   2 em    2025年3月28日 总第344期
//	zh-Hant     zh-TW, zh-Hant, zh-Hant-TW, cmn-Hant …     TC      centred      2 em    2025年3月28日 總第344期
//	zh-Hant-HK  zh-HK, zh-MO, zh-Hant-HK, yue …            HK      centred      2 em    2025年3月28日 總第344期
//	ja          ja, ja-JP …                                JP      jlreq        1 em    2025年3月28日 通巻344号
//	ko          ko, ko-KR, ko-KP …                         KR      ASCII        1 em    2025년 3월 28일 통권 344호
//	en          everything else (en, fr, ja-Latn, und …)   SC      ASCII        1 em    March 28, 2025 No. 344
//
// For resolves a tag to its row: the script decides Chinese (explicit or
// the likely script of the language and region, by golang.org/x/text), the
// region only between Taiwan and Hong Kong forms (Macau follows Hong Kong).
// An empty tag is qikan's default language, Simplified Chinese (what
// issue.yaml defaults to). A tag written in Latin script (zh-Latn-pinyin,
// ja-Latn) and any tag that does not parse get the Latin row.
//
// A row holds the labels the backends print (Labels), the punctuation
// convention layout compresses by (Punct), the first-line indent, strict
// kinsoku, Korean keep-all, whether ASCII punctuation is normalised to
// full-width marks (Chinese only: Japanese sets its own marks, Korean
// writes ASCII punctuation) and the Noto CJK region whose glyph forms the
// language wants (Region). Date and Number write the date and
// running number the language's way.
//
// The classifier (ScriptOf, IsCJK, IsCJKPunct, Count, Detect) says which
// script a character or a text is written in. Detect names the language a
// text's script implies — kana means Japanese, Hangul Korean, Han alone
// the language given — for applying the right row to an article or
// paragraph whose language was not declared.
//
// Package lang depends on nothing of qikan: layout, issue, export and the
// backends all import it.
package lang
