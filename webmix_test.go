package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/qikan-dev/qikan/internal/testtool"
)

// The issue of real-world Markdown (issue 14): every allowlisted HTML tag,
// each kind of dropped markup, ruby in both notations, a linked figure, an
// icon in a line, CJK-friendly emphasis, an undeclared Korean and an
// undeclared Japanese article. Its EPUBs pass epubcheck with the other
// issues under testdata (export/epub TestEpubcheck).
var webmix = filepath.Join("testdata", "webmix-2025")

// TestWebMarkdown exports the issue and checks what the issue asks of it:
// the warnings name file and line of each dropped kind; the EPUB carries
// no literal tag text and the Korean article's text as written; the PDF's
// text has no tags and no **, and its ruby sits above its base.
func TestWebMarkdown(t *testing.T) {
	out := t.TempDir()
	cmd := qikanCommand(t, "export", "--out", out, webmix)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("export: %v\n%s", err, stderr.String())
	}
	t.Run("warnings", func(t *testing.T) { checkWebWarnings(t, stderr.String()) })
	t.Run("epub", func(t *testing.T) { checkWebEPUB(t, filepath.Join(out, "webmix-2025.epub")) })
	t.Run("pdf", func(t *testing.T) { checkWebPDF(t, filepath.Join(out, "webmix-2025.pdf")) })
}

func checkWebWarnings(t *testing.T, stderr string) {
	dropped := filepath.Join(webmix, "articles", "02-dropped.md")
	for _, want := range []string{
		dropped + ":8: warning: dropped <script> element and its content",
		dropped + ":10: warning: dropped <style> element and its content",
		dropped + ":12: warning: dropped <iframe> element and its content",
		dropped + ":14: warning: dropped <object> element and its content",
		dropped + ":16: warning: dropped <embed> element",
		dropped + ":18: warning: dropped <video> element and its content",
		dropped + ":20: warning: dropped <audio> element and its content",
		dropped + ":22: warning: dropped <form> element and its content",
		dropped + ":24: warning: dropped the onclick attribute of <span>",
		dropped + ":24: warning: dropped the style attribute of <span>",
		dropped + `:25: warning: dropped the href="javascript:alert(1)" of <a>`,
		dropped + ":25: warning: dropped <center> tag (its text is kept)",
		filepath.Join(webmix, "articles", "04-images.md") + ":12: warning: image \"images/photo.png\" is taller than a line of text",
		filepath.Join(webmix, "articles", "04-images.md") + ":14: warning: HTML image: \"https://cdn.example.org/banner.png\" is a URL",
		filepath.Join(webmix, "articles", "06-korean.md") + `:1: warning: article "천천히 읽는 즐거움" is written in Korean (Hangul)`,
		filepath.Join(webmix, "articles", "07-japanese.md") + `:1: warning: article "ゆっくり読む" is written in Japanese (kana)`,
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("no warning %q in\n%s", want, stderr)
		}
	}
}

// xhtmlTags are the elements qikan writes into an article's XHTML: the
// document's own and what the model's blocks and styles become.
var xhtmlTags = map[string]bool{
	"html": true, "head": true, "title": true, "link": true, "body": true, "article": true, "header": true,
	"footer": true, "section": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"p": true, "br": true, "span": true, "a": true, "em": true, "strong": true, "u": true, "s": true,
	"sup": true, "sub": true, "small": true, "mark": true, "kbd": true, "code": true, "pre": true,
	"ruby": true, "rt": true, "rp": true, "img": true, "figure": true, "figcaption": true, "div": true,
	"table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true, "blockquote": true,
	"ul": true, "ol": true, "li": true, "hr": true,
}

