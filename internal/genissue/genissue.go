// Package genissue writes realistic synthetic magazine issues for tests:
// articles made of real paragraphs (taken from a source issue), with
// subheads, figures of many shapes and sizes (photos, panoramas,
// portraits, phone screenshots, small icons and diagrams), short, long
// and wide tables, quotes, lists and code blocks, in the mix that real
// archives hold, so that page make-up is tried on more than one sample.
// The output is deterministic for a seed.
//
//	err := genissue.Write(dir, genissue.Options{Seed: 1, Source: "testdata/dangyuanzhiyou-2025-03"})
package genissue

import (
	"bufio"
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Options control a generated issue.
type Options struct {
	Seed uint64
	// Source is an issue directory whose article paragraphs and titles
	// are the text of the generated one.
	Source string
	// Sections and Articles are the number of sections and of articles in
	// each (default 3 and 4).
	Sections, Articles int
	// FigureRate is the chance of a figure after a paragraph (default
	// 0.3); TableRate, QuoteRate, ListRate and CodeRate likewise
	// (defaults 0.04, 0.04, 0.04, 0.03).
	FigureRate, TableRate, QuoteRate, ListRate, CodeRate float64
	// Columns is print.columns (default 2).
	Columns int
}

func (o *Options) defaults() {
	def := func(v *float64, d float64) {
		if *v == 0 {
			*v = d
		}
	}
	def(&o.FigureRate, 0.3)
	def(&o.TableRate, 0.04)
	def(&o.QuoteRate, 0.04)
	def(&o.ListRate, 0.04)
	def(&o.CodeRate, 0.03)
	if o.Sections <= 0 {
		o.Sections = 3
	}
	if o.Articles <= 0 {
		o.Articles = 4
	}
	if o.Columns <= 0 {
		o.Columns = 2
	}
}

// shape is an image shape and how often it comes.
type shape struct {
	name   string
	w, h   int
	weight int
}

// shapes are the images of real issues: camera photos in both
// orientations, 16:9 and panoramas, squares, phone and desktop
// screenshots, small icons and logos, tall infographics.
var shapes = []shape{
	{"photo", 1600, 1200, 10}, {"portrait", 1200, 1600, 6}, {"wide", 1920, 1080, 6},
	{"panorama", 2400, 800, 2}, {"square", 1080, 1080, 4}, {"phone", 750, 1624, 3},
	{"screen", 1280, 800, 4}, {"small", 480, 320, 3}, {"icon", 128, 128, 2},
	{"banner", 1200, 300, 2}, {"infographic", 800, 2400, 1},
}

// Write writes an issue into dir (created; existing files are replaced).
func Write(dir string, opt Options) error {
	opt.defaults()
	text, err := readSource(opt.Source)
	if err != nil {
		return err
	}
	g := &gen{r: rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9e3779b97f4a7c15)), opt: opt, text: text, dir: dir}
	for _, d := range []string{"articles", "images"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			return err
		}
	}
	var y strings.Builder
	fmt.Fprintf(&y, "title: 生成月刊\nissue: 第%d期\ndate: 2025-01-01\nlanguage: zh-CN\n", opt.Seed)
	fmt.Fprintf(&y, "print: {trim: 210x285mm, bleed: 3mm, columns: %d}\nsections:\n", opt.Columns)
	n := 0
	for s := range opt.Sections {
		title := []rune(g.pick(text.titles))
		fmt.Fprintf(&y, "  - title: %q\n    articles:\n", string(title[:min(12, len(title))]))
		for range opt.Articles {
			n++
			name := fmt.Sprintf("articles/%02d-%02d.md", s+1, n)
			if err := os.WriteFile(filepath.Join(dir, name), []byte(g.article(n)), 0o644); err != nil {
				return err
			}
			fmt.Fprintf(&y, "      - %s\n", name)
		}
	}
	if g.err != nil {
		return g.err
	}
	return os.WriteFile(filepath.Join(dir, "issue.yaml"), []byte(y.String()), 0o644)
}

// source is the text an issue is made of.
type source struct {
	paras, titles, heads []string
}

