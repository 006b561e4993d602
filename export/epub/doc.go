// Package epub writes a magazine issue as a reflowable EPUB 3 publication.
//
// Write renders the issue model (package issue) to XHTML content documents
// — a cover, a title and contents page, one document per article grouped by
// section, and a colophon — and hands them, with the style sheet, to
// github.com/go-shiori/go-epub, which assembles the container. go-epub leaves gaps a magazine needs filled: it
// has no setter for dcterms:modified (it writes the current time), no
// landmarks or page list, no publisher, date, series or accessibility
// metadata, no lang attribute on pages, an English navigation heading, and
// a zip whose manifest order follows Go map iteration. A finishing step
// (finish.go) therefore takes go-epub's output and replaces package.opf,
// nav.xhtml and toc.ncx with documents generated from the model, puts
// lang and xml:lang on every page's html element, adds the fonts and
// images itself (go-epub would copy each through two temporary directories
// and deflate data that is compressed already), and re-zips the
// publication deterministically: mimetype first and stored, then a fixed
// entry order, fixed times (Options.Time) and a fixed compression level.
// The same issue, fonts and Options always give the same bytes.
//
// Every piece of user text reaches the XHTML through an escaping writer
// (xhtml.go), never by string concatenation, so titles such as
// `<b>&"` and raw HTML in a paragraph come out as text; links keep only
// absolute http, https and mailto URLs. go-epub fetches http(s) sources:
// Write only ever gives it a file path — the style sheet, which it writes
// into a private temporary directory — and its HTTP client has a transport
// that refuses every request.
//
// Fonts: the markup (xhtml.go) decides the face of every character and
// records it, by language, for that face's subset: the style sheet gives
// font families only to the root (the body face), to code and kbd (the
// Mono face) and to one class per face, and the markup puts a face's
// class on every element or span set in a face other than its parent's
// (headings, CJK emphasis, characters only a fallback face or a system
// font covers; fonts.Set.Split), so the text and the subsets cannot
// disagree. Each face that sets some character is
// embedded as a web subset (fonts.WebSubset: the characters, the spaces,
// and the layout features reading systems use — halt, chws, palt, vert,
// locl, kern… — under the face's own glyph IDs), as TrueType by default
// (every reading system and Calibre's AZW3 conversion keep it; WOFF2,
// Options.Fonts, is dropped by that conversion).
//
// The cover image is the cover design of package cover (the one the PDF
// draws) rasterised at 1600 × 2400 pixels with golang.org/x/image (cover.go):
// JPEG when it holds the photo, PNG otherwise.
//
// Metadata (meta.go, opf.go) is what reading systems and library systems
// read: the publisher as dc:creator (MARC relators pbl and edt, so that
// Calibre shows it as the author) and every article author as a
// dc:contributor (aut); dc:date at noon UTC of the issue date (no time
// zone within eleven hours of UTC shows the day before); the ISSN as an
// urn:issn: identifier; the series as belongs-to-collection and schema.org
// properties; the print edition as dc:source with source-of: pagination
// when articles carry print pages, whose page list nav.xhtml and toc.ncx
// both have.
//
// Accessibility (EPUB Accessibility 1.1): the summary is written from what
// the book has, in the language (lang.Lang.Summary), and the book
// claims WCAG 2.1 Level AA (dcterms:conformsTo) only when every figure has
// a caption, its text alternative. What else AA asks of the output holds
// for every book and is tested with DAISY Ace (ace_test.go): text colours
// of at least 4.5:1, headings that never skip a level (package issue maps
// them), lang on every element that changes language, links that all have
// a name, landmarks and the page list with its source.
//
// The style sheet (css.go) sizes boxes with logical properties, so one
// sheet serves horizontal and vertical pages; figures stay within 80 % of
// the screen's height with their captions, tables scroll sideways rather
// than set a short column a character a line, and lines broken by hand
// (verse) are set flush.
//
// Vertical writing (Options.Vertical or the print.writing:
// vertical) sets every page vertical-rl (the cover page horizontal, so its
// image is centred), the spine right to left, and upright tate-chu-yoko
// for short runs of Western digits.
package epub
