// Package pdf writes a magazine issue as a print-ready PDF.
//
// Write typesets an *issue.Issue with the faces of a *fonts.Set:
//
//	stats, err := pdf.Write(w, iss, faces, pdf.Options{Time: t, Version: v})
//
// The PDF has, in order: the cover (package cover's design: the cover image over the whole bleed
// box, scaled to cover it and centre-cropped by clipping, or a colour
// field; the masthead, issue label, running number, date, ISSN and cover
// lines; no folio), the contents (every section with its articles,
// authors, dot leaders and the page where each article starts, each
// entry a link), the sections (each opens on a new page with a band
// holding its title; every article starts with its title, subtitle and
// byline across the text block, then its body in iss.Print.Columns
// columns, balanced on the article's last page, and its end matter), the
// colophon (版权页, at the end or after the contents) and blank pages that
// pad the page count to a multiple of Options.Pad. A section opens a new
// page unless the page in hand is less than half full (magazine style;
// Options.OnePerPage opens a page for every article). Article pages carry
// running heads (publication and issue on a verso, section on a recto)
// and folios on the outer edge; printed page numbers are the PDF's own.
//
// Geometry comes from iss.Print: MediaBox is the trim box grown by the
// bleed on every side (and by a crop-mark margin with Options.Marks),
// BleedBox the trim box plus bleed, TrimBox the finished page, on every
// page. Margins alternate inner (gutter) and outer between recto and
// verso. Column widths are a whole number of body characters.
//
// The work is done in three steps, in the manner of typst's
// layout/export split:
//
//   - compose (compose.go, cover.go, contents.go, article.go, figure.go,
//     table.go, colophon.go, furniture.go, flow.go, region.go, widow.go)
//     turns the issue into pages of positioned text items, images,
//     rules, fills and links, and records on each page what every block
//     placed is
//     (page.placed: text line, subhead, figure, table row, end matter …,
//     with its article and source block). Every paragraph is set by
//     layout.Paragraph (text.go); the inline styles that are drawn —
//     underline, strike, mark and key grounds, superscript, subscript,
//     small — ruby above its base and images in the line are drawn from
//     layout's items in inline.go, ruby tagged Ruby/RB/RT, an image with
//     alternative text a Figure. Body lines sit on a baseline grid (the
//     body leading): the text block is a whole number of lines high, and
//     subheads, figures, tables, code and the title block take whole
//     lines, so the lines of all columns align. Articles are set in
//     parallel, then placed in order, region by region (region.go): the
//     text fills the columns with keeps (a subhead with two lines of its
//     text, the first two and the last two lines of a paragraph, the end
//     matter with the article's last two lines, a table's header with its
//     first row); figures and tables shorter than a column float to the
//     top or foot of the current or next column, or across the text
//     block at the top or foot of the page, in order, made smaller (to
//     70 %) to stay on their anchor's page, the text continuing in their
//     place; a longer table breaks between rows and repeats its header;
//     the columns of an article's last page are balanced with no column
//     holding a lone line or only the end matter, and an article's last
//     lines wait for its last figures. Where a keep would leave the foot
//     of a column of a full page empty, a paragraph of the page is set a
//     line longer or shorter instead (widow.go, layout's Looseness).
//     Page numbers of the contents are resolved once every page is
//     composed. Composition also builds the
//     logical structure (node in frame.go: Document → Sect → Art → H1, P,
//     L, Table, Figure …) and tags every text and image with its element,
//     or marks it as an artifact (running heads, folios, rules, a table
//     header repeated on a later page); the tree's order is the reading
//     order, whatever the drawing order.
//   - draw (draw.go) only draws those pages with
//     github.com/signintech/gopdf v0.33.0. Each face is first subset with
//     fonts.Subset to the characters drawn with it and registered as
//     "TAGXYZ+Name", the subset tag of PDF 32000-1 §9.6.4 derived from a
//     hash of the name and the characters. gopdf is given a hollow copy of
//     the subset (fonts.Hollow: same glyph IDs and metrics, no outlines):
//     it re-subsets and compresses the font it embeds in its serial writer,
//     which for real CJK outlines was a third of the time of an export;
//     the real subset is compressed beside the drawing and finish puts it
//     in place of gopdf's font file. JPEG files are embedded as
//     they are (DCTDecode); 8-bit PNG files keep their alpha as a soft
//     mask; GIF and other PNG files are re-encoded as PNG; an image used
//     twice is embedded once.
//   - finish (finish.go, rewrite.go, outline.go, meta.go) completes what
//     gopdf cannot express. gopdf's output is parsed back object by object
//     (its layout is regular: a classic xref table, objects in order,
//     direct stream lengths), rewritten, and written again with a new
//     cross-reference table:
//     page boxes (gopdf writes only a MediaBox on the page tree);
//     synthetic bold and oblique, drawn by gopdf in a marker CMYK colour
//     with an impossible 2.55 component and rewritten here to the real
//     colour, with text render mode 2 for bold (fill and stroke, so text
//     is extracted once) and a sheared text matrix for oblique, inside
//     q … Q; a nested outline (sections with their
//     articles, plus cover, contents, colophon) replacing gopdf's flat
//     one, with /PageMode /UseOutlines; /Lang; an Info dictionary with
//     Title, Author, Subject, Keywords, Creator, Producer and dates from
//     Options.Time (never the wall clock) and the same facts as XMP
//     metadata; an empty /Contents gopdf writes for a blank page
//     removed; content streams compressed (gopdf is run uncompressed);
//     a trailer /ID that is the MD5 of the file body, so the same input
//     gives byte-identical output.
//
// Faces: every text is set with the fonts.Set of its language
// (Set.ForLang: the issue's, an article's or a span's), so each region's
// glyph forms are measured and drawn, and a face is embedded once per
// region it draws (a "-JAN" or "-ZHT" name suffix). A character no face
// covers is composed as a text item marked missing: draw draws a crossed
// box for it (placeholder, a drawn mark, never glyph 0, which PDF/A
// forbids) and the item keeps the character for the text layer
// (ActualText, with qikan's own PDF writer). gopdf writes supplementary-
// plane characters into ToUnicode as bare code points; finish rewrites
// them as UTF-16 surrogate pairs (tounicode.go).
//
// Not supported yet: vertical writing (iss.Print.Vertical is ignored in
// the PDF).
package pdf
