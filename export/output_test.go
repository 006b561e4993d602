package export

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/issue"
)

func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// TestWriteAtomicLate: the temporary file exists only once the backend
// writes, is tracked while it does, and is gone afterwards either way.
func TestWriteAtomicLate(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.pdf")
	temps := &Temps{}
	err := writeAtomic(path, temps, func(w io.Writer) error {
		if got := entries(t, dir); len(got) != 0 {
			t.Errorf("before the first byte the directory holds %q", got)
		}
		w.Write(make([]byte, 300<<10)) // past the buffer: the file is created
		got := entries(t, dir)
		if len(got) != 1 || !strings.HasPrefix(got[0], ".x.pdf.tmp-") || len(temps.files) != 1 {
			t.Errorf("while writing the directory holds %q, %d tracked", got, len(temps.files))
		}
		return nil
	})
	if err != nil || len(temps.files) != 0 {
		t.Fatalf("err %v, %d tracked", err, len(temps.files))
	}
	if got := entries(t, dir); len(got) != 1 || got[0] != "x.pdf" {
		t.Errorf("after writing the directory holds %q", got)
	}
	err = writeAtomic(path, temps, func(w io.Writer) error {
		w.Write(make([]byte, 300<<10))
		return errors.New("backend failed")
	})
	if err == nil || len(temps.files) != 0 {
		t.Errorf("err %v, %d tracked", err, len(temps.files))
	}
	if got := entries(t, dir); len(got) != 1 {
		t.Errorf("a failed write left %q", got)
	}
}

// TestTempsRemove: Remove deletes the temporary files in flight and makes
// later writes fail without leaving a file.
func TestTempsRemove(t *testing.T) {
	dir := t.TempDir()
	temps := &Temps{}
	err := writeAtomic(filepath.Join(dir, "x.epub"), temps, func(w io.Writer) error {
		w.Write(make([]byte, 300<<10))
		temps.Remove() // a signal arrives
		if got := entries(t, dir); len(got) != 0 {
			t.Errorf("Remove left %q", got)
		}
		return nil
	})
	if err == nil {
		t.Error("the write went on after Remove")
	}
	err = writeAtomic(filepath.Join(dir, "y.epub"), temps, func(w io.Writer) error {
		_, err := w.Write(make([]byte, 300<<10))
		return err
	})
	if err == nil || len(entries(t, dir)) != 0 {
		t.Errorf("a write after Remove: %v, left %q", err, entries(t, dir))
	}
}

// TestWriteAllTogether: the formats of one export are renamed into place
// together once every backend has ended. A signal while one backend still
// writes leaves neither file (the EPUB, finished first, is not left beside
// an old or missing PDF); a backend that fails leaves the other's file.
func TestWriteAllTogether(t *testing.T) {
	for _, tt := range []struct {
		name      string
		interrupt bool  // Remove while the PDF is being written
		pdfErr    error // the PDF backend's error
		want      []string
	}{
		{"both written", false, nil, []string{"x.epub", "x.pdf"}},
		{"signal while the PDF is written", true, nil, nil},
		{"the PDF fails", false, errors.New("bad image"), []string{"x.epub"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			temps := &Temps{}
			epubDone := make(chan struct{})
			backends := map[string]backend{
				"epub": func(w io.Writer, _ *issue.Issue, _ *fonts.Set) error {
					defer close(epubDone)
					_, err := w.Write(make([]byte, 300<<10))
					return err
				},
				"pdf": func(w io.Writer, _ *issue.Issue, _ *fonts.Set) error {
					<-epubDone
					if _, err := w.Write(make([]byte, 300<<10)); err != nil {
						return err
					}
					if tt.interrupt {
						temps.Remove() // what the signal handler does before exiting
					}
					return tt.pdfErr
				},
			}
			files, err := writeAll(nil, nil, backends, []string{"epub", "pdf"}, filepath.Join(dir, "x"), temps)
			if (err != nil) != (tt.interrupt || tt.pdfErr != nil) {
				t.Errorf("error %v", err)
			}
			if got := entries(t, dir); !slices.Equal(got, tt.want) {
				t.Errorf("the directory holds %q, want %q", got, tt.want)
			}
			if len(files) != len(tt.want) {
				t.Errorf("reported %q as written, want %q", files, tt.want)
			}
		})
	}
}

func TestPrepareOut(t *testing.T) {
	root := t.TempDir()
	file := filepath.Join(root, "afile")
	os.WriteFile(file, nil, 0o644)
	os.MkdirAll(filepath.Join(root, "d", "x.pdf"), 0o755)
	tests := []struct {
		dir   string
		paths []string
		env   string
		says  string
	}{
		{filepath.Join(root, "new", "out"), []string{"x.pdf"}, "", ""},
		{file, nil, "", "output directory " + file + " is a file, not a directory"},
		{filepath.Join(file, "sub"), nil, "", "is a file; give another directory"},
		{filepath.Join(root, "d"), []string{filepath.Join(root, "d", "x.epub"), filepath.Join(root, "d", "x.pdf")}, "", "x.pdf is a directory"},
		{filepath.Join(root, "e"), nil, filepath.Join(root, "none"), "TMPDIR=" + filepath.Join(root, "none") + " is not a directory"},
		{"/sys", nil, "", "cannot write in the output directory /sys: "},
	}
	for _, tt := range tests {
		t.Setenv("TMPDIR", tt.env)
		if tt.dir == "/sys" {
			if _, err := os.Stat("/sys/kernel"); err != nil {
				continue // not Linux
			}
		}
		err := prepareOut(tt.dir, tt.paths, true, nil)
		switch {
		case tt.says == "" && err != nil:
			t.Errorf("%s: %v", tt.dir, err)
		case tt.says != "" && (err == nil || !strings.Contains(err.Error(), tt.says)):
			t.Errorf("%s: %v, want %q", tt.dir, err, tt.says)
		case err != nil && strings.Contains(err.Error(), ".qikan-probe"):
			t.Errorf("%s: the message names the probe file: %v", tt.dir, err)
		}
	}
	if got := entries(t, filepath.Join(root, "new", "out")); len(got) != 0 {
		t.Errorf("the probe left %q", got)
	}
}

func TestCheckNames(t *testing.T) {
	tests := []struct {
		dirs []string
		says string
	}{
		{[]string{"x/2024/03", "x/2025/04"}, ""},
		{[]string{"x/2024/03", "x/2025/03"}, "x/2024/03 and x/2025/03 would both be written as 03.epub and 03.pdf"},
		{[]string{"a/Issue", "b/issue"}, "would both be written"},
		{[]string{"x/03", "x/03/"}, "x/03/ is given twice"},
	}
	for _, tt := range tests {
		err := CheckNames(tt.dirs)
		if tt.says == "" && err != nil || tt.says != "" && (err == nil || !strings.Contains(err.Error(), tt.says)) {
			t.Errorf("CheckNames(%q) = %v, want %q", tt.dirs, err, tt.says)
		}
	}
}
