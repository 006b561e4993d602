package pdf

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/issue"
)

const sampleDir = "../../testdata/dangyuanzhiyou-2025-03"

// sampleOptions are the options of the sample tests.
var sampleOptions = Options{Time: time.Date(2025, 3, 28, 0, 0, 0, 0, time.UTC), Version: "test"}

// loadSample loads the sample issue and the embedded faces.
func loadSample(t testing.TB) (*issue.Issue, *fonts.Set) {
	t.Helper()
	iss, _, err := issue.Load(sampleDir)
	if err != nil {
		t.Fatal(err)
	}
	set, err := fonts.NewLibrary().Set("", "")
	if err != nil {
		t.Fatal(err)
	}
	return iss, set
}

// writeSample writes the sample issue's PDF into a temporary directory.
func writeSample(t testing.TB, opt Options) (string, []byte, Stats) {
	t.Helper()
	iss, set := loadSample(t)
	var buf bytes.Buffer
	st, err := Write(&buf, iss, set, opt)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sample.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, buf.Bytes(), st
}

// TestSampleWrite: Write's page count is the PDF's (pdfinfo), a multiple
// of the padding asked for, with a page at least for the cover, the
// contents and each section; a writer that fails makes Write fail with
// its error.
func TestSampleWrite(t *testing.T) {
	path, b, st := writeSample(t, sampleOptions)
	if out := os.Getenv("QIKAN_PDF_OUT"); out != "" {
		os.WriteFile(out, b, 0o644)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`).FindSubmatch(run(t, "pdfinfo", path))
	if m == nil || string(m[1]) != strconv.Itoa(st.Pages) {
		t.Errorf("Stats.Pages = %d, pdfinfo says %q", st.Pages, m)
	}
	iss, set := loadSample(t)
	if min := 2 + len(iss.Sections); st.Pages < min || st.Pages%2 != 0 {
		t.Errorf("%d pages: want an even number of at least %d", st.Pages, min)
	}
	opt := sampleOptions
	opt.Pad = 4
	if st4, err := Write(io.Discard, iss, set, opt); err != nil || st4.Pages%4 != 0 || st4.Pages < st.Pages {
		t.Errorf("padded to 4: %d pages, %v", st4.Pages, err)
	}
	full := errors.New("disk full")
	if _, err := Write(&failingWriter{room: len(b) / 2, err: full}, iss, set, sampleOptions); !errors.Is(err, full) {
		t.Errorf("writing to a full disk: %v, want %v", err, full)
	}
}

// failingWriter takes room bytes, then fails with err.
type failingWriter struct {
	room int
	err  error
}

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.room {
		n := w.room
		w.room = 0
		return n, w.err
	}
	w.room -= len(p)
	return len(p), nil
}
