package issue

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestFilesListsEveryInput(t *testing.T) {
	iss, _, err := Load(filepath.Join("..", "testdata", "dangyuanzhiyou-2025-03"))
	if err != nil {
		t.Fatal(err)
	}
	files := iss.Files()
	var yaml, md, img int
	for i, f := range files {
		if !filepath.IsAbs(f) {
			t.Errorf("%s is not absolute", f)
		}
		if i > 0 && files[i-1] >= f {
			t.Errorf("not sorted or duplicated: %s, %s", files[i-1], f)
		}
		switch {
		case strings.HasSuffix(f, "issue.yaml"):
			yaml++
		case strings.HasSuffix(f, ".md"):
			md++
		case strings.Contains(f, string(filepath.Separator)+"images"+string(filepath.Separator)):
			img++
		}
	}
	if yaml != 1 || md != len(iss.Articles()) || img < 2 {
		t.Errorf("Files: %d issue.yaml, %d articles (want %d), %d images", yaml, md, len(iss.Articles()), img)
	}
}
