package pdfw

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/internal/pdfcheck"
	"github.com/qikan-dev/qikan/internal/testtool"
)

func TestAppendValue(t *testing.T) {
	for _, tt := range []struct {
		v    any
		want string
	}{
		{nil, "null"},
		{true, "true"},
		{42, "42"},
		{-3.14159, "-3.1416"},
		{0.00004, "0"},
		{-0.00006, "-0.0001"},
		{2.5, "2.5"},
		{100.0, "100"},
		{1e20, "100000000000000000000"},
		{Name("Type"), "/Type"},
		{Name("A B#(x)"), "/A#20B#23#28x#29"},
		{Name("标"), "/#E6#A0#87"},
		{Ref(7), "7 0 R"},
		{Text("a(b)\\c"), `(a\(b\)\\c)`},
		{Text("党员"), "<FEFF515A5458>"},
		{Text("𠮷"), "<FEFFD842DFB7>"},
		{Bytes{0x01, 0xab}, "<01ab>"},
		{Array{1, Name("X"), Array{}}, "[1 /X []]"},
		{D("A", 1, "B", nil, "C", D()), "<< /A 1 /C << >> >>"},
	} {
		if got := string(AppendValue(nil, tt.v)); got != tt.want {
			t.Errorf("%#v: %s, want %s", tt.v, got, tt.want)
		}
	}
}

func TestContent(t *testing.T) {
	var c Content
	c.Save()
	c.FillColour(CMYK{0, 0, 0, 1})
	c.StrokeColour(Tint{"CS0", []float64{1}})
	c.BeginTag("P", 3)
	c.BeginText()
	c.Font("F1", 9.5)
	c.TextMatrix(1, 0, 0.2126, 1, 10, 20.5)
	c.Show([]Glyph{{Code: 1}, {Code: 0xABCD, Adjust: -250}, {Code: 2}})
	c.EndText()
	c.EndMarked()
	c.BeginMarked("Artifact", D("Type", Name("Pagination")))
	c.EndMarked()
	c.Restore()
	want := "q\n0 0 0 1 k\n/CS0 CS\n1 SCN\n/P <</MCID 3>> BDC\nBT\n/F1 9.5 Tf\n1 0 0.2126 1 10 20.5 Tm\n" +
		"[<0001ABCD>-250<0002>]TJ\nET\nEMC\n/Artifact << /Type /Pagination >> BDC\nEMC\nQ\n"
	if got := string(c.Bytes()); got != want {
		t.Errorf("content:\n%s\nwant:\n%s", got, want)
	}
}

