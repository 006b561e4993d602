package export

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
)

// Output: files are written atomically (a temporary file beside the
// target, created only when the backend writes its first byte, then
// flushed, fsynced and renamed over the target), into an output directory
// checked before any backend runs and locked against other qikan processes
// while they write. A signal handler can remove the temporary files in
// flight (Temps) before the process exits, so an interrupted export leaves
// nothing behind.

// MaxPad is the largest --pad: printers bind in signatures of at most 32
// or 64 pages.
const MaxPad = 64

// Temps tracks the temporary files being written, so that a signal handler
// can remove them before the process exits. The zero value is ready to
// use; it is safe for concurrent use.
type Temps struct {
	mu      sync.Mutex
	files   map[string]bool
	removed bool
}

// create creates a temporary file in dir (os.CreateTemp) and registers it
// in one step, under the lock Remove takes: a signal handler that removes
// the files and exits at once can never miss one. After Remove it fails.
func (t *Temps) create(dir, pattern string) (*os.File, error) {
	if t == nil {
		return os.CreateTemp(dir, pattern)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.removed {
		return nil, errInterrupted
	}
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	if t.files == nil {
		t.files = map[string]bool{}
	}
	t.files[f.Name()] = true
	return f, nil
}

// done forgets a temporary file that was renamed or removed.
func (t *Temps) done(path string) {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.files, path)
}

// Remove removes every temporary file being written and makes later ones
// fail. A signal handler calls it right before the process exits.
func (t *Temps) Remove() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.removed = true
	for path := range t.files {
		os.Remove(path)
	}
	t.files = nil
}

// errInterrupted is the error of a write after Temps.Remove.
var errInterrupted = errors.New("interrupted")

// lazyTemp is an io.Writer that creates the temporary file for path at its
// first Write: an export interrupted while it lays out leaves no file.
type lazyTemp struct {
	path  string // the target
	temps *Temps
	f     *os.File
}

func (l *lazyTemp) Write(p []byte) (int, error) {
	if l.f == nil {
		if err := l.create(); err != nil {
			return 0, err
		}
	}
	return l.f.Write(p)
}

func (l *lazyTemp) create() error {
	dir, base := filepath.Split(l.path)
	if dir == "" {
		dir = "."
	}
	f, err := l.temps.create(dir, "."+base+".tmp-*")
	if errors.Is(err, errInterrupted) {
		return err
	}
	if err != nil {
		return dirError(filepath.Clean(dir), err)
	}
	l.f = f
	return nil
}

// discard closes and removes the temporary file, if there is one.
func (l *lazyTemp) discard() {
	if l.f != nil {
		l.f.Close()
		os.Remove(l.f.Name())
		l.temps.done(l.f.Name())
	}
}

// writeAtomic writes path through a temporary file in the same directory,
// created at the first byte written: write, flush, fsync, close, rename.
// On any failure (or a panic in write) the temporary file is removed and
// an existing file at path is untouched.
func writeAtomic(path string, temps *Temps, write func(io.Writer) error) error {
	f, err := writeTemp(path, temps, write)
	if err != nil {
		return err
	}
	_, err = temps.commit([]*finished{f})
	return err
}

// finished is a temporary file written in full (flushed, fsynced and
// closed), waiting to be renamed over its target.
type finished struct {
	tmp, path string
}

// writeTemp writes what write writes to a temporary file beside path,
// created at the first byte, and returns it written in full. On any
// failure (or a panic in write) the temporary file is removed.
func writeTemp(path string, temps *Temps, write func(io.Writer) error) (_ *finished, err error) {
	tmp := &lazyTemp{path: path, temps: temps}
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("internal error: %v", v)
		}
		if err != nil {
			tmp.discard()
		}
	}()
	bw := bufio.NewWriterSize(tmp, 256<<10)
	if err := write(bw); err != nil {
		return nil, err
	}
	if err := bw.Flush(); err != nil {
		return nil, err
	}
	if tmp.f == nil { // nothing written: an empty file
		if err := tmp.create(); err != nil {
			return nil, err
		}
	}
	if err := tmp.f.Chmod(0o644); err != nil {
		return nil, err
	}
	if err := tmp.f.Sync(); err != nil {
		return nil, err
	}
	if err := tmp.f.Close(); err != nil {
		return nil, err
	}
	return &finished{tmp: tmp.f.Name(), path: path}, nil
}