func checkWebEPUB(t *testing.T, path string) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	literal := regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9]*[\s/>]`)
	docs := 0
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "EPUB/xhtml/a") {
			continue
		}
		docs++
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		text, paras := xhtmlText(t, f.Name, data)
		if m := literal.FindString(text); m != "" {
			t.Errorf("%s: literal tag text %q", f.Name, m)
		}
		if strings.Contains(text, "**") {
			t.Errorf("%s: literal ** in the text", f.Name)
		}
		if f.Name == "EPUB/xhtml/a006.xhtml" {
			checkKorean(t, paras)
		}
	}
	if docs != 7 {
		t.Errorf("%d article documents, want 7", docs)
	}
}

// xhtmlText returns the text of a document outside code and its
// paragraphs' texts, and checks that every element is one qikan writes.
func xhtmlText(t *testing.T, name string, data []byte) (string, []string) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.Entity = xml.HTMLEntity
	var text strings.Builder
	var paras []string
	var para *strings.Builder
	code := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if !xhtmlTags[tok.Name.Local] {
				t.Errorf("%s: element <%s> qikan does not write", name, tok.Name.Local)
			}
			switch tok.Name.Local {
			case "code", "pre", "rt", "rp":
				code++
			case "p":
				para = &strings.Builder{}
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "code", "pre", "rt", "rp":
				code--
			case "p":
				if para != nil {
					paras = append(paras, para.String())
				}
				para = nil
			}
		case xml.CharData:
			if code == 0 {
				text.Write(tok)
				if para != nil {
					para.Write(tok)
				}
			}
		}
	}
	return text.String(), paras
}

// checkKorean compares the Korean article's paragraphs with its source:
// byte for byte, ASCII punctuation and spaces included.
func checkKorean(t *testing.T, paras []string) {
	want := koreanParagraphs(t)
	got := paras[len(paras)-len(want):] // after the byline
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Korean paragraph %d:\n got %q\nwant %q", i+1, got[i], want[i])
		}
	}
}

// koreanParagraphs returns the paragraphs of the Korean article's source,
// each on one line.
func koreanParagraphs(t *testing.T) []string {
	src, err := os.ReadFile(filepath.Join(webmix, "articles", "06-korean.md"))
	if err != nil {
		t.Fatal(err)
	}
	body := string(src[strings.Index(string(src[4:]), "---\n")+8:])
	var out []string
	for _, p := range strings.Split(strings.TrimSpace(body), "\n\n") {
		out = append(out, strings.ReplaceAll(p, "\n", " "))
	}
	return out
}

func checkWebPDF(t *testing.T, path string) {
	pdftotext := testtool.Need(t, "pdftotext")
	out, err := exec.Command(pdftotext, path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if m := regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9]*[\s/>]`).Find(out); m != nil {
		t.Errorf("PDF text holds tag text %q", m)
	}
	if bytes.Contains(out, []byte("**")) {
		t.Error("PDF text holds **")
	}
	joined := strings.ReplaceAll(string(out), "\n", "") // lines of a paragraph joined
	for _, want := range []string{"叫做《動物農莊》，作者", "보면, 낡은 문장도", "真，她說"} {
		if !strings.Contains(joined, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	checkKoreanPDF(t, path)
	// Ruby above its base: the reading's box ends above the middle of the
	// base's (boxes are the faces' full heights) and overlaps it across.
	words := bboxWords(t, path)
	for _, pair := range [][2]string{{"，漢字", "かんじ"}, {"図書館", "としょかん"}} {
		base, ok1 := words[pair[0]]
		ruby, ok2 := words[pair[1]]
		if !ok1 || !ok2 {
			t.Errorf("no words %q / %q in %v", pair[0], pair[1], keys(words))
			continue
		}
		if ruby[1] >= base[1] || ruby[3] >= (base[1]+base[3])/2 || ruby[0] > base[2] || ruby[2] < base[0] {
			t.Errorf("ruby %q at %v is not above %q at %v", pair[1], ruby, pair[0], base)
		}
	}
}

// checkKoreanPDF compares the Korean article's paragraphs in the PDF's
// text layer, element by element as pdfinfo reads the structure tree,
// with its source: byte for byte, every character and every space as
// written, the spaces where lines break included (the PDF draws each as
// a space glyph of no ink after the line's last word).
func checkKoreanPDF(t *testing.T, path string) {
	out, err := exec.Command(testtool.Need(t, "pdfinfo"), "-struct-text", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := map[string]bool{}
	for _, l := range strings.Split(string(out), "\n") {
		lines[strings.TrimLeft(l, " ")] = true
	}
	for i, p := range koreanParagraphs(t) {
		if !lines[`"`+p+`"`] {
			t.Errorf("Korean paragraph %d is not in the PDF's structure as written: %q", i+1, p)
		}
	}
}

// bboxWords returns the boxes (xMin, yMin, xMax, yMax; y down) of the
// words pdftotext -bbox finds, by text (the first of equal words).
func bboxWords(t *testing.T, path string) map[string][4]float64 {
	out, err := exec.Command(testtool.Need(t, "pdftotext"), "-bbox", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
	words := map[string][4]float64{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		m := re.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		var box [4]float64
		for i := range box {
			box[i], _ = strconv.ParseFloat(m[i+1], 64)
		}
		if _, seen := words[m[5]]; !seen {
			words[m[5]] = box
		}
	}
	return words
}

func keys(m map[string][4]float64) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
