package epub

import (
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/text/width"

	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/issue"
	"github.com/qikan-dev/qikan/lang"
)

// page is one content document of the spine.
type page struct {
	name  string // file name in EPUB/xhtml/ without ".xhtml"
	title string // <title>, plain text
	lang  string // lang of the html element
	body  []byte // XHTML between <body> and </body>
}

// media is one image file of the publication.
type media struct {
	name  string // file name in EPUB/images/
	path  string // source file, or "" when data or lazy gives the bytes
	data  []byte
	lazy  func() ([]byte, error) // when set, gives the bytes (waiting for them)
	cover bool                   // the manifest's cover-image
}

// navItem is one entry of the table of contents.
type navItem struct {
	title, href, lang string
	children          []navItem
}

// pageTarget is one entry of the page list: a print page of the original
// and where it starts.
type pageTarget struct {
	page string
	href string
}

// newMarkup returns a writer for one document in the language tag; its
// root (the html element) is in the body face, as the style sheet says.
func (b *book) newMarkup(tag string) *markup {
	return &markup{faces: b.faces, classes: b.classes, use: b.use, tcy: b.vertical,
		root: context{lang: tag, face: b.faces.Face(fonts.Body)}}
}

// coverPage is the cover document: the cover image on its own.
func (b *book) coverPage(img *media, alt string) page {
	m := b.newMarkup(b.lang)
	m.open("section", "class", "cover", "epub:type", "cover")
	m.nl()
	m.void("img", "src", "../images/"+img.name, "alt", xmlText(alt), "role", "doc-cover")
	m.nl()
	m.close("section")
	return page{name: "cover", title: b.title(), lang: b.lang, body: m.buf.Bytes()}
}

// contentsPage is the title and contents page: masthead, issue, date,
// highlights and every section with its articles and print pages.
func (b *book) contentsPage() page {
	iss := b.iss
	m := b.newMarkup(b.lang)
	m.open("section", "class", "titlepage", "epub:type", "titlepage")
	m.nl()
	m.elem("h1", fonts.Heading, iss.Title, "class", "masthead")
	m.nl()
	if iss.Subtitle != "" {
		m.elem("p", fonts.Body, iss.Subtitle, "class", "slogan")
		m.nl()
	}
	if label := join(" ", iss.Label, b.rules.Number(iss.Number)); label != "" {
		m.elem("p", fonts.Heading, label, "class", "issue-label")
		m.nl()
	}
	if !iss.Date.IsZero() {
		m.elem("p", fonts.Body, b.rules.Date(iss.Date), "class", "issue-date")
		m.nl()
	}
	if len(iss.Highlights) > 0 {
		m.open("ul", "class", "highlights")
		for _, h := range iss.Highlights {
			m.elem("li", fonts.Body, h)
		}
		m.close("ul")
		m.nl()
	}
	m.close("section")
	m.nl()

	m.open("section", "class", "contents", "role", "doc-toc", "aria-labelledby", "contents-title")
	m.nl()
	m.elem("h2", fonts.Heading, b.words.Contents, "id", "contents-title")
	m.nl()
	m.open("ol", "class", "toc")
	m.nl()
	for _, sec := range b.nav {
		m.open("li")
		m.open("p", "class", "toc-section")
		m.elem("a", fonts.Heading, sec.title, "href", relHref(sec.href))
		m.close("p")
		if len(sec.children) > 0 {
			m.open("ol")
			for _, a := range sec.children {
				m.open("li", "lang", a.lang)
				m.elem("a", fonts.Body, a.title, "href", relHref(a.href))
				if pg := b.pageOf[a.href]; pg != "" {
					// A no-break space: the number never stands
					// alone on a line.
					m.text(fonts.Body, "\u00a0")
					m.elem("span", fonts.Body, pg, "class", "toc-page")
				}
				m.close("li")
			}
			m.close("ol")
		}
		m.close("li")
		m.nl()
	}
	m.close("ol")
	m.nl()
	m.close("section")
	return page{name: "contents", title: b.words.Contents, lang: b.lang, body: m.buf.Bytes()}
}

