package main

import (
	"archive/zip"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qikan-dev/qikan/internal/testtool"
)

// TestMain lets the test binary stand in for the qikan command: with
// QIKAN_AS_COMMAND=1 in its environment it runs main with its arguments, so
// end-to-end tests can run qikan as a child process with an environment of
// their own, without building it first. With QIKAN_RSS_FILE set it is the
// small parent that runs qikan and records its peak memory (see
// measureQikan).
func TestMain(m *testing.M) {
	if os.Getenv("QIKAN_AS_COMMAND") == "1" {
		limitMemory() // as main does
		os.Exit(run(append([]string{"qikan"}, os.Args[1:]...), os.Stdout, os.Stderr))
	}
	if f := os.Getenv("QIKAN_RSS_FILE"); f != "" {
		os.Exit(measureQikan(f))
	}
	code := m.Run()
	plain.remove()
	os.Exit(code)
}

// qikanCommand returns a command that runs qikan with args in a bare
// environment: no fontconfig, an empty HOME, no XDG directories. qikan is
// this test binary, or under the race detector a qikan built without it
// (plainQikan), so that the tests' peak-memory bounds are qikan's.
func qikanCommand(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	home := t.TempDir()
	cmd := exec.Command(exe, args...)
	cmd.Env = []string{
		"QIKAN_RSS_FILE=" + filepath.Join(t.TempDir(), "maxrss"),
		"QIKAN_EXE=" + plain.path(t),
		"PATH=/nonexistent",
		"HOME=" + home,
		"FONTCONFIG_FILE=/dev/null",
		"FONTCONFIG_PATH=/nonexistent",
		"XDG_DATA_HOME=" + home,
		"XDG_DATA_DIRS=/nonexistent",
		"SOURCE_DATE_EPOCH=1740787200",
	}
	return cmd
}

// TestExportWithoutSystemFonts exports the sample issue where no font is
// installed or findable and checks both outputs embed qikan's own faces.
func TestExportWithoutSystemFonts(t *testing.T) {
	pdffonts := testtool.Need(t, "pdffonts")
	out := t.TempDir()
	cmd := qikanCommand(t, "export", "--out", out, filepath.Join("testdata", "dangyuanzhiyou-2025-03"))
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("export failed: %v\n%s", err, msg)
	}

	report, err := exec.Command(pdffonts, filepath.Join(out, "dangyuanzhiyou-2025-03.pdf")).CombinedOutput()
	if err != nil {
		t.Fatalf("pdffonts: %v\n%s", err, report)
	}
	lines := strings.Split(strings.TrimSpace(string(report)), "\n")
	if len(lines) < 4 { // two header lines, at least the serif and the sans
		t.Fatalf("pdffonts lists too few fonts:\n%s", report)
	}
	var serif, sans bool
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type encoding emb sub uni object ID: emb, sub, uni are the
		// three fields before the object number.
		if len(f) < 7 || f[len(f)-5] != "yes" || f[len(f)-4] != "yes" {
			t.Errorf("font not embedded as a subset: %s", l)
		}
		serif = serif || strings.Contains(f[0], "NotoSerif")
		sans = sans || strings.Contains(f[0], "NotoSans")
	}
	if !serif || !sans {
		t.Errorf("PDF lacks the embedded Noto faces:\n%s", report)
	}

	zr, err := zip.OpenReader(filepath.Join(out, "dangyuanzhiyou-2025-03.epub"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	fonts := 0
	for _, f := range zr.File {
		if ext := strings.ToLower(filepath.Ext(f.Name)); ext == ".woff2" || ext == ".ttf" || ext == ".otf" || ext == ".woff" {
			fonts++
			if f.UncompressedSize64 < 1000 {
				t.Errorf("%s: %d bytes, too small for a subset font", f.Name, f.UncompressedSize64)
			}
		}
	}
	if fonts < 2 {
		t.Errorf("EPUB embeds %d fonts, want the serif and the sans", fonts)
	}
}
