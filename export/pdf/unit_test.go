package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"math"
	"strings"
	"sync"
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

func TestPDFString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"zh-CN", "(zh-CN)"},
		{`a(b)\c`, `(a\(b\)\\c)`},
		{"目录", "<FEFF76EE5F55>"},
		{"𠮷", "<FEFFD842DFB7>"},
		{"", "()"},
	}
	for _, tt := range tests {
		if got := pdfString(tt.in); got != tt.want {
			t.Errorf("pdfString(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
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

func TestApplyMarkedStyles(t *testing.T) {
	in := "0.5 w\nBT\n1.00 2.00 TD\n/F1 10 Tf 0 Tc\n2.55 0.00 0.00 0.01 k\n[<0001>] TJ\nET\nBT\n1 2 TD\n0.1 0.1 0.1 rg\n[<0002>] TJ\nET\n"
	styles := []markedStyle{{color: rgb{255, 0, 0}, width: 0.3}, {color: rgb{0, 0, 255}, width: 0.4}}
	got := string(applyMarkedStyles([]byte(in), styles))
	want := "0.5 w\nq\nBT\n1.00 2.00 TD\n/F1 10 Tf 0 Tc\n0.000 0.000 1.000 rg 0.000 0.000 1.000 RG 0.4 w 2 Tr\n[<0001>] TJ\nET\nQ\nBT\n1 2 TD\n0.1 0.1 0.1 rg\n[<0002>] TJ\nET\n"
	if got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
	// A marker index out of range is left alone, not a panic.
	if out := applyMarkedStyles([]byte(in), nil); string(out) != in {
		t.Fatalf("unknown marker rewritten: %s", out)
	}
	// Oblique: the text object starts at the same point with a sheared
	// matrix; without bold there is no stroke.
	oblique := []markedStyle{{color: rgb{255, 0, 0}, oblique: true}, {color: rgb{0, 0, 255}, width: 0.4, oblique: true}}
	got = string(applyMarkedStyles([]byte(in), oblique))
	want = "0.5 w\nq\nBT\n1 0 0.213 1 1.00 2.00 Tm\n/F1 10 Tf 0 Tc\n0.000 0.000 1.000 rg 0.000 0.000 1.000 RG 0.4 w 2 Tr\n[<0001>] TJ\nET\nQ\nBT\n1 2 TD\n0.1 0.1 0.1 rg\n[<0002>] TJ\nET\n"
	if got != want {
		t.Fatalf("bold oblique: got\n%s\nwant\n%s", got, want)
	}
	in0 := strings.Replace(in, "0.01 k", "0.00 k", 1)
	got = string(applyMarkedStyles([]byte(in0), oblique))
	want = "0.5 w\nq\nBT\n1 0 0.213 1 1.00 2.00 Tm\n/F1 10 Tf 0 Tc\n1.000 0.000 0.000 rg\n[<0001>] TJ\nET\nQ\nBT\n1 2 TD\n0.1 0.1 0.1 rg\n[<0002>] TJ\nET\n"
	if got != want {
		t.Fatalf("oblique: got\n%s\nwant\n%s", got, want)
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

func TestRewriteRoundTrip(t *testing.T) {
	objs := []object{
		{dict: []byte("<< /Type /Catalog /Pages 2 0 R >>")},
		{dict: []byte("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")},
		{dict: []byte("<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>")},
		{dict: []byte("<< /Length 5 >>"), stream: []byte("BT ET")},
	}
	var pool sync.Pool
	c, err := compressed(objs[3], &pool)
	if err != nil {
		t.Fatal(err)
	}
	objs[3] = c
	var w pdfWriter
	w.write(objs)
	w.trailer(1, 1)
	back, err := parseObjects(w.buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != 4 || string(back[2].dict) != string(objs[2].dict) {
		t.Fatalf("objects changed: %q", back)
	}
	r, err := zlib.NewReader(bytes.NewReader(back[3].stream))
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(r)
	if string(data) != "BT ET" || !bytes.Contains(back[3].dict, []byte("/Filter /FlateDecode")) {
		t.Fatalf("stream %q dict %q", data, back[3].dict)
	}
}

func TestParseObjectsRejects(t *testing.T) {
	for _, in := range []string{
		"", "%PDF-1.7\n", "startxref\nabc\n", "xref\n0 1\n0000000000 65535 f \ntrailer\n<<>>\nstartxref\n0\n%%EOF",
		"1 0 obj\n<< /Length 99 >>\nstream\nabc\nendstream\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000000 00000 n \ntrailer\n<<>>\nstartxref\n56\n%%EOF",
	} {
		if _, err := parseObjects([]byte(in)); err == nil {
			t.Errorf("parseObjects(%q) accepted", in)
		}
	}
}

func FuzzParseObjects(f *testing.F) {
	var w pdfWriter
	w.write([]object{{dict: []byte("<< /Type /Catalog >>")}, {dict: []byte("<< /Length 3 >>"), stream: []byte("abc")}})
	w.trailer(1, 1)
	f.Add(w.buf.Bytes())
	f.Fuzz(func(t *testing.T, b []byte) {
		objs, err := parseObjects(b)
		if err == nil {
			var w pdfWriter
			w.write(objs)
		}
	})
}

func FuzzApplyMarkedStyles(f *testing.F) {
	f.Add([]byte("BT\n2.55 0.00 0.00 0.00 k\nET\n"))
	f.Add([]byte("BT\n2.55 9.99 9.99 9.99 k\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		applyMarkedStyles(b, []markedStyle{{}})
	})
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
