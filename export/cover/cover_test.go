package cover

import (
	"math"
	"strings"
	"sync"
	"testing"

	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/issue"
)

var (
	setOnce sync.Once
	set     *fonts.Set
	setErr  error
)

func faces(t testing.TB) *fonts.Set {
	t.Helper()
	setOnce.Do(func() { set, setErr = fonts.NewLibrary().Set("", "") })
	if setErr != nil {
		t.Fatal(setErr)
	}
	return set
}

func sample(t testing.TB) *issue.Issue {
	t.Helper()
	iss, _, err := issue.Load("../../testdata/dangyuanzhiyou-2025-03")
	if err != nil {
		t.Fatal(err)
	}
	return iss
}

// lineText is the text of a line's items.
func lineText(t *Text) string {
	var b strings.Builder
	for _, it := range t.Line.Items {
		b.WriteString(it.Text)
	}
	return b.String()
}

// texts returns the cover's Text elements.
func textsOf(c *Cover) []*Text {
	var out []*Text
	for _, e := range c.Elements {
		if t, ok := e.(*Text); ok {
			out = append(out, t)
		}
	}
	return out
}

// checkInside fails when a line of text reaches outside the page's text
// area or a Text has no runs for its items.
func checkInside(t *testing.T, c *Cover) {
	t.Helper()
	pg := c.Page
	for _, tx := range textsOf(c) {
		for _, it := range tx.Line.Items {
			if it.Run < 0 || it.Run >= len(tx.Runs) || tx.Runs[it.Run].Face == nil {
				t.Fatalf("item %q has no run", it.Text)
			}
			x0, x1 := tx.X+it.X+it.LeftTrim, tx.X+it.X+it.LeftTrim+it.Width
			if x0 < -0.01 || x1 > pg.Width+0.01 {
				t.Errorf("%q spans x %.1f–%.1f, outside the page (width %.1f)", lineText(tx), x0, x1, pg.Width)
			}
		}
		if tx.Y < 0 || tx.Y > pg.Height {
			t.Errorf("%q on baseline %.1f, outside the page (height %.1f)", lineText(tx), tx.Y, pg.Height)
		}
	}
}

func TestPhotoCoversPage(t *testing.T) {
	iss := sample(t)
	for _, pg := range []Page{{595.28, 807.87, 8.5}, {1600, 2400, 0}, {2400, 1600, 0}, {300, 3000, 2}} {
		c := Layout(iss, faces(t), pg, Options{})
		p, ok := c.Elements[0].(*Photo)
		if !ok {
			t.Fatalf("%v: first element %T, want the photo", pg, c.Elements[0])
		}
		img := iss.Cover.Image
		if got, want := p.W/p.H, float64(img.Width)/float64(img.Height); math.Abs(got-want) > 1e-9 {
			t.Errorf("%v: photo drawn at aspect %.4f, the image has %.4f", pg, got, want)
		}
		clip := Rect{-pg.Bleed, -pg.Bleed, pg.Width + 2*pg.Bleed, pg.Height + 2*pg.Bleed}
		if p.Clip != clip {
			t.Errorf("%v: clip %v, want the bleed box %v", pg, p.Clip, clip)
		}
		if p.X > clip.X+1e-9 || p.Y > clip.Y+1e-9 || p.X+p.W < clip.X+clip.W-1e-9 || p.Y+p.H < clip.Y+clip.H-1e-9 {
			t.Errorf("%v: photo %v does not cover %v", pg, p.Rect, clip)
		}
		if dx, dy := (p.X+p.W/2)-(clip.X+clip.W/2), (p.Y+p.H/2)-(clip.Y+clip.H/2); math.Abs(dx) > 1e-9 || math.Abs(dy) > 1e-9 {
			t.Errorf("%v: photo not centred (%.3f, %.3f)", pg, dx, dy)
		}
		checkInside(t, c)
	}
}

