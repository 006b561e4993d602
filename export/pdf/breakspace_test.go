package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/issue"
	"github.com/qikan-dev/qikan/lang"
	"github.com/qikan-dev/qikan/layout"
)

// lineText is a set line's text as the text layer has it: each text
// with the white space of the source before it and the one its line
// break took after it.
func lineText(l setLine) string {
	var b strings.Builder
	for _, t := range l.texts {
		if t.space != 0 {
			b.WriteRune(t.space)
		}
		b.WriteString(t.text)
		if t.trail != 0 {
			b.WriteRune(t.trail)
		}
	}
	return b.String()
}

// TestBreakSpace: where a line breaks at white space of the source, the
// text that ends the line carries it (textItem.trail), so the text layer
// reads 새롭게 보인다, open source, never 새롭게보인다, opensource; a break
// between Han characters or inside a Latin word cut where no break fitted
// (an emergency break) carries none, for the source has none there. The
// lines' texts, joined, are the source byte for byte.
func TestBreakSpace(t *testing.T) {
	set, err := fonts.NewLibrary().Set("", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, tag string
		parts     []string // the paragraph's spans, plain and bold by turns
		em        float64  // the measure in em
		want      string   // the lines' texts, "|" between lines
		kinds     []layout.BreakKind
	}{
		{"Korean", "ko", []string{"오래된 책을 천천히 읽어 보면, 낡은 문장도 새롭게 보인다."}, 10,
			"오래된 책을 천천히 |읽어 보면, 낡은 문장도 |새롭게 보인다.", nil},
		{"Korean, bold word starts a line", "ko", []string{"낡은 문장도 ", "새롭게", " 보인다. 그러나 우리는 늘 바쁘다."}, 8,
			"낡은 문장도 |새롭게 보인다. |그러나 우리는 늘 |바쁘다.", nil},
		{"Korean, bold word ends a line", "ko", []string{"낡은 문장도 ", "새롭게", " 보인다. 그러나 우리는 늘 바쁘다."}, 9,
			"낡은 문장도 새롭게 |보인다. 그러나 |우리는 늘 바쁘다.", nil},
		{"English in Chinese", "zh-CN", []string{"这个项目是 open source 软件，欢迎参与贡献。"}, 8,
			"这个项目是 open |source 软件，欢迎|参与贡献。", nil},
		{"Chinese", "zh-CN", []string{"第一行的文字第二行的文字第三行的文字"}, 6,
			"第一行的文字|第二行的文字|第三行的文字", nil},
		{"Latin word cut", "zh-CN", []string{"网址是abcdefghijklmnopqrstuvwxyz呀"}, 8,
			"网址是abcdefgh|ijklmnopqrstuv|wxyz呀",
			[]layout.BreakKind{layout.BreakEmergency, layout.BreakEmergency, layout.BreakFinal}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l := lang.For(tt.tag)
			st := bodyStyle
			st.lang = l
			var spans []span
			for i, p := range tt.parts {
				sp := span{text: p, st: st}
				sp.st.bold = i%2 == 1
				spans = append(spans, sp)
			}
			s := &setter{set: set.ForLang(tt.tag), lang: l, hanLatin: true}
			var laid []layout.Line
			lines := s.setLines(spans, tt.em*st.size, 0, layout.Justify, func(r []layout.Run, o layout.Options) []layout.Line {
				laid = layout.Paragraph(r, o)
				return laid
			})
			var got []string
			for _, ln := range lines {
				got = append(got, lineText(ln))
			}
			if g := strings.Join(got, "|"); g != tt.want {
				t.Errorf("lines %q, want %q", g, tt.want)
			}
			if g, src := strings.Join(got, ""), strings.Join(tt.parts, ""); g != src {
				t.Errorf("text layer %q, source %q", g, src)
			}
			for i, k := range tt.kinds {
				if i < len(laid) && laid[i].Break != k {
					t.Errorf("line %d ends with break kind %d, want %d", i+1, laid[i].Break, k)
				}
			}
		})
	}
}

// TestBreakSpaceStructText: poppler's reading of the structure tree
// (pdfinfo -struct-text, as screen readers and PDF/UA checkers read it)
// gives each paragraph as written, spaces where its lines break
// included, and none added where the source has none: Korean, English in
// Chinese, and Chinese with a Latin word cut, each broken over many
// lines.
func TestBreakSpaceStructText(t *testing.T) {
	paras := []struct {
		tag, text string
		spaces    bool // some line breaks at a space of the source
	}{
		{"ko", strings.Repeat("오래된 책을 천천히 읽어 보면, 낡은 문장도 새롭게 보인다. 그러나 우리는 늘 바쁘다: 아침에는 출근하고, 저녁에는 피곤하다. ", 4) +
			"좋은 문장을 만나면 공책에 옮겨 적는다.", true},
		{"zh-CN", strings.Repeat("这个项目是 open source 软件，用 command line 工具就能把 Markdown 文章排成 print-ready 的版面，欢迎提交 pull request 参与贡献。", 4), true},
		{"zh-CN", strings.Repeat("期刊排版需要标点挤压与禁则处理，每一行的首尾都要检查。", 6) +
			"网址是abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz呀。", false},
	}
	var arts []*issue.Article
	for i, p := range paras {
		arts = append(arts, &issue.Article{ID: "a00" + string(rune('1'+i)), Title: "断行", Language: p.tag,
			Blocks: []issue.Block{&issue.Paragraph{Inlines: []issue.Inline{{Text: p.text}}}}})
	}
	iss := &issue.Issue{
		Title: "测试月刊", Label: "第1期", Date: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), Language: "zh-CN",
		Print:    issue.Print{TrimWidth: 210, TrimHeight: 285, Bleed: 3, Columns: 2},
		Sections: []*issue.Section{{ID: "s01", Title: "专题", Articles: arts}},
	}
	_, set := loadSample(t)
	opt := withDefaults(Options{Time: sampleOptions.Time, HanLatinSpace: true}, iss)
	var buf bytes.Buffer
	if _, err := Write(&buf, iss, set, opt); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "breaks.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	got := structTextTree(string(run(t, "pdfinfo", "-struct-text", path)), "P")
	doc, err := compose(iss, set, opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paras {
		found := false
		for _, g := range got {
			if squeeze(g) != squeeze(p.text) {
				continue
			}
			found = true
			if g != p.text {
				a, b := []rune(g), []rune(p.text)
				k := 0
				for k < len(a) && k < len(b) && a[k] == b[k] {
					k++
				}
				t.Errorf("%s: pdfinfo reads the paragraph otherwise from character %d:\n got %q\nwant %q", p.tag, k, string(a[k:min(len(a), k+20)]), string(b[k:min(len(b), k+20)]))
			}
		}
		if !found {
			t.Errorf("%s: no P element holds %q", p.tag, p.text)
		}
		// The paragraph breaks at spaces of its source, or (Chinese)
		// over lines none of which carries one.
		trails, lines := 0, map[float64]bool{}
		doc.root.walk(func(n *node) {
			if n.role != "P" || squeeze(structText(doc, n)) != squeeze(p.text) {
				return
			}
			for _, pg := range doc.pages {
				for _, ti := range pg.texts {
					if ti.tag == n {
						lines[ti.y] = true
						if ti.trail != 0 {
							trails++
						}
					}
				}
			}
		})
		if len(lines) < 4 || p.spaces != (trails > 0) {
			t.Errorf("%s: %d lines, %d of which end with a space of the source", p.tag, len(lines), trails)
		}
	}
}
