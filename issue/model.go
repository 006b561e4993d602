package issue

import (
	"strings"
	"time"
)

// Issue is one loaded and validated magazine issue.
type Issue struct {
	Dir  string // absolute, cleaned directory that holds issue.yaml
	File string // absolute path of issue.yaml

	Title       string    // publication name (yaml: title), e.g. 党员之友
	Label       string    // issue label (yaml: issue), e.g. 2025年第3期
	Date        time.Time // publication date (yaml: date, YYYY-MM-DD), midnight UTC
	Language    string    // BCP 47 tag (yaml: language), default "zh-CN"
	Subtitle    string    // slogan under the masthead
	Number      string    // running number, e.g. 总第344期
	ISSN        string    // e.g. 2096-7462, checksum verified
	CN          string    // China serial number (yaml: cn), written CN 65-1309/D
	Publisher   string
	Description string
	// Identifier is yaml identifier if given, else a stable name-based
	// "urn:uuid:" UUID v5 of title and issue label (never random).
	Identifier string

	Cover      Cover
	Highlights []string      // cover lines (本期看点)
	Colophon   []ColophonRow // 版权页 rows, in order
	Fonts      Fonts
	Print      Print
	// Indent is the first-line indent of body paragraphs in em (yaml:
	// indent) for every language of the issue; nil leaves it to each
	// article's language (lang.Lang.Indent: 2 em Chinese, 1 em Japanese
	// and Korean).
	Indent *float64

	Sections []*Section // reading order, at least one

	// Where tells where each field of issue.yaml was written, by its
	// path: "title", "highlights[0]", "colophon[1].value", "cover.caption",
	// "fonts.body", "print.trim".
	Where Where
}

// Pos is a place in a source file: the file's absolute path and the
// 1-based line and column (in characters) where something was written; a
// zero Line or Col means unknown. Every block, inline run and field of the
// model carries one, so that warnings and errors about them point at the
// place to edit without searching the files again.
type Pos struct {
	File string
	Line int
	Col  int
}

// Position returns p, so that blocks, which embed their Pos, all answer
// Block.Position.
func (p Pos) Position() Pos { return p }

// Where maps the fields of a YAML mapping (issue.yaml, a section, an
// article's front matter) to where they were written. Keys are YAML paths:
// "title", "authors[1]", "colophon[0].label". A missing key gives the zero
// Pos.
type Where map[string]Pos

// Cover describes the cover. Image is nil when the issue has no cover image;
// the backends then generate a typographic cover.
type Cover struct {
	Image   *Image
	Caption string
	Credit  string
}

// ColophonRow is one row of the colophon (版权页), e.g. {主管, 中共新疆维吾尔自治区委员会}.
type ColophonRow struct {
	Label string
	Value string
}

// Fonts are the user's font choices from issue.yaml. Each is empty (use the
// embedded default) or an absolute path inside the issue directory,
// optionally followed by "#index" or "#face name" to pick a face of a .ttc
// collection.
type Fonts struct {
	Body    string
	Heading string
}

// Print holds the print geometry of the PDF (yaml: print) and the
// standard it meets.
type Print struct {
	TrimWidth  float64 // trim width in mm (default 210)
	TrimHeight float64 // trim height in mm (default 285)
	Bleed      float64 // bleed in mm on every side (default 3)
	Columns    int     // body text columns (default 2)
	Vertical   bool    // yaml print.writing: vertical (vertical-rl); default horizontal
	// Standard is the PDF's standard (yaml print.standard), one of
	// PDFStandards; "" for the default, PDF/A-2u.
	Standard string
	// OutputIntent is the absolute path of the ICC profile of the
	// printing condition a PDF/X-4 file is made for (yaml
	// print.output_intent), OutputCondition the condition's name (yaml
	// print.output_condition, e.g. FOGRA39); "" for none.
	OutputIntent, OutputCondition string
}

// PDFStandards are the standards a PDF can be written to: PDF/A-2u (the
// default), PDF/A-2a, PDF/X-4 and none.
var PDFStandards = []string{"a-2u", "a-2a", "x-4", "none"}

// Section is a 栏目: a titled group of articles.
type Section struct {
	ID       string // stable id, "s01", "s02", … in reading order
	Title    string
	TitleEN  string
	Articles []*Article
	Pos      Pos   // the section's entry in issue.yaml
	Where    Where // "title", "title_en"
}

// Article is one article with its front matter and body blocks.
type Article struct {
	ID string // stable id, "a001", "a002", … in reading order over the whole issue
	// File is the absolute path of the article's Markdown file, or the
	// issue.yaml path for an inline article; Line is the line of the first body line in that file
	File string
	Line int

	Title       string
	Subtitle    string
	Authors     []string
	Affiliation string // 作者单位
	Source      string // 摘自/据
	Editor      string // 责任编辑
	Page        int    // print page in the original issue; 0 when unknown
	Language    string // effective BCP 47 language: the article's own, else the issue's

	// Where tells where each front-matter field was written ("title",
	// "authors[0]", "language"; "" is the front matter itself, or the
	// inline article's entry in issue.yaml).
	Where Where

	Blocks []Block
}

// Block is one block of an article body: *Paragraph, *Heading, *Quote,
// *List, *Table, *Figure, *Code or *Rule. Position is where it starts in
// its source file.
type Block interface {
	isBlock()
	Position() Pos
}

// Paragraph is a run of inline text. Lang is set when its script shows
// that it is in another language than its article (a Japanese paragraph
// quoted in a Chinese article): its BCP 47 tag, else "".
type Paragraph struct {
	Pos
	Inlines []Inline
	Lang    string
}

// Heading is a subhead inside an article. Level is 2 for "##", 3 for "###"
// and so on; a "#" in a body is treated as level 2 (the article title is level 1).
// Lang is as for a paragraph.
type Heading struct {
	Pos
	Level   int
	Inlines []Inline
	Lang    string
}

