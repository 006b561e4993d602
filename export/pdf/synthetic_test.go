package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/color/palette"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/internal/pdfcheck"
	"github.com/qikan-dev/qikan/issue"
)

// testImages writes a translucent PNG, a GIF and a JPEG and returns them.
func testImages(t *testing.T) (pngImg, gifImg, jpgImg issue.Image, jpgData []byte) {
	dir := t.TempDir()
	write := func(name string, enc func(*bytes.Buffer) error, format string, w, h int) (issue.Image, []byte) {
		var buf bytes.Buffer
		if err := enc(&buf); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return issue.Image{Path: path, Rel: "images/" + name, Format: format, Width: w, Height: h}, buf.Bytes()
	}
	rgba := image.NewNRGBA(image.Rect(0, 0, 40, 30))
	for y := range 30 {
		for x := range 40 {
			rgba.Set(x, y, color.NRGBA{uint8(x * 6), uint8(y * 8), 120, uint8(x * 6)})
		}
	}
	pngImg, _ = write("alpha.png", func(b *bytes.Buffer) error { return png.Encode(b, rgba) }, "png", 40, 30)
	pal := image.NewPaletted(image.Rect(0, 0, 20, 40), palette.Plan9)
	for y := range 40 {
		for x := range 20 {
			pal.SetColorIndex(x, y, uint8(x+y))
		}
	}
	gifImg, _ = write("tall.gif", func(b *bytes.Buffer) error { return gif.Encode(b, pal, nil) }, "gif", 20, 40)
	jpgImg, jpgData = write("photo.jpg", func(b *bytes.Buffer) error { return jpeg.Encode(b, rgba, nil) }, "jpeg", 40, 30)
	return
}

// syntheticIssue exercises every block type, Traditional Chinese, a rare
// character outside the BMP and images in three formats.
func syntheticIssue(t *testing.T) (*issue.Issue, issue.Image, []byte) {
	pngImg, gifImg, jpgImg, jpgData := testImages(t)
	para := func(text string) *issue.Paragraph {
		return &issue.Paragraph{Inlines: []issue.Inline{{Text: text}}}
	}
	long := strings.Repeat("臺灣的雜誌排版需要標點擠壓與禁則處理，", 30)
	a1 := &issue.Article{ID: "a001", Title: "測試文章：排版", Subtitle: "副標題", Authors: []string{"王小明", "李四"},
		Affiliation: "某大學", Source: "摘自《測試報》", Editor: "張三", Language: "zh-TW",
		Blocks: []issue.Block{
			&issue.Paragraph{Inlines: []issue.Inline{{Text: "粗體字", Style: issue.Strong}, {Text: "與強調", Style: issue.Emphasis},
				{Text: "code", Style: issue.CodeSpan}, {Text: "連結", Link: "https://example.org/"}, {Text: "\n"}, {Text: "吉野家的𠮷字。" + long}}},
			&issue.Heading{Level: 2, Inlines: []issue.Inline{{Text: "小標題二"}}},
			para(long),
			&issue.Heading{Level: 3, Inlines: []issue.Inline{{Text: "小標題三"}}},
			&issue.Quote{Blocks: []issue.Block{para("引文段落。" + long[:90])}},
			&issue.List{Items: [][]issue.Block{{para("第一項")}, {para("第二項")}}},
			&issue.List{Ordered: true, Start: 3, Items: [][]issue.Block{{para("第三項")}, {para("第四項")}}},
			&issue.Table{Align: []issue.Align{issue.AlignLeft, issue.AlignCenter, issue.AlignRight},
				Header: [][]issue.Inline{{{Text: "甲"}}, {{Text: "乙"}}, {{Text: "丙"}}},
				Rows:   [][][]issue.Inline{{{{Text: "一"}}, {{Text: "二"}}, {{Text: "三"}}}}},
			&issue.Figure{Image: pngImg, Caption: "透明圖", Credit: "攝影/某人"},
			&issue.Figure{Image: gifImg, Caption: "GIF 圖"},
			&issue.Code{Language: "go", Text: "func main() {\n\tprintln(\"hi\")\n}\n"},
			&issue.Rule{},
			&issue.Figure{Image: pngImg, Caption: "同一張圖再用一次"},
			&issue.Figure{Image: jpgImg, Caption: "JPEG"},
		}}
	a2 := &issue.Article{ID: "a002", Title: "第二篇", Language: "zh-TW", Blocks: []issue.Block{para(long)}}
	iss := &issue.Issue{
		Dir: "/tmp/x", File: "/tmp/x/issue.yaml", Title: "測試月刊", Label: "2025年第1期", Number: "總第1期",
		Date: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), Language: "zh-TW", ISSN: "1234-5679", Publisher: "測試出版社",
		Highlights: []string{"看點一", "看點二"},
		Colophon:   []issue.ColophonRow{{Label: "主編", Value: "某某"}, {Label: "地址", Value: "臺北市"}},
		Print:      issue.Print{TrimWidth: 170, TrimHeight: 240, Bleed: 3, Columns: 3},
		Sections: []*issue.Section{
			{ID: "s01", Title: "專題", TitleEN: "Feature", Articles: []*issue.Article{a1, a2}},
		},
	}
	return iss, jpgImg, jpgData
}

