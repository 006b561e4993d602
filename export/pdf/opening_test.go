package pdf

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/qikan-dev/qikan/issue"
)

// TestNoTitleAloneAtPageFoot: on the page where an article starts, some
// of the article (text or a figure) follows its title block; a title is
// never left alone at the foot of a page, whatever the trim and columns.
func TestNoTitleAloneAtPageFoot(t *testing.T) {
	for _, geo := range []struct {
		trim    string
		columns int
	}{{"210x285mm", 2}, {"A4", 1}, {"B5", 2}, {"210x285mm", 3}} {
		t.Run(fmt.Sprintf("%s-%dcol", geo.trim, geo.columns), func(t *testing.T) {
			iss, set := loadSample(t)
			iss.Print.TrimWidth, iss.Print.TrimHeight, _ = issue.ParseTrim(geo.trim)
			iss.Print.Columns = geo.columns
			doc, err := compose(iss, set, withDefaults(sampleOptions, iss))
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range iss.Articles() {
				p := doc.pages[doc.start[a.ID]]
				title := []rune(squeeze(a.Title))
				titleY := -1.0
				for _, tx := range p.texts {
					if s := []rune(squeeze(tx.text)); len(s) > 0 && len(title) > 0 && s[0] == title[0] && strings.HasPrefix(squeeze(a.Title), string(s[:min(len(s), 4)])) {
						titleY = tx.y
						break
					}
				}
				if titleY < 0 {
					t.Errorf("%s: title not found on its start page %d", a.Title, doc.start[a.ID]+1)
					continue
				}
				ruleY := -1.0 // the rule under the title block
				for _, it := range p.items {
					if it.kind == ruleItem && it.y > titleY && (ruleY < 0 || it.y < ruleY) {
						ruleY = it.y
					}
				}
				follows := false
				for _, it := range p.items {
					follows = follows || it.kind == imageItem && it.y > ruleY
				}
				for _, tx := range p.texts {
					folio := strings.IndexFunc(tx.text, func(r rune) bool { return !unicode.IsDigit(r) }) < 0
					follows = follows || tx.y > ruleY && !folio
				}
				if ruleY < 0 || !follows {
					t.Errorf("%s: title alone at the foot of page %d", a.Title, doc.start[a.ID]+1)
				}
			}
		})
	}
}
