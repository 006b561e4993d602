package pdf

import (
	"bytes"
	"os"
	"path/filepath"
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

func TestSampleWrite(t *testing.T) {
	path, b, st := writeSample(t, sampleOptions)
	t.Logf("%d pages, %d bytes", st.Pages, len(b))
	if out := os.Getenv("QIKAN_PDF_OUT"); out != "" {
		os.WriteFile(out, b, 0o644)
	}
	_ = path
}
