package epub

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"
)

// item is one manifest item.
type item struct {
	id, href, mediaType, properties string
}

// mediaTypes maps file extensions to the media types of the manifest.
var mediaTypes = map[string]string{
	".xhtml": "application/xhtml+xml",
	".ncx":   "application/x-dtbncx+xml",
	".css":   "text/css",
	".woff2": "font/woff2",
	".ttf":   "font/ttf",
	".jpg":   "image/jpeg",
	".png":   "image/png",
	".gif":   "image/gif",
}

// manifestItem describes the file at href (relative to EPUB/).
func manifestItem(href string) (item, error) {
	ext := path.Ext(href)
	mt, ok := mediaTypes[ext]
	if !ok {
		return item{}, fmt.Errorf("unexpected file %s in the container", href)
	}
	base := strings.TrimSuffix(path.Base(href), ext)
	it := item{href: href, mediaType: mt}
	switch {
	case href == "nav.xhtml":
		it.id, it.properties = "nav", "nav"
	case href == "toc.ncx":
		it.id = "ncx"
	case strings.HasPrefix(href, "xhtml/"):
		it.id = base
	case strings.HasPrefix(href, "css/"):
		it.id = "css-" + base
	case strings.HasPrefix(href, "fonts/"):
		it.id = "font-" + base
	case strings.HasPrefix(href, "images/"):
		it.id = "img-" + base
	default:
		return item{}, fmt.Errorf("unexpected file %s in the container", href)
	}
	return it, nil
}

// packageInfo is what the package document says besides the manifest.
type packageInfo struct {
	identifier   string
	issn         string
	title        string
	lang         string
	creator      string   // the publisher, else the magazine
	creatorRoles []string // MARC relators of the creator
	contributors []string
	publisher    string
	date         string // 2006-01-02T15:04:05Z or ""
	description  string
	modified     string // 2006-01-02T15:04:05Z
	series       string // belongs-to-collection
	seriesPos    string // group-position, digits or ""
	issueNumber  string // the issue label, schema:issueNumber
	generator    string
	coverImage   string // href of the cover image
	vertical     bool
	spine        []string // hrefs of the spine documents, in reading order
	a11y         a11yInfo
}

// a11yInfo is the accessibility metadata (EPUB Accessibility 1.1).
type a11yInfo struct {
	figures, described int // figures, and those with a text alternative
	tables             int
	// source identifies the print edition the page list follows; "" when
	// there is no page list.
	source   string
	conforms bool   // EPUB Accessibility 1.1, WCAG 2.1 AA is met
	summary  string // schema:accessibilitySummary
	lang     string // its language
}

// conformance is the EPUB Accessibility 1.1 conformance claim (§ 2.1).
const conformance = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"

var digits = regexp.MustCompile(`[0-9]+`)

// groupPosition returns the first run of digits of a running number such
// as 总第344期, "" when there is none.
func groupPosition(number string) string {
	d := digits.FindString(number)
	d = strings.TrimLeft(d, "0")
	if len(d) > 9 {
		return ""
	}
	return d
}

// opfWriter writes the elements of a package document.
type opfWriter struct{ bytes.Buffer }

// el writes an element with attributes given as name, value pairs
// (empty values are left out), empty when text is "".
func (w *opfWriter) el(tag, text string, attrs ...string) {
	w.WriteString("  <" + tag)
	for i := 0; i+1 < len(attrs); i += 2 {
		if attrs[i+1] == "" {
			continue
		}
		w.WriteString(" " + attrs[i] + `="`)
		escape(&w.Buffer, attrs[i+1])
		w.WriteByte('"')
	}
	if text == "" {
		w.WriteString("/>\n")
		return
	}
	w.WriteByte('>')
	escape(&w.Buffer, text)
	w.WriteString("</" + tag + ">\n")
}

// meta writes a meta element of an EPUB 3 property, unless text is "".
func (w *opfWriter) meta(property, text string, attrs ...string) {
	if text != "" {
		w.el("meta", text, append([]string{"property", property}, attrs...)...)
	}
}

