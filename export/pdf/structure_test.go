package pdf

import (
	"strings"
	"testing"

	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/issue"
)

// structText is the text of n in reading order (see readingKids).
func structText(doc *document, n *node) string {
	own, first := contentOf(doc), map[*node]*seqPos{}
	var b strings.Builder
	var walk func(n *node)
	walk = func(n *node) {
		for _, k := range readingKids(n, own, first) {
			if k.node != nil {
				walk(k.node)
			} else if k.at.text {
				b.WriteString(doc.pages[k.at.page].texts[k.at.index].text)
			}
		}
	}
	walk(n)
	return b.String()
}

// checkTagged fails when content has no element, an element is not in
// the tree, or an element holds kinds of kids the standard structure
// types forbid (PDF 32000-1 §14.8.4, as veraPDF's ISO-32000-1-Tagged
// profile checks them).
func checkTagged(t *testing.T, doc *document) {
	t.Helper()
	inTree := map[*node]*node{}
	doc.root.walk(func(n *node) {
		for _, k := range n.kids {
			if _, dup := inTree[k]; dup {
				t.Errorf("%s element in the tree twice", k.role)
			}
			inTree[k] = n
		}
	})
	own := contentOf(doc)
	for pi, p := range doc.pages {
		for _, tx := range p.texts {
			switch {
			case tx.tag == nil && tx.artifact == content:
				t.Errorf("page %d: text %q is neither tagged nor an artifact", pi+1, tx.text)
			case tx.tag != nil && tx.artifact != content:
				t.Errorf("page %d: text %q is tagged and an artifact", pi+1, tx.text)
			case tx.tag != nil && inTree[tx.tag] == nil:
				t.Errorf("page %d: text %q tagged %s outside the tree", pi+1, tx.text, tx.tag.role)
			}
		}
		for _, it := range p.items {
			switch it.kind {
			case imageItem:
				if it.artifact != content && it.tag == nil {
					break // decorative
				}
				if it.tag == nil || it.tag.role != "Figure" || it.tag.alt == "" {
					t.Errorf("page %d: image %s not in a Figure with a description", pi+1, it.img.Rel)
				}
			case linkItem:
				if it.tag == nil || it.tag.role != "Link" || it.tag.alt == "" || inTree[it.tag] == nil {
					t.Errorf("page %d: link %q%q not in a Link with a description", pi+1, it.url, it.dest)
				}
			default:
				if it.tag != nil {
					t.Errorf("page %d: a fill or rule is tagged %s", pi+1, it.tag.role)
				}
			}
		}
	}
	lastHeading := 0
	doc.root.walk(func(n *node) {
		if n.role[0] == 'H' && len(n.role) == 2 {
			level := int(n.role[1] - '0')
			if level > lastHeading+1 {
				t.Errorf("%s after H%d: a heading level skipped", n.role, lastHeading)
			}
			lastHeading = level
		}
		hasContent := len(own[n]) > 0
		for _, k := range n.kids {
			if !allowedKid(n.role, k.role) {
				t.Errorf("%s element holds a %s", n.role, k.role)
			}
		}
		if hasContent && !holdsContent(n.role) {
			t.Errorf("%s element holds content", n.role)
		}
		if (n.role == "TH") != (n.scope != "") {
			t.Errorf("%s element with scope %q", n.role, n.scope)
		}
	})
}

// The kinds of kids the tree may give an element: a transcription of the
// parent–child table of the standard structure types for the types qikan
// writes (PDF 32000-1 §14.8.4; veraPDF ISO-32000-1-Tagged profile).
var allowedKids = map[string]string{
	"Document":   "Div Sect Art Part",
	"Div":        "Div Sect Art P H1 H2 H3 H4 H5 H6 Figure L Table BlockQuote Code TOC",
	"Sect":       "Div Sect Art P H1 H2 H3 H4 H5 H6 Figure L Table BlockQuote Code TOC",
	"Art":        "Div Sect P H1 H2 H3 H4 H5 H6 Figure L Table BlockQuote Code",
	"BlockQuote": "P H1 H2 H3 H4 H5 H6 Figure L Table Code",
	"LBody":      "P H1 H2 H3 H4 H5 H6 Figure L Table BlockQuote Code Link Span Reference Note",
	"L":          "LI",
	"LI":         "Lbl LBody",
	"Table":      "TR",
	"TR":         "TH TD",
	"TOC":        "TOCI TOC",
	"TOCI":       "P Reference TOC",
	"Reference":  "Link",
	"Figure":     "Caption",
	"P":          "Link Span Reference Note",
	"H1":         "Link Span Reference Note",
	"H2":         "Link Span Reference Note",
	"H3":         "Link Span Reference Note",
	"H4":         "Link Span Reference Note",
	"H5":         "Link Span Reference Note",
	"H6":         "Link Span Reference Note",
	"TH":         "Link Span Reference Note",
	"TD":         "Link Span Reference Note",
}