// readSource collects the paragraphs, titles and subheads of the Markdown
// articles of an issue directory.
func readSource(dir string) (source, error) {
	var s source
	files, err := filepath.Glob(filepath.Join(dir, "articles", "*.md"))
	if err != nil || len(files) == 0 {
		return s, fmt.Errorf("genissue: no articles in %s", dir)
	}
	sort.Strings(files)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return s, err
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		front := 0
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			switch {
			case line == "---":
				front++
			case front < 2 && strings.HasPrefix(line, "title:"):
				s.titles = append(s.titles, strings.Trim(strings.TrimSpace(line[6:]), `"`))
			case front < 2, line == "":
			case strings.HasPrefix(line, "## "):
				s.heads = append(s.heads, line[3:])
			case strings.ContainsAny(line[:1], "#!>|-*`[0123456789"):
			default:
				s.paras = append(s.paras, line)
			}
		}
	}
	if len(s.paras) == 0 || len(s.titles) == 0 {
		return s, fmt.Errorf("genissue: no paragraphs in %s", dir)
	}
	if len(s.heads) == 0 {
		s.heads = s.titles
	}
	return s, nil
}

type gen struct {
	r    *rand.Rand
	opt  Options
	text source
	dir  string
	imgs int
	err  error
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

// sentence is a piece of a paragraph of about n characters, ending at a
// punctuation mark where there is one.
func (g *gen) sentence(n int) string {
	p := []rune(g.pick(g.text.paras))
	if len(p) <= n {
		return string(p)
	}
	start := g.r.IntN(len(p) - n)
	s := p[start : start+n]
	for i := len(s) - 1; i > n/2; i-- {
		if strings.ContainsRune("，。；、", s[i]) {
			return string(s[:i])
		}
	}
	return string(s)
}

// article is the Markdown of one article.
func (g *gen) article(n int) string {
	var b strings.Builder
	title := g.pick(g.text.titles)
	if g.r.IntN(3) == 0 {
		title = g.sentence(6+g.r.IntN(6)) + " " + g.sentence(6+g.r.IntN(8))
	}
	fmt.Fprintf(&b, "---\ntitle: %q\n", title)
	if g.r.IntN(3) == 0 {
		fmt.Fprintf(&b, "subtitle: %q\n", g.sentence(10+g.r.IntN(12)))
	}
	fmt.Fprintf(&b, "authors: [%q]\n", []string{"王晓明", "阿依古丽", "李华", "欧阳娜娜", "本刊记者"}[g.r.IntN(5)])
	if g.r.IntN(2) == 0 {
		fmt.Fprintf(&b, "editor: %q\n", []string{"陆海涛", "杨佩佩", "齐桂帆"}[g.r.IntN(3)])
	}
	if g.r.IntN(4) == 0 {
		fmt.Fprintf(&b, "source: %q\n", "摘自《"+g.sentence(6)+"》")
	}
	b.WriteString("---\n\n")
	paras := 2 + g.r.IntN(20)
	if g.r.IntN(6) == 0 {
		paras = 1 + g.r.IntN(2) // a short piece with pictures
	}
	sinceHead := 0
	for i := range paras {
		if i > 0 && sinceHead >= 2 && g.r.IntN(4) == 0 {
			fmt.Fprintf(&b, "## %s\n\n", g.pick(g.text.heads))
			sinceHead = 0
		}
		sinceHead++
		b.WriteString(g.pick(g.text.paras) + "\n\n")
		g.extras(&b, n)
	}
	return b.String()
}

// extras writes what may follow a paragraph: figures, a table, a quote, a
// list or code.
func (g *gen) extras(b *strings.Builder, n int) {
	o := g.opt
	for g.r.Float64() < o.FigureRate {
		b.WriteString(g.figure(n) + "\n\n")
		if g.r.IntN(2) == 0 {
			break
		}
	}
	if g.r.Float64() < o.TableRate {
		b.WriteString(g.table() + "\n")
	}
	if g.r.Float64() < o.QuoteRate {
		b.WriteString("> " + g.sentence(40+g.r.IntN(120)) + "\n\n")
	}
	if g.r.Float64() < o.ListRate {
		for k := range 2 + g.r.IntN(5) {
			fmt.Fprintf(b, "%d. %s\n", k+1, g.sentence(10+g.r.IntN(60)))
		}
		b.WriteString("\n")
	}
	if g.r.Float64() < o.CodeRate {
		b.WriteString("```\n")
		for k := range 2 + g.r.IntN(14) {
			fmt.Fprintf(b, "%sconfig.set(\"key_%d\", value_%d) // %s\n", strings.Repeat("    ", k%3), k, k, g.sentence(4+g.r.IntN(30)))
		}
		b.WriteString("```\n\n")
	}
}

// figure writes an image of a random shape and returns its Markdown.
func (g *gen) figure(n int) string {
	total := 0
	for _, s := range shapes {
		total += s.weight
	}
	k := g.r.IntN(total)
	var sh shape
	for _, s := range shapes {
		if k < s.weight {
			sh = s
			break
		}
		k -= s.weight
	}
	g.imgs++
	name := fmt.Sprintf("images/%02d-%03d-%s.png", n, g.imgs, sh.name)
	if err := writePNG(filepath.Join(g.dir, name), sh.w, sh.h, g.r); err != nil && g.err == nil {
		g.err = err
	}
	caption := ""
	switch g.r.IntN(4) {
	case 1:
		caption = g.sentence(8 + g.r.IntN(10))
	case 2, 3:
		caption = g.sentence(20 + g.r.IntN(60))
	}
	credit := ""
	if g.r.IntN(2) == 0 {
		credit = fmt.Sprintf(" %q", "□"+[]string{"新华社记者 燕雁", "本刊记者 王晓明", "赵登文"}[g.r.IntN(3)]+"/摄")
	}
	return fmt.Sprintf("![%s](../%s%s)", caption, name, credit)
}

// table returns a GFM table: usually a few rows, sometimes a long one or
// one of many columns.
func (g *gen) table() string {
	cols, rows := 2+g.r.IntN(2), 2+g.r.IntN(5)
	switch g.r.IntN(4) {
	case 0:
		rows = 25 + g.r.IntN(40)
	case 1:
		cols = 4 + g.r.IntN(3)
	}
	var b strings.Builder
	row := func(cell func(int) string) {
		b.WriteString("|")
		for c := range cols {
			b.WriteString(" " + cell(c) + " |")
		}
		b.WriteString("\n")
	}
	row(func(c int) string {
		return []string{"项目", "地区", "指标", "2024年", "2025年", "增长", "备注"}[c%7]
	})
	row(func(c int) string {
		if c > 0 {
			return "---:"
		}
		return "---"
	})
	for r := range rows {
		row(func(c int) string {
			if c == 0 {
				return g.sentence(2 + g.r.IntN(10))
			}
			if g.r.IntN(5) == 0 {
				return g.sentence(6 + g.r.IntN(20))
			}
			return fmt.Sprintf("%d.%d", 10+r*c+g.r.IntN(900), g.r.IntN(10))
		})
	}
	return b.String()
}

// writePNG writes a w×h picture: a tinted field with a frame and a
// diagonal, paletted so that it stays small.
func writePNG(path string, w, h int, r *rand.Rand) error {
	pal := color.Palette{
		color.RGBA{uint8(150 + r.IntN(90)), uint8(150 + r.IntN(90)), uint8(150 + r.IntN(90)), 255},
		color.RGBA{60, 60, 70, 255},
	}
	img := image.NewPaletted(image.Rect(0, 0, w, h), pal)
	t := max(1, min(w, h)/60)
	for y := range h {
		row := img.Pix[y*img.Stride : y*img.Stride+w]
		if y < t || y >= h-t {
			for x := range row {
				row[x] = 1
			}
			continue
		}
		for x := 0; x < t; x++ {
			row[x], row[w-1-x] = 1, 1
		}
		d := y * w / h // the diagonal
		for x := max(0, d-t); x < min(w, d+t); x++ {
			row[x] = 1
		}
	}
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
