package export

import (
	"fmt"

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
