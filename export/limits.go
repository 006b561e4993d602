package export

import (
	"fmt"
	"slices"
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

// maxDecodeBytes bounds the memory decoding one image may take: images
// the backends cannot carry as they are — the EPUB's cover is drawn from
// the cover photo, the PDF re-encodes GIF and PNG with 16-bit samples,
// interlacing, alpha or transparency — are decoded whole, and a
// 100-megapixel 16-bit PNG of 797 KB took 1.2-1.8 GB. JPEG and plain
// 8-bit PNG go into the PDF and the EPUB as they are, up to the 100
// megapixels the loader accepts.
const maxDecodeBytes = 128 << 20

// imageProblems reports, at the line that uses it, each image whose
// decoding for the formats would take more than maxDecodeBytes.
func imageProblems(iss *issue.Issue, nm names, formats []string) issue.Problems {
	pdfOut, epubOut := slices.Contains(formats, "pdf"), slices.Contains(formats, "epub")
	var ps issue.Problems
	seen := map[string]bool{}
	check := func(img *issue.Image, at issue.Pos, file string, cover bool) {
		if img == nil || seen[img.Path] {
			return
		}
		cost := int64(0)
		if pdfOut && !img.Plain {
			// The PDF writer decodes it and keeps 8-bit colour and
			// alpha planes and their compressed copies besides.
			cost = img.DecodeBytes + 5*int64(img.Width)*int64(img.Height)
		}
		if epubOut && cover {
			cost = max(cost, img.DecodeBytes)
		}
		if cost <= maxDecodeBytes {
			return
		}
		seen[img.Path] = true
		px := float64(img.Width) * float64(img.Height)
		fit := px / float64(cost) * maxDecodeBytes / 1e6
		hint := fmt.Sprintf("scale it down to at most %.0f megapixels", fit)
		if !img.Plain {
			hint += ", or save it as a JPEG or an 8-bit PNG without transparency (those go into the PDF as they are)"
		}
		if cover {
			hint += "; a 300 dpi cover of 216×291 mm is 8.7 megapixels"
		}
		ps = append(ps, issue.Problem{File: nm.of(file), Line: at.Line, Col: at.Col, Hint: hint,
			Message: fmt.Sprintf("image %q (%d×%d pixels) takes about %d MB to decode, more than the %d MB qikan decodes for one image", img.Rel, img.Width, img.Height, cost>>20, maxDecodeBytes>>20)})
	}
	check(iss.Cover.Image, iss.Where["cover.image"], iss.File, true)
	for _, a := range iss.Articles() {
		issue.Walk(a.Blocks, func(b issue.Block) {
			if f, ok := b.(*issue.Figure); ok {
				check(&f.Image, f.Pos, a.File, false)
			}
		})
		issue.EachText(a.Blocks, func(runs []issue.Inline) {
			for _, r := range runs {
				check(r.Image, r.Pos, a.File, false)
			}
		}, nil)
	}
	return ps
}