// packageDocument writes EPUB/package.opf for the manifest items.
func (p *packageInfo) packageDocument(items []item) []byte {
	var w opfWriter
	w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	w.WriteString(`<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="`)
	escape(&w.Buffer, p.lang)
	w.WriteString("\">\n")
	w.WriteString(`<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">` + "\n")
	p.descriptive(&w)
	p.a11y.write(&w)
	if p.coverImage != "" {
		for _, it := range items {
			if it.href == p.coverImage {
				w.el("meta", "", "name", "cover", "content", it.id)
			}
		}
	}
	if p.vertical {
		w.el("meta", "", "name", "primary-writing-mode", "content", "vertical-rl")
	}
	if p.generator != "" {
		w.el("meta", "", "name", "generator", "content", p.generator)
	}
	w.WriteString("</metadata>\n<manifest>\n")
	for _, it := range items {
		props := it.properties
		if it.href == p.coverImage {
			props = "cover-image"
		}
		w.el("item", "", "id", it.id, "href", it.href, "media-type", it.mediaType, "properties", props)
	}
	w.WriteString("</manifest>\n")
	w.WriteString(`<spine toc="ncx"`)
	if p.vertical {
		w.WriteString(` page-progression-direction="rtl"`)
	}
	w.WriteString(">\n")
	ids := map[string]string{}
	for _, it := range items {
		ids[it.href] = it.id
	}
	for _, href := range p.spine {
		w.el("itemref", "", "idref", ids[href])
	}
	w.WriteString("</spine>\n</package>\n")
	return w.Bytes()
}

// descriptive writes the bibliographic metadata: identifiers (the ISSN as
// an urn:issn: URN, RFC 3044), title, language, creator and contributors
// with their MARC relator roles, publisher, date, the print edition the
// page list follows, and the series (EPUB 3 collection and schema.org).
func (p *packageInfo) descriptive(w *opfWriter) {
	w.el("dc:identifier", p.identifier, "id", "pub-id")
	if p.issn != "" {
		w.el("dc:identifier", "urn:issn:"+p.issn, "id", "issn")
	}
	w.el("dc:title", p.title, "id", "title")
	w.el("dc:language", p.lang)
	if p.creator != "" {
		w.el("dc:creator", p.creator, "id", "creator")
		for _, r := range p.creatorRoles {
			w.meta("role", r, "refines", "#creator", "scheme", "marc:relators")
		}
	}
	for i, name := range p.contributors {
		id := "contributor-" + strconv.Itoa(i+1)
		w.el("dc:contributor", name, "id", id)
		w.meta("role", "aut", "refines", "#"+id, "scheme", "marc:relators")
	}
	if p.publisher != "" {
		w.el("dc:publisher", p.publisher)
	}
	if p.date != "" {
		w.el("dc:date", p.date)
	}
	if p.description != "" {
		w.el("dc:description", p.description)
	}
	if p.a11y.source != "" {
		w.el("dc:source", p.a11y.source, "id", "print-source")
		w.meta("source-of", "pagination", "refines", "#print-source")
	}
	w.meta("dcterms:modified", p.modified)
	if p.series != "" {
		w.meta("belongs-to-collection", p.series, "id", "series")
		w.meta("collection-type", "series", "refines", "#series")
		w.meta("group-position", p.seriesPos, "refines", "#series")
		if p.issn != "" {
			w.meta("dcterms:identifier", "urn:issn:"+p.issn, "refines", "#series")
		}
		w.meta("schema:isPartOf", p.series)
	}
	w.meta("schema:issn", p.issn)
	w.meta("schema:issueNumber", p.issueNumber)
	w.meta("schema:position", p.seriesPos)
}

// write writes the accessibility metadata: access modes, features,
// hazards, the summary and, when met, the conformance claim.
func (a a11yInfo) write(w *opfWriter) {
	// The cover image shows text (its alternative text says it), and
	// figures are visual.
	w.meta("schema:accessMode", "textual")
	w.meta("schema:accessMode", "visual")
	w.meta("schema:accessModeSufficient", "textual,visual")
	if a.described == a.figures {
		w.meta("schema:accessModeSufficient", "textual")
	}
	features := []string{"structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"}
	if a.described == a.figures {
		features = append(features, "alternativeText")
	}
	if a.source != "" {
		features = append(features, "pageBreakMarkers", "pageNavigation")
	}
	for _, f := range features {
		w.meta("schema:accessibilityFeature", f)
	}
	w.meta("schema:accessibilityHazard", "none")
	w.meta("schema:accessibilitySummary", a.summary, "xml:lang", a.lang)
	if a.conforms {
		w.meta("dcterms:conformsTo", conformance)
	}
}