func TestWhatTheCoverShows(t *testing.T) {
	iss := sample(t)
	c := Layout(iss, faces(t), Page{1600, 2400, 0}, Options{})
	var all strings.Builder
	for _, tx := range textsOf(c) {
		all.WriteString(lineText(tx))
	}
	got := all.String()
	want := []string{iss.Title, iss.Subtitle, iss.Label, iss.Number, "2025年3月28日", "ISSN" + iss.ISSN, iss.Cover.Caption}
	for _, h := range iss.Highlights {
		want = append(want, strings.ReplaceAll(h, " ", ""))
	}
	for _, w := range want {
		if !strings.Contains(got, strings.ReplaceAll(w, " ", "")) {
			t.Errorf("the cover does not show %q", w)
		}
	}
	if c.Texts[0] != iss.Title || len(c.Texts) != 7+len(iss.Highlights) {
		t.Errorf("texts %q", c.Texts)
	}
	// The masthead is the largest text, in the band, white on red.
	band := c.Elements[1].(*Fill)
	if band.Color != Accent {
		t.Fatalf("second element %v, want the band", band)
	}
	title := textsOf(c)[0]
	if lineText(title) != iss.Title || title.Runs[0].Color != White || title.Y > band.Y+band.H {
		t.Errorf("masthead %q at %.1f in %v", lineText(title), title.Y, title.Runs[0])
	}
	for _, tx := range textsOf(c)[1:] {
		if tx.Runs[0].Size >= title.Runs[0].Size {
			t.Errorf("%q at %.1f px, as large as the masthead", lineText(tx), tx.Runs[0].Size)
		}
	}
}

func TestNoPhoto(t *testing.T) {
	iss := sample(t)
	iss.Cover = issue.Cover{Caption: "说明"}
	c := Layout(iss, faces(t), Page{595.28, 807.87, 8.5}, Options{})
	f, ok := c.Elements[0].(*Fill)
	if !ok || f.Color != Paper || f.X != -8.5 || f.W != 595.28+17 {
		t.Errorf("first element %#v, want the colour field over the bleed box", c.Elements[0])
	}
	for _, e := range c.Elements {
		if f, ok := e.(*Fill); ok && f.Color == Shade {
			t.Error("a shade behind the caption without a photo")
		}
	}
	last := textsOf(c)[len(textsOf(c))-1]
	if lineText(last) != "说明" || last.Runs[0].Color != Grey {
		t.Errorf("caption %q in %v", lineText(last), last.Runs[0].Color)
	}
}

// TestLongTexts: a masthead, slogan, label, cover line or caption of any
// length stays on the page, on a bounded number of lines, cut with an
// ellipsis.
func TestLongTexts(t *testing.T) {
	long := strings.Repeat("区域协调发展新画卷，", 1000) // 10 000 characters
	latin := strings.Repeat("Supercalifragilisticexpialidocious ", 300)
	for _, tc := range []struct {
		name string
		edit func(*issue.Issue)
		max  int // lines of text at most
	}{
		{"title", func(i *issue.Issue) { i.Title = long }, 2},
		{"latin title", func(i *issue.Issue) { i.Title = latin; i.Language = "en" }, 2},
		{"unbreakable title", func(i *issue.Issue) { i.Title = strings.Repeat("x", 5000) }, 2},
		{"slogan", func(i *issue.Issue) { i.Subtitle = long }, 2},
		{"label", func(i *issue.Issue) { i.Label = long }, 2},
		{"highlight", func(i *issue.Issue) { i.Highlights = []string{long} }, 3},
		{"caption", func(i *issue.Issue) { i.Cover.Caption = long }, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			iss := sample(t)
			tc.edit(iss)
			c := Layout(iss, faces(t), Page{1600, 2400, 0}, Options{})
			checkInside(t, c)
			n := 0
			cut := false
			for _, tx := range textsOf(c) {
				s := lineText(tx)
				if strings.Contains(long, strings.TrimSuffix(s, ellipsis)) && len(s) > 6 ||
					strings.Contains(strings.ReplaceAll(latin, " ", ""), strings.TrimSuffix(s, ellipsis)) && len(s) > 6 ||
					strings.HasPrefix(s, "xxxxxx") {
					n++
					cut = cut || strings.HasSuffix(s, ellipsis)
				}
			}
			if n == 0 || n > tc.max {
				t.Errorf("%d lines of the long text, want 1 to %d", n, tc.max)
			}
			if !cut {
				t.Error("the long text is not cut with an ellipsis")
			}
		})
	}
}

