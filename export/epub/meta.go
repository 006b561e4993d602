package epub

import (
	"slices"
	"strings"

	"github.com/qikan-dev/qikan/lang"
)

// packageInfo collects the package document's metadata.
func (b *book) packageInfo(coverHref string, spine []string) *packageInfo {
	iss := b.iss
	p := &packageInfo{
		identifier:   b.identifier,
		issn:         strings.TrimSpace(iss.ISSN),
		title:        b.title(),
		lang:         b.lang,
		publisher:    xmlText(strings.TrimSpace(iss.Publisher)),
		description:  xmlText(strings.TrimSpace(iss.Description)),
		modified:     zipTime(b.opt.Time).Format("2006-01-02T15:04:05Z"),
		series:       xmlText(strings.TrimSpace(iss.Title)),
		seriesPos:    groupPosition(iss.Number),
		issueNumber:  xmlText(strings.TrimSpace(iss.Label)),
		contributors: b.authors(),
		coverImage:   coverHref,
		vertical:     b.vertical,
		spine:        spine,
	}
	// The book's creator is its publisher, the body that publishes and
	// edits the issue (MARC relators pbl and edt: Calibre takes an edt
	// creator for the author when there is no aut), else the magazine
	// itself: reading systems show "Unknown" without one.
	p.creator, p.creatorRoles = p.publisher, []string{"pbl", "edt"}
	if p.creator == "" {
		p.creator, p.creatorRoles = p.series, nil
	}
	if !iss.Date.IsZero() {
		// The issue's date is a calendar day. Noon UTC is that day in
		// every time zone from UTC−11 to UTC+11, so a reading system that
		// shows the date in local time (Calibre does) never shows the day
		// before, as it would for midnight UTC west of Greenwich.
		p.date = iss.Date.Format("2006-01-02") + "T12:00:00Z"
	}
	if b.opt.Version != "" {
		p.generator = xmlText("qikan " + b.opt.Version)
	}
	p.a11y = b.accessibility()
	return p
}

// authors are the articles' authors, each once, in reading order: the
// publication's contributors.
func (b *book) authors() []string {
	var out []string
	for _, a := range b.iss.Articles() {
		for _, name := range a.Authors {
			if name = strings.TrimSpace(xmlText(name)); name != "" && !slices.Contains(out, name) {
				out = append(out, name)
			}
		}
	}
	return out
}

// accessibility states what this publication offers: its figures with
// and without text alternatives, tables, page list and the print edition
// it follows, and languages. It claims EPUB Accessibility 1.1 at WCAG 2.1
// AA only when every figure has a text alternative (its caption); the
// rest of what AA asks of qikan's output (contrast, headings without
// skipped levels, languages, navigation) always holds, and the test suite
// checks it with DAISY Ace.
func (b *book) accessibility() a11yInfo {
	iss := b.iss
	a := a11yInfo{
		figures:   b.figures,
		described: b.captioned,
		tables:    b.tables,
		conforms:  b.figures == b.captioned,
		lang:      b.rules.Tag,
	}
	facts := lang.Facts{
		Sections: len(iss.Sections), Articles: len(iss.Articles()),
		Figures: b.figures, Described: b.captioned, Tables: b.tables,
		Languages: b.languages(), Vertical: b.vertical, Conforms: a.conforms,
	}
	if len(b.pageList) > 0 {
		facts.PrintEdition = xmlText(join(" ", iss.Title, iss.Label))
		facts.ISSN = strings.TrimSpace(iss.ISSN)
		a.source = facts.PrintEdition
		if facts.ISSN != "" {
			a.source = "urn:issn:" + facts.ISSN
		}
	}
	a.summary = b.rules.Summary(facts)
	return a
}

// languages are the languages of the text: the publication's, then each
// other one an article is written in, in reading order.
func (b *book) languages() []string {
	out := []string{b.lang}
	for _, a := range b.iss.Articles() {
		if a.Language == "" {
			continue
		}
		if l := cleanLang(a.Language); l != "und" && !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}
