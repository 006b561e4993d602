package issue

import (
	"fmt"
	"strings"
)

// eachBlock calls fn for every block of blocks, and of the quotes and list
// items among them, in reading order.
func eachBlock(blocks []Block, fn func(Block)) {
	for _, b := range blocks {
		fn(b)
		switch b := b.(type) {
		case *Quote:
			eachBlock(b.Blocks, fn)
		case *List:
			for _, item := range b.Items {
				eachBlock(item, fn)
			}
		}
	}
}

// checkOutline makes an article body's headings skip no level and warns of
// what a reader who cannot see would miss: a heading is set one level below
// the nearest higher heading before it in the input, or at level 2 (the
// article title is level 1, and # counts as ##), so ## then #### becomes
// 2, 3 and an article that opens with ### starts at 2; each skip is warned
// of at its line, once per article and mapping. Figures without a caption
// (their only text alternative) are warned of once, at the first, with
// their count.
func checkOutline(blocks []Block, file string, r *report) {
	var open [][2]int // input and output levels of the open headings
	warned := map[[2]int]bool{}
	uncaptioned, first := 0, 0
	eachBlock(blocks, func(b Block) {
		switch b := b.(type) {
		case *Heading:
			in := max(b.Level, 2)
			for len(open) > 0 && open[len(open)-1][0] >= in {
				open = open[:len(open)-1]
			}
			parent, out := 1, 2
			if k := len(open); k > 0 {
				parent, out = open[k-1][0], open[k-1][1]+1
			}
			open = append(open, [2]int{in, out})
			b.Level = out
			if in > parent+1 && !warned[[2]int{in, out}] {
				warned[[2]int{in, out}] = true
				prev := "the article title (level 1)"
				if parent > 1 {
					prev = fmt.Sprintf("a level %d heading (%s)", parent, strings.Repeat("#", parent))
				}
				r.warn(file, b.Line, "heading %s follows %s and skips a level; it is set as level %d, as readers that move by headings expect (write %s)",
					strings.Repeat("#", in), prev, out, strings.Repeat("#", out))
			}
		case *Figure:
			if strings.TrimSpace(b.Caption) == "" {
				if uncaptioned++; uncaptioned == 1 {
					first = b.Line
				}
			}
		}
	})
	if uncaptioned > 0 {
		what := "a figure has"
		if uncaptioned > 1 {
			what = fmt.Sprintf("%d figures have", uncaptioned)
		}
		r.warn(file, first, "%s no caption (the first here): an image without one has no text alternative for readers who cannot see it, and the EPUB cannot claim WCAG 2.1 AA; write what it shows as its alt text, ![说明](image.jpg)", what)
	}
}
