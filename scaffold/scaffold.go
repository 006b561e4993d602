package scaffold

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

//go:embed template
var template embed.FS

// Create writes a new issue into dir, which must not exist or be empty.
// title and date fill the publication name and the issue date; a zero date
// means today. Nothing is overwritten: if dir holds anything, Create fails
// before writing.
func Create(dir, title string, date time.Time) error {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s: directory is not empty; qikan init only writes into a new or empty directory", dir)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: %w", dir, err)
	}
	if date.IsZero() {
		date = time.Now()
	}
	if title == "" {
		title = "示例期刊"
	}
	repl := strings.NewReplacer(
		"{{TITLE}}", yamlQuote(title),
		"{{DATE}}", date.Format("2006-01-02"),
		"{{LABEL}}", yamlQuote(fmt.Sprintf("%d年第%d期", date.Year(), int(date.Month()))),
	)
	if err := os.MkdirAll(filepath.Join(dir, "images"), 0o755); err != nil {
		return fmt.Errorf("%s: %w", dir, err)
	}
	return fs.WalkDir(template, "template", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(path, "template"), "/")
		target := filepath.Join(dir, filepath.FromSlash(rel))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := template.ReadFile(path)
		if err != nil {
			return err
		}
		if err := os.WriteFile(target, []byte(repl.Replace(string(data))), 0o644); err != nil {
			return fmt.Errorf("%s: %w", target, err)
		}
		return nil
	})
}

// yamlQuote returns s as a double-quoted YAML scalar.
func yamlQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}
