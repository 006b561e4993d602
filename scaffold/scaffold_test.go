package scaffold

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/qikan-dev/qikan/issue"
)

func TestCreateValidates(t *testing.T) {
	for _, title := range []string{"", `引号"与\反斜杠`, "Tōkyō Monthly"} {
		dir := filepath.Join(t.TempDir(), "new-issue")
		if err := Create(dir, title, time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
		iss, _, err := issue.Load(dir)
		if err != nil {
			t.Fatalf("title %q: scaffold does not validate:\n%v", title, err)
		}
		if title != "" && iss.Title != title {
			t.Errorf("title = %q, want %q", iss.Title, title)
		}
		if iss.Label != "2026年第11期" || iss.Date.Format("2006-01-02") != "2026-11-25" {
			t.Errorf("label %q date %v", iss.Label, iss.Date)
		}
		if len(iss.Articles()) != 1 {
			t.Errorf("%d articles, want 1", len(iss.Articles()))
		}
		if fi, err := os.Stat(filepath.Join(dir, "images")); err != nil || !fi.IsDir() {
			t.Errorf("images/ folder missing: %v", err)
		}
	}
}

func TestCreateRefusesNonEmptyDir(t *testing.T) {
	dir := t.TempDir()
	keep := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(keep, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Create(dir, "", time.Time{})
	if err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Fatalf("err = %v, want a not-empty error", err)
	}
	if data, _ := os.ReadFile(keep); string(data) != "mine" {
		t.Error("existing file changed")
	}
	if _, err := os.Stat(filepath.Join(dir, "issue.yaml")); err == nil {
		t.Error("issue.yaml written into a non-empty directory")
	}
}
