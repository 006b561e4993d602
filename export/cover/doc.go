// Package cover designs the cover of an issue once, for both formats.
//
// Layout takes the issue, a page size and the faces and returns the cover
// as positioned elements, in drawing order:
//
//   - the cover photo (Photo) over the whole page and its bleed, scaled to
//     cover it and centre-cropped by a clip rectangle, never distorted; or,
//     when the issue has no photo, a colour field (Fill);
//   - the masthead band (Fill) at the top, holding the masthead (as large
//     as the band allows, on up to two lines), the slogan, and on the right
//     the issue label, running number, date and ISSN (Text);
//   - the cover lines (本期看点) on a panel at the foot, as many as fit,
//     each on at most three lines (a longer one ends in an ellipsis);
//   - the photo's caption and credit at the bottom edge.
//
// Every line of text is set by layout.Paragraph (the same CJK line
// breaking, punctuation compression and fallback faces as the body text),
// so a cover line of 10 000 characters costs what a paragraph of that
// length costs, and a Text element carries the layout.Line with its
// items positioned. Units are the caller's: points for the PDF (page =
// trim box, with its bleed), pixels for a raster image (bleed 0); every
// size scales with the page width, so the two look alike.
//
// Cover.Cut lists the texts the design could not show in full (cut with
// an ellipsis, or cover lines left off); export refuses such an issue
// before anything is written, so no output ever drops a text silently.
//
// The backends only draw the elements: export/pdf turns them into the
// cover page's items, export/epub rasterises them into the EPUB's cover
// image (and uses Cover.Texts, the texts the cover shows, as its
// description).
package cover
