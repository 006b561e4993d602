// Package issue is qikan's model of one magazine issue and its loader.
//
// An issue is a directory holding issue.yaml. Load reads that file, the
// article Markdown files it names and the images they use, checks all of it
// and returns one typed tree:
//
//	Issue → Sections → Articles → Blocks (paragraph, heading, quote, list,
//	table, figure, code, rule) → Inline runs (text with styles — emphasis,
//	strong, code, underline, strike, superscript, subscript, small, mark,
//	keyboard — a link, ruby, or an image set in the line).
//
// Both backends (export/pdf and export/epub) consume only this model; neither
// parses Markdown or YAML again. Markdown is parsed with goldmark and the
// extensions of package mdext (CJK-friendly emphasis, ruby shorthand, the
// HTML allowlist); YAML with github.com/goccy/go-yaml. Every block, inline
// run and field carries its position (Pos, Where), so every problem and
// warning — the loader's and those of later stages — names its file, line
// and column without searching the files again. Load reports all problems
// of an issue at once (see Problems), never just the first one.
package issue
