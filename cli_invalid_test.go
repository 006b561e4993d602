package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	imagepng "image/png"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/qikan-dev/qikan/issue"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// The bad-input contract of the command line, case by case: qikan export
// exits with status 1, names the file at fault (with the line where the
// fault has one) and says how to fix it, and leaves the output directory,
// the working directory and the issue exactly as they were. qikan validate
// says the same, and in a batch a bad issue fails alone.

// invalidCase is an issue that qikan must refuse.
type invalidCase struct {
	name   string
	dir    string   // absolute
	flags  []string // given to export before the directory
	status int      // export's exit status
	want   []wantLine
}

// wantLine is a message stderr must hold.
type wantLine struct {
	file string // the file at fault, as printed
	line int    // > 0: printed after the file name, as file:line
	says string // part of the message
	hint string // part of the fix it suggests; "" checks no fix
}

// String prints w as the test reports it.
func (w wantLine) String() string {
	at := w.file
	if w.line > 0 {
		at += ":" + strconv.Itoa(w.line)
	}
	return fmt.Sprintf("%s: …%s… (…%s…)", at, w.says, w.hint)
}

// findIn returns the line of text that reports w, or "" if none does. A
// line reports w when it holds the file name (followed by :line when w has
// a line), the message and the hint.
func (w wantLine) findIn(text string) string {
	at := regexp.QuoteMeta(w.file)
	if w.line > 0 {
		at += ":" + strconv.Itoa(w.line) + "[:\\s]"
	} else {
		at += "[:\\s]"
	}
	re := regexp.MustCompile(`(^|[\s'"])` + at)
	for _, l := range strings.Split(text, "\n") {
		if re.MatchString(l) && strings.Contains(l, w.says) && strings.Contains(l, w.hint) {
			return l
		}
	}
	return ""
}

// corpusCases returns every directory of testdata/invalid, each with the
// problems issue.Load finds in it (TestInvalid in package issue checks
// those against a table of files and lines), so a new directory there is
// covered here without an edit.
func corpusCases(t *testing.T) []invalidCase {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("testdata", "invalid"))
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	var cases []invalidCase
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		dir := filepath.Join(root, e.Name())
		cases = append(cases, invalidCase{name: e.Name(), dir: dir, status: 1, want: loaderProblems(t, dir)})
	}
	if len(cases) < 10 {
		t.Fatalf("only %d cases in %s", len(cases), root)
	}
	return cases
}

// loaderProblems returns what issue.Load reports for dir as wanted lines.
// Every problem must come with a hint.
func loaderProblems(t *testing.T, dir string) []wantLine {
	t.Helper()
	_, _, err := issue.Load(dir)
	var ps issue.Problems
	if !errors.As(err, &ps) || len(ps) == 0 {
		t.Fatalf("%s: issue.Load returned %v, want problems", dir, err)
	}
	var want []wantLine
	for _, p := range ps {
		if !strings.HasPrefix(p.File, dir) {
			t.Errorf("%s: problem in %q, outside the issue", dir, p.File)
		}
		if p.Hint == "" {
			t.Errorf("%s: no hint how to fix %q", filepath.Base(dir), p)
		}
		want = append(want, wantLine{file: p.File, line: p.Line, says: p.Message, hint: p.Hint})
	}
	return want
}

// fault is a wanted line of a built case: file relative to the issue
// (absolute: as it is), the line is the first holding lineText ("": no
// line).
type fault struct{ file, lineText, says, hint string }

