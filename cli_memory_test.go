package main

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
)

// Helpers for the end-to-end bad-input tests (cli_invalid_test.go), and the
// peak-memory test of an image that claims 10.8 GB of pixels.

// write writes a file, making its directory.
func write(t *testing.T, path, text string) {
	t.Helper()
	os.MkdirAll(filepath.Dir(path), 0o755)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// png returns a PNG file of w×h pixels as far as its header goes: the
// signature and an IHDR chunk with a correct CRC, then an empty IDAT and
// IEND. A decoder that trusts the header before decoding allocates w×h.
func png(t *testing.T, w, h uint32) []byte {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		b.WriteString(typ)
		b.Write(data)
		binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr, w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 2 // 8-bit RGB
	chunk("IHDR", ihdr)
	chunk("IDAT", nil)
	chunk("IEND", nil)
	return b.Bytes()
}

// runQikan runs qikan and returns its exit status, stderr and peak memory
// in kilobytes.
func runQikan(t *testing.T, args ...string) (int, string, int64) {
	t.Helper()
	cmd := qikanCommand(t, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("qikan %v: %v", args, err)
		}
		code = ee.ExitCode()
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss
	}
	return code, stderr.String(), rss
}

// TestHugeImageMemory: an image whose header claims 60000×60000 pixels
// (10.8 GB decoded) is refused from its header; peak memory stays far below
// what decoding would take.
func TestHugeImageMemory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "huge")
	write(t, filepath.Join(dir, "issue.yaml"), "title: 期刊\nissue: 1\ndate: 2025-03-28\ncover:\n  image: c.png\nsections:\n  - title: 栏目\n    articles: [a.md]\n")
	write(t, filepath.Join(dir, "a.md"), "---\ntitle: 标题\n---\n\n![图](c.png)\n")
	write(t, filepath.Join(dir, "c.png"), string(png(t, 60000, 60000)))
	code, stderr, rss := runQikan(t, "export", "--out", t.TempDir(), dir)
	if code != 1 {
		t.Errorf("exit status %d, want 1:\n%s", code, stderr)
	}
	if rss <= 0 {
		t.Skip("no peak memory figure on this system")
	}
	t.Logf("peak memory %d MB", rss>>10)
	if rss > 300<<10 {
		t.Errorf("peak memory %d MB, want under 300 MB", rss>>10)
	}
	// For scale: the sample issue, exported for real.
	code, stderr, rss = runQikan(t, "export", "-q", "--out", t.TempDir(), filepath.Join("testdata", "dangyuanzhiyou-2025-03"))
	if code != 0 {
		t.Fatalf("sample: exit status %d:\n%s", code, stderr)
	}
	t.Logf("sample issue: peak memory %d MB", rss>>10)
}