// commit renames finished files over their targets, all under the lock
// Remove takes: a signal handler's Remove comes either before (the files
// are removed, none renamed: errInterrupted) or after all of them, so an
// interrupted export never leaves one format new and another old. A file
// that cannot be renamed is removed; the error names it. It returns the
// targets replaced.
func (t *Temps) commit(files []*finished) (paths []string, err error) {
	if t == nil {
		t = &Temps{}
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.removed {
		return nil, errInterrupted // Remove has removed the files
	}
	var errs []error
	for _, f := range files {
		if err := os.Rename(f.tmp, f.path); err != nil {
			os.Remove(f.tmp)
			errs = append(errs, fmt.Errorf("cannot replace %s: %v", f.path, bareError(err)))
		} else {
			paths = append(paths, f.path)
		}
		delete(t.files, f.tmp)
	}
	return paths, errors.Join(errs...)
}

// prepareOut creates the output directory and checks, before any backend
// runs, that the files at paths can be written there: the directory is a
// directory qikan can write to, no path is a directory, and TMPDIR (where
// the EPUB is assembled) is usable when needed.
func prepareOut(dir string, paths []string, needTemp bool, temps *Temps) error {
	if t := os.Getenv("TMPDIR"); needTemp && t != "" {
		if info, err := os.Stat(t); err != nil || !info.IsDir() {
			return fmt.Errorf("TMPDIR=%s is not a directory; the EPUB is assembled in a temporary directory there: create it, or unset TMPDIR", t)
		}
	}
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return fmt.Errorf("output directory %s is %s, not a directory; give a directory (it is created if missing)", dir, kindOf(info.Mode()))
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) && errors.Is(err, syscall.ENOTDIR) {
			return fmt.Errorf("cannot create output directory %s: %s is a file; give another directory", dir, pe.Path)
		}
		return fmt.Errorf("cannot create output directory %s: %v; give another directory", dir, bareError(err))
	}
	for _, p := range paths {
		if info, err := os.Lstat(p); err == nil && info.IsDir() {
			return fmt.Errorf("%s is a directory, so the output cannot be written there; remove it or give another output directory", p)
		}
	}
	// A probe shows whether the directory takes new files (permissions,
	// a read-only or full file system) before any work is done.
	probe, err := temps.create(dir, ".qikan-probe-*")
	if err != nil {
		return dirError(dir, err)
	}
	probe.Close()
	os.Remove(probe.Name())
	temps.done(probe.Name())
	return nil
}

// dirError says that files cannot be written in dir, and why, without the
// name of the temporary file that failed.
func dirError(dir string, err error) error {
	return fmt.Errorf("cannot write in the output directory %s: %v; give another output directory, or make it writable", dir, bareError(err))
}

// bareError is err without the path an *fs.PathError or *os.LinkError
// adds: "permission denied", "read-only file system".
func bareError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// kindOf names a file mode for messages.
func kindOf(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return "a file"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a directory"
}

// CheckNames refuses issue directories whose outputs would collide in one
// output directory: two directories with the same base name (compared
// without case, as on macOS and Windows) would both be written as
// <name>.epub and <name>.pdf, the second over the first.
func CheckNames(dirs []string) error {
	seen := map[string]string{}
	for _, d := range dirs {
		abs, err := filepath.Abs(d)
		if err != nil {
			return err
		}
		name := strings.ToLower(filepath.Base(abs))
		prev, dup := seen[name]
		switch {
		case !dup:
			seen[name] = d
		case filepath.Clean(prev) == filepath.Clean(d) || absOf(prev) == abs:
			return fmt.Errorf("%s is given twice", d)
		default:
			return fmt.Errorf("%s and %s would both be written as %s.epub and %s.pdf, the second over the first; export them to different --out directories, or use qikan batch, which names each by its path below the root", prev, d, filepath.Base(abs), filepath.Base(abs))
		}
	}
	return nil
}

func absOf(p string) string {
	a, _ := filepath.Abs(p)
	return a
}
