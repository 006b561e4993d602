package pdf

import (
	"math"
	"strings"
	"testing"

	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/issue"
	"github.com/qikan-dev/qikan/lang"
)

// TestCodeBlock: a code block is set line by line in the monospace face,
// flush left with each source line's indentation, on a tint, with half a
// line above and below; a line too long for the column wraps and every
// line it continues on ends with a grey → outside the text.
func TestCodeBlock(t *testing.T) {
	set, err := fonts.NewLibrary().Set("", "")
	if err != nil {
		t.Fatal(err)
	}
	g := newGeometry(issue.Print{Columns: 2}, false, 9.5, 16)
	c := &composer{set: &setter{set: set, lang: lang.For("zh-CN")}, geo: g}
	long := strings.Repeat("很长的一行代码 long line ", 8)
	bs := c.code(&issue.Code{Text: "func main() {\n\tfmt.Println(\"" + long + "\")\n}\n"}, g.colW)
	if len(bs) < 5 {
		t.Fatalf("%d lines, want the long line wrapped", len(bs))
	}
	mono := set.FaceFor(fonts.Mono, 'f')
	if mono == set.FaceFor(fonts.Body, 'f') {
		t.Fatal("the monospace face is the body face")
	}
	arrows := 0
	for i, b := range bs {
		if b.kind != kindCode {
			t.Errorf("line %d is a %s block", i, kindName(b.kind))
		}
		tinted := false
		for _, it := range b.items {
			tinted = tinted || it.kind == fillItem && it.color == light && it.w >= g.colW-eps
		}
		if !tinted {
			t.Errorf("line %d has no tint across the column", i)
		}
		for _, ti := range b.texts {
			if ti.text == "→" {
				arrows++
				if ti.artifact == 0 || ti.x < g.colW-20 {
					t.Errorf("line %d: → at x %.1f, artifact %v: want it at the right edge, not text", i, ti.x, ti.artifact)
				}
				continue
			}
			if strings.ContainsAny(ti.text, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") && ti.face != mono {
				t.Errorf("line %d: %q not in the monospace face", i, ti.text)
			}
		}
	}
	if want := len(bs) - 3; arrows != want {
		t.Errorf("%d continuation marks, want %d (one on each line a source line continues on)", arrows, want)
	}
	// The indentation of the second source line (a tab: four columns).
	first := func(b block) float64 {
		x := math.Inf(1)
		for _, ti := range b.texts {
			if ti.text != "→" {
				x = min(x, ti.x)
			}
		}
		return x
	}
	digit := c.set.textWidth(plain("0", codeStyle))
	if d := first(bs[1]) - first(bs[0]); math.Abs(d-4*digit) > 0.5 {
		t.Errorf("second line indented by %.2f, want four columns (%.2f)", d, 4*digit)
	}
	if bs[0].before != g.pitch/2 || bs[len(bs)-1].after != g.pitch/2 {
		t.Errorf("space above %.1f, below %.1f; want half a line each", bs[0].before, bs[len(bs)-1].after)
	}
}
