package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/qikan-dev/qikan/internal/pdfcheck"
	"github.com/qikan-dev/qikan/issue"
)

func TestClusters(t *testing.T) {
	ti := &textItem{size: 10}
	// glyphs builds glyphs from spec: '+' is a gap of a quarter em before
	// the next glyph, '.' one of a twentieth, '-' an overlap of half an
	// em, '_' a word space of the source.
	glyphs := func(spec string) []glyphAt {
		var gs []glyphAt
		x := 0.0
		for _, r := range spec {
			switch r {
			case '+':
				x += 2.5
			case '.':
				x += 0.5
			case '-':
				x -= 5
			case '_':
				gs = append(gs, glyphAt{t: ti, r: ' ', x: x, adv: 3, space: true})
				x += 3
			default:
				adv := 10.0
				if r < 0x80 {
					adv = 5
				}
				gs = append(gs, glyphAt{t: ti, r: r, x: x, adv: adv})
				x += adv
			}
		}
		return gs
	}
	for _, tt := range []struct {
		spec string
		want string // the glyphs of each cluster, "|" between clusters
	}{
		{"第+6+期", "第6期"},
		{"用+GitHub+的", "用GitHub的"},
		{"第+12+期第+3+期", "第12期|第3期"},
		{"年2025年", ""},          // tight: no cluster
		{"”-，必", "”，"},          // a compressed mark overlaps the comma
		{"Hello_World", ""},     // a word space is a space, never a cluster
		{"中文_English_中文", ""},   // source spaces
		{"甲.乙", ""},             // a twentieth of an em: justification stretch
		{"a+b+c", "abc"},        // Latin with gaps but no spaces in the source
		{"第+6+期_x+y", "第6期|xy"}, // two clusters apart
	} {
		gs := glyphs(tt.spec)
		cl := clusters(gs)
		var parts []string
		for i := 0; i < len(gs); i++ {
			if cl[i] < 0 {
				continue
			}
			j := i
			for j < len(gs) && cl[j] == cl[i] {
				j++
			}
			parts = append(parts, clusterText(gs[i:j]))
			i = j - 1
		}
		if got := strings.Join(parts, "|"); got != tt.want {
			t.Errorf("%q: clusters %q, want %q", tt.spec, got, tt.want)
		}
	}
}

// sourceText is every text of the issue, joined, as written.
func sourceText(iss *issue.Issue) string {
	var b strings.Builder
	for _, s := range []string{iss.Title, iss.Label, iss.Number, iss.Subtitle, iss.ISSN, iss.Publisher} {
		b.WriteString(s + "\n")
	}
	for _, h := range iss.Highlights {
		b.WriteString(h + "\n")
	}
	for _, r := range iss.Colophon {
		b.WriteString(r.Label + r.Value + "\n")
	}
	b.WriteString(iss.Cover.Caption + "　" + iss.Cover.Credit + "\n")
	for _, s := range iss.Sections {
		b.WriteString(s.Title + " " + s.TitleEN + "\n")
		for _, a := range s.Articles {
			b.WriteString(a.Title + "\n" + a.Subtitle + "\n" + strings.Join(a.Authors, "　") + "\n")
			b.WriteString(a.Affiliation + "\n" + a.Source + "\n" + a.Editor + "\n")
			issue.EachText(a.Blocks, func(ins []issue.Inline) {
				for _, in := range ins {
					b.WriteString(in.Text)
				}
				b.WriteString("\n")
			}, func(s string) { b.WriteString(s + "\n") })
		}
	}
	return b.String()
}