// relHref turns a href relative to EPUB/ into one relative to EPUB/xhtml/.
func relHref(href string) string { return strings.TrimPrefix(href, "xhtml/") }

// colophonPage lists the colophon rows (issue.Issue.ColophonRows: the
// issue's own, then the ISSN, CN number and running number where no row
// shows them) and the cover photo's caption and credit.
func (b *book) colophonPage() (page, bool) {
	iss := b.iss
	rows := iss.ColophonRows(b.rules, true)
	if cover := join(" ", iss.Cover.Caption, iss.Cover.Credit); cover != "" {
		rows = append(rows, issue.ColophonRow{Label: b.words.CoverPhoto, Value: cover})
	}
	if len(rows) == 0 {
		return page{}, false
	}
	m := b.newMarkup(b.lang)
	m.open("section", "class", "colophon", "epub:type", "colophon", "role", "doc-colophon", "aria-labelledby", "colophon-title")
	m.nl()
	m.elem("h1", fonts.Heading, b.words.Colophon, "id", "colophon-title")
	m.nl()
	m.open("dl")
	m.nl()
	for _, r := range rows {
		m.open("div")
		m.elem("dt", fonts.Body, r.Label)
		m.elem("dd", fonts.Body, r.Value)
		m.close("div")
		m.nl()
	}
	m.close("dl")
	m.nl()
	m.close("section")
	return page{name: "colophon", title: b.words.Colophon, lang: b.lang, body: m.buf.Bytes()}, true
}

// sectionHead writes the header that opens a section's first document.
// lang is set when the document's language is not the publication's.
func (b *book) sectionHead(m *markup, sec *issue.Section, id, lang string) {
	m.open("header", "class", "section-head", "id", id, "lang", lang, "xml:lang", lang)
	m.nl()
	m.elem("p", fonts.Heading, sec.Title, "class", "section-title")
	if sec.TitleEN != "" {
		m.nl()
		m.elem("p", fonts.Heading, sec.TitleEN, "class", "section-title-en", "lang", "en", "xml:lang", "en")
	}
	m.nl()
	m.close("header")
	m.nl()
}

// articlePage renders one article; head is the section whose header opens
// the document, or nil.
func (b *book) articlePage(a *issue.Article, name string, head *issue.Section, headID, pageID string) page {
	lang := b.lang
	if a.Language != "" {
		lang = cleanLang(a.Language)
	}
	m := b.newMarkup(lang)
	if pageID != "" {
		pg := itoa(a.Page)
		m.void("span", "id", pageID, "epub:type", "pagebreak", "role", "doc-pagebreak", "title", pg, "aria-label", pg)
		m.nl()
	}
	if head != nil {
		var headLang string
		if lang != b.lang {
			headLang = b.lang
		}
		b.sectionHead(m, head, headID, headLang)
	}
	m.open("article", "id", name)
	m.nl()
	m.open("header")
	m.nl()
	m.elem("h1", fonts.Heading, b.articleTitle(a))
	m.nl()
	if a.Subtitle != "" {
		m.elem("p", fonts.Heading, a.Subtitle, "class", "subtitle")
		m.nl()
	}
	if len(a.Authors) > 0 {
		m.elem("p", fonts.Body, strings.Join(a.Authors, "　"), "class", "byline")
		m.nl()
	}
	m.close("header")
	m.nl()
	b.blocks(m, a.Blocks)
	b.endMatter(m, a)
	m.close("article")
	m.nl()
	return page{name: name, title: b.articleTitle(a), lang: lang, body: m.buf.Bytes()}
}

// articleTitle is the article's title, or the words for "untitled".
func (b *book) articleTitle(a *issue.Article) string {
	if t := strings.TrimSpace(xmlText(a.Title)); t != "" {
		return t
	}
	return b.words.Untitled
}

