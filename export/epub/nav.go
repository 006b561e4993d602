package epub

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/qikan-dev/qikan/fonts"
)

const xhtmlHead = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
`

// htmlStart is the start tag of every XHTML document: namespaces, the
// page's language, and a class the style sheet keys page layouts on.
func htmlStart(b *bytes.Buffer, lang, class string) {
	b.WriteString(`<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="`)
	escape(b, lang)
	b.WriteString(`" xml:lang="`)
	escape(b, lang)
	b.WriteString(`" class="`)
	escape(b, class)
	b.WriteString(`">`)
}

// navDocument is EPUB/nav.xhtml: the table of contents (sections, then
// their articles), the landmarks and the page list, with headings in the
// publication's language.
func (b *book) navDocument() []byte {
	m := b.newMarkup(b.lang)
	m.tcy = false // the reading system lays the navigation out itself
	m.buf.WriteString(xhtmlHead)
	htmlStart(&m.buf, b.lang, "page-nav")
	m.nl()
	m.open("head")
	m.elem("title", fonts.Body, b.words.Contents)
	m.void("link", "rel", "stylesheet", "type", "text/css", "href", "css/"+cssName)
	m.close("head")
	m.nl()
	m.open("body")
	m.nl()

	m.open("nav", "epub:type", "toc", "id", "toc", "role", "doc-toc", "aria-labelledby", "toc-title")
	m.nl()
	m.elem("h1", fonts.Heading, b.words.Contents, "id", "toc-title")
	m.nl()
	var list func(items []navItem)
	list = func(items []navItem) {
		m.open("ol")
		m.nl()
		for _, it := range items {
			m.open("li", "lang", it.lang, "xml:lang", it.lang)
			m.elem("a", fonts.Body, it.title, "href", it.href)
			if len(it.children) > 0 {
				m.nl()
				list(it.children)
			}
			m.close("li")
			m.nl()
		}
		m.close("ol")
		m.nl()
	}
	list(b.nav)
	m.close("nav")
	m.nl()

	m.linkNav("landmarks", b.words.Landmarks, b.landmarks())
	if len(b.pageList) > 0 {
		pages := make([]landmark, len(b.pageList))
		for i, p := range b.pageList {
			pages[i] = landmark{title: p.page, href: p.href}
		}
		m.linkNav("page-list", b.words.PageList, pages)
	}
	m.close("body")
	m.nl()
	m.close("html")
	m.nl()
	return m.buf.Bytes()
}

// landmark is a link of a flat navigation list; typ is its epub:type,
// empty for a page of the page list.
type landmark struct{ typ, title, href string }

// linkNav writes a hidden nav of epub:type typ (also its id): a heading
// and a flat list of links. The landmarks and the page list are such.
func (m *markup) linkNav(typ, title string, links []landmark) {
	m.open("nav", "epub:type", typ, "id", typ, "hidden", "hidden", "aria-labelledby", typ+"-title")
	m.nl()
	m.elem("h1", fonts.Heading, title, "id", typ+"-title")
	m.nl()
	m.open("ol")
	m.nl()
	for _, l := range links {
		m.open("li")
		m.elem("a", fonts.Body, l.title, "epub:type", l.typ, "href", l.href)
		m.close("li")
		m.nl()
	}
	m.close("ol")
	m.nl()
	m.close("nav")
	m.nl()
}

func (b *book) landmarks() []landmark {
	lms := []landmark{
		{"cover", b.words.Cover, "xhtml/cover.xhtml"},
		{"toc", b.words.Contents, "xhtml/contents.xhtml"},
	}
	if b.bodyStart != "" {
		lms = append(lms, landmark{"bodymatter", b.words.BodyStart, b.bodyStart})
	}
	return lms
}

