//go:build unix

package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestOpenRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("named pipes: %v", err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(fifo, link); err != nil {
		t.Skipf("symbolic links: %v", err)
	}
	for _, tt := range []struct{ path, kind string }{
		{fifo, "a named pipe (FIFO)"}, {link, "a named pipe (FIFO)"}, {dir, "a directory"}, {"/dev/null", "a device"},
	} {
		_, err := Open(tt.path) // must not block on the pipe
		var nr *NotRegularError
		if !errors.As(err, &nr) || !strings.Contains(err.Error(), tt.kind) {
			t.Errorf("Open(%s) = %v, want %s", tt.path, err, tt.kind)
		}
		if err := Check(tt.path); !errors.As(err, &nr) {
			t.Errorf("Check(%s) = %v", tt.path, err)
		}
		if _, err := ReadFile(tt.path, 10); !errors.As(err, &nr) {
			t.Errorf("ReadFile(%s) = %v", tt.path, err)
		}
	}
}

func TestReadFileBound(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f")
	os.WriteFile(path, []byte("0123456789"), 0o644)
	for _, tt := range []struct {
		limit int64
		ok    bool
	}{{10, true}, {100, true}, {9, false}, {0, false}} {
		data, err := ReadFile(path, tt.limit)
		var tl *TooLargeError
		switch {
		case tt.ok && (err != nil || string(data) != "0123456789"):
			t.Errorf("limit %d: %q, %v", tt.limit, data, err)
		case !tt.ok && !errors.As(err, &tl):
			t.Errorf("limit %d: %v, want too large", tt.limit, err)
		}
	}
	empty := filepath.Join(t.TempDir(), "e")
	os.WriteFile(empty, nil, 0o644)
	if data, err := ReadFile(empty, 0); err != nil || len(data) != 0 {
		t.Errorf("empty file: %q, %v", data, err)
	}
	if _, err := ReadFile(filepath.Join(t.TempDir(), "none"), 1); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{64 << 20: "64 MB", 512 << 10: "512 KB", 1000: "1000 bytes", 3<<20 + 1: "3145729 bytes"} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}
