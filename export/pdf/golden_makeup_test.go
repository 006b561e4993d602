package pdf

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	imagedraw "image/draw"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/internal/testtool"
	"github.com/qikan-dev/qikan/issue"
)

var update = flag.Bool("update", false, "rewrite the golden images of testdata/makeup")

// Golden images of make-up situations: each is a small issue whose one
// article's pages are rendered (pdftoppm, 24 dpi, grey) side by side and
// compared with testdata/makeup/NAME.png by a tolerant image diff, so that
// a change that moves what the make-up does shows in review.
// go test ./export/pdf -run GoldenMakeup -update rewrites them.

// goldenDPI is the resolution of the golden images: enough to see
// columns, figures, rules and headings, not the glyphs.
const goldenDPI = 24

// Tolerance of the image diff: a pixel differs when its grey level moves
// by more than diffLevel; an image differs when more than diffShare of its
// pixels do (antialiasing and font rasterisers vary between poppler
// versions; a moved line or figure changes far more).
const (
	diffLevel = 64
	diffShare = 0.004
)

func TestGoldenMakeup(t *testing.T) {
	pdftoppm := testtool.Need(t, "pdftoppm")
	set, err := fonts.NewLibrary().Set("", "")
	if err != nil {
		t.Fatal(err)
	}
	paras := sampleParas(t)
	for _, tt := range makeupSituations(t, paras) {
		t.Run(tt.name, func(t *testing.T) {
			iss := situationIssue(tt.blocks)
			doc, err := compose(iss, set, withDefaults(sampleOptions, iss))
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range makeupProblems(doc) {
				t.Error(p)
			}
			var buf bytes.Buffer
			if _, err := Write(&buf, iss, set, sampleOptions); err != nil {
				t.Fatal(err)
			}
			first := doc.start["a001"] + 1 + tt.skip
			got := renderPages(t, pdftoppm, buf.Bytes(), first, min(first+tt.pages-1, len(doc.pages)))
			golden := filepath.Join("testdata", "makeup", tt.name+".png")
			if *update {
				writePNG(t, golden, got)
				return
			}
			want := readPNG(t, golden)
			if share, ok := imageDiff(got, want); !ok {
				out := filepath.Join(t.TempDir(), tt.name+".png")
				writePNG(t, out, got)
				t.Errorf("%s: %.2f%% of the pixels differ from %s (this run: %s); go test ./export/pdf -run GoldenMakeup -update rewrites it if the change is right",
					tt.name, 100*share, golden, out)
			}
		})
	}
}

// situation is a make-up situation: an article's blocks and how many of
// its pages to look at.
type situation struct {
	name   string
	blocks []issue.Block
	pages  int
	skip   int // article pages before the first one looked at
}

// makeupSituations are the situations of the golden images.
func makeupSituations(t *testing.T, paras []string) []situation {
	dir := t.TempDir()
	img := func(name string, w, h int) issue.Image {
		return placeholderPNG(t, dir, name, w, h)
	}
	p := func(i int) issue.Block { return &issue.Paragraph{Inlines: []issue.Inline{{Text: paras[i%len(paras)]}}} }
	run := func(from, n int) []issue.Block {
		var bs []issue.Block
		for i := range n {
			bs = append(bs, p(from+i))
		}
		return bs
	}
	var out []situation

	// A wide figure met at the foot of the article's first page, which
	// its title shortens: it does not fit there at any size; the text
	// goes on in its place and the figure opens the next page.
	wide := &issue.Figure{Image: img("wide.png", 1920, 1080), Caption: "一幅宽幅照片：在它的页上放不下，移到下一页的顶部。", Credit: "摄影/某人"}
	bs := append(run(0, 5), wide)
	out = append(out, situation{"figure-does-not-fit", append(bs, run(14, 10)...), 2, 0})

	// The same figure met at the foot of a full page: it goes to the top
	// of that page, across the columns, the text moving down below it,
	// and its anchor stays on the page.
	bs = append(run(0, 12), wide)
	out = append(out, situation{"figure-top-of-its-page", append(bs, run(14, 4)...), 1, 1})

	// A portrait photo one column wide, text beside it.
	bs = run(3, 2)
	bs = append(bs, &issue.Figure{Image: img("portrait.png", 1200, 1600), Caption: "竖幅照片占一栏，旁边一栏的文字照常排。"})
	out = append(out, situation{"portrait-figure", append(bs, run(5, 8)...), 2, 0})

	// A table longer than a column: broken between rows, its header
	// repeated at the top of every column it continues in.
	tab := &issue.Table{Align: []issue.Align{issue.AlignLeft, issue.AlignRight, issue.AlignRight}}
	cell := func(s string) []issue.Inline { return []issue.Inline{{Text: s}} }
	tab.Header = [][]issue.Inline{cell("地区"), cell("2024年"), cell("增长")}
	for i := range 70 {
		tab.Rows = append(tab.Rows, [][]issue.Inline{cell(fmt.Sprintf("第%d个县（市、区）", i+1)), cell(fmt.Sprintf("%d.%d", 100+i*7, i%10)), cell(fmt.Sprintf("%d%%", i%13))})
	}
	bs = run(8, 2)
	bs = append(bs, tab)
	out = append(out, situation{"long-table", append(bs, run(10, 3)...), 2, 0})

	// Subheads that would fall on the last lines of a column: each keeps
	// two lines of its text, and paragraphs are set a line longer or
	// shorter rather than leave the foot of the column empty.
	bs = nil
	for i := range 8 {
		bs = append(bs, p(12+i), &issue.Heading{Level: 2, Inlines: []issue.Inline{{Text: fmt.Sprintf("第%d部分 小标题", i+1)}}})
	}
	out = append(out, situation{"subhead-near-column-end", append(bs, run(20, 4)...), 2, 0})
	return out
}