func allowedKid(parent, kid string) bool {
	return strings.Contains(" "+allowedKids[parent]+" ", " "+kid+" ")
}

// holdsContent reports whether an element may hold content items: the
// grouping elements (Document, Div, Sect, Art, L, LI, Table, TR, TOC,
// TOCI) may not.
func holdsContent(role string) bool {
	switch role {
	case "Document", "Div", "Sect", "Art", "L", "LI", "Table", "TR", "TOC", "TOCI":
		return false
	}
	return true
}

// TestStructureSample: in the sample and the synthetic issue, every text
// is tagged or an artifact; the tree is well formed; and each article's
// text, read from its Art element, is the article's text in order,
// whatever the columns and pages did to the drawing order.
func TestStructureSample(t *testing.T) {
	iss, set := loadSample(t)
	syn, _, _ := syntheticIssue(t)
	for _, tt := range []struct {
		name string
		iss  *issue.Issue
		opt  Options
	}{
		{"sample", iss, sampleOptions},
		{"synthetic", syn, Options{OnePerPage: true, ColophonAfterContents: true, HanLatinSpace: true}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := compose(tt.iss, set, withDefaults(tt.opt, tt.iss))
			if err != nil {
				t.Fatal(err)
			}
			checkTagged(t, doc)
			var arts []*node
			doc.root.walk(func(n *node) {
				if n.role == "Art" {
					arts = append(arts, n)
				}
			})
			articles := tt.iss.Articles()
			if len(arts) != len(articles) {
				t.Fatalf("%d Art elements for %d articles", len(arts), len(articles))
			}
			for i, a := range articles {
				got := []rune(squeeze(structText(doc, arts[i])))
				title := []rune(squeeze(a.Title))
				if !strings.HasPrefix(string(got), string(title)) {
					t.Errorf("%s: Art starts %q, want the title %q", a.ID, string(got[:min(len(got), 20)]), a.Title)
				}
				body := []rune(allText(a))
				// Markers and captions come in between: the body is a
				// subsequence of the structure's text, all of it.
				if n, _ := inOrder(got, 0, body); n != len(body) {
					t.Errorf("%s %q: %d of %d body characters in structure order", a.ID, a.Title, n, len(body))
				}
			}
		})
	}
}

// TestStructureRoles: the elements of each kind of block.
func TestStructureRoles(t *testing.T) {
	syn, _, _ := syntheticIssue(t)
	set, err := fonts.NewLibrary().Set("", "")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := compose(syn, set, withDefaults(Options{}, syn))
	if err != nil {
		t.Fatal(err)
	}
	var roles []string
	doc.root.walk(func(n *node) { roles = append(roles, n.role) })
	got := strings.Join(roles, " ")
	for _, want := range []string{
		"Document Div H1 P", "P Sect H1 P TOC", // the cover (no image: no Figure), then the contents
		"Sect H1 P TOC TOCI P Span TOC TOCI Reference Link",
		"Sect H1 Span Art H1 P P P Link H2",
		"H2 P H3 BlockQuote P L LI Lbl LBody P LI Lbl LBody P",
		"Table TR TH TH TH TR TD TD TD Figure Caption",
		"Code",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("structure lacks %q:\n%s", want, got)
		}
	}
	if doc.root.lang != "zh-TW" {
		t.Errorf("document language %q", doc.root.lang)
	}
}

func TestFixHeadings(t *testing.T) {
	root := &node{role: "Document"}
	art := root.add("Art")
	for _, r := range []string{"H1", "H3", "H4", "H2", "H4", "H6"} {
		art.add(r)
	}
	fixHeadings(root)
	var got []string
	for _, k := range art.kids {
		got = append(got, k.role)
	}
	if s := strings.Join(got, " "); s != "H1 H2 H3 H2 H3 H4" {
		t.Errorf("headings %s", s)
	}
}