// testDoc writes a one-page tagged document: a heading and a paragraph
// in the embedded serif face, an image, a link with its annotation.
func testDoc(t *testing.T, packed bool, text string) []byte {
	t.Helper()
	face, err := fonts.NewLibrary().Default(fonts.Body)
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune(text)
	ttf, gids, err := fonts.SubsetTTF(face, runes)
	if err != nil {
		t.Fatal(err)
	}
	z := &Deflater{}
	var buf bytes.Buffer
	var zz *Deflater
	if packed {
		zz = z
	}
	w := NewWriter(&buf, "1.7", zz)
	catalog, pages, page, font := w.Alloc(), w.Alloc(), w.Alloc(), w.Alloc()
	tree, annot := w.Alloc(), w.Alloc()

	seen := map[uint16]bool{}
	var glyphs []FontGlyph
	var show []Glyph
	for _, r := range runes {
		g, ok := gids[r]
		if !ok {
			t.Fatalf("no glyph for %q", r)
		}
		show = append(show, Glyph{Code: g})
		if !seen[g] {
			seen[g] = true
			glyphs = append(glyphs, FontGlyph{ID: g, Width: face.Advance(r) * 1000, Text: string(r)})
		}
	}
	d := face.Descriptor()
	if err := w.WriteFont(font, &Font{BaseFont: "AAAAAA+Test", Program: z.Deflate(ttf), Length1: len(ttf), Glyphs: glyphs,
		Ascent: face.Ascent() * 1000, Descent: -face.Descent() * 1000, CapHeight: d.CapHeight * 1000,
		BBox: [4]float64{d.BBox[0] * 1000, d.BBox[1] * 1000, d.BBox[2] * 1000, d.BBox[3] * 1000}}, z); err != nil {
		t.Fatal(err)
	}
	img, err := ReadImage(pngFile(t, false), z)
	if err != nil {
		t.Fatal(err)
	}
	im := w.AddStream(img.Dict(Name("DeviceRGB"), 0), img.Data)

	var c Content
	c.BeginTag("H1", 0)
	c.BeginText()
	c.Font("F1", 12)
	c.TextMatrix(1, 0, 0, 1, 72, 700)
	c.Show(show[:2])
	c.EndText()
	c.EndMarked()
	c.BeginTag("P", 1)
	c.BeginText()
	c.Font("F1", 10)
	c.TextMatrix(1, 0, 0, 1, 72, 680)
	c.Show(show[2:])
	c.EndText()
	c.EndMarked()
	c.BeginTag("Figure", 2)
	c.Save()
	c.Transform(40, 0, 0, 30, 72, 600)
	c.XObject("Im1")
	c.Restore()
	c.EndMarked()
	c.BeginMarked("Artifact", D("Type", Name("Layout")))
	c.Rect(72, 590, 100, 1)
	c.FillColour(Gray(0))
	c.Fill()
	c.EndMarked()
	contents := w.AddStream(D("Filter", Name("FlateDecode")), z.Deflate(c.Bytes()))
	w.Object(annot, D("Type", Name("Annot"), "Subtype", Name("Link"), "Rect", Array{72, 690, 120, 712}, "F", 4,
		"Border", Array{0, 0, 0}, "Contents", Text("link"), "StructParent", 1, "P", page,
		"A", D("S", Name("URI"), "URI", Text("https://example.org/"))))
	w.Object(page, D("Type", Name("Page"), "Parent", pages, "MediaBox", Array{0, 0, 595, 842},
		"Resources", D("Font", D("F1", font), "XObject", D("Im1", im)), "Contents", contents,
		"StructParents", 0, "Annots", Array{annot}, "Tabs", Name("S")))
	w.Object(pages, D("Type", Name("Pages"), "Kids", Array{page}, "Count", 1))
	h1 := &StructElem{Type: "H1", Kids: []StructKid{MCR(page, 0, 0)}}
	link := &StructElem{Type: "Link", Kids: []StructKid{MCR(page, 0, 1), OBJR(page, annot, 1)}}
	fig := &StructElem{Type: "Figure", Alt: "a picture", Kids: []StructKid{MCR(page, 0, 2)}}
	doc := &StructElem{Type: "Document", Lang: "zh-CN", Kids: []StructKid{Elem(h1), Elem(link), Elem(fig)}}
	if err := w.WriteStructTree(tree, doc); err != nil {
		t.Fatal(err)
	}
	w.Object(catalog, D("Type", Name("Catalog"), "Pages", pages, "StructTreeRoot", tree,
		"MarkInfo", D("Marked", true), "Lang", Text("zh-CN")))
	if err := w.Close(catalog, 0); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pngFile is a small opaque (or translucent) RGB PNG.
func pngFile(t *testing.T, alpha bool) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", map[bool]string{false: "rgb.png", true: "alpha.png"}[alpha]))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// tool runs an external program on a PDF and returns its output; the PDF's
// path replaces the argument "%".
func tool(t *testing.T, pdf []byte, name string, args ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	args = append([]string(nil), args...)
	for i, a := range args {
		if a == "%" {
			args[i] = path
		}
	}
	out, err := exec.Command(testtool.Need(t, name), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", name, err, out)
	}
	return string(out)
}

func TestWriteDocument(t *testing.T) {
	for _, packed := range []bool{false, true} {
		pdf := testDoc(t, packed, "标题正文第6期")
		if err := pdfcheck.Validate(pdf); err != nil {
			t.Errorf("packed=%v: pdfcpu strict: %v", packed, err)
		}
		if out := tool(t, pdf, "qpdf", "--check", "%"); !strings.Contains(out, "No syntax or stream encoding errors") || strings.Contains(out, "WARNING") {
			t.Errorf("packed=%v: qpdf --check:\n%s", packed, out)
		}
		if got := strings.Join(strings.Fields(tool(t, pdf, "pdftotext", "-enc", "UTF-8", "%", "-")), ""); got != "标题正文第6期" {
			t.Errorf("packed=%v: pdftotext %q", packed, got)
		}
		st := tool(t, pdf, "pdfinfo", "-struct-text", "%")
		if !strings.Contains(st, "H1") || !strings.Contains(st, `"标题"`) || !strings.Contains(st, "Figure") {
			t.Errorf("packed=%v: pdfinfo -struct-text:\n%s", packed, st)
		}
		if again := testDoc(t, packed, "标题正文第6期"); !bytes.Equal(pdf, again) {
			t.Errorf("packed=%v: two runs differ", packed)
		}
	}
	if a, b := testDoc(t, true, "标题正文第6期"), testDoc(t, false, "标题正文第6期"); len(a) >= len(b) {
		t.Errorf("object streams: %d bytes, without %d", len(a), len(b))
	}
}

func TestWriterErrors(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf, "1.7", nil)
	r := w.Alloc()
	w.Alloc()
	w.Object(r, 1)
	if err := w.Close(r, 0); err == nil || !strings.Contains(err.Error(), "never written") {
		t.Errorf("unwritten object: %v", err)
	}
	w = NewWriter(&buf, "1.7", nil)
	r = w.Alloc()
	w.Object(r, 1)
	w.Object(r, 2)
	if err := w.Close(r, 0); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("object written twice: %v", err)
	}
	w = NewWriter(&buf, "1.7", nil)
	if err := w.WriteFont(w.Alloc(), &Font{BaseFont: "X", Glyphs: []FontGlyph{{ID: 0, Width: 500}}}, &Deflater{}); err == nil {
		t.Error(".notdef shown without an error")
	}
	w = NewWriter(&buf, "1.7", nil)
	page := w.Alloc()
	doc := &StructElem{Type: "Document", Kids: []StructKid{
		Elem(&StructElem{Type: "P", Kids: []StructKid{MCR(page, 0, 0)}}),
		Elem(&StructElem{Type: "P", Kids: []StructKid{MCR(page, 0, 0)}}),
	}}
	if err := w.WriteStructTree(w.Alloc(), doc); err == nil {
		t.Error("one MCID in two elements accepted")
	}
	doc = &StructElem{Type: "Document", Kids: []StructKid{Elem(&StructElem{Type: "P", Kids: []StructKid{MCR(page, 0, 1)}})}}
	if err := w.WriteStructTree(w.Alloc(), doc); err == nil {
		t.Error("a gap in the MCIDs accepted")
	}
}
