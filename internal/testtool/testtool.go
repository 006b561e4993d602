// Package testtool helps tests that need external programs (qpdf,
// pdftotext, epubcheck …): they skip where the program is missing, but
// fail when the environment variable CI is "true", so a CI run never
// passes by skipping.
package testtool

import (
	"os"
	"os/exec"
	"testing"
)

// Need returns the path of the program name, or skips the test (fails it
// when CI=true) when the program is not installed.
func Need(t testing.TB, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is required with CI=true: %v", name, err)
		return ""
	}
	t.Skipf("%s not installed: %v", name, err)
	return ""
}
