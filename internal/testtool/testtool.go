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

// NeedFile returns path, or skips the test (fails it when CI=true) when
// the file does not exist; pkg names the Debian package that installs it.
func NeedFile(t testing.TB, path, pkg string) string {
	t.Helper()
	if _, err := os.Stat(path); err == nil {
		return path
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s (Debian package %s) is required with CI=true", path, pkg)
		return ""
	}
	t.Skipf("%s not installed (Debian package %s)", path, pkg)
	return ""
}
