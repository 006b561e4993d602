package main

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// The bad-input contract, end to end: every broken issue makes qikan exit
// with status 1, print a message that names the file at fault, and write
// nothing at all into the output directory.

// badCase is an issue directory that must fail, and what stderr must say.
type badCase struct {
	name string
	dir  string
	args []string // extra arguments before the directory
	want []string // substrings of stderr
}

// corpus returns every directory of testdata/invalid, then the cases
// built here: symbolic links out of the issue, fonts that are not
// TrueType, an image whose header claims 60000×60000 pixels, a truncated
// JPEG, font flags naming missing files.
func corpus(t *testing.T) []badCase {
	t.Helper()
	var cases []badCase
	entries, err := os.ReadDir(filepath.Join("testdata", "invalid"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		dir := filepath.Join("testdata", "invalid", e.Name())
		cases = append(cases, badCase{name: e.Name(), dir: dir, want: []string{dir + string(filepath.Separator)}})
	}

	root := t.TempDir()
	outside := filepath.Join(root, "outside")
	os.MkdirAll(outside, 0o755)
	write(t, filepath.Join(outside, "secret.md"), "---\ntitle: 外面\n---\n正文\n")
	write(t, filepath.Join(outside, "secret.png"), string(png(t, 4, 4)))

	build := func(name string, files map[string]string, links map[string]string) string {
		dir := filepath.Join(root, name)
		for p, text := range files {
			write(t, filepath.Join(dir, p), text)
		}
		for p, target := range links {
			os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755)
			if err := os.Symlink(target, filepath.Join(dir, p)); err != nil {
				t.Skipf("symbolic links: %v", err)
			}
		}
		return dir
	}
	yaml := func(extra string) string {
		return "title: 期刊\nissue: 2025年第1期\ndate: 2025-03-28\n" + extra + "sections:\n  - title: 栏目\n    articles: [a.md]\n"
	}
	article := "---\ntitle: 标题\n---\n\n正文。\n"
	cff, err := os.ReadFile(filepath.Join("fonts", "testdata", "cff-mini.otf"))
	if err != nil {
		t.Fatal(err)
	}
	jpeg := []byte{0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xC0, 0x00}

	add := func(name, dir string, args []string, want ...string) {
		cases = append(cases, badCase{name: name, dir: dir, args: args, want: want})
	}
	d := build("symlink-article", map[string]string{"issue.yaml": yaml("")}, map[string]string{"a.md": filepath.Join(outside, "secret.md")})
	add("symlink-article", d, nil, filepath.Join(d, "issue.yaml")+":", "outside the issue directory")
	d = build("symlink-image", map[string]string{"issue.yaml": yaml(""), "a.md": article + "\n![图](img/x.png)\n"},
		map[string]string{"img/x.png": filepath.Join(outside, "secret.png")})
	add("symlink-image", d, nil, filepath.Join(d, "a.md")+":", "outside the issue directory")
	d = build("symlink-dir", map[string]string{"issue.yaml": yaml(""), "a.md": article + "\n![图](img/secret.png)\n"},
		map[string]string{"img": outside})
	add("symlink-dir", d, nil, filepath.Join(d, "a.md")+":", "outside the issue directory")
	d = build("font-garbage", map[string]string{"issue.yaml": yaml("fonts:\n  body: body.ttf\n"), "a.md": article, "body.ttf": "this is not a font, just text\n"}, nil)
	add("font-garbage", d, nil, "body.ttf", "not a TrueType or OpenType font", "give a .ttf file")
	d = build("font-png", map[string]string{"issue.yaml": yaml("fonts:\n  heading: head.ttf\n"), "a.md": article, "head.ttf": string(png(t, 2, 2))}, nil)
	add("font-png", d, nil, "head.ttf", "it is a PNG image")
	d = build("font-cff", map[string]string{"issue.yaml": yaml("fonts:\n  body: body.otf\n"), "a.md": article, "body.otf": string(cff)}, nil)
	add("font-cff", d, nil, "body.otf", "CFF (PostScript) outlines", "otf2ttf")
	d = build("image-60000", map[string]string{"issue.yaml": yaml("cover:\n  image: cover.png\n"), "a.md": article, "cover.png": string(png(t, 60000, 60000))}, nil)
	add("image-60000", d, nil, filepath.Join(d, "issue.yaml")+":", "60000×60000")
	d = build("jpeg-truncated", map[string]string{"issue.yaml": yaml(""), "a.md": article + "\n![图](x.jpg)\n", "x.jpg": string(jpeg)}, nil)
	add("jpeg-truncated", d, nil, filepath.Join(d, "a.md")+":", "x.jpg")
	good := build("good", map[string]string{"issue.yaml": yaml(""), "a.md": article}, nil)
	add("body-font-flag-missing", good, []string{"--body-font", filepath.Join(root, "none.ttf")}, "none.ttf: file not found")
	return cases
}

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

