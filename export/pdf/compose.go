package pdf

import (
	"runtime"
	"strconv"
	"sync"

	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/issue"
	"github.com/qikan-dev/qikan/lang"
)

// composer turns the issue into pages. It keeps the current page and the
// current position in its text block.
type composer struct {
	geo  geometry
	set  *setter
	iss  *issue.Issue
	opt  Options
	lang *lang.Lang // the issue's language
	doc  *document
	page *page
	y    float64 // current position in the text block of the page
	head string  // section title for running heads
	// fresh is set while nothing but a section band is on the page.
	fresh bool
	// bodies holds each article's title block and column blocks, set
	// in parallel before the pages are filled in order; arts the Art
	// element of each article, holding the structure of its blocks.
	bodies map[*issue.Article]setArticle
	arts   map[*issue.Article]*node
}

// compose lays out the whole issue: cover, contents, sections with their
// articles, colophon, blank pages for padding, then running heads and
// folios.
func compose(iss *issue.Issue, set *fonts.Set, opt Options) (*document, error) {
	l := lang.For(iss.Language)
	c := &composer{
		geo: newGeometry(iss.Print, opt.Marks, bodyStyle.size, bodyStyle.leading),
		set: &setter{set: set.ForLang(iss.Language), lang: l, hanLatin: opt.HanLatinSpace},
		iss: iss, opt: opt, lang: l,
	}
	c.doc = &document{geo: c.geo, iss: iss, start: map[string]int{}, lang: l,
		root: &node{role: "Document", lang: documentLang(iss)}}
	c.setArticles()
	c.cover()
	c.doc.outline = append(c.doc.outline, outlineEntry{Title: c.lang.Labels.Cover, Page: 0})
	c.contents()
	colophon := len(iss.Colophon) > 0
	if colophon && opt.ColophonAfterContents {
		c.colophon()
	}
	for _, s := range iss.Sections {
		c.section(s)
	}
	n := len(c.doc.pages)
	if colophon && !opt.ColophonAfterContents {
		n++
	}
	for ; n%opt.Pad != 0; n++ {
		c.newPage(blankPage)
	}
	if colophon && !opt.ColophonAfterContents {
		c.colophon()
	}
	c.furniture()
	fixHeadings(c.doc.root)
	return c.doc, nil
}

// setArticles sets the blocks of every article, in parallel: setting a
// paragraph depends only on the article and the column width, never on
// where the article will land.
func (c *composer) setArticles() {
	arts := c.iss.Articles()
	out := make([]setArticle, len(arts))
	nodes := make([]*node, len(arts))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(arts)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				out[i], nodes[i] = c.setArticleBlocks(arts[i])
			}
		}()
	}
	for i := range arts {
		work <- i
	}
	close(work)
	wg.Wait()
	c.bodies = make(map[*issue.Article]setArticle, len(arts))
	c.arts = make(map[*issue.Article]*node, len(arts))
	for i, a := range arts {
		c.bodies[a] = out[i]
		c.arts[a] = nodes[i]
	}
}

// index is the index of the current page.
func (c *composer) index() int { return len(c.doc.pages) - 1 }

// newPage starts a page of the given kind.
func (c *composer) newPage(kind pageKind) {
	c.page = &page{kind: kind}
	if kind == articlePage {
		c.page.head = c.head
	}
	c.doc.pages = append(c.doc.pages, c.page)
	c.y = c.geo.textTop()
	c.fresh = false
}

// atTop reports whether nothing has been set in the current text block.
func (c *composer) atTop() bool { return c.y <= c.geo.textTop()+0.01 }

// textBlock sets spans as a paragraph of width w into blocks, one per
// line, each as high as the style's leading with the baseline placed so
// that the em box sits in the middle of the line.
func (c *composer) textBlocks(spans []span, st style, w, indent float64, align alignment) []block {
	return c.lineBlocks(c.set.paragraph(spans, w, indent, align.layout()), st, w, align)
}

// headBlocks sets a title, subhead or contents entry like textBlocks,
// broken at its phrase spaces first and balanced (setter.headline).
func (c *composer) headBlocks(spans []span, st style, w float64, align alignment) []block {
	return c.lineBlocks(c.set.headline(spans, w), st, w, align)
}

// lineBlocks turns set lines of width w into blocks, one per line.
func (c *composer) lineBlocks(lines []setLine, st style, w float64, align alignment) []block {
	blocks := make([]block, 0, len(lines))
	base := baseline(st)
	for _, ln := range lines {
		var b block
		b.h = st.leading
		x := 0.0
		switch align {
		case alignRight:
			x = w - ln.width
		case alignCenter:
			x = (w - ln.width) / 2
		}
		for _, t := range ln.texts {
			b.texts = append(b.texts, t.moved(x, base))
		}
		for _, it := range append(ln.marks, ln.links...) {
			b.items = append(b.items, it.moved(x, base))
		}
		b.noteIDs = ln.notes
		blocks = append(blocks, b)
	}
	return blocks
}

// baseline is where the baseline of a line of style st lies below the
// line's top: the ideographic em box (0.88 em above the baseline, 0.12
// below) is centred in the leading.
func baseline(st style) float64 { return (st.leading-st.size)/2 + 0.88*st.size }

// stack joins blocks into one block, one under the other.
func stack(blocks []block) block {
	var out block
	for i, b := range blocks {
		y := out.h
		if i > 0 {
			y += b.before
		}
		out.add(b, 0, y)
		out.h = y + b.h
	}
	return out
}

// plain is a span of text in one style.
func plain(text string, st style) []span { return []span{{text: text, st: st}} }

// documentLang is the language of the whole document: the issue's,
// zh-CN when it has none.
func documentLang(iss *issue.Issue) string {
	if iss.Language == "" {
		return "zh-CN"
	}
	return iss.Language
}

// fixHeadings renumbers headings so that, in reading order, none is more
// than one level below the one before it (PDF/UA-1 §7.4.2: no level
// skipped), as when an article's first subhead is a ### .
func fixHeadings(root *node) {
	last := 0
	root.walk(func(n *node) {
		if len(n.role) != 2 || n.role[0] != 'H' || n.role[1] < '1' || n.role[1] > '6' {
			return
		}
		level := min(int(n.role[1]-'0'), last+1)
		n.role = "H" + strconv.Itoa(level)
		last = level
	})
}
