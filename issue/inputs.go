package issue

import (
	"sort"
	"strings"
)

// Files lists every file the issue reads, absolute and sorted without
// duplicates: issue.yaml, the article files, the images and the fonts it
// names. Tools that decide whether an export is up to date hash these.
func (iss *Issue) Files() []string {
	seen := map[string]bool{}
	add := func(p string) {
		if p != "" {
			seen[p] = true
		}
	}
	add(iss.File)
	if iss.Cover.Image != nil {
		add(iss.Cover.Image.Path)
	}
	for _, spec := range []string{iss.Fonts.Body, iss.Fonts.Heading} {
		path, _, _ := strings.Cut(spec, "#")
		add(path)
	}
	for _, a := range iss.Articles() {
		add(a.File)
		EachImage(a.Blocks, func(img *Image) { add(img.Path) })
	}
	files := make([]string, 0, len(seen))
	for p := range seen {
		files = append(files, p)
	}
	sort.Strings(files)
	return files
}