// TestBadInputCorpus: export and validate fail with status 1 (2 for a bad
// command line), name the file and write nothing, for every bad input.
func TestBadInputCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("runs qikan once per case")
	}
	for _, c := range corpus(t) {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			args := append(append([]string{"export", "--out", out}, c.args...), c.dir)
			code, stderr, rss := runQikan(t, args...)
			wantCode := 1
			if len(c.args) > 0 {
				wantCode = 2 // a flag names a missing file: a usage error
			}
			if code != wantCode {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, wantCode, stderr)
			}
			for _, w := range c.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr does not say %q:\n%s", w, stderr)
				}
			}
			if entries, err := os.ReadDir(out); err == nil && len(entries) > 0 {
				var names []string
				for _, e := range entries {
					names = append(names, e.Name())
				}
				t.Errorf("wrote %q for a bad issue", names)
			}
			if rss > 300<<10 {
				t.Errorf("peak memory %d MB, want under 300 MB", rss>>10)
			}
			if len(c.args) == 0 {
				code, stderr, _ := runQikan(t, "validate", c.dir)
				if code != 1 || !strings.Contains(stderr, c.want[0]) {
					t.Errorf("validate: exit status %d, stderr:\n%s", code, stderr)
				}
			}
		})
	}
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

// TestBatchOneBadIssue: in a batch, a bad issue fails alone — the good
// ones are exported, the bad one is reported with its file, nothing of it
// is written, and the exit status is 1.
func TestBatchOneBadIssue(t *testing.T) {
	root := t.TempDir()
	for _, name := range []string{"a-good", "c-good"} {
		write(t, filepath.Join(root, name, "issue.yaml"), "title: 期刊\nissue: 1\ndate: 2025-03-28\nsections:\n  - title: 栏目\n    articles: [a.md]\n")
		write(t, filepath.Join(root, name, "a.md"), "---\ntitle: 标题\n---\n\n正文。\n")
	}
	write(t, filepath.Join(root, "b-bad", "issue.yaml"), "title: 期刊\nissue: 1\ndate: 2025-02-30\nsections:\n  - title: 栏目\n    articles: [a.md]\n")
	write(t, filepath.Join(root, "b-bad", "a.md"), "---\ntitle: 标题\n---\n\n正文。\n")
	out := t.TempDir()
	code, stderr, _ := runQikan(t, "batch", "--jobs", "2", "--out", out, root)
	if code != 1 {
		t.Errorf("exit status %d, want 1:\n%s", code, stderr)
	}
	if !strings.Contains(stderr, filepath.Join("b-bad", "issue.yaml")+":3") || !strings.Contains(stderr, "does not exist") {
		t.Errorf("the failure is not reported with its file and line:\n%s", stderr)
	}
	entries, _ := os.ReadDir(out)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{"a-good.epub", "a-good.pdf", "c-good.epub", "c-good.pdf"}
	got := strings.Join(names, " ")
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("output lacks %s: %q", w, names)
		}
	}
	if strings.Contains(got, "b-bad") {
		t.Errorf("the bad issue left files: %q", names)
	}
}
