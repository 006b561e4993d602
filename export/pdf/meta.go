package pdf

import (
	"crypto/sha1"
	"encoding/xml"
	"fmt"
	"strings"
	"time"

	"github.com/qikan-dev/qikan/export/pdf/pdfw"
)

// facts are what the document information dictionary and the XMP
// metadata both say of the issue.
type facts struct {
	title, author, subject, keywords, producer, lang string
}

// factsOf describes the issue: Title is the publication and issue, Author
// the publisher, Keywords the section titles.
func factsOf(doc *document, opt Options) facts {
	iss := doc.iss
	f := facts{
		title:    strings.TrimSpace(iss.Title + " " + iss.Label),
		author:   iss.Publisher,
		subject:  iss.Description,
		producer: strings.TrimSpace("qikan " + opt.Version),
		lang:     documentLang(iss),
	}
	if f.subject == "" {
		f.subject = iss.Subtitle
	}
	var sections []string
	for _, s := range iss.Sections {
		sections = append(sections, s.Title)
	}
	f.keywords = strings.Join(sections, "; ")
	return f
}

// infoDict is the document information dictionary, with the dates of
// opt.Time (never the wall clock); a PDF/X file says it is not trapped
// and which PDF/X it is.
//
// A file that claims a standard keeps in it only the texts PDFDocEncoding
// can write (ASCII): the XMP metadata, which the standards read and PDF
// 2.0 keeps alone, has them all, and a UTF-16 text in the information
// dictionary is what Ghostscript's PDF/A conversion cannot carry over
// ("Text string detected in DOCINFO cannot be represented in XMP",
// whatever the text). An unclaimed file keeps every text, for viewers
// that read the title nowhere else.
func infoDict(doc *document, opt Options, std standard) pdfw.Dict {
	f := factsOf(doc, opt)
	d := pdfw.Dict{}
	claims := std.pdfa != "" || std.print
	field := func(k, v string) {
		if v != "" && (!claims || ascii(v)) {
			d = append(d, pdfw.Entry{Key: pdfw.Name(k), Val: pdfw.Text(v)})
		}
	}
	field("Title", f.title)
	field("Author", f.author)
	field("Subject", f.subject)
	field("Keywords", f.keywords)
	field("Creator", "qikan")
	field("Producer", f.producer)
	if !opt.Time.IsZero() {
		date := pdfDate(opt.Time)
		field("CreationDate", date)
		field("ModDate", date)
	}
	if std.print {
		d = d.Set("Trapped", pdfw.Name("False"))
		field("GTS_PDFXVersion", "PDF/X-4")
	}
	return d
}

// pdfDate formats a PDF date string in UTC, with the offset written out
// (PDF 32000-1 §7.9.4), e.g. D:20250328000000Z00'00.
func pdfDate(t time.Time) string {
	return "D:" + t.UTC().Format("20060102150405") + "Z00'00"
}