func TestSyntheticIssue(t *testing.T) {
	iss, _, jpgData := syntheticIssue(t)
	set, err := fonts.NewLibrary().Set("", "")
	if err != nil {
		t.Fatal(err)
	}
	opt := Options{Version: "1.0", Marks: true, Pad: 4, OnePerPage: true, ColophonAfterContents: true, HanLatinSpace: true}
	var buf bytes.Buffer
	st, err := Write(&buf, iss, set, opt)
	if err != nil {
		t.Fatal(err)
	}
	if st.Pages%4 != 0 || st.Pages < 6 {
		t.Errorf("%d pages, want a multiple of 4 and at least 6", st.Pages)
	}
	doc, err := pdfcheck.Read(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	images, masks, jpegSame := 0, 0, false
	doc.Objects(func(n int, o types.Object) {
		sd, ok := o.(types.StreamDict)
		if !ok || sd.Subtype() == nil || *sd.Subtype() != "Image" {
			return
		}
		images++
		if sd.IndirectRefEntry("SMask") != nil {
			masks++
		}
		if f := sd.NameEntry("Filter"); f != nil && *f == "DCTDecode" && bytes.Equal(sd.Raw, jpgData) {
			jpegSame = true
		}
	})
	// alpha.png (drawn twice, embedded once) with its soft mask, the GIF,
	// the JPEG.
	if images != 4 || masks != 1 || !jpegSame {
		t.Errorf("%d image objects, %d with a soft mask, JPEG passed through: %v; want 4, 1, true", images, masks, jpegSame)
	}
	if err := pdfcheck.Validate(buf.Bytes()); err != nil {
		t.Errorf("pdfcpu strict: %v", err)
	}
	path := filepath.Join(t.TempDir(), "synthetic.pdf")
	if out := os.Getenv("QIKAN_PDF_SYNTHETIC"); out != "" {
		os.WriteFile(out, buf.Bytes(), 0o644)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out := run(t, "qpdf", "--check", path)
	if bytes.Contains(out, []byte("WARNING")) {
		t.Errorf("qpdf --check:\n%s", out)
	}
	text := squeeze(string(run(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-")))
	for _, want := range []string{"目錄", "主編某某", "測試文章：排版", "粗體字與強調code連結", "小標題三", "第四項", "甲乙丙", "（作者單位：某大學）", "［責任編輯：張三］", "println"} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext does not find %q", want)
		}
	}
	// The colophon comes right after the contents.
	if c, k := strings.Index(text, "目錄"), strings.Index(text, "主編"); c < 0 || k < c || k > strings.Index(text, "測試文章：排版副標題") {
		t.Errorf("colophon not after the contents")
	}
}

func TestWriteRejectsNil(t *testing.T) {
	if _, err := Write(&bytes.Buffer{}, nil, nil, Options{}); err == nil {
		t.Fatal("nil issue accepted")
	}
}

func TestMissingImage(t *testing.T) {
	iss, _, _ := syntheticIssue(t)
	iss.Sections[0].Articles[1].Blocks = append(iss.Sections[0].Articles[1].Blocks,
		&issue.Figure{Image: issue.Image{Path: "/nonexistent/x.png", Rel: "images/x.png", Format: "png", Width: 10, Height: 10}})
	set, err := fonts.NewLibrary().Set("", "")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Write(&bytes.Buffer{}, iss, set, Options{})
	if err == nil || !strings.Contains(err.Error(), "images/x.png") {
		t.Fatalf("error %v does not name the image", err)
	}
}
