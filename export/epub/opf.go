package epub

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
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
	identifier  string
	issn        string
	title       string
	lang        string
	publisher   string
	date        string // YYYY-MM-DD or ""
	description string
	modified    string // 2006-01-02T15:04:05Z
	series      string // belongs-to-collection
	seriesPos   string // group-position, digits or ""
	generator   string
	coverImage  string // href of the cover image
	vertical    bool
	spine       []string // hrefs of the spine documents, in reading order
	a11y        a11yInfo
}

type a11yInfo struct {
	visual          bool // there are images
	altText         bool // every image has a text alternative
	pageList        bool
	summary         string
	summaryLang     string
	pageBreakSource string
}

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

// packageDocument writes EPUB/package.opf for the manifest items.
func (p *packageInfo) packageDocument(items []item) []byte {
	var b bytes.Buffer
	el := func(tag, text string, attrs ...string) {
		b.WriteString("  <" + tag)
		for i := 0; i+1 < len(attrs); i += 2 {
			if attrs[i+1] == "" {
				continue
			}
			b.WriteString(" " + attrs[i] + `="`)
			escape(&b, attrs[i+1])
			b.WriteByte('"')
		}
		if text == "" {
			b.WriteString("/>\n")
			return
		}
		b.WriteByte('>')
		escape(&b, text)
		b.WriteString("</" + tag + ">\n")
	}
	meta := func(property, text string, attrs ...string) {
		if text != "" {
			el("meta", text, append([]string{"property", property}, attrs...)...)
		}
	}
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="`)
	escape(&b, p.lang)
	b.WriteString("\">\n")
	b.WriteString(`<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">` + "\n")
	el("dc:identifier", p.identifier, "id", "pub-id")
	if p.issn != "" {
		el("dc:identifier", "urn:issn:"+p.issn, "id", "issn")
	}
	el("dc:title", p.title, "id", "title")
	el("dc:language", p.lang)
	if p.publisher != "" {
		el("dc:publisher", p.publisher)
	}
	if p.date != "" {
		el("dc:date", p.date)
	}
	if p.description != "" {
		el("dc:description", p.description)
	}
	if p.a11y.pageBreakSource != "" {
		el("dc:source", p.a11y.pageBreakSource)
	}
	meta("dcterms:modified", p.modified)
	if p.series != "" {
		meta("belongs-to-collection", p.series, "id", "series")
		meta("collection-type", "series", "refines", "#series")
		meta("group-position", p.seriesPos, "refines", "#series")
	}
	// EPUB Accessibility 1.1 (schema.org accessibility properties).
	meta("schema:accessMode", "textual")
	if p.a11y.visual {
		meta("schema:accessMode", "visual")
	}
	if p.a11y.visual && !p.a11y.altText {
		meta("schema:accessModeSufficient", "textual,visual")
	} else {
		meta("schema:accessModeSufficient", "textual")
	}
	features := []string{"structuralNavigation", "tableOfContents", "readingOrder"}
	if p.a11y.visual && p.a11y.altText {
		features = append(features, "alternativeText")
	}
	if p.a11y.pageList {
		features = append(features, "printPageNumbers")
	}
	for _, f := range features {
		meta("schema:accessibilityFeature", f)
	}
	meta("schema:accessibilityHazard", "none")
	meta("schema:accessibilitySummary", p.a11y.summary, "xml:lang", p.a11y.summaryLang)
	if p.coverImage != "" {
		for _, it := range items {
			if it.href == p.coverImage {
				el("meta", "", "name", "cover", "content", it.id)
			}
		}
	}
	if p.vertical {
		el("meta", "", "name", "primary-writing-mode", "content", "vertical-rl")
	}
	if p.generator != "" {
		el("meta", "", "name", "generator", "content", p.generator)
	}
	b.WriteString("</metadata>\n<manifest>\n")
	for _, it := range items {
		props := it.properties
		if it.href == p.coverImage {
			props = "cover-image"
		}
		el("item", "", "id", it.id, "href", it.href, "media-type", it.mediaType, "properties", props)
	}
	b.WriteString("</manifest>\n")
	b.WriteString(`<spine toc="ncx"`)
	if p.vertical {
		b.WriteString(` page-progression-direction="rtl"`)
	}
	b.WriteString(">\n")
	ids := map[string]string{}
	for _, it := range items {
		ids[it.href] = it.id
	}
	for _, href := range p.spine {
		el("itemref", "", "idref", ids[href])
	}
	b.WriteString("</spine>\n</package>\n")
	return b.Bytes()
}
