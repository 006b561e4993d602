package issue

import "time"

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

	Sections []*Section // reading order, at least one
}

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

// Print holds the print geometry of the PDF (yaml: print).
type Print struct {
	TrimWidth  float64 // trim width in mm (default 210)
	TrimHeight float64 // trim height in mm (default 285)
	Bleed      float64 // bleed in mm on every side (default 3)
	Columns    int     // body text columns (default 2)
	Vertical   bool    // yaml print.writing: vertical (vertical-rl); default horizontal
}

// Section is a 栏目: a titled group of articles.
type Section struct {
	ID       string // stable id, "s01", "s02", … in reading order
	Title    string
	TitleEN  string
	Articles []*Article
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

	Blocks []Block
}

// Block is one block of an article body: *Paragraph, *Heading, *Quote,
// *List, *Table, *Figure, *Code or *Rule.
type Block interface{ isBlock() }

// Paragraph is a run of inline text.
type Paragraph struct{ Inlines []Inline }

// Heading is a subhead inside an article. Level is 2 for "##", 3 for "###"
// and so on; a "#" in a body is treated as level 2 (the article title is level 1).
type Heading struct {
	Level   int
	Inlines []Inline
}

// Quote is a block quotation holding other blocks.
type Quote struct{ Blocks []Block }

// List is an ordered or unordered list. Each item is a sequence of blocks.
type List struct {
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

// Table is a GFM table. Header may be empty; every row has len(Align) cells.
// Line is the line of its first row in the article's file.
type Table struct {
	Line   int
	Align  []Align
	Header [][]Inline   // one []Inline per cell
	Rows   [][][]Inline // rows → cells → runs
}

// Figure is an image alone in its paragraph: ![caption](path "credit").
type Figure struct {
	Image   Image
	Caption string // from the alt text; may be empty
	Credit  string // from the title; may be empty
}

// Code is a fenced or indented code block, set verbatim.
type Code struct {
	Language string
	Text     string
}

// Rule is a thematic break (---).
type Rule struct{}

func (*Paragraph) isBlock() {}
func (*Heading) isBlock()   {}
func (*Quote) isBlock()     {}
func (*List) isBlock()      {}
func (*Table) isBlock()     {}
func (*Figure) isBlock()    {}
func (*Code) isBlock()      {}
func (*Rule) isBlock()      {}

// Style is a set of inline style flags.
type Style uint8

// Inline styles; they combine.
const (
	Emphasis Style = 1 << iota // *text*
	Strong                     // **text**
	CodeSpan                   // `text`
)

// Inline is a run of text with one style. A hard line break is a run whose
// Text is "\n". Link is the link destination, empty when the run is not in
// a link. Raw HTML in the source arrives here as literal text.
type Inline struct {
	Text  string
	Style Style
	Link  string
}

// Image is an image file used by the issue, probed but not decoded.
type Image struct {
	Path   string // absolute path
	Rel    string // path relative to the issue directory, slash-separated
	Format string // "jpeg", "png" or "gif"
	Width  int    // pixels
	Height int
}
