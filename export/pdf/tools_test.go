package pdf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/qikan-dev/qikan/internal/testtool"
	"github.com/qikan-dev/qikan/issue"
)

// run runs an external program and returns its standard output.
func run(t *testing.T, name string, args ...string) []byte {
	t.Helper()
	path := testtool.Need(t, name)
	var stderr bytes.Buffer
	cmd := exec.Command(path, args...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	if stderr.Len() > 0 {
		t.Errorf("%s %s wrote to stderr:\n%s", name, strings.Join(args, " "), stderr.String())
	}
	return out
}

func TestSampleQPDFCheck(t *testing.T) {
	path, _, _ := writeSample(t, sampleOptions)
	out := run(t, "qpdf", "--check", path)
	if !bytes.Contains(out, []byte("No syntax or stream encoding errors")) || bytes.Contains(out, []byte("WARNING")) {
		t.Errorf("qpdf --check:\n%s", out)
	}
}

func TestSampleFontsEmbeddedSubset(t *testing.T) {
	path, _, _ := writeSample(t, sampleOptions)
	out := string(run(t, "pdffonts", path))
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no fonts:\n%s", out)
	}
	tag := regexp.MustCompile(`^[A-Z]{6}\+`)
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type… encoding emb sub uni object ID
		if len(f) < 7 || f[len(f)-5] != "yes" || f[len(f)-4] != "yes" || f[len(f)-3] != "yes" || !tag.MatchString(f[0]) {
			t.Errorf("font not embedded, subset and mapped to Unicode: %s", l)
		}
	}
}

// qpdfJSON is the part of `qpdf --json` the tests read.
type qpdfJSON struct {
	Pages []struct {
		Object string `json:"object"`
	} `json:"pages"`
	Outlines []qpdfOutline     `json:"outlines"`
	QPDF     []json.RawMessage `json:"qpdf"`
}

type qpdfOutline struct {
	Title string        `json:"title"`
	Page  int           `json:"destpageposfrom1"`
	Kids  []qpdfOutline `json:"kids"`
}

func TestSamplePageBoxesAndOutline(t *testing.T) {
	for _, marks := range []bool{false, true} {
		t.Run(fmt.Sprintf("marks=%v", marks), func(t *testing.T) {
			opt := sampleOptions
			opt.Marks = marks
			path, _, st := writeSample(t, opt)
			var js qpdfJSON
			if err := json.Unmarshal(run(t, "qpdf", "--json", path), &js); err != nil {
				t.Fatal(err)
			}
			if len(js.Pages) != st.Pages || st.Pages%2 != 0 {
				t.Fatalf("%d pages in the file, Stats says %d (must be even)", len(js.Pages), st.Pages)
			}
			var objects map[string]struct {
				Value json.RawMessage `json:"value"`
			}
			if len(js.QPDF) < 2 || json.Unmarshal(js.QPDF[1], &objects) != nil {
				t.Fatal("qpdf --json: no objects")
			}
			iss, _ := loadSample(t)
			g := newGeometry(iss.Print, marks, bodyStyle.size, bodyStyle.leading)
			mm := func(v float64) float64 { return v * ptPerMM }
			trimW, trimH, bleed := mm(210), mm(285), mm(3)
			m := 0.0
			if marks {
				m = mm(marksMarginMM)
			}
			if math.Abs(g.trimW-trimW) > 1e-9 {
				t.Fatalf("trim width %v, want %v", g.trimW, trimW)
			}
			want := map[string][4]float64{
				"/MediaBox": {0, 0, trimW + 2*(bleed+m), trimH + 2*(bleed+m)},
				"/BleedBox": {m, m, m + trimW + 2*bleed, m + trimH + 2*bleed},
				"/TrimBox":  {m + bleed, m + bleed, m + bleed + trimW, m + bleed + trimH},
			}
			for i, p := range js.Pages {
				var dict map[string]any
				if err := json.Unmarshal(objects["obj:"+p.Object].Value, &dict); err != nil {
					t.Fatalf("page %d: %v", i+1, err)
				}
				for key, w := range want {
					arr, _ := dict[key].([]any)
					if len(arr) != 4 {
						t.Fatalf("page %d: no %s", i+1, key)
					}
					for k := range 4 {
						if v, _ := arr[k].(float64); math.Abs(v-w[k]) > 0.002 {
							t.Fatalf("page %d: %s = %v, want %v", i+1, key, arr, w)
						}
					}
				}
			}
			if marks {
				return
			}
			// Outline: cover, contents, one entry per section with one
			// child per article, on the page where the article starts
			// (as the contents say, checked in TestSampleText).
			doc := composeSample(t)
			if len(js.Outlines) != 2+len(iss.Sections)+1 {
				t.Fatalf("%d top-level outline entries, want cover, contents, %d sections, colophon", len(js.Outlines), len(iss.Sections))
			}
			for k, s := range iss.Sections {
				o := js.Outlines[2+k]
				if o.Title != s.Title || len(o.Kids) != len(s.Articles) {
					t.Fatalf("outline entry %q with %d children, want %q with %d", o.Title, len(o.Kids), s.Title, len(s.Articles))
				}
				for j, a := range s.Articles {
					if o.Kids[j].Title != a.Title || o.Kids[j].Page != doc.start[a.ID]+1 {
						t.Errorf("outline %q → page %d, want %q → page %d", o.Kids[j].Title, o.Kids[j].Page, a.Title, doc.start[a.ID]+1)
					}
				}
			}
		})
	}
}