// Quote is a block quotation holding other blocks.
type Quote struct {
	Pos
	Blocks []Block
}

// List is an ordered or unordered list. Each item is a sequence of blocks.
type List struct {
	Pos
	Ordered bool
	Start   int // first number of an ordered list
	Items   [][]Block
}

// Align is the alignment of a table column.
type Align int

// Column alignments.
const (
	AlignNone Align = iota
	AlignLeft
	AlignCenter
	AlignRight
)

// Table is a GFM table or a simple HTML one. Header may be empty; every
// row has len(Align) cells.
type Table struct {
	Pos
	Align  []Align
	Header [][]Inline   // one []Inline per cell
	Rows   [][][]Inline // rows → cells → runs
}

// Figure is an image set on its own: ![caption](path "credit") alone in
// its paragraph (or on its own line of one), an HTML <img> or <figure>, or
// an image too large to sit in a line of text.
type Figure struct {
	Pos
	Image   Image
	Caption string // from the alt text or <figcaption>; may be empty
	Credit  string // from the title; may be empty
	Link    string // where the image links to ([![…](img)](url)); "" for none
	// Alt is the image's own text alternative where the caption comes
	// from elsewhere (<img alt> in a <figure> with a <figcaption>); ""
	// when the caption serves.
	Alt string
}

// AltText is the figure's text alternative: Alt, else the caption.
func (f *Figure) AltText() string {
	if alt := strings.TrimSpace(f.Alt); alt != "" {
		return alt
	}
	return strings.TrimSpace(f.Caption)
}

// Code is a fenced or indented code block, set verbatim.
type Code struct {
	Pos
	Language string
	Text     string
}

// Rule is a thematic break (---).
type Rule struct{ Pos }

func (*Paragraph) isBlock() {}
func (*Heading) isBlock()   {}
func (*Quote) isBlock()     {}
func (*List) isBlock()      {}
func (*Table) isBlock()     {}
func (*Figure) isBlock()    {}
func (*Code) isBlock()      {}
func (*Rule) isBlock()      {}

// Styles names each style flag as the EPUB and the warnings call it.
var styleNames = []struct {
	s    Style
	name string
}{
	{Emphasis, "emphasis"}, {Strong, "strong"}, {CodeSpan, "code"}, {Underline, "underline"},
	{Strike, "strike"}, {Superscript, "superscript"}, {Subscript, "subscript"},
	{Small, "small"}, {Mark, "mark"}, {Keyboard, "keyboard"},
}

// String lists the flags of s, "emphasis|strong", or "plain".
func (s Style) String() string {
	var names []string
	for _, n := range styleNames {
		if s&n.s != 0 {
			names = append(names, n.name)
		}
	}
	if len(names) == 0 {
		return "plain"
	}
	return strings.Join(names, "|")
}

// Style is a set of inline style flags.
type Style uint16

// Inline styles; they combine. The names say what the text is, the
// backends decide how it looks.
const (
	Emphasis    Style = 1 << iota // *text*, <em>, <i>
	Strong                        // **text**, <strong>, <b>
	CodeSpan                      // `text`, <code>
	Underline                     // <u>, <ins>: a proper-name or emphasis line in CJK, an underline in Latin text
	Strike                        // ~~text~~, <s>, <del>
	Superscript                   // <sup>
	Subscript                     // <sub>
	Small                         // <small>: side comments, fine print
	Mark                          // <mark>: highlighted
	Keyboard                      // <kbd>: keys to press
)

// Inline is a run of text with one style. A hard line break is a run whose
// Text is "\n". Link is the link destination, empty when the run is not in
// a link. Raw HTML in the source never arrives here as text: the tags of
// its allowlist become styles, ruby and images, the rest is dropped with a
// warning.
type Inline struct {
	Text  string
	Style Style
	Link  string
	// Ruby is an annotation of Text (its base): furigana, zhuyin or
	// pinyin, set above the base in horizontal text and to its right in
	// vertical text. Consecutive runs with ruby are mono-ruby (one base
	// character each) written as one word; one run with a longer base is
	// group ruby.
	Ruby string
	// Image, when set, makes the run an image set in the line of text,
	// scaled to the line's height (an icon, a formula); Text is then its
	// alternative text, not drawn.
	Image *Image
	Pos   Pos // where the run starts
}

// Image is an image file used by the issue, probed but not decoded.
type Image struct {
	Path   string // absolute path
	Rel    string // path relative to the issue directory, slash-separated
	Format string // "jpeg", "png" or "gif"
	// Width and Height are the size in pixels as the image is shown: with
	// its EXIF orientation applied (a portrait phone photo stored
	// landscape with orientation 6 is taller than wide here).
	Width  int
	Height int
	// Orientation is the EXIF orientation (1–8) of the stored pixels, 0 or
	// 1 when they are upright: 3 turned half round, 6 a quarter clockwise,
	// 8 a quarter anticlockwise, 2, 4, 5 and 7 mirrored. Backends draw the
	// pixels turned by it (the PDF at placement, the JPEG's bytes
	// unchanged; the EPUB's reading system from the file's EXIF).
	Orientation int
	// DecodeBytes is the memory Go's decoder takes to decode the whole
	// image (pixels, and a progressive JPEG's coefficients); Plain is set
	// for images a backend can carry without decoding them: JPEG, and PNG
	// of 8-bit samples, not interlaced, without alpha or transparency.
	DecodeBytes int64
	Plain       bool
}

// Rotated reports whether the orientation turns the image a quarter, so
// that its stored pixels are Height wide and Width high.
func (img Image) Rotated() bool { return img.Orientation >= 5 && img.Orientation <= 8 }