// TestSampleTextLayer: what pdftotext extracts is the text as written. No
// extracted line starts with a closing mark (a compressed mark is not a
// new line); every space between a Han character and a Latin letter or
// digit, or between two Han characters, is a space of the source (the
// quarter em between Han and Latin is not: no space lands between
// characters the source sets tight); the running head of a verso
// never turns up in the body text; and the sample validates in pdfcpu's
// strict mode.
func TestSampleTextLayer(t *testing.T) {
	path, pdf, _ := writeSample(t, sampleOptions)
	if err := pdfcheck.Validate(pdf); err != nil {
		t.Errorf("pdfcpu strict: %v", err)
	}
	iss, _ := loadSample(t)
	src := sourceText(iss)
	// The source's spaces, as pdftotext writes them (one ASCII space).
	srcSpaced := regexp.MustCompile(`[\s\x{3000}]+`).ReplaceAllString(src, " ")
	han := `\p{Han}`
	spaceRe := regexp.MustCompile(`(` + han + `|[0-9A-Za-z]) (` + han + `|[0-9A-Za-z])`)
	hanRe := regexp.MustCompile(han)
	doc := composeSample(t)
	verso := squeeze(iss.Title + iss.Label)
	for _, mode := range [][]string{{}, {"-raw"}} {
		args := append(append([]string{}, mode...), "-enc", "UTF-8", path, "-")
		out := string(run(t, "pdftotext", args...))
		for _, l := range strings.Split(out, "\n") {
			if l = strings.TrimSpace(l); l != "" && strings.ContainsRune(closing, []rune(l)[0]) {
				t.Errorf("pdftotext %v: line starts with a closing mark: %q", mode, l)
			}
		}
		for _, m := range spaceRe.FindAllStringSubmatchIndex(out, -1) {
			a, b := out[m[2]:m[3]], out[m[4]:m[5]]
			// A space between characters the source sets tight (and
			// never with a space between): pdftotext cut a word. Unless
			// the characters around them never meet in the source: then
			// pdftotext joined two texts on one baseline (a line and a
			// caption beside it in the next column).
			if hanRe.MatchString(a) || hanRe.MatchString(b) {
				if strings.Contains(src, a+b) && !strings.Contains(srcSpaced, a+" "+b) && strings.Contains(src, around(out, m[2], m[5])) {
					t.Errorf("pdftotext %v: %q has a space the source has not", mode, out[m[0]:m[1]])
				}
			}
		}
		pages := strings.Split(out, "\f")
		for i, p := range doc.pages {
			if p.kind == articlePage && i < len(pages) && strings.Contains(squeeze(pages[i]), verso) {
				t.Errorf("pdftotext %v: page %d holds the running head %q", mode, i+1, verso)
			}
		}
		if n := strings.Count(out, "第3期"); n == 0 {
			t.Errorf("pdftotext %v: 第3期 never extracted whole", mode)
		}
	}
}

// structTextTree parses `pdfinfo -struct-text`: for each element at the
// given role, the text under it, in order.
func structTextTree(out, role string) []string {
	var texts []string
	depth := -1
	var cur strings.Builder
	for _, l := range strings.Split(out, "\n") {
		indent := len(l) - len(strings.TrimLeft(l, " "))
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if depth >= 0 && indent <= depth {
			texts = append(texts, cur.String())
			cur.Reset()
			depth = -1
		}
		if depth < 0 && strings.Fields(l)[0] == role {
			depth = indent
			continue
		}
		if depth >= 0 && strings.HasPrefix(l, `"`) {
			cur.WriteString(strings.TrimSuffix(strings.TrimPrefix(l, `"`), `"`))
		}
	}
	if depth >= 0 {
		texts = append(texts, cur.String())
	}
	return texts
}

// TestStructText: pdfinfo reads the file as tagged, and the text of each
// Art element `pdfinfo -struct-text` shows is the text of the article's
// element in the composed model: title first, then its body in reading
// order, across columns and pages. (Over the synthetic issue: poppler
// reads the structure of the whole sample in a minute.)
func TestStructText(t *testing.T) {
	iss, _, _ := syntheticIssue(t)
	_, set := loadSample(t)
	opt := withDefaults(Options{Time: sampleOptions.Time, HanLatinSpace: true}, iss)
	var buf bytes.Buffer
	if _, err := Write(&buf, iss, set, opt); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "synthetic.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if info := string(run(t, "pdfinfo", path)); !strings.Contains(info, "Tagged:          yes") {
		t.Fatalf("pdfinfo: not tagged\n%s", info)
	}
	arts := structTextTree(string(run(t, "pdfinfo", "-struct-text", path)), "Art")
	doc, err := compose(iss, set, opt)
	if err != nil {
		t.Fatal(err)
	}
	var want []*node
	doc.root.walk(func(n *node) {
		if n.role == "Art" {
			want = append(want, n)
		}
	})
	if len(arts) != len(want) {
		t.Fatalf("pdfinfo shows %d Art elements, the model has %d", len(arts), len(want))
	}
	for i, n := range want {
		// Characters no face has are not drawn (yet).
		w := strings.Map(func(r rune) rune {
			if set.Covered(r) {
				return r
			}
			return -1
		}, squeeze(structText(doc, n)))
		if got := squeeze(arts[i]); got != w {
			k := 0
			for k < len(got) && k < len(w) && got[k] == w[k] {
				k++
			}
			t.Errorf("Art %d: pdfinfo's text differs from the model's at byte %d:\n%q\n%q", i+1, k, got[k:min(len(got), k+60)], w[k:min(len(w), k+60)])
		}
	}
}

// around is out[i:j] without its space, with up to two characters of the
// same line before and after it.
func around(out string, i, j int) string {
	before, after := []rune(out[:i]), []rune(out[j:])
	var l, r []rune
	for k := len(before) - 1; k >= 0 && len(l) < 2 && !unicode.IsSpace(before[k]); k-- {
		l = append([]rune{before[k]}, l...)
	}
	for k := 0; k < len(after) && len(r) < 2 && !unicode.IsSpace(after[k]); k++ {
		r = append(r, after[k])
	}
	return string(l) + strings.Replace(out[i:j], " ", "", 1) + string(r)
}
