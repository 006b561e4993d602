// Package issue is qikan's model of one magazine issue and its loader.
//
// An issue is a directory holding issue.yaml. Load reads that file, the
// article Markdown files it names and the images they use, checks all of it
// and returns one typed tree:
//
//	Issue → Sections → Articles → Blocks (paragraph, heading, quote, list,
//	table, figure, code, rule) → Inline runs (text with emphasis, strong,
//	code and link attributes).
//
// Both backends (export/pdf and export/epub) consume only this model; neither
// parses Markdown or YAML again. Markdown is parsed with goldmark, YAML with
// github.com/goccy/go-yaml, so every problem can be reported with its file,
// line and a hint on how to fix it. Load reports all problems of an issue at
// once (see Problems), never just the first one.
package issue
