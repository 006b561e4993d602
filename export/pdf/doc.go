// Package pdf writes a magazine issue as a print-ready, archival PDF.
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
// Write reports every image it places (Stats.Images: where the image is
// written in the source, the page, the placed size and so the effective
// resolution, PlacedImage.PPI) for the printer's preflight, which
// package export turns into warnings and --strict errors.
//
// # Standards
//
// The file meets the standard of Options.Standard: PDF/A-2u by default
// (archival: every glyph mapped to Unicode, colours defined by an sRGB
// output intent, XMP metadata with pdfaid and the Dublin Core facts,
// ISSN among the identifiers), PDF/A-2a with PDF/UA-1 (the same, claimed
// with its logical structure), PDF/X-4 (print: CMYK colours from the
// colour table in colour.go, text and rules in 100 K, crop marks in the
// registration colour Separation /All, RGB images with their ICC
// profile, a GTS_PDFX output intent with the printer's profile,
// /Trapped), or none. Every file is tagged, whatever the standard: the
// structure tree Document → Sect → Art → H1, P, L, Table, Figure …
// (frame.go's node), running heads, folios and rules as artifacts, /Lang
// on the catalog and on every article in another language.
//
// # How it works
//
// The work is done in two steps, in the manner of typst's layout/export
// split: composition produces frames; the writer only draws them.
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
//     70 %) to stay on their anchor's page, or a wide figure one column
//     wide where it fits that page no other way, the text continuing in
//     their place; a longer table breaks between rows and repeats its header;
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
//   - write (write.go, images.go, paint.go, pages.go, catalog.go,
//     outline.go, meta.go, colour.go, standard.go) draws those pages with
//     package pdfw, qikan's own PDF writer. Each face is subset with
//     fonts.SubsetTTF to the characters drawn with it and embedded as a
//     Type 0 font (glyph IDs as CIDs, Identity CIDToGIDMap, W from the
//     face's advances, ToUnicode), named "TAGXYZ+Name" with the subset tag
//     of PDF 32000-1 §9.6.4 derived from a hash of the name and the
//     characters. Pages are painted in parallel into content streams in
//     which every piece of content is a marked-content sequence of its
//     element (MCID) or an artifact; text is shown by glyph ID with TJ
//     adjustments at the positions layout chose, never with space
//     characters for spacing; white space of the source is drawn as a
//     space glyph (of no ink), the one a line break took too: after the
//     line's last glyph, past the line's end, so the structure tree reads
//     새롭게 보인다 across the break, not 새롭게보인다. Runs of glyphs an extractor would misread (a
//     compressed mark overlapping its neighbour, the quarter em between
//     Han and Latin) carry an ActualText of their characters, so a line
//     is one line of text and 第6期 is 第6期; running heads and folios
//     carry an empty one, so that extractors that ignore artifacts
//     (pdftotext) do not splice them into a sentence across a page break.
//     Synthetic bold is text render mode 2 (fill and stroke), synthetic
//     oblique a sheared text matrix. JPEG files are embedded as they are
//     (DCTDecode, their ICC profile kept); 8-bit opaque PNGs keep their
//     compressed data (PNG predictors); other PNGs and GIFs are decoded,
//     their alpha a soft mask; an image used twice is embedded once; an
//     image with an EXIF orientation is turned where it is placed
//     (orient.go: the transformation matrix, its data unchanged). Images
//     are read while the pages are painted, at most 128 MB of them at a
//     time, and at most 32 MB of them are kept until they are written; the
//     rest are read again then (images.go), so that memory does not grow
//     with the number of images. Then
//     the structure tree with its parent tree, link annotations (printable,
//     /Contents, tagged as Link with an OBJR), the outline, page labels
//     that match the folios (cover, contents and colophon named, not
//     numbered), XMP metadata, the output intent and the document
//     information, with dates from Options.Time (never the wall clock).
//     Objects that are not streams go into compressed object streams.
//     The trailer /ID is the MD5 of the file body: the same input gives
//     byte-identical output.
//
// # Why qikan writes the PDF itself
//
// The design names github.com/signintech/gopdf as the PDF library. Up to
// this version it drew the pages and a finishing pass parsed its output
// back with a hand-written object parser to add what it cannot write,
// carrying synthetic bold and oblique through colour values no real
// colour has. Both went: gopdf v0.33.0 (the newest served) has no way to
// emit marked content (BDC/EMC with MCIDs), ActualText, TJ positioning
// chosen by the caller, text render modes or text matrices, Separation or
// ICC-based colour spaces, or catalog entries (StructTreeRoot, MarkInfo,
// OutputIntents, Metadata, PageLabels, Lang), and its content-cache types
// have unexported methods, so there is no clean seam through which it
// could paint a tagged page: every route would parse its output back or
// smuggle data through it. So the seam is where the output demands it:
// composition (ours, as before) produces frames, and package pdfw, a
// small tested writer (objects, streams, cross-reference, object
// streams; content streams with marked content, TJ and colour spaces;
// Type 0 fonts; images; the structure tree), writes them. qikan does not
// link gopdf: it stays in go.mod as a test dependency only, an
// independent oracle in package fonts (TestSubsetGopdf: gopdf embeds a
// fonts.SubsetTTF subset and measures its advances as fonts does). The
// seam where a page painter would plug in is pdfw.Content (the operators
// of one page: paths, colours, text by glyph ID with TJ, marked content);
// a library that can write marked content, ActualText and caller-chosen
// glyph positions could paint behind it without changing composition.
// The tests read what is written back with github.com/pdfcpu/pdfcpu
// (internal/pdfcheck) and github.com/ledongthuc/pdf (content streams),
// validate it in pdfcpu's strict mode, check the veraPDF rules for
// PDF/A-2u, PDF/A-2a and PDF/UA-1 that apply to what qikan writes
// (verapdf_test.go) and check it with qpdf, poppler and Ghostscript;
// none of these is linked into qikan.
//
// Faces: every text is set with the fonts.Set of its language
// (Set.ForLang: the issue's, an article's or a span's), so each region's
// glyph forms are measured and drawn, and a face is embedded once per
// region it draws (a "-JAN" or "-ZHT" name suffix). A character no face
// covers is composed as a text item marked missing: the writer draws a
// crossed box for it (placeholder, a drawn mark, never glyph 0, which
// PDF/A forbids) inside a Span whose ActualText is the character, so the
// text layer keeps it.
//
// Not supported yet: vertical writing (iss.Print.Vertical is ignored in
// the PDF).
package pdf
