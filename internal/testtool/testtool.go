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
