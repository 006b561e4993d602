// Package fonts loads the font faces qikan sets text in, measures
// characters for layout, checks that an issue's text is covered and
// subsets faces for embedding.
//
// A Library parses each face once and hands out *Face values, which are
// immutable and safe for concurrent use. Faces come from two places:
//
//   - the embedded defaults (package assets): Noto Serif CJK SC for body
//     text (Body) and Noto Sans CJK SC Bold for titles (Heading), subset
//     to GB 2312, Big5 level 1, JIS X 0208 level 1, KS X 1001 Hangul and
//     the common punctuation, converted to TrueType outlines;
//   - fonts the user brings: a .ttf file, or one face of a .ttc collection
//     chosen by index ("a.ttc#1") or by name ("a.ttc#Noto Serif CJK TC").
//
// Only TrueType (glyf) outlines are accepted, because the PDF backend
// (gopdf) embeds TrueType only; CFF-flavoured .otf files are rejected with
// an error that tells how to convert them. Corrupt files give an error
// naming the file, never a panic.
//
// A *Face reports metrics in em (multiples of the font size) and satisfies
// layout.Face: Advance and HasGlyph are table look-ups, cheap enough to be
// called for every character of an issue.
//
// A Set holds the body and heading faces of one export with a
// per-character fallback chain (body → heading → embedded defaults);
// Split cuts text into runs by covering face and Check lists what no face
// covers, with the articles it appears in. A Usage collects the characters
// each face sets.
//
// Two subsetters serve the two outputs. Subset (ttsubset.go) writes the
// glyphs of some characters, numbered anew, as TrueType without layout
// tables: a PDF draws glyphs by number and needs nothing else. WebSubset
// (webfont.go) writes a font for reading systems, which shape the text
// themselves: it keeps every glyph ID of the face (the outlines of the
// glyphs it does not need removed), the spaces, and the GSUB/GPOS lookups
// of the features reading systems apply (halt, chws, palt, vert, locl,
// kern, …), pruned to the kept glyphs; the kept glyphs include everything
// those lookups reach from the text's characters in the text's languages
// (a Text records characters by language), so that a ja article gets its
// locl forms and vertical text its vert forms. The layout tables are read
// and written here (otlayout.go, otgsub.go, otgpos.go, otcontext.go,
// otcommon.go: a bounds-checked reader with a work budget, behind
// recover; otpack.go: the offset packer), because no Go library writes
// them; a table that does not read is left out of the subset. WOFF2 is
// written here too (woff2.go, woff2glyf.go: the glyf transform), with
// github.com/andybalholm/brotli.
//
// Fonts are parsed with the table parsers of github.com/go-text/typesetting
// (table by table: a face needs metrics, not every outline parsed). The
// sfnt container is read and written here: to pull one face out of a
// collection, and to subset, which for TrueType outlines is mostly copying
// (ttsubset.go says why not github.com/tdewolff/font, which the tests keep
// as a third parser to check subsets with).
package fonts
