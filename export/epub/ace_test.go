package epub

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/qikan-dev/qikan/internal/testtool"
)

// aceReport is what the test reads of DAISY Ace's report.json: per
// content document, the checks it failed.
type aceReport struct {
	Result struct {
		Outcome string `json:"earl:outcome"`
	} `json:"earl:result"`
	Assertions []struct {
		Subject struct {
			URL string `json:"url"`
		} `json:"earl:testSubject"`
		Assertions []struct {
			Test struct {
				Title  string `json:"dct:title"`
				Impact string `json:"earl:impact"`
			} `json:"earl:test"`
			Result struct {
				Description string `json:"dct:description"`
				Pointer     struct {
					CSS []string `json:"css"`
				} `json:"earl:pointer"`
			} `json:"earl:result"`
		} `json:"assertions"`
	} `json:"assertions"`
}

// violations lists the failed checks, one line each.
func (r *aceReport) violations() []string {
	var out []string
	for _, doc := range r.Assertions {
		for _, a := range doc.Assertions {
			out = append(out, fmt.Sprintf("%s: %s (%s) at %s: %s", doc.Subject.URL, a.Test.Title, a.Test.Impact,
				strings.Join(a.Result.Pointer.CSS, " "), a.Result.Description))
		}
	}
	return out
}

// ace returns the DAISY Ace command (npm @daisy/ace-cli installs it as
// ace-cli, @daisy/ace as ace) and Chromium for it to run; it skips the
// test where they are missing (fails it with CI=true).
func ace(t *testing.T) (cmd, chromium string) {
	t.Helper()
	cmd, err := exec.LookPath("ace-cli")
	if err != nil {
		cmd = testtool.Need(t, "ace")
	}
	return cmd, chromiumPath(t)
}

// chromiumPath returns Debian's chromium (chromium-browser elsewhere); it
// skips the test where it is missing (fails it with CI=true).
func chromiumPath(t *testing.T) string {
	t.Helper()
	if path, err := exec.LookPath("chromium"); err == nil {
		return path
	}
	return testtool.Need(t, "chromium-browser")
}

// TestAce checks every valid issue under testdata, horizontal and
// vertical, with DAISY Ace (WCAG 2.1 AA by axe-core in Chromium, and the
// EPUB accessibility metadata): no violations.
func TestAce(t *testing.T) {
	if testing.Short() {
		t.Skip("DAISY Ace takes tens of seconds per book")
	}
	cmd, chromium := ace(t)
	dirs, err := filepath.Glob("../../testdata/*/issue.yaml")
	if err != nil || len(dirs) < 2 {
		t.Fatalf("issues under testdata: %v %v", dirs, err)
	}
	for _, f := range dirs {
		dir := filepath.Dir(f)
		iss := load(t, dir)
		for _, vertical := range []bool{false, true} {
			if iss.Print.Vertical && !vertical {
				continue // vertical either way
			}
			name := filepath.Base(dir) + map[bool]string{false: "/horizontal", true: "/vertical"}[vertical]
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				tmp := t.TempDir()
				book := filepath.Join(tmp, "book.epub")
				if err := os.WriteFile(book, write(t, iss, Options{Time: testTime, Vertical: vertical}), 0o644); err != nil {
					t.Fatal(err)
				}
				out := filepath.Join(tmp, "report")
				runAce(t, cmd, chromium, book, out, filepath.Join(tmp, "work"))
				data, err := os.ReadFile(filepath.Join(out, "report.json"))
				if err != nil {
					t.Fatal(err)
				}
				var r aceReport
				if err := json.Unmarshal(data, &r); err != nil {
					t.Fatalf("report.json: %v", err)
				}
				if v := r.violations(); len(v) > 0 || r.Result.Outcome != "pass" {
					t.Errorf("Ace: %s, %d violations:\n%s", r.Result.Outcome, len(v), strings.Join(v, "\n"))
				}
			})
		}
	}
}

// runAce runs Ace on book, its report to out. Ace exits 1 when it could
// not check the book at all (violations are in the report, exit 0): under
// load, Chromium may not print its DevTools address within the 5 s Ace
// waits for it ("Timed out after 5000 ms while waiting for the WS endpoint
// URL"). Such a run is tried twice more, the last time with --verbose,
// whose log the failure shows.
func runAce(t *testing.T, cmd, chromium, book, out, work string) {
	t.Helper()
	var msgs []string
	for i, verbosity := range []string{"--silent", "--silent", "--verbose"} {
		if i > 0 {
			time.Sleep(time.Duration(i) * 2 * time.Second)
		}
		run := exec.Command(cmd, verbosity, "--force", "--outdir", out, "--tempdir", work, book)
		// Ace drives Chromium through Puppeteer: the system's browser,
		// never a downloaded one.
		run.Env = append(os.Environ(), "PUPPETEER_EXECUTABLE_PATH="+chromium, "PUPPETEER_SKIP_DOWNLOAD=1")
		msg, err := run.CombinedOutput()
		if err == nil {
			if len(msgs) > 0 {
				t.Logf("ace failed once, then passed: %s", msgs[0])
			}
			return
		}
		msgs = append(msgs, fmt.Sprintf("%v\n%s", err, msg))
	}
	t.Fatalf("ace, three times: %s", strings.Join(msgs, "\n--- again:\n"))
}
