package pdf

import (
	"strconv"
	"strings"
)

// furniture adds running heads and folios to article pages: the
// publication and issue on a verso, the section on a recto, both at the
// outer edge over a hairline; the folio, the PDF's own page number, at
// the outer edge of the foot. They are drawn before the page's own text
// so that extraction reads them first. They are artifacts (pagination:
// header and footer), outside the structure.
func (c *composer) furniture() {
	g := c.geo
	verso := strings.TrimSpace(c.iss.Title + "　" + c.iss.Label)
	for i, p := range c.doc.pages {
		if p.kind != articlePage {
			continue
		}
		head := verso
		if recto(i) {
			head = p.head
		}
		left, w := g.textLeft(i), g.textWidth()
		hy := g.top - 14
		var texts []textItem
		if head != "" {
			ln := c.set.oneLine(plain(head, headStyle))
			x := left
			if recto(i) {
				x = left + w - ln.width
			}
			texts = append(texts, markArtifact(moveTexts(ln.texts, x, hy), headArt)...)
		}
		fy := g.trimH - g.bottom + 24
		num := c.set.oneLine(plain(strconv.Itoa(i+1), folioStyle))
		fx := left
		if recto(i) {
			fx = left + w - num.width
		}
		texts = append(texts, markArtifact(moveTexts(num.texts, fx, fy), folioArt)...)
		p.texts = append(texts, p.texts...)
		p.items = append(p.items, item{kind: ruleItem, color: headRule, lineWidth: 0.4,
			x: left, y: hy + 4, x2: left + w, y2: hy + 4})
	}
}

// markArtifact marks texts as artifacts of kind k.
func markArtifact(ts []textItem, k artifactKind) []textItem {
	for i := range ts {
		ts[i].artifact = k
	}
	return ts
}
