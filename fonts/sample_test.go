package fonts

import (
	"path/filepath"
	"testing"

	"github.com/qikan-dev/qikan/issue"
)

// TestSampleCoverage checks the promise of assets/fonts/build.sh: the
// embedded faces cover every Basic Multilingual Plane character of the
// sample issues under testdata/ (rarer characters are left to the coverage
// report on purpose).
func TestSampleCoverage(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "issue.yaml"))
	if len(dirs) == 0 {
		t.Skip("no sample issue under testdata/")
	}
	set, err := NewLibrary().Set("", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, yaml := range dirs {
		dir := filepath.Dir(yaml)
		iss, _, err := issue.Load(dir)
		if err != nil {
			t.Logf("%s does not load (the issue package's tests cover that): %v", dir, err)
			continue
		}
		rep := Check(set, iss)
		for _, m := range rep.Missing {
			if m.Rune <= 0xFFFF {
				t.Errorf("%s: the embedded faces lack %q U+%04X (in %v); re-run assets/fonts/build.sh", dir, m.Rune, m.Rune, m.Articles)
			}
		}
		t.Logf("%s: %d characters outside the embedded faces", dir, len(rep.Missing))
	}
}