// builtCases makes, under root, the bad issues that cannot be kept in
// testdata: symbolic links out of the issue, fonts that are not TrueType,
// images whose header claims 60000×60000 pixels, broken JPEGs, a GBK
// article, and a --body-font that does not exist.
func builtCases(t *testing.T, root string) []invalidCase {
	t.Helper()
	outside := filepath.Join(root, "outside") // no issue.yaml: batch ignores it
	writeFile(t, filepath.Join(outside, "secret.md"), []byte("---\ntitle: 外面\n---\n\n正文。\n"))
	writeFile(t, filepath.Join(outside, "secret.png"), realPNG(t, 4, 4))

	const article = "---\ntitle: 标题\n---\n\n正文。\n"
	issueYAML := func(extra string) []byte {
		return []byte("title: 期刊\nissue: 2025年第1期\ndate: 2025-03-28\n" + extra + "sections:\n  - title: 栏目\n    articles: [a.md]\n")
	}
	withFigure := func(path string) []byte { return []byte(article + "\n![图](" + path + ")\n") }
	link := func(target string) []byte { return []byte("-> " + target) }

	cb := &caseBuilder{t: t, root: root}
	add := cb.add
	const escape = "leads outside the issue directory through a symbolic link"
	const noLink = "copy the file into the issue directory"
	add("symlink-article", map[string][]byte{"issue.yaml": issueYAML(""), "a.md": link(filepath.Join(outside, "secret.md"))}, nil, 1,
		fault{"issue.yaml", "a.md", escape, noLink})
	add("symlink-image", map[string][]byte{"issue.yaml": issueYAML(""), "a.md": withFigure("img/x.png"), "img/x.png": link(filepath.Join(outside, "secret.png"))}, nil, 1,
		fault{"a.md", "![", escape, noLink})
	add("symlink-image-dir", map[string][]byte{"issue.yaml": issueYAML(""), "a.md": withFigure("img/secret.png"), "img": link(outside)}, nil, 1,
		fault{"a.md", "![", escape, noLink})
	add("symlink-cover-relative", map[string][]byte{"issue.yaml": issueYAML("cover:\n  image: c.png\n"), "a.md": []byte(article), "c.png": link(filepath.Join("..", "outside", "secret.png"))}, nil, 1,
		fault{"issue.yaml", "image:", escape, noLink})

	random := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(7, 7))
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	random[0] = 0x57 // not by chance a font signature
	cff, err := os.ReadFile(filepath.Join("fonts", "testdata", "cff-mini.otf"))
	if err != nil {
		t.Fatal(err)
	}
	serif, err := os.ReadFile(filepath.Join("fonts", "testdata", "serif-mini.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	fontIssue := func(role, file string, data []byte) map[string][]byte {
		return map[string][]byte{"issue.yaml": issueYAML("fonts:\n  " + role + ": " + file + "\n"), "a.md": []byte(article), file: data}
	}
	ttcIssue := fontIssue("body", "b.ttf", serif)
	ttcIssue["issue.yaml"] = issueYAML("fonts:\n  body: b.ttf#3\n")
	add("font-random-bytes", fontIssue("body", "x.ttf", random), nil, 1,
		fault{"x.ttf", "", "not a TrueType or OpenType font", "give a .ttf file"})
	add("font-png-renamed", fontIssue("heading", "h.ttf", realPNG(t, 16, 16)), nil, 1,
		fault{"h.ttf", "", "it is a PNG image", "give a .ttf file"})
	add("font-cff-otf", fontIssue("body", "b.otf", cff), nil, 1,
		fault{"b.otf", "", "CFF (PostScript) outlines", "otf2ttf"})
	// Known gaps of package fonts: neither of these says how to fix it.
	add("font-empty", fontIssue("body", "b.ttf", nil), nil, 1,
		fault{"b.ttf", "", "not a font file", ""})
	add("font-truncated", fontIssue("body", "b.ttf", serif[:len(serif)/3]), nil, 1,
		fault{"b.ttf", "", "corrupt font", ""})
	add("font-index-in-ttf", ttcIssue, nil, 1,
		fault{"b.ttf", "", "not a font collection", `drop the "#3"`})

	huge := png(t, 60000, 60000) // header only
	const tooLarge = "too large: 60000×60000 pixels"
	add("png-60000-cover", map[string][]byte{"issue.yaml": issueYAML("cover:\n  image: c.png\n"), "a.md": []byte(article), "c.png": huge}, nil, 1,
		fault{"issue.yaml", "image:", tooLarge, "scale it down"})
	add("png-60000-figure", map[string][]byte{"issue.yaml": issueYAML(""), "a.md": withFigure("f.png"), "f.png": huge}, nil, 1,
		fault{"a.md", "![", tooLarge, "scale it down"})

	photo := realJPEG(t)
	sof := bytes.Index(photo, []byte{0xFF, 0xC0})
	if sof < 0 {
		t.Fatal("the encoded JPEG has no SOF0 marker")
	}
	add("jpeg-cut-in-header", map[string][]byte{"issue.yaml": issueYAML(""), "a.md": withFigure("p.jpg"), "p.jpg": photo[:sof+4]}, nil, 1,
		fault{"a.md", "![", `"p.jpg"`, "re-export the image"})
	garbled := slices.Clone(photo)
	for i := 20; i < sof+12; i++ { // after SOI and APP0: the tables and the frame header
		garbled[i] ^= 0x5A
	}
	add("jpeg-garbled", map[string][]byte{"issue.yaml": issueYAML(""), "a.md": withFigure("p.jpg"), "p.jpg": garbled}, nil, 1,
		fault{"a.md", "![", `"p.jpg"`, "re-export the image"})

	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("---\ntitle: 国内新闻\nauthors: 记者\n---\n\n正文，中文。\n"))
	if err != nil {
		t.Fatal(err)
	}
	add("article-gbk-encoded", map[string][]byte{"issue.yaml": issueYAML(""), "a.md": gbk}, nil, 1,
		fault{"a.md", "title:", "looks like GBK", "iconv -f GBK -t UTF-8"})

	// A missing file named on the command line is a usage error (status
	// 2, README: "2 usage error").
	none := filepath.Join(root, "none.ttf")
	add("body-font-flag-missing", map[string][]byte{"issue.yaml": issueYAML(""), "a.md": []byte(article)}, []string{"--body-font", none}, 2,
		fault{none, "", "file not found", "give the path of a .ttf file"})
	add("body-font-flag-not-a-font", map[string][]byte{"issue.yaml": issueYAML(""), "a.md": []byte(article), "x.ttf": random}, []string{"--body-font", filepath.Join(root, "body-font-flag-not-a-font", "x.ttf")}, 1,
		fault{"x.ttf", "", "not a TrueType or OpenType font", "give a .ttf file"})
	reliabilityCases(cb)
	return cb.cases
}