// ncxDocument is EPUB/toc.ncx, the table of contents and the page list
// for EPUB 2 reading systems (Kindle's converters read it too).
func (b *book) ncxDocument() []byte {
	var buf bytes.Buffer
	buf.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	buf.WriteString(`<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="`)
	escape(&buf, b.lang)
	buf.WriteString("\">\n<head>\n")
	depth := 1
	for _, s := range b.nav {
		if len(s.children) > 0 {
			depth = 2
		}
	}
	maxPage := 0
	for _, p := range b.pageList {
		if n, err := strconv.Atoi(p.page); err == nil {
			maxPage = max(maxPage, n)
		}
	}
	for _, kv := range [][2]string{
		{"dtb:uid", b.identifier},
		{"dtb:depth", itoa(depth)},
		{"dtb:totalPageCount", itoa(len(b.pageList))},
		{"dtb:maxPageNumber", itoa(maxPage)},
	} {
		buf.WriteString(`<meta name="`)
		escape(&buf, kv[0])
		buf.WriteString(`" content="`)
		escape(&buf, kv[1])
		buf.WriteString("\"/>\n")
	}
	buf.WriteString("</head>\n<docTitle><text>")
	escape(&buf, b.title())
	buf.WriteString("</text></docTitle>\n<navMap>\n")
	order := b.playOrder()
	n := 0
	var points func(items []navItem)
	points = func(items []navItem) {
		for _, it := range items {
			n++
			fmt.Fprintf(&buf, `<navPoint id="np%d" playOrder="%d"><navLabel><text>`, n, order[it.href])
			escape(&buf, it.title)
			buf.WriteString(`</text></navLabel><content src="`)
			escape(&buf, it.href)
			buf.WriteString("\"/>\n")
			points(it.children)
			buf.WriteString("</navPoint>\n")
		}
	}
	points(b.nav)
	buf.WriteString("</navMap>\n")
	if len(b.pageList) > 0 {
		buf.WriteString("<pageList>\n<navLabel><text>")
		escape(&buf, b.words.PageList)
		buf.WriteString("</text></navLabel>\n")
		for i, p := range b.pageList {
			fmt.Fprintf(&buf, `<pageTarget id="pt%d" type="normal" value="`, i+1)
			escape(&buf, p.page)
			fmt.Fprintf(&buf, `" playOrder="%d"><navLabel><text>`, order[p.href])
			escape(&buf, p.page)
			buf.WriteString(`</text></navLabel><content src="`)
			escape(&buf, p.href)
			buf.WriteString("\"/></pageTarget>\n")
		}
		buf.WriteString("</pageList>\n")
	}
	buf.WriteString("</ncx>\n")
	return buf.Bytes()
}

// playOrder numbers the targets of the NCX's navigation points and page
// targets in reading order, as the NCX wants (one number per target):
// by document in spine order, and inside a document the page break
// first, then the section header, then the article.
func (b *book) playOrder() map[string]int {
	spine := map[string]int{}
	for i, p := range b.pages {
		spine["xhtml/"+p.name+".xhtml"] = i
	}
	var hrefs []string
	var walk func(items []navItem)
	walk = func(items []navItem) {
		for _, it := range items {
			hrefs = append(hrefs, it.href)
			walk(it.children)
		}
	}
	walk(b.nav)
	for _, p := range b.pageList {
		hrefs = append(hrefs, p.href)
	}
	rank := func(href string) (int, int) {
		doc, frag, _ := strings.Cut(href, "#")
		switch {
		case strings.HasPrefix(frag, "page-"):
			return spine[doc], 0
		case strings.HasPrefix(frag, "s"):
			return spine[doc], 1
		}
		return spine[doc], 2
	}
	slices.SortStableFunc(hrefs, func(x, y string) int {
		dx, fx := rank(x)
		dy, fy := rank(y)
		return cmp.Or(cmp.Compare(dx, dy), cmp.Compare(fx, fy))
	})
	order := map[string]int{}
	for _, h := range hrefs {
		if _, ok := order[h]; !ok {
			order[h] = len(order) + 1
		}
	}
	return order
}
