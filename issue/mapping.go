package issue

// Articles returns every article of the issue in reading order.
func (iss *Issue) Articles() []*Article {
	var out []*Article
	for _, s := range iss.Sections {
		out = append(out, s.Articles...)
	}
	return out
}

// MapText replaces every user-visible text of the issue with f(text), in
// place: masthead, cover lines, colophon, section and article titles and
// metadata, and the runs of every body block, figure captions and credits
// and table cells. Code (code blocks and code spans), link destinations,
// paths, identifiers, dates and language tags are left alone. f is called
// once per run, so it sees no text across a change of style; MapRuns does.
func (iss *Issue) MapText(f func(s string) string) { iss.MapRuns(eachRun(f)) }

// MapText replaces every user-visible text of the article with f(text), in
// place, as Issue.MapText does: title, front matter and body.
func (a *Article) MapText(f func(s string) string) { a.MapRuns(eachRun(f)) }

// MapRuns is MapText for text split into runs of different styles: f gets
// the texts of the runs of one stretch of inline text at once — a
// paragraph, heading or table cell, cut at code spans and hard line breaks
// — and returns their replacements, one per run (a result of another
// length is ignored). So f can see across a change of style, as in
// "**重点**,正文". Every other text (titles, front matter, captions) comes
// as a single run.
func (iss *Issue) MapRuns(f func(runs []string) []string) {
	iss.MapOwnRuns(f)
	for _, a := range iss.Articles() {
		a.MapRuns(f)
	}
}

// MapOwnRuns is MapRuns for the texts of issue.yaml's own fields —
// masthead, cover, highlights, colophon and section titles — leaving the
// articles alone.
func (iss *Issue) MapOwnRuns(f func(runs []string) []string) {
	for _, p := range []*string{&iss.Title, &iss.Label, &iss.Subtitle, &iss.Number, &iss.Publisher, &iss.Description, &iss.Cover.Caption, &iss.Cover.Credit} {
		mapOne(p, f)
	}
	for i := range iss.Highlights {
		mapOne(&iss.Highlights[i], f)
	}
	for i := range iss.Colophon {
		mapOne(&iss.Colophon[i].Label, f)
		mapOne(&iss.Colophon[i].Value, f)
	}
	for _, s := range iss.Sections {
		mapOne(&s.Title, f)
		mapOne(&s.TitleEN, f)
	}
}

// MapRuns is Issue.MapRuns for the article's own text.
func (a *Article) MapRuns(f func(runs []string) []string) {
	for _, p := range []*string{&a.Title, &a.Subtitle, &a.Affiliation, &a.Source, &a.Editor} {
		mapOne(p, f)
	}
	for i := range a.Authors {
		mapOne(&a.Authors[i], f)
	}
	mapBlocks(a.Blocks, f)
}

// eachRun turns a function of one text into one of runs.
func eachRun(f func(string) string) func([]string) []string {
	return func(runs []string) []string {
		for i := range runs {
			runs[i] = f(runs[i])
		}
		return runs
	}
}

// mapOne maps a text that is a single run.
func mapOne(p *string, f func([]string) []string) {
	if out := f([]string{*p}); len(out) == 1 {
		*p = out[0]
	}
}

// Walk calls fn with every block of blocks in reading order, depth
// first: a quote, then its blocks; a list, then the blocks of each item.
// It is the one place that knows which blocks hold blocks.
func Walk(blocks []Block, fn func(Block)) {
	for _, b := range blocks {
		fn(b)
		switch b := b.(type) {
		case *Quote:
			Walk(b.Blocks, fn)
		case *List:
			for _, item := range b.Items {
				Walk(item, fn)
			}
		}
	}
}

// EachText calls inline with the runs of every stretch of inline text of
// blocks, in reading order — paragraphs, subheads, quotes, list items and
// table cells — and other with every text that is not inline: figure
// captions and credits, code blocks. Either may be nil. It is how readers
// of the model (coverage checks, tests) see all of an article's text.
func EachText(blocks []Block, inline func([]Inline), other func(string)) {
	if inline == nil {
		inline = func([]Inline) {}
	}
	if other == nil {
		other = func(string) {}
	}
	Walk(blocks, func(b Block) {
		inlines(b, inline)
		switch b := b.(type) {
		case *Figure:
			other(b.Caption)
			other(b.Credit)
		case *Code:
			other(b.Text)
		}
	})
}

// inlines calls fn with each stretch of inline text b holds itself: a
// paragraph's or a subhead's, a table's cells.
func inlines(b Block, fn func([]Inline)) {
	switch b := b.(type) {
	case *Paragraph:
		fn(b.Inlines)
	case *Heading:
		fn(b.Inlines)
	case *Table:
		for _, c := range b.Header {
			fn(c)
		}
		for _, row := range b.Rows {
			for _, c := range row {
				fn(c)
			}
		}
	}
}

// EachImage calls fn for every image of blocks: figures, and images set
// in lines of text (table cells included), in reading order.
func EachImage(blocks []Block, fn func(*Image)) {
	Walk(blocks, func(b Block) {
		if f, ok := b.(*Figure); ok {
			fn(&f.Image)
		}
		inlines(b, func(in []Inline) {
			for _, r := range in {
				if r.Image != nil {
					fn(r.Image)
				}
			}
		})
	})
}

// mapBlocks is MapRuns over blocks: the texts of EachText's inline
// stretches, captions and credits, rewritten in place; code blocks are
// left alone.
func mapBlocks(blocks []Block, f func([]string) []string) {
	Walk(blocks, func(b Block) {
		inlines(b, func(in []Inline) { mapInlines(in, f) })
		if fig, ok := b.(*Figure); ok {
			mapOne(&fig.Caption, f)
			mapOne(&fig.Credit, f)
		}
	})
}

// mapInlines maps the stretches of runs between code spans and hard line
// breaks, which are left alone.
func mapInlines(in []Inline, f func([]string) []string) {
	start := 0
	flush := func(end int) {
		if end <= start {
			return
		}
		texts := make([]string, end-start)
		for i := range texts {
			texts[i] = in[start+i].Text
		}
		if out := f(texts); len(out) == len(texts) {
			for i, t := range out {
				in[start+i].Text = t
			}
		}
	}
	for i := range in {
		if in[i].Style&CodeSpan != 0 || in[i].Text == "\n" {
			flush(i)
			start = i + 1
		}
	}
	flush(len(in))
}
