package pdf

import (
	"encoding/xml"
	"fmt"
	"strings"
	"time"
)

// metadata is the document information dictionary, the XMP packet with
// the same facts, and the document language.
type metadata struct {
	info string
	xmp  string
	lang string
}

// documentMeta describes the issue: Title is the publication and issue,
// Author the publisher, Keywords the section titles, dates from opt.Time
// (never the wall clock).
func documentMeta(doc *document, opt Options) metadata {
	iss := doc.iss
	title := strings.TrimSpace(iss.Title + " " + iss.Label)
	subject := iss.Description
	if subject == "" {
		subject = iss.Subtitle
	}
	var sections []string
	for _, s := range iss.Sections {
		sections = append(sections, s.Title)
	}
	keywords := strings.Join(sections, "; ")
	producer := strings.TrimSpace("qikan " + opt.Version)
	lang := iss.Language
	if lang == "" {
		lang = "zh-CN"
	}

	var b strings.Builder
	b.WriteString("<<")
	field := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, " /%s %s", k, pdfString(v))
		}
	}
	field("Title", title)
	field("Author", iss.Publisher)
	field("Subject", subject)
	field("Keywords", keywords)
	field("Creator", "qikan")
	field("Producer", producer)
	if !opt.Time.IsZero() {
		d := pdfDate(opt.Time)
		field("CreationDate", d)
		field("ModDate", d)
	}
	b.WriteString(" >>")

	esc := func(s string) string {
		var w strings.Builder
		xml.EscapeText(&w, []byte(s))
		return w.String()
	}
	var x strings.Builder
	x.WriteString("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	x.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` + "\n")
	x.WriteString(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">` + "\n")
	x.WriteString(`<dc:format>application/pdf</dc:format>` + "\n")
	fmt.Fprintf(&x, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", esc(title))
	if iss.Publisher != "" {
		fmt.Fprintf(&x, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", esc(iss.Publisher))
		fmt.Fprintf(&x, "<dc:publisher><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:publisher>\n", esc(iss.Publisher))
	}
	if subject != "" {
		fmt.Fprintf(&x, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n", esc(subject))
	}
	fmt.Fprintf(&x, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", esc(lang))
	if iss.Identifier != "" {
		fmt.Fprintf(&x, "<dc:identifier>%s</dc:identifier>\n<xmpMM:DocumentID>%s</xmpMM:DocumentID>\n", esc(iss.Identifier), esc(iss.Identifier))
	}
	if !opt.Time.IsZero() {
		d := opt.Time.UTC().Format(time.RFC3339)
		fmt.Fprintf(&x, "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n<xmp:MetadataDate>%s</xmp:MetadataDate>\n", d, d, d)
	}
	fmt.Fprintf(&x, "<xmp:CreatorTool>qikan</xmp:CreatorTool>\n<pdf:Producer>%s</pdf:Producer>\n", esc(producer))
	if keywords != "" {
		fmt.Fprintf(&x, "<pdf:Keywords>%s</pdf:Keywords>\n", esc(keywords))
	}
	x.WriteString("</rdf:Description>\n</rdf:RDF></x:xmpmeta>\n<?xpacket end=\"r\"?>")
	return metadata{info: b.String(), xmp: x.String(), lang: lang}
}

// pdfDate formats a PDF date string in UTC, e.g. D:20250328000000Z.
func pdfDate(t time.Time) string {
	return "D:" + t.UTC().Format("20060102150405") + "Z"
}