// caseBuilder makes bad issues under root and collects them as cases.
type caseBuilder struct {
	t     *testing.T
	root  string
	cases []invalidCase
}

// add builds the issue name from files (a symbolic link where the content
// is "-> target", a named pipe where it is "|fifo") and adds it as a case
// whose export, given flags, exits with status and reports faults.
func (cb *caseBuilder) add(name string, files map[string][]byte, flags []string, status int, faults ...fault) {
	t := cb.t
	t.Helper()
	dir := filepath.Join(cb.root, name)
	for p, data := range files {
		path := filepath.Join(dir, p)
		if target, ok := strings.CutPrefix(string(data), "-> "); ok {
			os.MkdirAll(filepath.Dir(path), 0o755)
			if err := os.Symlink(target, path); err != nil {
				t.Skipf("symbolic links: %v", err)
			}
			continue
		}
		if string(data) == "|fifo" {
			os.MkdirAll(filepath.Dir(path), 0o755)
			if err := syscall.Mkfifo(path, 0o644); err != nil {
				t.Skipf("named pipes: %v", err)
			}
			continue
		}
		writeFile(t, path, data)
	}
	c := invalidCase{name: name, dir: dir, flags: flags, status: status}
	for _, f := range faults {
		w := wantLine{file: f.file, says: f.says, hint: f.hint}
		if f.lineText != "" {
			w.line = lineOf(t, files[f.file], f.lineText)
		}
		if !filepath.IsAbs(w.file) {
			w.file = filepath.Join(dir, w.file)
		}
		c.want = append(c.want, w)
	}
	cb.cases = append(cb.cases, c)
}

// lineOf returns the number of the first line of data holding text.
func lineOf(t *testing.T, data []byte, text string) int {
	t.Helper()
	for i, l := range strings.Split(string(data), "\n") {
		if strings.Contains(l, text) {
			return i + 1
		}
	}
	t.Fatalf("no line holds %q", text)
	return 0
}

// writeFile writes data to path, making its directory.
func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// png returns a PNG file of w×h pixels as far as its header goes: the
// signature and an IHDR chunk with a correct CRC, then an empty IDAT and
// IEND. A decoder that trusts the header before decoding allocates w×h.
func png(t *testing.T, w, h uint32) []byte {
	t.Helper()
	return rgbPNG(w, h, 8, nil)
}

// rgbPNG returns a PNG file of w×h RGB pixels of the given bit depth
// whose IDAT chunk holds idat, every chunk with a correct CRC.
func rgbPNG(w, h uint32, depth byte, idat []byte) []byte {
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
	ihdr[8], ihdr[9] = depth, 2 // RGB
	chunk("IHDR", ihdr)
	chunk("IDAT", idat)
	chunk("IEND", nil)
	return b.Bytes()
}

// realPNG encodes a w×h PNG.
func realPNG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 31)
	}
	var b bytes.Buffer
	if err := imagepng.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// realJPEG encodes a 64×48 baseline JPEG.
