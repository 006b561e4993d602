package pdf

import (
	"fmt"
	"io"
	"time"

	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/issue"
)

// Options control the PDF.
type Options struct {
	// Time is written as the creation and modification date. The zero
	// time means the issue date; the wall clock is never read.
	Time time.Time
	// Version is qikan's version, written into the Producer.
	Version string
	// Marks adds crop marks in an extra margin around the bleed.
	Marks bool
	// Pad pads the page count with blank pages to a multiple of Pad; 0
	// means 2, 1 means no padding.
	Pad int
	// OnePerPage starts every article on a new page.
	OnePerPage bool
	// ColophonAfterContents puts the colophon right after the contents
	// instead of at the end.
	ColophonAfterContents bool
	// HanLatinSpace puts a quarter-em gap between Han and Latin letters
	// and digits.
	HanLatinSpace bool
	// LinkURLs prints the address of every link, which a printed page
	// cannot follow: as a numbered footnote at the foot of the column
	// where the link is, or as a numbered note at the end of its article.
	LinkURLs LinkURLs
	// Standard is the standard the file is written to: StandardA2u (the
	// default, for ""), StandardA2a, StandardX4 or StandardNone.
	Standard string
	// OutputProfile is the ICC profile of the printing condition of a
	// PDF/X-4 file (a CMYK output profile; see CheckOutputProfile), and
	// OutputCondition its name, e.g. FOGRA39 ("" takes the profile's own
	// description).
	OutputProfile   []byte
	OutputCondition string
}

// LinkURLs says where the PDF prints the addresses of links.
type LinkURLs int

// Where link addresses are printed.
const (
	LinkURLsNone     LinkURLs = iota // not printed: the link text is coloured and underlined
	LinkURLsFootnote                 // footnotes at the foot of the column
	LinkURLsEndnote                  // notes at the end of the article
)

// ParseLinkURLs parses a --link-urls value: none, footnote or endnote.
func ParseLinkURLs(s string) (LinkURLs, error) {
	switch s {
	case "", "none":
		return LinkURLsNone, nil
	case "footnote", "footnotes":
		return LinkURLsFootnote, nil
	case "endnote", "endnotes":
		return LinkURLsEndnote, nil
	}
	return LinkURLsNone, fmt.Errorf("%q: want none, footnote or endnote", s)
}

// Stats describes a written PDF.
type Stats struct {
	Pages int
	// Images are the images placed, with their effective resolution,
	// for preflight.
	Images []PlacedImage
}

// Write typesets iss with the faces of set and writes the PDF to w.
func Write(w io.Writer, iss *issue.Issue, set *fonts.Set, opt Options) (Stats, error) {
	if iss == nil || set == nil {
		return Stats{}, fmt.Errorf("pdf: no issue or no fonts")
	}
	opt = withDefaults(opt, iss)
	std, err := standardFor(opt)
	if err != nil {
		return Stats{}, fmt.Errorf("pdf: %w", err)
	}
	doc, err := compose(iss, set, opt)
	if err != nil {
		return Stats{}, fmt.Errorf("pdf: %s: %w", iss.File, err)
	}
	if err := write(w, doc, opt, std); err != nil {
		return Stats{}, fmt.Errorf("pdf: %s: %w", iss.File, err)
	}
	return Stats{Pages: len(doc.pages), Images: placedImages(doc)}, nil
}

// withDefaults fills in the defaults of opt: the issue date for Time, 2
// for Pad.
func withDefaults(opt Options, iss *issue.Issue) Options {
	if opt.Time.IsZero() {
		opt.Time = iss.Date
	}
	if opt.Pad <= 0 {
		opt.Pad = 2
	}
	return opt
}
