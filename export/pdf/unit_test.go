package pdf

import (
	"math"
	"strings"
	"testing"

	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/issue"
	"github.com/qikan-dev/qikan/lang"
	"github.com/qikan-dev/qikan/layout"
)

func TestGeometry(t *testing.T) {
	tests := []struct {
		print   issue.Print
		marks   bool
		columns int
		mediaW  float64
	}{
		{issue.Print{}, false, 2, 210 * ptPerMM}, // bleed 0 is a valid choice
		{issue.Print{TrimWidth: 210, TrimHeight: 285, Bleed: 3, Columns: 3}, false, 3, 216 * ptPerMM},
		{issue.Print{TrimWidth: 148, TrimHeight: 210, Bleed: 0, Columns: 4}, true, 2, (148 + 20) * ptPerMM},
		{issue.Print{TrimWidth: -5, Bleed: 99}, false, 2, 216 * ptPerMM},
	}
	for _, tt := range tests {
		g := newGeometry(tt.print, tt.marks, 9.5, 16)
		if g.columns != tt.columns || abs(g.mediaW()-tt.mediaW) > 1e-6 {
			t.Errorf("%+v: %d columns, media width %.2f; want %d, %.2f", tt.print, g.columns, g.mediaW(), tt.columns, tt.mediaW)
		}
		// Columns fill the text block, a whole number of characters wide.
		if w := float64(g.columns)*g.colW + float64(g.columns-1)*g.colGap; abs(w-g.textWidth()) > 1e-6 {
			t.Errorf("%+v: columns take %.2f of %.2f", tt.print, w, g.textWidth())
		}
		if n := g.colW / 9.5; abs(n-float64(int(n+0.5))) > 1e-9 {
			t.Errorf("%+v: column of %.3f characters", tt.print, n)
		}
		// The inner margin is on the left of a recto.
		if g.textLeft(0) != g.inner || g.textLeft(1) != g.outer {
			t.Errorf("%+v: recto/verso margins swapped", tt.print)
		}
	}
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

func TestSubsetTagAndName(t *testing.T) {
	a := subsetTag("NotoSerif", []rune("中文"))
	if len(a) != 6 || strings.Trim(a, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		t.Fatalf("tag %q is not six capital letters", a)
	}
	if subsetTag("NotoSerif", []rune("中文")) != a || subsetTag("NotoSerif", []rune("中")) == a || subsetTag("NotoSans", []rune("中文")) == a {
		t.Fatal("tag is not a function of name and characters")
	}
}

// TestEmphasisByLanguage: emphasis in a Chinese article changes to the
// heading face; in an English one it stays in the body face, slanted.
func TestEmphasisByLanguage(t *testing.T) {
	ins := []issue.Inline{{Text: "plain "}, {Text: "stressed", Style: issue.Emphasis}}
	c := &composer{}
	for _, tt := range []struct {
		lang    string
		role    fonts.Role
		oblique bool
	}{{"zh-CN", fonts.Heading, false}, {"ja", fonts.Heading, false}, {"ko", fonts.Heading, false}, {"", fonts.Heading, false}, {"en", fonts.Body, true}, {"fr-CA", fonts.Body, true}} {
		st := bodyStyle
		st.lang = lang.For(tt.lang)
		sp := c.spans(&node{role: "P"}, ins, st)
		if sp[1].st.role != tt.role || sp[1].st.oblique != tt.oblique || sp[0].st.oblique {
			t.Errorf("%q: emphasis role %v oblique %v", tt.lang, sp[1].st.role, sp[1].st.oblique)
		}
	}
}

// TestArticleLanguagePunctuation: text whose style carries a language of
// its own is set with that language's punctuation style, whatever the
// issue's: a final 。 keeps its full em in GB style and is halved in
// Japanese (jlreq).
func TestArticleLanguagePunctuation(t *testing.T) {
	set, err := fonts.NewLibrary().Set("", "")
	if err != nil {
		t.Fatal(err)
	}
	s := &setter{set: set, lang: lang.For("zh-CN")}
	for _, tt := range []struct {
		lang  string
		width float64
	}{{"", 40}, {"zh-CN", 40}, {"ja", 35}} {
		st := bodyStyle
		st.size = 10
		if tt.lang != "" {
			st.lang = lang.For(tt.lang)
		}
		lines := s.paragraph([]span{{text: "一二三。", st: st}}, 200, 0, layout.AlignLeft)
		if len(lines) != 1 || math.Abs(lines[0].width-tt.width) > 0.01 {
			t.Errorf("lang %q: width %v, want %v", tt.lang, lines[0].width, tt.width)
		}
	}
}