// situationIssue is an issue of one section with one article of blocks.
func situationIssue(blocks []issue.Block) *issue.Issue {
	a := &issue.Article{ID: "a001", Title: "排版情形 测试文章", Authors: []string{"本刊记者"}, Editor: "某某", Language: "zh-CN", Blocks: blocks}
	return &issue.Issue{
		Title: "测试月刊", Label: "第1期", Date: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), Language: "zh-CN",
		Print:    issue.Print{TrimWidth: 210, TrimHeight: 285, Bleed: 3, Columns: 2},
		Sections: []*issue.Section{{ID: "s01", Title: "专题", Articles: []*issue.Article{a}}},
	}
}

// sampleParas are the sample issue's paragraphs of plain text.
func sampleParas(t *testing.T) []string {
	iss, _ := loadSample(t)
	var out []string
	for _, a := range iss.Articles() {
		for _, b := range a.Blocks {
			if p, ok := b.(*issue.Paragraph); ok && len(p.Inlines) == 1 && len([]rune(p.Inlines[0].Text)) > 80 {
				out = append(out, p.Inlines[0].Text)
			}
		}
	}
	if len(out) < 30 {
		t.Fatalf("only %d paragraphs in the sample", len(out))
	}
	return out
}

// placeholderPNG writes a grey w×h PNG with a frame and returns it.
func placeholderPNG(t *testing.T, dir, name string, w, h int) issue.Image {
	img := image.NewPaletted(image.Rect(0, 0, w, h), color.Palette{color.Gray{0xc8}, color.Gray{0x60}})
	for y := range h {
		for x := range w {
			if x < 8 || y < 8 || x >= w-8 || y >= h-8 {
				img.SetColorIndex(x, y, 1)
			}
		}
	}
	path := filepath.Join(dir, name)
	writePNG(t, path, img)
	return issue.Image{Path: path, Rel: "images/" + name, Format: "png", Width: w, Height: h}
}

// renderPages renders pages first to last of a PDF in grey and sets them
// side by side.
func renderPages(t *testing.T, pdftoppm string, pdf []byte, first, last int) *image.Gray {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(pdftoppm, "-r", fmt.Sprint(goldenDPI), "-gray", "-png", "-f", fmt.Sprint(first), "-l", fmt.Sprint(last), in, filepath.Join(dir, "p"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	var pages []image.Image
	for _, f := range files {
		if strings.HasSuffix(f, ".png") {
			pages = append(pages, readPNG(t, f))
		}
	}
	if len(pages) == 0 {
		t.Fatal("pdftoppm rendered no page")
	}
	b := pages[0].Bounds()
	out := image.NewGray(image.Rect(0, 0, b.Dx()*len(pages)+2*(len(pages)-1), b.Dy()))
	imagedraw.Draw(out, out.Bounds(), image.NewUniform(color.Gray{0x80}), image.Point{}, imagedraw.Src)
	for i, p := range pages {
		r := image.Rect(i*(b.Dx()+2), 0, i*(b.Dx()+2)+b.Dx(), b.Dy())
		imagedraw.Draw(out, r, p, p.Bounds().Min, imagedraw.Src)
	}
	return out
}

// imageDiff compares two grey images: the share of pixels whose grey
// level differs by more than diffLevel, and whether that is within
// diffShare (images of different sizes always differ).
func imageDiff(a, b image.Image) (float64, bool) {
	if a.Bounds().Size() != b.Bounds().Size() {
		return 1, false
	}
	n, diff := 0, 0
	ab, bb := a.Bounds(), b.Bounds()
	for y := range ab.Dy() {
		for x := range ab.Dx() {
			ga := color.GrayModel.Convert(a.At(ab.Min.X+x, ab.Min.Y+y)).(color.Gray).Y
			gb := color.GrayModel.Convert(b.At(bb.Min.X+x, bb.Min.Y+y)).(color.Gray).Y
			if d := int(ga) - int(gb); d > diffLevel || d < -diffLevel {
				diff++
			}
			n++
		}
	}
	share := float64(diff) / float64(n)
	return share, share <= diffShare
}

func readPNG(t *testing.T, path string) image.Image {
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("%v (go test ./export/pdf -run GoldenMakeup -update writes the golden images)", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return img
}

func writePNG(t *testing.T, path string, img image.Image) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestImageDiff: the diff tolerates a few stray pixels, not a moved block.
func TestImageDiff(t *testing.T) {
	a := image.NewGray(image.Rect(0, 0, 100, 100))
	b := image.NewGray(image.Rect(0, 0, 100, 100))
	imagedraw.Draw(a, image.Rect(10, 10, 50, 50), image.NewUniform(color.Gray{0xff}), image.Point{}, imagedraw.Src)
	imagedraw.Draw(b, image.Rect(10, 10, 50, 50), image.NewUniform(color.Gray{0xff}), image.Point{}, imagedraw.Src)
	b.SetGray(70, 70, color.Gray{0xff}) // a stray pixel
	b.SetGray(71, 70, color.Gray{0x30}) // a small change of grey
	if share, ok := imageDiff(a, b); !ok {
		t.Errorf("a stray pixel fails the diff (%.4f)", share)
	}
	imagedraw.Draw(b, image.Rect(10, 50, 50, 60), image.NewUniform(color.Gray{0xff}), image.Point{}, imagedraw.Src)
	if _, ok := imageDiff(a, b); ok {
		t.Error("a moved block passes the diff")
	}
	if _, ok := imageDiff(a, image.NewGray(image.Rect(0, 0, 100, 99))); ok {
		t.Error("images of different sizes pass the diff")
	}
}