// composeSample composes the sample without drawing it.
func composeSample(t testing.TB) *document {
	iss, set := loadSample(t)
	doc, err := compose(iss, set, withDefaults(sampleOptions, iss))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// squeeze removes white space.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// allText is an article's body text as the reader sees it, floats at
// their anchors.
func allText(a *issue.Article) string {
	var b strings.Builder
	issue.EachText(a.Blocks, func(ins []issue.Inline) {
		for _, in := range ins {
			b.WriteString(in.Text)
		}
	}, func(s string) { b.WriteString(s) })
	return squeeze(b.String())
}

// articleText is an article's body text as the reader sees it, without
// its floats (figures and tables, placed apart from the text), and the
// texts of its floats.
func articleText(a *issue.Article) (flow string, floats []string) {
	var b strings.Builder
	var inFlow []issue.Block
	for _, bl := range a.Blocks {
		switch bl := bl.(type) {
		case *issue.Figure:
			floats = append(floats, squeeze(bl.Caption+bl.Credit))
		case *issue.Table:
			var t strings.Builder
			issue.EachText([]issue.Block{bl}, func(ins []issue.Inline) {
				for _, in := range ins {
					t.WriteString(in.Text)
				}
			}, nil)
			floats = append(floats, squeeze(t.String()))
		default:
			inFlow = append(inFlow, bl)
		}
	}
	issue.EachText(inFlow, func(ins []issue.Inline) {
		for _, in := range ins {
			b.WriteString(in.Text)
		}
	}, func(s string) { b.WriteString(s) })
	return squeeze(b.String()), floats
}

// inOrder counts how many runes of want appear in have in order, starting
// at have[from:], and returns the position after the last match.
func inOrder(have []rune, from int, want []rune) (matched, end int) {
	end = from
	for _, r := range want {
		for k := end; k < len(have) && k < end+400; k++ {
			if have[k] == r {
				matched++
				end = k + 1
				break
			}
		}
	}
	return matched, end
}

func TestSampleText(t *testing.T) {
	path, _, _ := writeSample(t, sampleOptions)
	raw := string(run(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-"))
	pages := strings.Split(raw, "\f")
	iss, _ := loadSample(t)

	// Where each title is found first, past the contents.
	doc := composeSample(t)
	firstArticle := len(pages)
	for _, a := range iss.Articles() {
		firstArticle = min(firstArticle, doc.start[a.ID])
	}
	// Titles are searched in order: an article may name a later one.
	titlePage := map[string]int{}
	from := firstArticle
	for _, a := range iss.Articles() {
		for p := from; p < len(pages); p++ {
			if strings.Contains(squeeze(pages[p]), squeeze(a.Title)) {
				titlePage[a.ID] = p + 1
				from = p
				break
			}
		}
		if titlePage[a.ID] == 0 {
			t.Errorf("title %q not found on any article page", a.Title)
		}
	}

	// The contents give each title's page: the number after the title.
	contents := squeeze(strings.Join(pages[doc.start["contents"]:firstArticle], ""))
	for _, a := range iss.Articles() {
		k := strings.Index(contents, squeeze(a.Title))
		if k < 0 {
			t.Errorf("contents: no entry %q", a.Title)
			continue
		}
		rest := contents[k+len(squeeze(a.Title)):]
		if au := squeeze(strings.Join(a.Authors, "")); strings.HasPrefix(rest, au) {
			rest = rest[len(au):]
		}
		m := regexp.MustCompile(`^\d+`).FindString(rest)
		if n, _ := strconv.Atoi(m); n != titlePage[a.ID] {
			t.Errorf("contents: %q on page %q, pdftotext finds it on page %d", a.Title, m, titlePage[a.ID])
		}
	}

	// Every article's body comes back in order.
	all := []rune(squeeze(strings.Join(pages[firstArticle:], "")))
	pos := 0
	for _, a := range iss.Articles() {
		title := []rune(squeeze(a.Title))
		if n, end := inOrder(all, pos, title); n == len(title) {
			pos = end
		} else {
			t.Errorf("%s: title %q not found in order", a.ID, a.Title)
			continue
		}
		flow, floats := articleText(a)
		body := []rune(flow)
		n, end := inOrder(all, pos, body)
		if len(body) > 0 && float64(n)/float64(len(body)) < 0.999 {
			t.Errorf("%s %q: %d of %d body characters come back in order (%.3f%%)", a.ID, a.Title, n, len(body), 100*float64(n)/float64(len(body)))
		}
		// A float's text comes back whole, after the article's title.
		for _, f := range floats {
			if f != "" && !strings.Contains(string(all[pos-len(title):]), f) {
				t.Errorf("%s: float text %q missing", a.ID, f)
			}
		}
		pos = end
	}
}

// Line-start prohibited characters (clreq §3.1.7, GB/T 15834).
const noLineStart = "，。、；：？！）》」』】〕〉”’…—·%,.;:?!)]}"
const closing = "，。、；：？！）》」』】〕〉”’"

func TestSampleTypography(t *testing.T) {
	path, _, _ := writeSample(t, sampleOptions)
	out := string(run(t, "pdftotext", "-bbox-layout", "-enc", "UTF-8", path, "-"))
	doc := composeSample(t)
	g := doc.geo
	pageRe := regexp.MustCompile(`(?s)<page .*?</page>`)
	lineRe := regexp.MustCompile(`(?s)<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>`)
	wordRe := regexp.MustCompile(`>([^<]*)</word>`)
	type line struct {
		x0, y0, x1, y1 float64
		text           string
		last           rune // the rightmost piece's last character
	}
	checked := 0
	for pi, pg := range pageRe.FindAllString(out, -1) {
		if pi >= len(doc.pages) || doc.pages[pi].kind != articlePage {
			continue
		}
		var lines []line
		for _, m := range lineRe.FindAllStringSubmatch(pg, -1) {
			var l line
			l.x0, _ = strconv.ParseFloat(m[1], 64)
			l.y0, _ = strconv.ParseFloat(m[2], 64)
			l.x1, _ = strconv.ParseFloat(m[3], 64)
			l.y1, _ = strconv.ParseFloat(m[4], 64)
			for _, w := range wordRe.FindAllStringSubmatch(m[5], -1) {
				l.text += w[1]
			}
			if rs := []rune(l.text); len(rs) > 0 {
				l.last = rs[len(rs)-1]
			}
			// pdftotext cuts a line where compressed punctuation makes
			// glyph boxes overlap: join pieces on one baseline.
			if k := len(lines) - 1; k >= 0 && math.Abs(lines[k].y1-l.y1) < 0.5 && l.x0 > lines[k].x0 && l.x0 < lines[k].x1+bodyStyle.size {
				if l.x1 > lines[k].x1 {
					lines[k].x1, lines[k].last = l.x1, l.last
				}
				lines[k].text += l.text
				continue
			}
			lines = append(lines, l)
		}
		for _, l := range lines {
			rs := []rune(l.text)
			if len(rs) == 0 {
				continue
			}
			if strings.ContainsRune(noLineStart, rs[0]) {
				t.Errorf("page %d: line starts with %q: %s", pi+1, rs[0], l.text)
			}
			// pdftotext reads two columns' lines on one baseline as one
			// line where nothing stands above them in the second column
			// (below a float): such a line is not checked.
			if l.x1-l.x0 > g.colW+g.colGap/2 {
				continue
			}
			// Body lines that reach the last character's width of a
			// column edge must end on it: they are justified.
			for c := range g.columns {
				edge := g.origin() + g.columnX(pi, c) + g.colW
				if l.x0 < edge-g.colW-0.5 || l.x0 > edge {
					continue
				}
				// Only body text (its line box is 1.437 em high in the
				// embedded face) that reaches the edge within a quarter em.
				if h := l.y1 - l.y0; l.x1 < edge-0.25*bodyStyle.size || h < 1.3*bodyStyle.size || h > 1.6*bodyStyle.size {
					continue
				}
				over := 0.5
				if strings.ContainsRune(closing, l.last) {
					over += bodyStyle.size / 2 // the blank half of compressed punctuation
				}
				if l.x1 < edge-0.5 || l.x1 > edge+over {
					t.Errorf("page %d: justified line ends at %.2f, column edge %.2f: %s", pi+1, l.x1, edge, l.text)
				}
				checked++
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d justified lines checked", checked)
	}
}

func TestSampleDeterministic(t *testing.T) {
	_, a, _ := writeSample(t, sampleOptions)
	_, b, _ := writeSample(t, sampleOptions)
	if !bytes.Equal(a, b) {
		t.Fatal("two runs give different bytes")
	}
	opt := sampleOptions
	opt.Time = opt.Time.AddDate(0, 0, 1)
	_, c, _ := writeSample(t, opt)
	if bytes.Equal(a, c) {
		t.Fatal("another date gives the same bytes")
	}
}
