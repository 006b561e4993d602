package issue

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/gif"  // register for DecodeConfig
	_ "image/jpeg" // register for DecodeConfig
	_ "image/png"  // register for DecodeConfig
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/qikan-dev/qikan/internal/safefile"
	"github.com/qikan-dev/qikan/internal/sniff"
	"github.com/qikan-dev/qikan/lang"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Limits on input files.
const (
	maxPixels = 100_000_000
	// MaxImageFile bounds an image file: the loader refuses a larger one,
	// and the PDF, which reads an image whole (it embeds a JPEG's bytes as
	// they are), never reads more.
	MaxImageFile = 64 << 20
)

// where is a place in a file, for problems about a path written there.
type where struct {
	file      string
	line, col int
}

// inside reports whether path lies in root (both cleaned, absolute).
func inside(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	if err != nil {
		return false
	}
	return rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// resolve checks a path p written at w, relative to the directory base, and
// returns its absolute path and its slash-separated path relative to the
// issue directory. It reports (and returns ok == false for) empty paths,
// URLs, absolute paths, paths that lead out of the issue directory — by
// ".." or through a symbolic link — missing files and directories.
func (l *loader) resolve(p, base string, w where, what string) (abs, rel string, ok bool) {
	fail := func(hint, format string, args ...any) (string, string, bool) {
		l.r.add(w.file, w.line, w.col, hint, format, args...)
		return "", "", false
	}
	switch {
	case strings.TrimSpace(p) == "":
		return fail("write the path of the file relative to "+l.relBase(base), "%s: empty path", what)
	case strings.ContainsRune(p, 0):
		return fail("", "%s: path %q contains a NUL byte", what, p)
	case strings.Contains(p, "://"):
		return fail("copy the file into the issue directory and give its relative path", "%s: %q is a URL; only local files can be used", what, p)
	case filepath.IsAbs(p) || strings.HasPrefix(p, "/") || strings.HasPrefix(p, `\`) || filepath.VolumeName(p) != "":
		return fail("write the path relative to "+l.relBase(base), "%s: %q is an absolute path", what, p)
	}
	abs = filepath.Join(base, filepath.FromSlash(p))
	if !inside(l.dir, abs) {
		return fail("keep every file of an issue inside its directory", "%s: %q leads outside the issue directory", what, p)
	}
	rel, _ = filepath.Rel(l.dir, abs)
	rel = filepath.ToSlash(rel)
	info, err := os.Stat(abs)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			if _, lerr := os.Lstat(abs); lerr == nil {
				return fail("copy the file itself into the issue directory", "%s: %q is a broken symbolic link", what, p)
			}
			hint := nearPath(base, p)
			if hint == "" {
				hint = "check the name; the path is relative to " + l.relBase(base)
			}
			return fail(hint, "%s: file %q not found", what, p)
		}
		return fail("", "%s: %v", what, err)
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return fail("", "%s: %v", what, err)
	}
	if !inside(l.realDir, real) {
		return fail("copy the file into the issue directory instead of linking to it", "%s: %q leads outside the issue directory through a symbolic link", what, p)
	}
	if info.IsDir() {
		return fail("give the path of a file in it", "%s: %q is a directory, not a file", what, p)
	}
	if !info.Mode().IsRegular() {
		return fail("give a regular file; qikan reads no pipes or devices", "%s: %q is %s, not a regular file", what, p, safefile.Kind(info.Mode()))
	}
	return abs, rel, true
}

// relBase names base for hints: "the issue directory" or "the article's directory".
func (l *loader) relBase(base string) string {
	if base == l.dir {
		return "the issue directory"
	}
	return "the article's directory"
}

// readText reads a UTF-8 text file of at most limit bytes, strips a byte
// order mark and reports files that are not regular files, too large,
// binary, UTF-16, not UTF-8 (with a conversion hint when the bytes look
// like GBK/GB18030) or with CR-only line endings.
func (l *loader) readText(abs, file string, limit int64) ([]byte, bool) {
	data, err := safefile.ReadFile(abs, limit)
	var nr *safefile.NotRegularError
	var tl *safefile.TooLargeError
	switch {
	case errors.As(err, &nr):
		l.r.add(file, 0, 0, "give a regular file; qikan reads no pipes or devices", "%s is %s, not a regular file", filepath.Base(abs), safefile.Kind(nr.Mode))
		return nil, false
	case errors.As(err, &tl):
		l.r.add(file, 0, 0, "split it into smaller files", "file is larger than %s", safefile.Size(limit))
		return nil, false
	case err != nil:
		l.r.add(file, 0, 0, "", "cannot read: %v", err)
		return nil, false
	}
	return checkText(data, file, &l.r)
}

// checkText is readText after reading: it validates the encoding of data.
func checkText(data []byte, file string, r *report) ([]byte, bool) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff")) {
		r.add(file, 0, 0, "save it as UTF-8, e.g. iconv -f UTF-16 -t UTF-8 "+file+" > "+file+".new", "file is UTF-16 text, not UTF-8")
		return nil, false
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		r.add(file, lineOf(data, i), 0, "", "file is binary (it contains NUL bytes), not text")
		return nil, false
	}
	if utf8.Valid(data) {
		if bytes.IndexByte(data, '\r') >= 0 && bytes.IndexByte(data, '\n') < 0 {
			r.add(file, 1, 0, fmt.Sprintf("convert them to LF, e.g. with: tr '\\r' '\\n' < %s > %s.new", file, file), "file has CR-only line endings (classic Mac OS); qikan reads LF or CRLF")
			return nil, false
		}
		return data, true
	}
	bad := 0
	for bad < len(data) {
		c, size := utf8.DecodeRune(data[bad:])
		if c == utf8.RuneError && size <= 1 {
			break
		}
		bad += size
	}
	hint := "save the file as UTF-8"
	msg := "file is not UTF-8 text"
	if looksGBK(data) {
		msg = "file is not UTF-8 text; it looks like GBK"
		hint = fmt.Sprintf("convert with iconv -f GBK -t UTF-8 %s > %s.new", file, file)
	}
	r.add(file, lineOf(data, bad), 0, hint, "%s", msg)
	return nil, false
}

// looksGBK reports whether data decodes cleanly as GB18030 (a superset of
// GBK) into text that is mostly Han characters.
func looksGBK(data []byte) bool {
	dec, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || bytes.ContainsRune(dec, utf8.RuneError) {
		return false
	}
	han, other := 0, 0
	for _, c := range string(dec) {
		switch {
		case c < utf8.RuneSelf:
		case lang.ScriptOf(c) == lang.Han || lang.IsCJKPunct(c):
			han++
		default:
			other++
		}
	}
	return han >= 2 && han >= 4*other
}

// lineOf returns the 1-based line of byte offset i in data.
func lineOf(data []byte, i int) int {
	if i > len(data) {
		i = len(data)
	}
	return bytes.Count(data[:i], []byte("\n")) + 1
}

// probeImage reads the header of an image file: its format and pixel size.
// Pixels are never decoded. JPEG, PNG and GIF are accepted; other formats,
// corrupt headers and images over 100 megapixels are refused with a reason
// and a hint.
func probeImage(abs string) (img Image, hint string, err error) {
	f, err := safefile.Open(abs)
	if err != nil {
		return img, "", err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Size() > MaxImageFile {
		return img, "save it smaller: a full-page photo at 300 dpi is a few MB as a JPEG of quality 90",
			fmt.Errorf("image file is %.0f MB, more than the %d MB qikan reads for one image", float64(info.Size())/(1<<20), MaxImageFile>>20)
	}
	br := bufio.NewReader(f)
	head, _ := br.Peek(512)
	kind := sniff.Sniff(head)
	format := kind.Name
	switch {
	case format == "jpeg", format == "png", format == "gif":
	case format == "":
		return img, "use a JPEG, PNG or GIF file", errors.New("not an image in a known format")
	case !kind.Image():
		return img, "use a JPEG, PNG or GIF file", fmt.Errorf("not an image: it is %s", kind.Desc)
	default:
		return img, "convert it to JPEG (photos) or PNG (drawings), e.g. with: convert in." + format + " out.png", fmt.Errorf("%s images are not supported", strings.ToUpper(format))
	}
	cfg, name, err := decodeConfig(br)
	if err != nil {
		return img, "re-export the image from an editor", fmt.Errorf("corrupt %s image: %v", format, err)
	}
	if name != format {
		return img, "re-export the image from an editor", fmt.Errorf("corrupt %s image", format)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return img, "re-export the image from an editor", fmt.Errorf("corrupt %s image: size %d×%d", format, cfg.Width, cfg.Height)
	}
	if px := int64(cfg.Width) * int64(cfg.Height); px > maxPixels {
		return img, "scale it down; 300 dpi at the page size is plenty", fmt.Errorf("image is too large: %d×%d pixels (%.0f megapixels, the limit is %d)", cfg.Width, cfg.Height, float64(px)/1e6, maxPixels/1_000_000)
	}
	if format == "png" {
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return img, "", err
		}
		if err := checkPNGData(f, cfg.Width, cfg.Height); err != nil {
			return img, "copy it again from the original, or re-export it from an editor", fmt.Errorf("corrupt png image: %v", err)
		}
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return img, "", err
	}
	ih := readImageHead(f, format, cfg.Width, cfg.Height)
	img = Image{Path: abs, Format: format, Width: cfg.Width, Height: cfg.Height,
		Orientation: ih.orientation, DecodeBytes: ih.decode, Plain: ih.plain}
	if img.Rotated() {
		img.Width, img.Height = img.Height, img.Width
	}
	return img, "", nil
}

// truncated reports whether an image file lacks the end marker of its
// format (JPEG EOI within its last 64 KiB, PNG IEND chunk at its end, GIF
// trailer): the usual sign of an interrupted copy or download.
func truncated(abs, format string) bool {
	f, err := safefile.Open(abs)
	if err != nil {
		return false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return false
	}
	n := min(info.Size(), 64<<10)
	tail := make([]byte, n)
	if _, err := f.ReadAt(tail, info.Size()-n); err != nil {
		return false
	}
	switch format {
	case "jpeg":
		return !bytes.Contains(tail, []byte{0xff, 0xd9})
	case "png":
		return !bytes.HasSuffix(tail, []byte("\x00\x00\x00\x00IEND\xaeB`\x82"))
	case "gif":
		return !bytes.HasSuffix(bytes.TrimRight(tail, "\x00"), []byte{0x3b})
	}
	return false
}

// decodeConfig is image.DecodeConfig behind a recover: a decoder must never
// take the program down on a hostile file.
func decodeConfig(r io.Reader) (cfg image.Config, name string, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("unreadable header (%v)", v)
		}
	}()
	return image.DecodeConfig(r)
}