func realJPEG(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 64, 48))
	for y := range 48 {
		for x := range 64 {
			img.Set(x, y, color.RGBA{uint8(x * 4), uint8(y * 5), uint8(x ^ y), 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 80}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// tree lists every file under dir (symbolic links not followed) with its
// size and modification time.
func tree(t *testing.T, dir string) []string {
	t.Helper()
	var list []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		list = append(list, fmt.Sprintf("%s %v %d %d", path, info.Mode(), info.Size(), info.ModTime().UnixNano()))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// qikanTimeout is how long a run of qikan may take in these tests: far
// beyond what any case needs (a batch of the invalid corpus takes a few
// seconds, over a minute with -race on a busy 2-core machine), so that a
// hang fails the test with qikan's output instead of stalling it. It ends
// before the test binary's own deadline (go test -timeout), which would
// only print goroutines.
func qikanTimeout(t *testing.T) time.Duration {
	limit := 5 * time.Minute
	if d, ok := t.Deadline(); ok {
		limit = min(limit, time.Until(d)-15*time.Second)
	}
	return max(limit, time.Second)
}

// qikanIn runs qikan in the directory cwd and returns its exit status,
// stderr and peak resident memory in KiB (0 where the system does not
// tell).
func qikanIn(t *testing.T, cwd string, args ...string) (status int, stderr string, maxRSS int64) {
	t.Helper()
	cmd := qikanCommand(t, args...)
	cmd.Dir = cwd
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatalf("qikan %q: %v", args, err)
	}
	timeout := qikanTimeout(t)
	timer := time.AfterFunc(timeout, func() { cmd.Process.Kill() })
	err := cmd.Wait()
	if !timer.Stop() {
		t.Fatalf("qikan %q did not finish in %v; stderr:\n%s", args, timeout.Round(time.Second), errOut.String())
	}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		status = exit.ExitCode()
	case err != nil:
		t.Fatalf("qikan %q: %v", args, err)
	}
	return status, errOut.String(), peakRSS(t, cmd)
}

// checkSays reports each wanted line stderr lacks.
func checkSays(t *testing.T, stderr string, want []wantLine) {
	t.Helper()
	for _, w := range want {
		if w.findIn(stderr) == "" {
			t.Errorf("stderr does not report %v", w)
		}
	}
	if strings.Contains(stderr, "goroutine ") || strings.Contains(stderr, "panic") {
		t.Errorf("stderr holds a panic")
	}
	if t.Failed() {
		t.Logf("stderr:\n%s", stderr)
	}
}

// maxRSSLimit is the peak memory allowed to refuse a bad issue.
const maxRSSLimit = 300 << 10 // KiB

// TestInvalidCorpusCLI runs qikan export and qikan validate on every bad
// issue as a separate process.
func TestInvalidCorpusCLI(t *testing.T) {
	if testing.Short() {
		t.Skip("runs qikan twice per case")
	}
	cases := append(corpusCases(t), builtCases(t, t.TempDir())...)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cwd, out := t.TempDir(), t.TempDir()
			before := tree(t, c.dir)
			args := append(append([]string{"export", "--out", out}, c.flags...), c.dir)
			status, stderr, rss := qikanIn(t, cwd, args...)
			if status != c.status {
				t.Errorf("export: exit status %d, want %d", status, c.status)
			}
			checkSays(t, stderr, c.want)
			for _, d := range []string{out, cwd} {
				if entries, _ := os.ReadDir(d); len(entries) > 0 {
					t.Errorf("export left %d files in %s, first %s", len(entries), d, entries[0].Name())
				}
			}
			if after := tree(t, c.dir); !slices.Equal(before, after) {
				t.Errorf("export changed the issue directory:\nbefore %q\nafter  %q", before, after)
			}
			if rss > maxRSSLimit {
				t.Errorf("export: peak memory %d MiB, want under %d MiB", rss>>10, maxRSSLimit>>10)
			}

			if len(c.flags) > 0 {
				return // validate takes no font flags
			}
			status, stderr, rss = qikanIn(t, cwd, "validate", c.dir)
			if status != 1 {
				t.Errorf("validate: exit status %d, want 1", status)
			}
			if rss > maxRSSLimit {
				t.Errorf("validate: peak memory %d MiB, want under %d MiB", rss>>10, maxRSSLimit>>10)
			}
			checkSays(t, stderr, c.want)
			if entries, _ := os.ReadDir(cwd); len(entries) > 0 {
				t.Errorf("validate left files in the working directory")
			}
		})
	}
}