// endMatter writes the affiliation, source and editor notes.
func (b *book) endMatter(m *markup, a *issue.Article) {
	if a.Affiliation == "" && a.Source == "" && a.Editor == "" {
		return
	}
	w := b.words
	if a.Language != "" {
		w = lang.For(a.Language).Labels // the article's own language
	}
	m.open("footer", "class", "end-matter")
	m.nl()
	if a.Affiliation != "" {
		m.elem("p", fonts.Body, w.Open+w.Affiliation+a.Affiliation+w.Close, "class", "affiliation")
		m.nl()
	}
	if a.Source != "" {
		m.elem("p", fonts.Body, w.Open+a.Source+w.Close, "class", "source")
		m.nl()
	}
	if a.Editor != "" {
		m.elem("p", fonts.Body, w.NoteOpen+w.Editor+a.Editor+w.NoteClose, "class", "editor")
		m.nl()
	}
	m.close("footer")
	m.nl()
}

// blocks writes body blocks.
func (b *book) blocks(m *markup, blocks []issue.Block) {
	for _, blk := range blocks {
		switch blk := blk.(type) {
		case *issue.Paragraph:
			if len(blk.Inlines) == 0 {
				continue
			}
			// Lines broken by hand (verse, addresses) start flush, all
			// indented alike, instead of under a first-line indent.
			var class string
			if hasLineBreak(blk.Inlines) {
				class = "lines"
			}
			l := langAttr(blk.Lang)
			m.open("p", "class", class, "lang", l, "xml:lang", l)
			b.inlines(m, fonts.Body, blk.Inlines)
			m.close("p")
		case *issue.Heading:
			tag := "h" + itoa(min(max(blk.Level, 2), 6))
			l := langAttr(blk.Lang)
			m.openIn(tag, fonts.Heading, "lang", l, "xml:lang", l)
			b.inlines(m, fonts.Heading, blk.Inlines)
			m.close(tag)
		case *issue.Quote:
			m.open("blockquote")
			m.nl()
			b.blocks(m, blk.Blocks)
			m.close("blockquote")
		case *issue.List:
			b.list(m, blk)
		case *issue.Table:
			b.table(m, blk)
		case *issue.Figure:
			b.figure(m, blk)
		case *issue.Code:
			m.open("pre")
			m.openMono("code", "class", codeClass(blk.Language))
			m.verbatim(fonts.Mono, blk.Text)
			m.close("code")
			m.close("pre")
		case *issue.Rule:
			m.void("hr")
		}
		m.nl()
	}
}

func (b *book) list(m *markup, l *issue.List) {
	tag := "ul"
	var start string
	if l.Ordered {
		tag = "ol"
		if l.Start != 1 {
			start = itoa(l.Start)
		}
	}
	m.open(tag, "start", start)
	m.nl()
	for _, item := range l.Items {
		m.open("li")
		b.blocks(m, item)
		m.close("li")
		m.nl()
	}
	m.close(tag)
}

var alignClass = map[issue.Align]string{issue.AlignLeft: "left", issue.AlignCenter: "center", issue.AlignRight: "right"}

// table writes a table in a wrapper that scrolls sideways when it is
// wider than the page. A column whose cells are all short keeps each on
// one line, so a narrow screen never sets its words a character a line.
func (b *book) table(m *markup, t *issue.Table) {
	b.tables++
	short := shortColumns(t)
	m.open("div", "class", "table")
	m.open("table")
	m.nl()
	row := func(cells [][]issue.Inline, tag string) {
		m.open("tr")
		for i, cell := range cells {
			var class []string
			if i < len(t.Align) && alignClass[t.Align[i]] != "" {
				class = append(class, alignClass[t.Align[i]])
			}
			if i < len(short) && short[i] {
				class = append(class, "nw")
			}
			m.open(tag, "class", strings.Join(class, " "))
			b.inlines(m, fonts.Body, cell)
			m.close(tag)
		}
		m.close("tr")
		m.nl()
	}
	if len(t.Header) > 0 {
		m.open("thead")
		row(t.Header, "th")
		m.close("thead")
		m.nl()
	}
	if len(t.Rows) > 0 {
		m.open("tbody")
		m.nl()
		for _, r := range t.Rows {
			row(r, "td")
		}
		m.close("tbody")
		m.nl()
	}
	m.close("table")
	m.close("div")
}