// TestCoverLinesFit: cover lines that do not fit are left off (they are on
// the contents page); the panel never reaches into the masthead band.
func TestCoverLinesFit(t *testing.T) {
	iss := sample(t)
	for i := range 40 {
		iss.Highlights = append(iss.Highlights, strings.Repeat("看点", i%7+1))
	}
	c := Layout(iss, faces(t), Page{595.28, 807.87, 0}, Options{})
	band := c.Elements[1].(*Fill)
	var panel *Fill
	for _, e := range c.Elements {
		if f, ok := e.(*Fill); ok && f.Color == White {
			panel = f
		}
	}
	if panel == nil {
		t.Fatal("no panel")
	}
	if panel.Y < band.Y+band.H {
		t.Errorf("panel top %.1f inside the band (bottom %.1f)", panel.Y, band.Y+band.H)
	}
	shown := len(c.Texts) - 7
	if shown <= len(sample(t).Highlights) || shown >= len(iss.Highlights) {
		t.Errorf("%d of %d cover lines shown", shown, len(iss.Highlights))
	}
	for _, tx := range textsOf(c) {
		if tx.Runs[0].Color == Ink && (tx.Y < panel.Y || tx.Y > panel.Y+panel.H) {
			t.Errorf("cover line %q at %.1f outside its panel %v", lineText(tx), tx.Y, panel.Rect)
		}
	}
}

// TestTwoLineTitle: a long masthead takes two lines and the band grows to
// hold them above the slogan.
func TestTwoLineTitle(t *testing.T) {
	iss := sample(t)
	iss.Title = "新疆维吾尔自治区党员教育工作通讯与组织建设研究"
	c := Layout(iss, faces(t), Page{1600, 2400, 0}, Options{})
	var title []*Text
	var slogan *Text
	for _, tx := range textsOf(c) {
		switch {
		case strings.Contains(iss.Title, lineText(tx)):
			title = append(title, tx)
		case lineText(tx) == strings.ReplaceAll(iss.Subtitle, " ", ""):
			slogan = tx
		}
	}
	if len(title) != 2 || lineText(title[0])+lineText(title[1]) != iss.Title {
		t.Fatalf("title on %d lines", len(title))
	}
	if title[1].Y <= title[0].Y || slogan == nil || slogan.Y <= title[1].Y {
		t.Errorf("title baselines %.0f, %.0f, slogan %v", title[0].Y, title[1].Y, slogan)
	}
	band := c.Elements[1].(*Fill)
	if slogan != nil && slogan.Y > band.Y+band.H {
		t.Errorf("slogan below the band")
	}
	checkInside(t, c)
}

// TestPunctuation: line breaking follows the layout engine's rules, e.g. no
// line of a cover line starts with a closing mark.
func TestPunctuation(t *testing.T) {
	iss := sample(t)
	iss.Highlights = []string{strings.Repeat("推动交通运输行业稳步向好，助力区域协调均衡发展。", 3)}
	c := Layout(iss, faces(t), Page{595.28, 807.87, 0}, Options{})
	lines := 0
	for _, tx := range textsOf(c) {
		if tx.Runs[0].Color != Ink {
			continue
		}
		lines++
		if s := lineText(tx); strings.HasPrefix(s, "，") || strings.HasPrefix(s, "。") {
			t.Errorf("line starts with a closing mark: %q", s)
		}
	}
	if lines < 2 {
		t.Errorf("%d lines", lines)
	}
}

// BenchmarkLongHighlight lays out a cover with a cover line of 10 000
// characters: linear in its length (the old EPUB wrapper took 8.6 s for
// 2 000).
func BenchmarkLongHighlight(b *testing.B) {
	iss := sample(b)
	iss.Highlights = []string{strings.Repeat("区域协调发展新画卷，", 1000)}
	f := faces(b)
	for b.Loop() {
		Layout(iss, f, Page{1600, 2400, 0}, Options{})
	}
}

func BenchmarkSample(b *testing.B) {
	iss := sample(b)
	f := faces(b)
	for b.Loop() {
		Layout(iss, f, Page{1600, 2400, 0}, Options{})
	}
}

// TestTextParts: every line says which of the texts it shows, in order.
func TestTextParts(t *testing.T) {
	cv := Layout(sample(t), faces(t), Page{Width: 595, Height: 842, Bleed: 8}, Options{})
	last := 0
	for _, e := range cv.Elements {
		tx, ok := e.(*Text)
		if !ok {
			continue
		}
		if tx.Part < last || tx.Part >= len(cv.Texts) {
			t.Fatalf("line of part %d after part %d (%d texts)", tx.Part, last, len(cv.Texts))
		}
		last = tx.Part
		var b strings.Builder
		for _, it := range tx.Line.Items {
			b.WriteString(it.Text)
		}
		squeeze := strings.NewReplacer(" ", "", "\u3000", "").Replace
		if !strings.Contains(squeeze(cv.Texts[tx.Part]), squeeze(b.String())) && !strings.HasSuffix(b.String(), "…") {
			t.Errorf("line %q is not in text %d %q", b.String(), tx.Part, cv.Texts[tx.Part])
		}
	}
}
