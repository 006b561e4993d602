package epub

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/qikan-dev/qikan/internal/testtool"
)

// TestCalibreMetadata: Calibre (ebook-meta), which most people's e-book
// libraries and Kindle and Kobo uploads go through, reads the title, the
// publisher as the author (not "Unknown"), the date without shifting it to
// the day before, the language, the ISSN and the series.
func TestCalibreMetadata(t *testing.T) {
	meta := testtool.Need(t, "ebook-meta")
	iss := load(t, sampleDir)
	book := filepath.Join(t.TempDir(), "sample.epub")
	if err := os.WriteFile(book, write(t, iss, Options{Time: testTime}), 0o644); err != nil {
		t.Fatal(err)
	}
	// A time zone west of Greenwich, where midnight UTC is the day before.
	cmd := exec.Command(meta, book)
	cmd.Env = append(os.Environ(), "TZ=America/Los_Angeles")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("ebook-meta: %v\n%s", err, out)
	}
	for _, want := range []string{
		`Title\s*: 党员之友 2025年第3期`,
		`Author\(s\)\s*: 《党员之友》杂志社`,
		`Publisher\s*: 《党员之友》杂志社`,
		`Series\s*: 党员之友 #344`,
		`Languages\s*: zho`,
		`Published\s*: 2025-03-28T`,
		`Identifiers\s*: .*issn:2096-7462`,
	} {
		if !regexp.MustCompile(`(?m)^` + want).Match(out) {
			t.Errorf("ebook-meta does not show %s:\n%s", want, out)
		}
	}
}

// TestCalibreConversions: the routes to Kindle (AZW3) and Kobo (Calibre's
// EPUB output for Kobo readers) keep the cover, the navigation, the
// vertical direction and the embedded fonts. Each conversion is read back
// as an EPUB (ebook-convert AZW3 → EPUB: what a Kindle gets).
func TestCalibreConversions(t *testing.T) {
	if testing.Short() {
		t.Skip("Calibre conversions take seconds each")
	}
	convert := testtool.Need(t, "ebook-convert")
	iss := load(t, sampleDir)
	data := write(t, iss, Options{Time: testTime, Vertical: true})
	ttf := bytes.Contains(data, []byte(".ttf"))
	tmp := t.TempDir()
	src := filepath.Join(tmp, "sample.epub")
	if err := os.WriteFile(src, data, 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) {
		t.Helper()
		if out, err := exec.Command(convert, args...).CombinedOutput(); err != nil {
			t.Fatalf("ebook-convert %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	for _, route := range []struct {
		name string
		out  string
		args []string
	}{
		{"kindle", "sample.azw3", nil},
		{"kobo", "kobo.epub", []string{"--output-profile", "kobo"}},
	} {
		t.Run(route.name, func(t *testing.T) {
			out := filepath.Join(tmp, route.out)
			run(append([]string{src, out}, route.args...)...)
			back := out
			if strings.HasSuffix(out, ".azw3") {
				back = out + ".epub"
				run(out, back)
			}
			files := unzipAll(t, back)
			var opf, css, ncx string
			fonts := 0
			for name, data := range files {
				switch {
				case strings.HasSuffix(name, ".opf"):
					opf = string(data)
				case strings.HasSuffix(name, ".css"):
					css += string(data)
				case strings.HasSuffix(name, ".ncx"):
					ncx = string(data)
				case regexp.MustCompile(`\.(ttf|otf|woff2?)$`).MatchString(name):
					fonts++
				}
			}
			if !regexp.MustCompile(`<meta name="cover" content="[^"]+"`).MatchString(opf) {
				t.Error("no cover")
			}
			if n := strings.Count(ncx, "<navPoint"); n < len(iss.Articles()) {
				t.Errorf("%d navigation points for %d articles", n, len(iss.Articles()))
			}
			if !strings.Contains(opf, `page-progression-direction="rtl"`) || !strings.Contains(css, "writing-mode: vertical-rl") {
				t.Error("not vertical right to left")
			}
			if route.name == "kindle" && !strings.Contains(opf, `name="primary-writing-mode" content="vertical-rl"`) {
				t.Error("no primary-writing-mode for Kindle")
			}
			switch {
			case fonts >= 2:
			case ttf:
				t.Errorf("%d fonts kept", fonts)
			default:
				// Calibre 6 cannot read WOFF2: an EPUB with WOFF2 fonts
				// reaches Kindle without them.
				t.Logf("WOFF2 fonts: %d kept", fonts)
			}
		})
	}
}

// unzipAll returns every file of a zip archive.
func unzipAll(t *testing.T, path string) map[string][]byte {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = data
	}
	return out
}
