package main

import (
	"archive/zip"
	"bytes"
	"image"
	pngenc "image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// qikan runs the command line and returns its status and output.
func qikan(args ...string) (status int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	status = run(append([]string{"qikan"}, args...), &out, &errOut)
	return status, out.String(), errOut.String()
}

var (
	minimal = filepath.Join("testdata", "minimal")
	invalid = filepath.Join("testdata", "invalid", "many")
)

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"frob"},
		{"export"},
		{"validate"},
		{"export", "--bogus", minimal},
		{"export", "--columns", "seven", minimal},
		{"export", "--columns", "9", minimal},
		{"export", "--format", "docx", minimal},
		{"export", "--trim", "huge", minimal},
		{"export", "--pad", "0", minimal},
		{"export", "--epub-fonts", "otf", minimal},
		{"export", minimal, "--out", "x"},
	} {
		status, _, stderr := qikan(args...)
		if status != 2 {
			t.Errorf("qikan %q: status %d, want 2 (stderr %q)", args, status, stderr)
		}
		if !strings.Contains(stderr, "qikan: ") {
			t.Errorf("qikan %q: stderr %q does not say what is wrong", args, stderr)
		}
	}
}

func TestVersion(t *testing.T) {
	status, out, _ := qikan("version")
	if status != 0 || out != "qikan dev\n" {
		t.Errorf("version: %d %q", status, out)
	}
}

func TestValidate(t *testing.T) {
	status, out, stderr := qikan("validate", minimal)
	if status != 0 || out != "ok: "+minimal+" (1 sections, 1 articles)\n" || stderr != "" {
		t.Errorf("validate minimal: %d %q %q", status, out, stderr)
	}
	status, out, stderr = qikan("validate", invalid, minimal)
	if status != 1 {
		t.Errorf("validate invalid: status %d", status)
	}
	if !strings.Contains(out, "ok: "+minimal) {
		t.Errorf("the valid issue after an invalid one was not checked: %q", out)
	}
	want := filepath.Join(invalid, "issue.yaml") + `:1:1: unknown key "titel" in issue.yaml (did you mean "title"?)`
	if !strings.Contains(stderr, want) || !strings.Contains(stderr, invalid+": 7 problems") {
		t.Errorf("stderr = %q, want %q and a count", stderr, want)
	}
}

func TestExportInvalidWritesNothing(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	status, stdout, stderr := qikan("export", "--out", out, invalid)
	if status != 1 || stdout != "" || !strings.Contains(stderr, "nothing written") {
		t.Errorf("status %d stdout %q stderr %q", status, stdout, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("output directory exists: %v", err)
	}
}

// TestExportStrictLowResolution: with --strict an image the PDF would
// print below 150 ppi is a problem at its line; the PDF is not written,
// the EPUB is, and the count line says so.
func TestExportStrictLowResolution(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "lowres")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "issue.yaml"), []byte("title: 期刊\nissue: 2025年第1期\ndate: 2025-03-28\nlanguage: zh-CN\nsections:\n  - title: 栏目\n    articles: [a.md]\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("---\ntitle: 标题\n---\n正文。\n\n![一张很小的图表](chart.png)\n"), 0o644)
	m := image.NewGray(image.Rect(0, 0, 60, 40))
	var buf bytes.Buffer
	pngenc.Encode(&buf, m)
	os.WriteFile(filepath.Join(dir, "chart.png"), buf.Bytes(), 0o644)
	out := t.TempDir()
	status, _, stderr := qikan("export", "--strict", "--out", out, dir)
	epub := filepath.Join(out, "lowres.epub")
	if status != 1 || !strings.Contains(stderr, filepath.Join(dir, "a.md")+":6:1: image \"chart.png\" prints at") ||
		!strings.Contains(stderr, "1 problem, only "+epub+" written") {
		t.Errorf("status %d, stderr:\n%s", status, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "lowres.pdf")); !os.IsNotExist(err) {
		t.Errorf("the PDF was written: %v", err)
	}
	if _, err := os.Stat(epub); err != nil {
		t.Errorf("the EPUB was not written: %v", err)
	}
}

func TestExportBadSourceDateEpoch(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "last tuesday")
	status, _, stderr := qikan("export", "--out", t.TempDir(), minimal)
	if status != 2 || !strings.Contains(stderr, "SOURCE_DATE_EPOCH") {
		t.Errorf("status %d stderr %q", status, stderr)
	}
}

// TestExportMinimal runs the real backends on the smallest issue.
func TestExportMinimal(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	out := t.TempDir()
	status, stdout, stderr := qikan("export", "--out", out, minimal)
	if status != 0 {
		t.Fatalf("status %d\nstdout %s\nstderr %s", status, stdout, stderr)
	}
	epub, pdf := filepath.Join(out, "minimal.epub"), filepath.Join(out, "minimal.pdf")
	if !strings.Contains(stdout, "wrote "+epub+"\n") || !strings.Contains(stdout, "wrote "+pdf+" (") {
		t.Errorf("stdout = %q", stdout)
	}
	for file, magic := range map[string]string{epub: "PK\x03\x04", pdf: "%PDF-"} {
		b, err := os.ReadFile(file)
		if err != nil || !bytes.HasPrefix(b, []byte(magic)) {
			t.Errorf("%s: %v, starts %q", file, err, b[:min(len(b), 8)])
		}
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 2 {
		t.Errorf("output directory holds %d entries, want 2", len(entries))
	}
	// Same input and SOURCE_DATE_EPOCH: the same bytes.
	out2 := t.TempDir()
	if status, _, stderr := qikan("export", "--format", "epub,pdf", "--out", out2, minimal); status != 0 {
		t.Fatalf("second export: %s", stderr)
	}
	for _, name := range []string{"minimal.epub", "minimal.pdf"} {
		a, _ := os.ReadFile(filepath.Join(out, name))
		b, _ := os.ReadFile(filepath.Join(out2, name))
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

// TestExportEpubFonts: --epub-fonts chooses the format of the EPUB's fonts,
// TrueType by default.
func TestExportEpubFonts(t *testing.T) {
	for _, tc := range []struct {
		args []string
		ext  string
	}{{nil, ".ttf"}, {[]string{"--epub-fonts", "woff2"}, ".woff2"}, {[]string{"--epub-fonts", "TTF"}, ".ttf"}} {
		out := t.TempDir()
		args := append(append([]string{"export", "--format", "epub", "--out", out}, tc.args...), minimal)
		if status, _, stderr := qikan(args...); status != 0 {
			t.Fatalf("qikan %q: %s", args, stderr)
		}
		zr, err := zip.OpenReader(filepath.Join(out, "minimal.epub"))
		if err != nil {
			t.Fatal(err)
		}
		fonts := 0
		for _, f := range zr.File {
			if strings.HasPrefix(f.Name, "EPUB/fonts/") {
				fonts++
				if filepath.Ext(f.Name) != tc.ext {
					t.Errorf("qikan %q: %s, want %s fonts", args, f.Name, tc.ext)
				}
			}
		}
		zr.Close()
		if fonts == 0 {
			t.Errorf("qikan %q: no fonts", args)
		}
	}
}