// xmpPacket is the document's XMP metadata (PDF 32000-1 §14.3.2): the
// Dublin Core facts (title, publisher as creator and publisher,
// description, language, the issue date, the identifier), the
// identifiers of the issue and of its serial (ISSN), the dates, and the
// standards the file claims: PDF/A (pdfaid), PDF/UA (pdfuaid, declared in
// a PDF/A extension schema, as PDF/A requires of schemas it does not
// predefine), PDF/X (pdfxid, with the document and version identifiers
// and rendition class PDF/X-4 asks for).
func xmpPacket(doc *document, opt Options, std standard) []byte {
	iss := doc.iss
	f := factsOf(doc, opt)
	var x strings.Builder
	esc := func(s string) string {
		var w strings.Builder
		xml.EscapeText(&w, []byte(s))
		return w.String()
	}
	line := func(format string, args ...any) { fmt.Fprintf(&x, format+"\n", args...) }
	x.WriteString("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	line(`<x:xmpmeta xmlns:x="adobe:ns:meta/">`)
	line(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`)
	x.WriteString(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"`)
	if std.pdfa != "" {
		x.WriteString(` xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"`)
	}
	if std.ua {
		x.WriteString(` xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"`)
		if std.pdfa != "" {
			x.WriteString(` xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#"`)
		}
	}
	if std.print {
		x.WriteString(` xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/"`)
	}
	line(`>`)
	line(`<dc:format>application/pdf</dc:format>`)
	line(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>`, esc(f.title))
	if f.author != "" {
		line(`<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>`, esc(f.author))
		line(`<dc:publisher><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:publisher>`, esc(f.author))
	}
	if f.subject != "" {
		line(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:description>`, esc(f.subject))
	}
	line(`<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>`, esc(f.lang))
	if !iss.Date.IsZero() {
		line(`<dc:date><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:date>`, iss.Date.Format("2006-01-02"))
	}
	if iss.Identifier != "" {
		line(`<dc:identifier>%s</dc:identifier>`, esc(iss.Identifier))
	}
	var ids []string
	if iss.Identifier != "" {
		ids = append(ids, iss.Identifier)
	}
	if iss.ISSN != "" {
		ids = append(ids, "urn:ISSN:"+iss.ISSN)
	}
	if len(ids) > 0 {
		x.WriteString(`<xmp:Identifier><rdf:Bag>`)
		for _, id := range ids {
			fmt.Fprintf(&x, `<rdf:li>%s</rdf:li>`, esc(id))
		}
		line(`</rdf:Bag></xmp:Identifier>`)
	}
	if !opt.Time.IsZero() {
		d := opt.Time.UTC().Format(time.RFC3339)
		line(`<xmp:CreateDate>%s</xmp:CreateDate><xmp:ModifyDate>%s</xmp:ModifyDate><xmp:MetadataDate>%s</xmp:MetadataDate>`, d, d, d)
	}
	line(`<xmp:CreatorTool>qikan</xmp:CreatorTool>`)
	line(`<pdf:Producer>%s</pdf:Producer>`, esc(f.producer))
	if f.keywords != "" {
		line(`<pdf:Keywords>%s</pdf:Keywords>`, esc(f.keywords))
	}
	line(`<xmpMM:DocumentID>%s</xmpMM:DocumentID>`, esc(documentID(iss.Identifier, f.title)))
	if std.print {
		line(`<xmpMM:VersionID>1</xmpMM:VersionID><xmpMM:RenditionClass>default</xmpMM:RenditionClass>`)
		line(`<pdf:Trapped>False</pdf:Trapped>`)
		line(`<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>`)
	}
	if std.pdfa != "" {
		line(`<pdfaid:part>2</pdfaid:part><pdfaid:conformance>%s</pdfaid:conformance>`, std.pdfa)
	}
	if std.ua {
		line(`<pdfuaid:part>1</pdfuaid:part>`)
		if std.pdfa != "" {
			x.WriteString(uaExtensionSchema)
		}
	}
	line(`</rdf:Description>`)
	line(`</rdf:RDF>`)
	line(`</x:xmpmeta>`)
	x.WriteString(`<?xpacket end="r"?>`)
	return []byte(x.String())
}

// uaExtensionSchema declares the PDF/UA identification schema to PDF/A
// validators (ISO 19005-2 §6.6.2.3: every schema outside the XMP
// specification's predefined ones is described by an extension schema).
const uaExtensionSchema = `<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA identification schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>The part of ISO 14289 the file conforms to</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
`

// documentID is the XMP document identifier: the identifier when
// it is a UUID URN, else a name-based UUID (version 5 layout, SHA-1) of
// the identifier or, without one, of the title. The same issue always
// gets the same identifier.
func documentID(identifier, title string) string {
	if strings.HasPrefix(identifier, "urn:uuid:") {
		return identifier
	}
	name := identifier
	if name == "" {
		name = title
	}
	h := sha1.Sum([]byte("qikan:" + name))
	h[6] = h[6]&0x0f | 0x50
	h[8] = h[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

// ascii reports whether s is printable ASCII.
func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}
