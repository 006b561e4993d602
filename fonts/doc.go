// Package fonts loads the font faces qikan sets text in, measures
// characters for layout, checks that an issue's text is covered and
// subsets faces for embedding.
//
// A Library parses each face once and hands out *Face values, which are
// immutable and safe for concurrent use. Faces come from three places:
//
//   - the embedded defaults (package assets; assets/fonts/README.md):
//     Noto Serif CJK SC Regular for body text (Body), Noto Sans CJK SC
//     Bold for titles (Heading) and Noto Sans Mono CJK SC Regular for code
//     (Mono), with Latin (Noto Serif, Noto Sans Bold, Noto Sans Mono) and
//     symbol (Noto Sans Symbols 2, Noto Sans Math) complements. The CJK
//     faces cover 通用规范汉字表, Big5, JIS X 0208/0213, KS X 1001, HKSCS, the
//     whole CJK Unified Ideographs block and Extension A and all Hangul,
//     in every region's forms;
//   - fonts the user brings: a .ttf file, or one face of a .ttc collection
//     chosen by index ("a.ttc#1") or by name ("a.ttc#Noto Serif CJK TC");
//   - fonts installed on the machine, looked up per character for what no
//     other face has (system.go: go-text/typesetting's fontscan, lazily,
//     only faces qikan may embed, in a fixed order).
//
// Only TrueType (glyf) outlines are accepted, because the PDF embeds
// TrueType (FontFile2) and the EPUB embeds the same subsets; CFF-flavoured
// .otf files are rejected with an error that tells how to convert them.
// Corrupt files give an error naming the file, never a panic.
//
// A *Face reports metrics in em (multiples of the font size) and satisfies
// layout.Face: Advance and HasGlyph are table look-ups, cheap enough to be
// called for every character of an issue; metrics and outline headers are
// read in place from the font's tables.
//
// Regional forms (region.go): Face.ForLang(tag) is the same font drawing
// the language's forms: its character map runs through the font's 'locl'
// single substitutions for the OpenType language system of the tag (ZHS,
// ZHT, ZHH, JAN, KOR; LangSys maps BCP 47 tags, one small function to
// hand to package lang). Metrics, ink, subsets and the PDF embedding all
// go through that map, so a zh-TW paragraph is measured and drawn with
// centred punctuation and the PDF embeds one subset per face and region.
// Set.ForLang does the same for a whole Set. For reading systems, which
// apply 'locl' from the lang attribute themselves, a subset of the base
// face keeps the lookups and the glyphs Face.Alternates lists.
//
// Storage (rare.go): the embedded CJK faces keep the outlines of their
// common glyphs in glyf and the others compressed beside the font, in
// chunks decompressed on first use; Subset and TrueTypeFor put them back.
// An issue in common characters decompresses nothing.
//
// A Set holds the faces of one export with a per-character fallback chain
// per role (body → heading → embedded defaults → complements → system
// fonts); Split cuts text into runs by covering face, marking characters no
// face has as Missing (backends draw a placeholder, never .notdef), and
// Check lists what no face covers, with the articles it appears in and the
// package or font that has it, and which system font supplied what. A
// Usage collects the characters each face sets.
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
// (table by table: a face needs metrics, not every outline parsed; GSUB
// through tables.ParseLayout). The
// sfnt container is read and written here: to pull one face out of a
// collection, and to subset, which for TrueType outlines is mostly copying
// (ttsubset.go says why not github.com/tdewolff/font, which the tests keep
// as a third parser to check subsets with).
package fonts
