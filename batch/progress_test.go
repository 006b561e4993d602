package batch

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// progressIssues are three issues as a run reports them: one exported,
// one failed, one skipped.
var progressIssues = []IssueReport{
	{Input: "archive/2025-01", Name: "2025-01", Status: Exported, DurationMS: 250},
	{Input: "archive/2025-02", Name: "2025-02", Status: Failed, DurationMS: 12, Error: "issue.yaml:3: date is not written YYYY-MM-DD"},
	{Input: "archive/2025-03", Name: "2025-03", Status: Skipped, DurationMS: 1},
}

// TestLog: CI mode writes one line per issue, in order, with its position,
// name, status, time, the run's elapsed time and the estimate of what is
// left, and a failure's error; nothing else.
func TestLog(t *testing.T) {
	var buf bytes.Buffer
	p := NewLog(&buf)
	p.Start(len(progressIssues))
	for _, r := range progressIssues {
		p.Done(r)
	}
	p.Finish()
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	want := []*regexp.Regexp{
		regexp.MustCompile(`^\[1/3\] 2025-01: exported in 0\.25s \(elapsed \d+(\.\d+)?(µs|ms|s), eta \d+s\)$`),
		regexp.MustCompile(`^\[2/3\] 2025-02: failed in 0\.01s \(elapsed \S+, eta \d+s\): issue\.yaml:3: date is not written YYYY-MM-DD$`),
		regexp.MustCompile(`^\[3/3\] 2025-03: skipped in 0\.00s \(elapsed \S+, eta 0s\)$`),
	}
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), len(want), buf.String())
	}
	for i, re := range want {
		if !re.MatchString(lines[i]) {
			t.Errorf("line %d = %q, want %s", i+1, lines[i], re)
		}
	}
	if strings.ContainsAny(buf.String(), "\r\x1b") {
		t.Errorf("CI log holds terminal control characters: %q", buf.String())
	}
}

// TestBar: terminal mode draws a bar that ends at the total, keeps each
// failure on a line of its own above the bar (clearing the bar's line
// first) and ends with a newline, so the summary starts on a fresh line.
func TestBar(t *testing.T) {
	var buf bytes.Buffer
	p := NewBar(&buf)
	p.Start(len(progressIssues))
	for _, r := range progressIssues {
		p.Done(r)
	}
	p.Finish()
	out := buf.String()
	for _, want := range []string{
		"\r\x1b[K2025-02: failed: issue.yaml:3: date is not written YYYY-MM-DD\n",
		"100%",
		"3/3",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("bar output lacks %q:\n%q", want, out)
		}
	}
	if strings.Contains(out, "2025-01: failed") || strings.Contains(out, "2025-03: failed") {
		t.Errorf("a success is reported as a failure:\n%q", out)
	}
	if !strings.HasSuffix(out, "\n") {
		t.Errorf("the bar does not end its line: %q", out[max(0, len(out)-40):])
	}
	// The failure line comes before the bar's final state.
	if f, done := strings.Index(out, "2025-02: failed"), strings.LastIndex(out, "3/3"); f < 0 || done < f {
		t.Errorf("failure at %d, final bar at %d", f, done)
	}
}

// TestSummary: counts, the interrupted count only when there is one, the
// wall time, then every failure with its input path.
func TestSummary(t *testing.T) {
	for _, tc := range []struct {
		name string
		r    Report
		want string
	}{
		{"all exported", Report{Exported: 2, WallMS: 1500, Issues: progressIssues[:1]},
			"2 exported, 0 skipped, 0 failed in 1.50s\n"},
		{"failures", Report{Exported: 1, Skipped: 1, Failed: 1, WallMS: 263, Issues: progressIssues},
			"1 exported, 1 skipped, 1 failed in 0.26s\nfailed: archive/2025-02: issue.yaml:3: date is not written YYYY-MM-DD\n"},
		{"interrupted", Report{Exported: 1, NotDone: 2, WallMS: 10},
			"1 exported, 0 skipped, 0 failed, 2 not done (interrupted) in 0.01s\n"},
	} {
		var buf bytes.Buffer
		Summary(&buf, &tc.r)
		if buf.String() != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, buf.String(), tc.want)
		}
	}
}