// shortCell is the widest cell, in em, a column may have and be kept on
// one line: six CJK characters or a dozen Latin ones.
const shortCell = 6

// shortColumns reports for each column of t whether every cell of it is
// at most shortCell em wide and without a line break.
func shortColumns(t *issue.Table) []bool {
	short := make([]bool, len(t.Align))
	for i := range short {
		short[i] = true
	}
	for _, r := range append([][][]issue.Inline{t.Header}, t.Rows...) {
		for i, cell := range r {
			if i < len(short) && (cellWidth(cell) > shortCell || hasLineBreak(cell)) {
				short[i] = false
			}
		}
	}
	return short
}

// cellWidth is the width of a cell's text in em: 1 for a wide (CJK)
// character, ½ for any other.
func cellWidth(cell []issue.Inline) float64 {
	w := 0.0
	for _, r := range cell {
		for _, c := range r.Text {
			switch width.LookupRune(c).Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth:
				w++
			default:
				w += 0.5
			}
		}
	}
	return w
}

// hasLineBreak reports whether runs hold a hard line break.
func hasLineBreak(runs []issue.Inline) bool {
	for _, r := range runs {
		if r.Text == "\n" {
			return true
		}
	}
	return false
}

func (b *book) figure(m *markup, f *issue.Figure) {
	img := b.image(f.Image.Path, false)
	m.open("figure")
	href := safeLink(f.Link)
	if href != "" {
		m.open("a", "href", href)
	}
	var w, h string
	if f.Image.Width > 0 && f.Image.Height > 0 {
		w, h = itoa(f.Image.Width), itoa(f.Image.Height)
	}
	// alt must be present; an uncaptioned figure is announced as
	// decorative rather than by its file name.
	m.buf.WriteString(`<img src="../images/`)
	escape(&m.buf, img.name)
	m.buf.WriteString(`" alt="`)
	escape(&m.buf, xmlText(f.AltText()))
	m.buf.WriteByte('"')
	m.attrs([]string{"width", w, "height", h})
	m.buf.WriteString("/>")
	if href != "" {
		m.close("a")
	}
	if f.Caption != "" || f.Credit != "" {
		m.open("figcaption")
		if f.Caption != "" {
			m.elem("span", fonts.Body, f.Caption, "class", "caption")
		}
		if f.Caption != "" && f.Credit != "" {
			m.text(fonts.Body, " ")
		}
		if f.Credit != "" {
			m.elem("span", fonts.Body, f.Credit, "class", "credit")
		}
		m.close("figcaption")
	}
	m.close("figure")
	b.figures++
	if strings.TrimSpace(f.Caption) != "" {
		b.captioned++
	}
}

var codeLang = regexp.MustCompile(`^[A-Za-z0-9_+#.-]{1,40}$`)

func codeClass(lang string) string {
	if codeLang.MatchString(lang) {
		return "language-" + lang
	}
	return ""
}

// safeLink returns link normalised when it is an absolute http, https or
// mailto URL, else "" (the text is then set without a link): scripts and
// relative references to files outside the EPUB have no place in it.
func safeLink(link string) string {
	if link == "" {
		return ""
	}
	u, err := url.Parse(strings.TrimSpace(link))
	if err != nil {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return ""
		}
	case "mailto":
		if u.Opaque == "" {
			return ""
		}
	default:
		return ""
	}
	s := u.String()
	if xmlText(s) != s || strings.ContainsAny(s, " <>\"") {
		return ""
	}
	return s
}

// langAttr is the lang of a block in another language than its article
// (issue.Paragraph.Lang), "" for none.
func langAttr(tag string) string {
	if tag == "" {
		return ""
	}
	return cleanLang(tag)
}

// join joins the non-empty parts with sep.
func join(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
