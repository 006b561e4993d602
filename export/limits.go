package export

import (
	"fmt"
	"unicode/utf8"

	"github.com/qikan-dev/qikan/export/cover"
	"github.com/qikan-dev/qikan/export/pdf"
	"github.com/qikan-dev/qikan/issue"
)

// pdfProblems reports what the PDF cannot set legibly, before anything is
// written: tables with more columns than the text block holds (their
// cells would overprint one another).
func pdfProblems(iss *issue.Issue, nm names) issue.Problems {
	limit := pdf.MaxTableColumns(iss.Print)
	var ps issue.Problems
	var walk func(a *issue.Article, blocks []issue.Block)
	walk = func(a *issue.Article, blocks []issue.Block) {
		for _, b := range blocks {
			switch b := b.(type) {
			case *issue.Table:
				if n := len(b.Align); n > limit {
					ps = append(ps, issue.Problem{File: nm.of(a.File), Line: b.Line, Col: b.Col,
						Message: fmt.Sprintf("table has %d columns; a %.0f mm wide page holds at most %d legible columns in the PDF", n, iss.Print.TrimWidth, limit),
						Hint:    "split it into narrower tables, or swap its rows and columns"})
				}
			case *issue.Quote:
				walk(a, b.Blocks)
			case *issue.List:
				for _, it := range b.Items {
					walk(a, it)
				}
			}
		}
	}
	for _, a := range iss.Articles() {
		walk(a, a.Blocks)
	}
	return ps
}

// coverProblems reports, at its place in issue.yaml, each text that one of
// the covers of the formats (PDF: the trim box; EPUB: a 2:3 image) cuts
// short or leaves off: a cover shows every text it is given in full, or
// the issue is refused before anything is written.
func coverProblems(iss *issue.Issue, nm names, covers map[string]*cover.Cover) issue.Problems {
	var ps issue.Problems
	seen := map[string]bool{}
	for _, format := range []string{"pdf", "epub"} {
		cv := covers[format]
		if cv == nil {
			continue
		}
		on := "the EPUB's cover"
		if format == "pdf" {
			on = fmt.Sprintf("the %.0f×%.0f mm cover of the PDF", iss.Print.TrimWidth, iss.Print.TrimHeight)
		}
		for _, c := range cv.Cut {
			key := fmt.Sprintf("%s[%d]", c.Field, c.Index)
			if seen[key] {
				continue
			}
			seen[key] = true
			pos, ok := iss.Where[key]
			if !ok {
				pos = iss.Where[c.Field]
			}
			p := issue.Problem{File: nm.of(iss.File), Line: pos.Line, Col: pos.Col}
			name := coverFieldNames[c.Field]
			if name == "" {
				name = c.Field
			}
			chars := utf8.RuneCountInString(c.Text)
			switch {
			case c.Field == "highlights" && c.Shown == "":
				p.Message = fmt.Sprintf("cover line %d of %d does not fit on %s: the lines before it fill the panel", c.Index+1, len(iss.Highlights), on)
				p.Hint = "shorten the cover lines or keep fewer"
			default:
				p.Message = fmt.Sprintf("%s does not fit on %s: it shows %d of its %d characters, %q…", name, on, utf8.RuneCountInString(c.Shown), chars, c.Shown)
				p.Hint = "shorten it"
			}
			ps = append(ps, p)
		}
	}
	return ps
}

// coverFieldNames names the fields a cover sets, for messages.
var coverFieldNames = map[string]string{
	"title":         "the masthead (title)",
	"issue":         "the issue label (issue)",
	"number":        "the running number (number)",
	"subtitle":      "the slogan (subtitle)",
	"highlights":    "the cover line",
	"cover.caption": "the caption and credit (cover)",
}
