package testtool

import (
	_ "embed"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// EPUBCheckJar is where Debian's epubcheck package installs EPUBCheck.
const EPUBCheckJar = "/usr/share/java/epubcheck.jar"

//go:embed epubcheck.java
var epubcheckJava []byte

// EPUBReport is EPUBCheck's verdict on one file.
type EPUBReport struct {
	File   string
	Output string // EPUBCheck's messages
	Clean  bool   // no fatal error, no error and no warning
}

// EPUBCheck checks files with EPUBCheck, all in one Java VM, and returns
// one report per file, in order. Starting Java and loading EPUBCheck's
// schemas costs some 10 s of CPU; each EPUB after that about a second, so
// a test binary should gather its EPUBs and check them in one call (with
// a broken one among them, to show the check can fail). It skips t (fails
// it under CI=true) when java or EPUBCheck is missing and fails t when
// EPUBCheck cannot be run at all.
func EPUBCheck(t testing.TB, files ...string) []EPUBReport {
	t.Helper()
	java := Need(t, "java")
	if _, err := os.Stat(EPUBCheckJar); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("epubcheck is required with CI=true: %v", err)
		}
		t.Skipf("epubcheck not installed: %v", err)
	}
	if len(files) == 0 {
		return nil
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "epubcheck.java")
	if err := os.WriteFile(src, epubcheckJava, 0o644); err != nil {
		t.Fatal(err)
	}
	// The quick compiler alone and the serial collector halve the CPU a
	// check takes (a short run never pays back the optimising compiler).
	args := append([]string{"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", EPUBCheckJar, src, dir}, files...)
	if out, err := exec.Command(java, args...).CombinedOutput(); err != nil {
		t.Fatalf("epubcheck: %v\n%s", err, out)
	}
	reports, err := readReports(dir, files)
	if err != nil {
		t.Fatal(err)
	}
	return reports
}

// readReports reads the reports epubcheck.java wrote into dir for files.
func readReports(dir string, files []string) ([]EPUBReport, error) {
	reports := make([]EPUBReport, len(files))
	for i, f := range files {
		data, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("%d.txt", i+1)))
		if err != nil {
			return nil, fmt.Errorf("epubcheck wrote no report for %s: %w", f, err)
		}
		code, out, _ := strings.Cut(string(data), "\n")
		rc, err := strconv.Atoi(code)
		reports[i] = EPUBReport{File: f, Output: out,
			Clean: err == nil && rc == 0 && strings.Contains(out, "0 fatals / 0 errors / 0 warnings")}
	}
	return reports, nil
}
