// Package layout breaks and justifies paragraphs of Chinese, Japanese and
// mixed Latin text. It is pure computation over font metrics: it knows
// nothing of PDF or EPUB.
//
// Paragraph takes styled runs (text, a Face for measuring, a size) and
// returns lines of positioned items: one item per CJK character and per
// Latin word, so that a backend that draws each item at its X with natural
// advances reproduces inter-character justification exactly.
//
// The rules follow the W3C "Requirements for Chinese Text Layout" (clreq),
// GB/T 15834-2011 for punctuation and, for Japanese, "Requirements for
// Japanese Text Layout" (jlreq):
//
//   - break opportunities are those of UAX #14 (go-text's segmenter),
//     tailored by the line start and line end prohibitions (clreq §3.1.7,
//     jlreq §3.1.7 kinsoku), never inside Latin words, numbers with units,
//     dash and ellipsis pairs, and inside URLs only after / . -;
//   - Korean breaks only at the spaces between words, as with CSS
//     word-break: keep-all (a word is cut only when it alone is wider
//     than the measure), and is justified by widening those spaces, to at
//     most four times their width (a line needing more is left short);
//   - adjacent full-width punctuation is compressed, opening brackets at a
//     line start and closing marks at a line end are set half-width, per
//     PunctStyle, and only where the face's ink shows a blank side
//     (clreq §3.1.6);
//   - a closing or stop mark and an opening one never go below 1.5 em
//     together; the doubled dash —— takes 2 em and nothing stretches
//     inside —— or ……;
//   - every line after a hard break gets the first-line indent;
//   - lines are chosen by total fit (Knuth & Plass) over the paragraph and
//     justified by spaces first, then inter-character gaps, none before a
//     stop or a closing bracket or after an opening one (jlreq §3.8.3);
//     shrinking is done by punctuation compression (clreq §3.8);
//   - an optional quarter-em gap separates Han from Latin letters and
//     digits (clreq §3.2.1);
//   - the last line never holds a single character;
//   - a run with ruby (Run.Ruby) is one box, as wide as the wider of base
//     and ruby, set by jlreq §3.3 (ruby.go: RubyLayout spreads the
//     narrower 1:2:1; the ruby of one character hangs over neighbouring
//     kana or punctuation, never over Han or past a line's end); an object
//     run (Run.Object: an image in the line) is one box of its width.
//
// Paragraph works in three steps, one file each: segment.go turns the
// runs into boxes (grapheme clusters, measured, with their punctuation
// class) and the joints between them (spacing, stretch, shrink, break
// opportunity); linebreak.go chooses the breaks by total fit; setline.go
// positions the items of each chosen line. paragraph.go holds the entry
// point, the tuning constants and the pooled working arrays; class.go the
// character classes; the language table (package lang) says which
// punctuation style and kinsoku a language uses.
//
// Options.Looseness sets a paragraph a line longer or shorter than its
// best breaking, as TeX's \looseness, for page make-up.
//
// Headline breaks titles, subheads and contents entries as an editor
// would: at the spaces between their phrases first (a space with CJK on
// both sides), then balanced, never leaving a turnover of one to three
// characters.
//
// NormalizePunct turns ASCII punctuation in Chinese text (next to Han
// characters only) into its full-width form before layout.
package layout
