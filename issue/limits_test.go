package issue

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// loadFiles writes files into a new issue directory and loads it.
func loadFiles(t *testing.T, files map[string]string) (*Issue, Problems) {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		path := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	iss, _, err := Load(dir)
	var ps Problems
	if err != nil && !errors.As(err, &ps) {
		t.Fatal(err)
	}
	return iss, ps
}

func TestLimits(t *testing.T) {
	head := "title: 期刊\nissue: 1\ndate: 2025-03-28\n"
	sections := "sections:\n  - title: 栏目\n    articles: [a.md]\n"
	article := "---\ntitle: 标题\n---\n\n正文。\n"
	inline := func(n int, body string) string {
		var b strings.Builder
		b.WriteString(head + "sections:\n  - title: 栏目\n    articles:\n")
		for range n {
			b.WriteString("      - {title: 文, body: " + body + "}\n")
		}
		return b.String()
	}
	var manySections strings.Builder
	manySections.WriteString(head + "sections:\n")
	for range maxSections + 1 {
		manySections.WriteString("  - {title: 栏, articles: [{title: 文, body: 正文}]}\n")
	}
	tests := []struct {
		name  string
		files map[string]string
		says  string // "" for a valid issue
		line  int
	}{
		{"twelve cover lines of 60", map[string]string{"issue.yaml": head + "highlights: [" + strings.Repeat(strings.Repeat("看", 60)+", ", 12) + "]\n" + sections, "a.md": article}, "", 0},
		{"thirteen cover lines", map[string]string{"issue.yaml": head + "highlights: [" + strings.Repeat("看, ", 13) + "]\n" + sections, "a.md": article}, "highlights: 13 items, at most 12", 4},
		{"a cover line of 61", map[string]string{"issue.yaml": head + "highlights:\n  - 一\n  - " + strings.Repeat("看", 61) + "\n" + sections, "a.md": article}, "cover line is 61 characters long", 6},
		{"a masthead of 61", map[string]string{"issue.yaml": "title: " + strings.Repeat("刊", 61) + "\nissue: 1\ndate: 2025-03-28\n" + sections, "a.md": article}, "issue.yaml: title is 61 characters long; the masthead holds at most 60", 1},
		{"an article title of 200", map[string]string{"issue.yaml": head + sections, "a.md": "---\ntitle: " + strings.Repeat("题", 200) + "\n---\n正文\n"}, "", 0},
		{"an article title of 201", map[string]string{"issue.yaml": head + sections, "a.md": "---\ntitle: " + strings.Repeat("题", 201) + "\n---\n正文\n"}, "front matter: title is 201 characters long", 2},
		{"51 authors", map[string]string{"issue.yaml": head + sections, "a.md": "---\ntitle: 题\nauthors: [" + strings.Repeat("某, ", 51) + "]\n---\n正文\n"}, "authors: 51 items, at most 50", 3},
		{"101 sections", map[string]string{"issue.yaml": manySections.String()}, "sections: 101 items, at most 100", 5 + maxSections},
		{"1001 articles", map[string]string{"issue.yaml": inline(maxArticles+1, "正文")}, "more than 1000 articles in one issue", 7 + maxArticles},
		{"a body reused past the budget", map[string]string{"issue.yaml": strings.Replace(inline(6, "*b"), "*b", "&b "+strings.Repeat("正", 300_000), 1)}, "the issue's text passes 4 MB here", 0},
		{"big front matter", map[string]string{"issue.yaml": head + sections, "a.md": "---\ntitle: 题\nsubtitle: " + strings.Repeat("x", maxFrontMatter) + "\n---\n正文\n"}, "front matter is larger than 64 KB", 2},
		{"CR line endings", map[string]string{"issue.yaml": head + sections, "a.md": strings.ReplaceAll(article, "\n", "\r")}, "CR-only line endings", 1},
		{"CRLF line endings", map[string]string{"issue.yaml": head + sections, "a.md": strings.ReplaceAll(article, "\n", "\r\n")}, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			iss, ps := loadFiles(t, tt.files)
			if tt.says == "" {
				if len(ps) > 0 || iss == nil {
					t.Errorf("problems: %v", ps)
				}
				return
			}
			for _, p := range ps {
				if strings.Contains(p.Message, tt.says) && (tt.line == 0 || p.Line == tt.line) && p.Hint != "" {
					return
				}
			}
			t.Errorf("problems %v, want %q at line %d with a hint", ps, tt.says, tt.line)
		})
	}
}
