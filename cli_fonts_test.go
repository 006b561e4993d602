package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qikan-dev/qikan/internal/testtool"
)

// fallbackIssue writes an issue whose article holds 𠮷 (Extension B, in
// HanaMin, not embedded) and \U0002EBF0 (Extension I, in no installed font).
func fallbackIssue(t *testing.T) string {
	dir := filepath.Join(t.TempDir(), "rare")
	writeFile(t, filepath.Join(dir, "issue.yaml"), []byte("title: 期刊\nissue: 2025年第1期\ndate: 2025-03-28\nsections:\n  - title: 栏目\n    articles: [a.md]\n"))
	writeFile(t, filepath.Join(dir, "a.md"), []byte("---\ntitle: 姓名\n---\n\n吉野家的𠮷，还有\U0002EBF0字。\n"))
	return dir
}

// TestExportSystemFonts: with fonts-hanazono installed, 𠮷 comes from it and
// the warning names the font; U+2EBF0 is in no font and the warning says what to
// install; --strict refuses and writes nothing; FONTCONFIG_FILE=/dev/null
// with an empty HOME uses no font of the machine.
func TestExportSystemFonts(t *testing.T) {
	testtool.NeedFile(t, "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf", "fonts-hanazono")
	dir := fallbackIssue(t)
	out := t.TempDir()
	status, _, stderr := qikan("export", "--out", out, dir)
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	if !strings.Contains(stderr, "𠮷 U+20BB7 is in none of the fonts") || !strings.Contains(stderr, "it is set in HanaMin") {
		t.Errorf("no warning naming the font that supplies 𠮷:\n%s", stderr)
	}
	if !strings.Contains(stderr, "U+2EBF0 is in none of the fonts") || !strings.Contains(stderr, "crossed box") ||
		!strings.Contains(stderr, "Extension G–I") {
		t.Errorf("no warning with the fix for U+2EBF0:\n%s", stderr)
	}

	strictOut := t.TempDir()
	if status, _, stderr := qikan("export", "--strict", "--out", strictOut, dir); status != 1 || !strings.Contains(stderr, "U+2EBF0") {
		t.Errorf("--strict: status %d, stderr %s", status, stderr)
	}
	if entries, _ := os.ReadDir(strictOut); len(entries) != 0 {
		t.Errorf("--strict wrote %d files", len(entries))
	}

	t.Setenv("FONTCONFIG_FILE", os.DevNull)
	t.Setenv("HOME", t.TempDir())
	status, _, stderr = qikan("export", "--out", t.TempDir(), dir)
	if status != 0 || strings.Contains(stderr, "it is set in") || !strings.Contains(stderr, "𠮷 U+20BB7 is in none of the fonts (") ||
		!strings.Contains(stderr, "nor in any font of this machine") {
		t.Errorf("FONTCONFIG_FILE=/dev/null: status %d:\n%s", status, stderr)
	}
}
