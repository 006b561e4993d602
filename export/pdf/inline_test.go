package pdf

import (
	"math"
	"testing"

	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/issue"
	"github.com/qikan-dev/qikan/lang"
)

// TestInlineStyles: the model's inline styles reach the page as what they
// mean — lines under and through the text, grounds behind it, raised and
// lowered smaller text, ruby above its base, an image on the line — with
// the structure elements that say so.
func TestInlineStyles(t *testing.T) {
	set, err := fonts.NewLibrary().Set("", "")
	if err != nil {
		t.Fatal(err)
	}
	s := &setter{set: set, lang: lang.For("zh-TW")}
	c := &composer{set: s}
	st := bodyStyle
	icon := &issue.Image{Rel: "icon.png", Format: "png", Width: 64, Height: 32}
	p := &node{role: "P"}
	ins := []issue.Inline{
		{Text: "魯迅", Style: issue.Underline}, {Text: "刪", Style: issue.Strike}, {Text: "標", Style: issue.Mark},
		{Text: "Ctrl", Style: issue.Keyboard}, {Text: "H"}, {Text: "2", Style: issue.Subscript}, {Text: "m"},
		{Text: "2", Style: issue.Superscript}, {Text: "小", Style: issue.Small},
		{Text: "東", Ruby: "とう"}, {Text: "京", Ruby: "きょう"}, {Text: "看"}, {Text: "圖示", Image: icon},
	}
	lines := s.paragraph(c.spans(p, ins, st), 400, 0, alignLeft.layout())
	if len(lines) != 1 {
		t.Fatalf("%d lines", len(lines))
	}
	ln := lines[0]
	texts := map[string]textItem{}
	for _, ti := range ln.texts {
		texts[ti.text] = ti
	}
	size := st.size
	// Rules below the baseline and through the middle, tints behind
	// marked text and keys.
	var under, strike, mark, key bool
	var img *item
	for i, m := range ln.marks {
		switch {
		case m.kind == imageItem:
			img = &ln.marks[i]
		case m.kind == fillItem && m.color == markTint:
			mark = true
		case m.kind == fillItem && m.color == codeTint:
			key = true
		case m.kind == ruleItem && m.y > 0:
			under = true
		case m.kind == ruleItem && m.y < -size/4 && m.y > -size/2:
			strike = true
		}
	}
	if !under || !strike || !mark || !key {
		t.Errorf("underline %v, strike %v, mark %v, key %v in %+v", under, strike, mark, key, ln.marks)
	}
	if sub, sup := texts["2"], ln.texts; sub.size >= size {
		t.Errorf("subscript at size %v", sub.size)
	} else {
		var rises []float64
		for _, ti := range sup {
			if ti.text == "2" {
				rises = append(rises, ti.y)
			}
		}
		if len(rises) != 2 || !(rises[0] > 0 && rises[1] < 0) {
			t.Errorf("sub and sup at %v, want one below the baseline and one above", rises)
		}
	}
	if texts["小"].size >= size {
		t.Errorf("small text at %v", texts["小"].size)
	}
	// Ruby: above the base's em box, centred on it, half its size.
	base, ruby := texts["京"], texts["きょう"]
	if ruby.size != size/2 || ruby.y > -0.88*size+1e-9 || base.y != 0 {
		t.Errorf("ruby %+v over base %+v", ruby, base)
	}
	rubyW := naturalWidth(ruby.face, ruby.text, ruby.size)
	baseW := naturalWidth(base.face, base.text, base.size)
	if mid := ruby.x + rubyW/2; math.Abs(mid-(base.x+baseW/2)) > 0.01 {
		t.Errorf("ruby centred at %v, base at %v", mid, base.x+baseW/2)
	}
	if base.tag == nil || base.tag.role != "RB" || ruby.tag == nil || ruby.tag.role != "RT" {
		t.Errorf("ruby tagged %v / %v", base.tag, ruby.tag)
	}
	// The icon: as high as the text, twice as wide, a Figure with its
	// alternative text, and no U+FFFC drawn as text.
	if img == nil || math.Abs(img.h-size) > 1e-9 || math.Abs(img.w-2*size) > 1e-9 || img.tag == nil || img.tag.alt != "圖示" {
		t.Errorf("inline image %+v", img)
	}
	if _, ok := texts["\uFFFC"]; ok {
		t.Error("the object replacement character is drawn")
	}
}

// TestLinkedFigure: a linked image keeps its link in the PDF: a link area
// over the image, tagged with a Link element.
func TestLinkedFigure(t *testing.T) {
	set, err := fonts.NewLibrary().Set("", "")
	if err != nil {
		t.Fatal(err)
	}
	iss, _, err := issue.Load("../../testdata/webmix-2025")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := compose(iss, set, withDefaults(sampleOptions, iss))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range doc.pages {
		for _, l := range p.items {
			if l.kind != linkItem || l.url != "https://www.example.org/" {
				continue
			}
			for _, im := range p.items {
				if im.kind == imageItem && math.Abs(im.x-l.x) < 1e-6 && math.Abs(im.y-l.y) < 1e-6 && math.Abs(im.w-l.w) < 1e-6 && math.Abs(im.h-l.h) < 1e-6 {
					found = l.tag != nil && l.tag.role == "Link"
				}
			}
		}
	}
	if !found {
		t.Error("no Link area over the linked figure")
	}
}
