package export

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
