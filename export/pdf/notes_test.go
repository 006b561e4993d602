package pdf

import (
	"fmt"
	"strings"
	"testing"

	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/issue"
)

// linkIssue is an issue of one article whose paragraphs hold links, some
// met twice, one in a table cell.
func linkIssue(t *testing.T) (*issue.Issue, []string) {
	paras := sampleParas(t)
	var links []string
	var bs []issue.Block
	for i := range 24 {
		link := fmt.Sprintf("https://example.org/%02d/a/long/path/to/page.html", i%15)
		if i%15 == i {
			links = append(links, link)
		}
		text := []rune(paras[i])
		cut := len(text) * (i%5 + 1) / 6
		bs = append(bs, &issue.Paragraph{Inlines: []issue.Inline{
			{Text: string(text[:cut])}, {Text: "参见网站", Link: link}, {Text: string(text[cut:])},
		}})
	}
	cell := func(s, link string) []issue.Inline { return []issue.Inline{{Text: s, Link: link}} }
	bs = append(bs, &issue.Table{Align: []issue.Align{issue.AlignLeft, issue.AlignLeft},
		Header: [][]issue.Inline{cell("名称", ""), cell("地址", "")},
		Rows:   [][][]issue.Inline{{cell("手册", ""), cell("手册网页", "https://example.org/manual")}}})
	links = append(links, "https://example.org/manual")
	return situationIssue(bs), links
}

// TestLinkNotes: with --link-urls every link's text is followed by the
// mark of its note and every link has one note; footnotes stand at the
// foot of the column of their mark's line, on the same page; end notes
// after the article's text, before its end matter; the make-up stays
// sound and every note is tagged.
func TestLinkNotes(t *testing.T) {
	set, err := fonts.NewLibrary().Set("", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, mode := range []LinkURLs{LinkURLsNone, LinkURLsFootnote, LinkURLsEndnote} {
		t.Run(fmt.Sprint(mode), func(t *testing.T) {
			iss, links := linkIssue(t)
			opt := sampleOptions
			opt.LinkURLs = mode
			doc, err := compose(iss, set, withDefaults(opt, iss))
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range makeupProblems(doc) {
				t.Error(p)
			}
			checkTagged(t, doc)
			var notes []string
			lastText := -1
			for i, p := range doc.pages {
				for _, pl := range p.placed {
					if pl.kind == kindText {
						lastText = i
					}
				}
				var texts strings.Builder
				for _, tx := range p.texts {
					texts.WriteString(tx.text)
				}
				for _, tx := range p.texts {
					if tx.tag != nil && tx.tag.role == "Note" && strings.HasPrefix(tx.text, "https://") {
						notes = append(notes, tx.text)
						if mode == LinkURLsFootnote && !strings.Contains(texts.String(), "参见网站") && !strings.Contains(tx.text, "manual") {
							t.Errorf("page %d: footnote %s without its link's text on the page", i+1, tx.text)
						}
						if mode == LinkURLsEndnote && i < lastText {
							t.Errorf("page %d: end note %s before the article's last text (page %d)", i+1, tx.text, lastText+1)
						}
					}
				}
			}
			if mode == LinkURLsNone {
				if len(notes) != 0 {
					t.Errorf("%d notes without --link-urls", len(notes))
				}
				return
			}
			got := strings.Join(notes, " ")
			for _, l := range links {
				if strings.Count(got, strings.TrimPrefix(l, "https://")) != 1 {
					t.Errorf("link %s: %d notes, want 1", l, strings.Count(got, l))
				}
			}
		})
	}
}

// TestFootnotesWithTheirLine: in footnote mode, each note is placed in the
// column and on the page of the line that holds its mark.
func TestFootnotesWithTheirLine(t *testing.T) {
	set, err := fonts.NewLibrary().Set("", "")
	if err != nil {
		t.Fatal(err)
	}
	iss, _ := linkIssue(t)
	opt := sampleOptions
	opt.LinkURLs = LinkURLsFootnote
	doc, err := compose(iss, set, withDefaults(opt, iss))
	if err != nil {
		t.Fatal(err)
	}
	placedNotes := 0
	seen := map[string]bool{}
	for i, p := range doc.pages {
		cols := map[int]int{}
		for _, pl := range p.placed {
			if pl.kind == kindNotes {
				cols[pl.col]++
				placedNotes++
			}
		}
		// The first mark of each note: its footnote is in its column.
		for _, tx := range p.texts {
			if tx.tag == nil || tx.tag.role != "Reference" || seen[tx.text] {
				continue
			}
			seen[tx.text] = true
			col := -1
			for k := range doc.geo.columns {
				if x := doc.geo.columnX(i, k); tx.x >= x-1 && tx.x < x+doc.geo.colW {
					col = k
				}
			}
			if cols[col] == 0 {
				t.Errorf("page %d: a note mark in column %d, no footnote there", i+1, col+1)
			}
		}
	}
	if placedNotes < 15 {
		t.Errorf("%d footnotes placed, want 15", placedNotes)
	}
}