// copyTree copies the directory src to dst, symbolic links as links.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		to := filepath.Join(dst, rel)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(path)
			if err != nil {
				return err
			}
			return os.Symlink(target, to)
		case d.IsDir():
			return os.MkdirAll(to, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(to, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestInvalidCorpusBatch runs qikan batch over every bad issue (those with
// an issue.yaml, which batch looks for) among two good ones: the good ones
// are exported, each bad one is reported with its file and line and leaves
// nothing, and the exit status is 1.
func TestInvalidCorpusBatch(t *testing.T) {
	if testing.Short() {
		t.Skip("exports two issues in a subprocess")
	}
	root := filepath.Join(t.TempDir(), "archive")
	var bad []invalidCase
	for _, c := range builtCases(t, root) {
		if len(c.flags) > 0 { // a good issue with a bad flag: not this test's
			if err := os.RemoveAll(c.dir); err != nil {
				t.Fatal(err)
			}
			continue
		}
		bad = append(bad, c)
	}
	for _, c := range corpusCases(t) {
		if _, err := os.Stat(filepath.Join(c.dir, "issue.yaml")); err != nil {
			continue // batch does not see it as an issue
		}
		dir := filepath.Join(root, c.name)
		copyTree(t, c.dir, dir)
		bad = append(bad, invalidCase{name: c.name, dir: dir, status: 1, want: loaderProblems(t, dir)})
	}
	good := []string{"good-a", "good-z"}
	for _, name := range good {
		copyTree(t, filepath.Join("testdata", "minimal"), filepath.Join(root, name))
	}

	cwd, out := t.TempDir(), t.TempDir()
	status, stderr, rss := qikanIn(t, cwd, "batch", "--jobs", "2", "--out", out, root)
	t.Logf("batch of %d bad and %d good issues: peak memory %d MiB", len(bad), len(good), rss>>10)
	if status != 1 {
		t.Errorf("exit status %d, want 1", status)
	}
	if !strings.Contains(stderr, fmt.Sprintf("%d exported, 0 skipped, %d failed", len(good), len(bad))) {
		t.Errorf("the summary does not count %d exported and %d failed", len(good), len(bad))
	}
	for _, c := range bad {
		if !strings.Contains(stderr, "failed: "+c.dir+": ") {
			t.Errorf("%s is not reported as failed", c.name)
		}
		checkSays(t, stderr, c.want)
	}
	var names []string
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{"good-a.epub", "good-a.pdf", "good-z.epub", "good-z.pdf"}
	if !slices.Equal(names, want) {
		t.Errorf("output directory holds %q, want %q", names, want)
	}
	for _, name := range want {
		if info, err := os.Stat(filepath.Join(out, name)); err != nil || info.Size() < 1000 {
			t.Errorf("%s: %v, want a whole file", name, err)
		}
	}
	if entries, _ := os.ReadDir(cwd); len(entries) > 0 {
		t.Errorf("batch left files in the working directory")
	}
	if t.Failed() {
		t.Logf("stderr:\n%s", stderr)
	}
}

// TestTruncatedJPEGWarns: a JPEG cut off within its scan data still has a
// readable header; qikan exports it (it shows partly grey) with a warning
// at the article's line that names the file, and exit status 0.
func TestTruncatedJPEGWarns(t *testing.T) {
	if testing.Short() {
		t.Skip("exports an issue in a subprocess")
	}
	dir := filepath.Join(t.TempDir(), "cut")
	photo := realJPEG(t)
	md := []byte("---\ntitle: 标题\n---\n\n正文。\n\n![图](p.jpg)\n")
	writeFile(t, filepath.Join(dir, "issue.yaml"), []byte("title: 期刊\nissue: 1\ndate: 2025-03-28\nsections:\n  - title: 栏目\n    articles: [a.md]\n"))
	writeFile(t, filepath.Join(dir, "a.md"), md)
	writeFile(t, filepath.Join(dir, "p.jpg"), photo[:len(photo)*2/3])
	out := t.TempDir()
	status, stderr, _ := qikanIn(t, t.TempDir(), "export", "--out", out, dir)
	if status != 0 {
		t.Errorf("exit status %d, want 0", status)
	}
	checkSays(t, stderr, []wantLine{{file: filepath.Join(dir, "a.md"), line: lineOf(t, md, "p.jpg"), says: `warning: image "p.jpg" seems truncated`, hint: "copy it again"}})
	for _, name := range []string{"cut.epub", "cut.pdf"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Error(err)
		}
	}
}
