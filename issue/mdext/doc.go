// Package mdext holds the goldmark extensions qikan reads Markdown with.
// Each is a goldmark.Extender in goldmark's own style — parsers and AST
// transformers that produce nodes, and HTML renderers for them — and knows
// nothing of qikan's model; package issue converts the resulting AST.
//
//   - CJKFriendly: the CommonMark CJK-friendly amendments
//     (github.com/tats-u/markdown-cjk-friendly): emphasis and ~~strike~~
//     next to CJK punctuation, 叫做**《书名》**吗. Character classes come
//     from the Unicode Character Database (cjk_tables.go, made by
//     gen_cjk.go).
//   - RubyShorthand: DenDenMarkdown's {漢字|かんじ} (group ruby) and
//     {漢字|かん|じ} (mono ruby), as Ruby nodes.
//   - HTML: raw HTML read with golang.org/x/net/html's tokenizer through an
//     allowlist: kept elements become Element nodes (<ruby> becomes Ruby),
//     HTML blocks become HTMLFlow blocks, the rest leaves Dropped nodes
//     that say what was dropped and where.
//
// Every node carries its byte offset in the source (Node.Pos), so that
// the converter can report lines and columns.
package mdext
