package batch

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/qikan-dev/qikan/export"
	"github.com/qikan-dev/qikan/fonts"
)

// copyDir copies the issue directory src to dst.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if info.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

var minimal = filepath.Join("..", "testdata", "minimal")

func TestFind(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"2025/03", "2024/12", "2025/01", ".git/x", "notes"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []string{"2025/03", "2024/12", "2025/01", ".git/x"} {
		if err := os.WriteFile(filepath.Join(root, d, "issue.yaml"), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	jobs, err := Find([]string{root})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, j := range jobs {
		names = append(names, j.Name)
	}
	if want := []string{"2024-12", "2025-01", "2025-03"}; !reflect.DeepEqual(names, want) {
		t.Errorf("names = %v, want %v (sorted, hidden directories skipped)", names, want)
	}

	// The root itself is an issue: its base name is the output name.
	jobs, err = Find([]string{filepath.Join(root, "2025", "03")})
	if err != nil || len(jobs) != 1 || jobs[0].Name != "03" {
		t.Errorf("root as issue: %v, %v", jobs, err)
	}

	// Two roots whose issues would write the same files.
	other := t.TempDir()
	copyDir(t, filepath.Join(root, "2025"), filepath.Join(other, "2025"))
	if _, err := Find([]string{root, other}); err == nil || !strings.Contains(err.Error(), "would both be exported") {
		t.Errorf("collision: err = %v", err)
	}
	if _, err := Find([]string{filepath.Join(root, "missing")}); err == nil {
		t.Error("missing root: no error")
	}
}

func TestShard(t *testing.T) {
	var jobs []Job
	for _, n := range []string{"2015-01", "2015-02", "2015-03", "2016-07", "2020-11", "a", "b", "c", "d", "e", "f", "g"} {
		jobs = append(jobs, Job{Name: n})
	}
	const n = 3
	seen := map[string]int{}
	for k := 1; k <= n; k++ {
		s := Shard{K: k, N: n}
		got := 0
		for _, j := range jobs {
			if s.Has(j) {
				seen[j.Name]++
				got++
			}
		}
		if got == len(jobs) {
			t.Errorf("shard %d/%d holds every job", k, n)
		}
	}
	for _, j := range jobs {
		if seen[j.Name] != 1 {
			t.Errorf("%s is in %d shards, want exactly 1", j.Name, seen[j.Name])
		}
	}
	for _, bad := range []string{"0/2", "3/2", "1/0", "x/2", "1-2", ""} {
		if _, err := ParseShard(bad); err == nil {
			t.Errorf("ParseShard(%q): no error", bad)
		}
	}
	if s, err := ParseShard("2/4"); err != nil || s != (Shard{2, 4}) {
		t.Errorf("ParseShard(2/4) = %v, %v", s, err)
	}
}

// TestChangedReexportsOnlyTouchedIssue proves --changed: after a first run,
// editing one article re-exports only that issue.
func TestChangedReexportsOnlyTouchedIssue(t *testing.T) {
	root, out := t.TempDir(), t.TempDir()
	for _, name := range []string{"one", "two", "three"} {
		copyDir(t, minimal, filepath.Join(root, name))
	}
	jobs, err := Find([]string{root})
	if err != nil {
		t.Fatal(err)
	}
	lib := fonts.NewLibrary()
	opt := Options{Jobs: 2, Changed: true, Build: "test", Export: export.Options{OutDir: out, Formats: []string{"pdf"}}}
	rep := Run(context.Background(), jobs, lib, opt)
	if rep.Exported != 3 || !rep.OK() {
		t.Fatalf("first run: %+v", rep)
	}
	rep = Run(context.Background(), jobs, lib, opt)
	if rep.Skipped != 3 || rep.Exported != 0 {
		t.Fatalf("second run, nothing changed: %d exported, %d skipped", rep.Exported, rep.Skipped)
	}
	article := filepath.Join(root, "two", "articles", "hello.md")
	data, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(article, append(data, []byte("\n新加的一段。\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	rep = Run(context.Background(), jobs, lib, opt)
	for _, r := range rep.Issues {
		want := Skipped
		if r.Name == "two" {
			want = Exported
		}
		if r.Status != want {
			t.Errorf("after editing two: %s is %s, want %s", r.Name, r.Status, want)
		}
	}
	// A different build re-exports everything.
	opt.Build = "test-2"
	if rep = Run(context.Background(), jobs, lib, opt); rep.Exported != 3 {
		t.Errorf("new build: %d exported, want 3", rep.Exported)
	}
	// A removed output is written again.
	if err := os.Remove(filepath.Join(out, "one.pdf")); err != nil {
		t.Fatal(err)
	}
	if rep = Run(context.Background(), jobs, lib, opt); rep.Exported != 1 || rep.Issues[0].Name != "one" || rep.Issues[0].Status != Exported {
		t.Errorf("missing output: %+v", rep.Issues)
	}
}

// TestBadIssueDoesNotStopOthers runs a broken issue among good ones and
// checks the report and the files written.
func TestBadIssueDoesNotStopOthers(t *testing.T) {
	root, out := t.TempDir(), t.TempDir()
	copyDir(t, minimal, filepath.Join(root, "a-good"))
	copyDir(t, minimal, filepath.Join(root, "b-bad"))
	copyDir(t, minimal, filepath.Join(root, "c-good"))
	if err := os.WriteFile(filepath.Join(root, "b-bad", "issue.yaml"), []byte("title: [unclosed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	jobs, err := Find([]string{root})
	if err != nil {
		t.Fatal(err)
	}
	rep := Run(context.Background(), jobs, fonts.NewLibrary(), Options{Jobs: 2, Export: export.Options{OutDir: out, Formats: []string{"pdf"}}})
	if rep.Exported != 2 || rep.Failed != 1 || rep.OK() {
		t.Fatalf("report: %+v", rep)
	}
	bad := rep.Issues[1]
	if bad.Status != Failed || !strings.Contains(bad.Error, "issue.yaml") {
		t.Errorf("bad issue: %+v (the error must name issue.yaml)", bad)
	}
	for _, r := range []IssueReport{rep.Issues[0], rep.Issues[2]} {
		if len(r.Outputs) != 1 || r.Outputs[0].Bytes == 0 || len(r.Outputs[0].SHA256) != 64 || r.Pages < 1 {
			t.Errorf("%s: outputs %+v pages %d", r.Name, r.Outputs, r.Pages)
		}
	}
	entries, _ := os.ReadDir(out)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{"a-good.pdf", "c-good.pdf"}; !reflect.DeepEqual(names, want) {
		t.Errorf("output files %v, want %v (no partial or temporary files)", names, want)
	}

	path := filepath.Join(out, "report.json")
	if err := rep.WriteJSON(path); err != nil {
		t.Fatal(err)
	}
	var back Report
	data, _ := os.ReadFile(path)
	if err := json.Unmarshal(data, &back); err != nil || back.Failed != 1 || len(back.Issues) != 3 {
		t.Errorf("report JSON round trip: %v %+v", err, back)
	}
}

// TestInterruptedRunReportsNotDone cancels before the run: no issue starts,
// nothing is written, and each is reported as not done.
func TestInterruptedRunReportsNotDone(t *testing.T) {
	root, out := t.TempDir(), t.TempDir()
	copyDir(t, minimal, filepath.Join(root, "x"))
	copyDir(t, minimal, filepath.Join(root, "y"))
	jobs, _ := Find([]string{root})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	rep := Run(ctx, jobs, fonts.NewLibrary(), Options{Jobs: 1, Export: export.Options{OutDir: out, Formats: []string{"pdf"}}})
	if rep.NotDone != 2 || rep.OK() {
		t.Errorf("report after cancel: %+v", rep)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("files written after cancel: %v", entries)
	}
}
