package testtool

import (
	"fmt"
	"strings"
	"testing"
)

// recorder is a testing.TB that records Skipf and Fatalf instead of
// stopping the goroutine.
type recorder struct {
	testing.TB
	skipped, fatal string
}

func (r *recorder) Helper()                          {}
func (r *recorder) Skipf(format string, args ...any) { r.skipped = fmt.Sprintf(format, args...) }
func (r *recorder) Fatalf(format string, args ...any) {
	r.fatal = fmt.Sprintf(format, args...)
}

func TestNeed(t *testing.T) {
	const missing = "qikan-no-such-tool-7f3a"
	tests := []struct {
		name, ci            string
		found, skip, failed bool
	}{
		{"sh", "", true, false, false},
		{"sh", "true", true, false, false},
		{missing, "", false, true, false},
		{missing, "false", false, true, false},
		{missing, "true", false, false, true},
	}
	for _, tt := range tests {
		t.Setenv("CI", tt.ci)
		r := &recorder{TB: t}
		path := Need(r, tt.name)
		if (path != "") != tt.found || (r.skipped != "") != tt.skip || (r.fatal != "") != tt.failed {
			t.Errorf("Need(%q) with CI=%q: path %q, skipped %q, fatal %q", tt.name, tt.ci, path, r.skipped, r.fatal)
		}
		if msg := r.skipped + r.fatal; msg != "" && !strings.Contains(msg, tt.name) {
			t.Errorf("message %q does not name the tool", msg)
		}
	}
}
