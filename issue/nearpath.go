package issue

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// nearPath returns a hint naming the file a path p (relative to base, not
// found) most likely means, or "": the path with / for \ (written on
// Windows), or the path whose every part matches but for case or Unicode
// normalisation (é composed as U+00E9 or decomposed as e + U+0301, as
// macOS writes file names) — "Articles/Hello.md" for "articles/hello.md".
func nearPath(base, p string) string {
	if strings.Contains(p, `\`) {
		slashed := strings.ReplaceAll(p, `\`, "/")
		if _, err := os.Stat(filepath.Join(base, filepath.FromSlash(slashed))); err == nil {
			return fmt.Sprintf("write the path with / instead of \\: %q", slashed)
		}
		p = slashed
	}
	dir := base
	var parts []string
	var folded, normalised bool
	for _, part := range strings.Split(filepath.ToSlash(filepath.Clean(filepath.FromSlash(p))), "/") {
		if _, err := os.Lstat(filepath.Join(dir, part)); err == nil || part == ".." || part == "." {
			parts = append(parts, part)
			dir = filepath.Join(dir, part)
			continue
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			return ""
		}
		match := ""
		for _, e := range entries {
			name := e.Name()
			switch {
			case norm.NFC.String(name) == norm.NFC.String(part):
				match, normalised = name, true
			case strings.EqualFold(norm.NFC.String(name), norm.NFC.String(part)):
				if match == "" {
					match, folded = name, true
					normalised = normalised || norm.NFC.String(name) != name || norm.NFC.String(part) != part
				}
			}
		}
		if match == "" {
			return ""
		}
		parts = append(parts, match)
		dir = filepath.Join(dir, match)
	}
	near := strings.Join(parts, "/")
	switch {
	case folded:
		return fmt.Sprintf("did you mean %q? file names are case-sensitive", near)
	case normalised:
		form := "decomposed, as macOS writes names"
		if norm.NFC.IsNormalString(near) {
			form = "composed"
		}
		return fmt.Sprintf("the file is there, its name spelt with other code points: %s (%s) where the path has %s; they look alike: rename the file, or copy its name into the path",
			strconv.QuoteToASCII(near), form, strconv.QuoteToASCII(p))
	}
	return ""
}
