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

// EachImage calls fn for every image of blocks: figures, and images set
// in lines of text (table cells included), in reading order.
func EachImage(blocks []Block, fn func(*Image)) {
	runs := func(in []Inline) {
		for _, r := range in {
			if r.Image != nil {
				fn(r.Image)
			}
		}
	}
	for _, b := range blocks {
		switch b := b.(type) {
		case *Figure:
			fn(&b.Image)
		case *Paragraph:
			runs(b.Inlines)
		case *Heading:
			runs(b.Inlines)
		case *Table:
			for _, c := range b.Header {
				runs(c)
			}
			for _, row := range b.Rows {
				for _, c := range row {
					runs(c)
				}
			}
		case *Quote:
			EachImage(b.Blocks, fn)
		case *List:
			for _, item := range b.Items {
				EachImage(item, fn)
			}
		}
	}
}
