package testtool

import (
	"os"
	"path/filepath"
	"testing"
)

// TestReadReports: each file gets the report of its position, clean only
// with exit code 0 and EPUBCheck's summary of no fatal error, error or
// warning; a missing report is an error. (EPUBCheck itself is run by the
// tests that write EPUBs, in one Java VM per test binary.)
func TestReadReports(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"1.txt": "0\nNo errors or warnings detected.\nMessages: 0 fatals / 0 errors / 0 warnings / 0 infos\n",
		"2.txt": "1\nERROR(PKG-003): Unable to read EPUB file header.\nMessages: 1 fatal / 1 error / 0 warnings / 0 infos\n",
		"3.txt": "0\nWARNING(OPF-085): …\nMessages: 0 fatals / 0 errors / 1 warning / 0 infos\n",
		"4.txt": "-1\njava.lang.OutOfMemoryError\n",
		"5.txt": "x\nMessages: 0 fatals / 0 errors / 0 warnings / 0 infos\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files := []string{"a.epub", "b.epub", "c.epub", "d.epub", "e.epub"}
	reports, err := readReports(dir, files)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []bool{true, false, false, false, false} {
		if r := reports[i]; r.File != files[i] || r.Clean != want || r.Output == "" {
			t.Errorf("report %d: %+v, want clean %v", i, r, want)
		}
	}
	if _, err := readReports(dir, append(files, "f.epub")); err == nil {
		t.Error("a missing report is no error")
	}
}
