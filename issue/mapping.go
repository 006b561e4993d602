package issue

import (
	"fmt"
	"iter"
	"strings"
)

// Articles returns every article of the issue in reading order.
func (iss *Issue) Articles() []*Article {
	var out []*Article
	for _, s := range iss.Sections {
		out = append(out, s.Articles...)
	}
	return out
}

// Stretch is one stretch of text handed to a mapping function: the runs
// of a paragraph, heading or table cell between code spans, images and
// hard line breaks, or the text of one field (a single run).
type Stretch struct {
	Runs []string // the texts of the runs
	At   []Pos    // where each run starts, one per run
	// Lang is the language of a paragraph or heading whose script shows
	// it is not its article's (Paragraph.Lang), else "".
	Lang string
}

// MapText replaces every user-visible text of the issue with f(text), in
// place: masthead, cover lines, colophon, section and article titles and
// metadata, and the runs of every body block, figure captions and credits
// and table cells. Code (code blocks and code spans), link destinations,
// ruby annotations, images' alternative texts, paths, identifiers, dates
// and language tags are left alone. f is called once per run, so it sees
// no text across a change of style; MapRuns does.
func (iss *Issue) MapText(f func(s string) string) { iss.MapRuns(eachRun(f)) }

// MapText replaces every user-visible text of the article with f(text), in
// place, as Issue.MapText does: title, front matter and body.
func (a *Article) MapText(f func(s string) string) { a.MapRuns(eachRun(f)) }

// MapRuns is MapText for text split into runs of different styles: f gets
// the texts of the runs of one stretch of inline text at once — a
// paragraph, heading or table cell, cut at code spans, images and hard
// line breaks — and returns their replacements, one per run (a result of
// another length is ignored). So f can see across a change of style, as in
// "**重点**,正文". Every other text (titles, front matter, captions) comes
// as a single run.
func (iss *Issue) MapRuns(f func(runs []string) []string) {
	iss.MapStretches(func(s Stretch) []string { return f(s.Runs) })
}

// MapRuns is Issue.MapRuns for the article's own text.
func (a *Article) MapRuns(f func(runs []string) []string) {
	a.MapStretches(func(s Stretch) []string { return f(s.Runs) })
}

// MapOwnRuns is MapRuns for the texts of issue.yaml's own fields —
// masthead, cover, highlights, colophon and section titles — leaving the
// articles alone.
func (iss *Issue) MapOwnRuns(f func(runs []string) []string) {
	iss.MapOwnStretches(func(s Stretch) []string { return f(s.Runs) })
}

// MapStretches is MapRuns with where each run was written and the
// language of the stretch.
func (iss *Issue) MapStretches(f func(Stretch) []string) {
	iss.MapOwnStretches(f)
	for _, a := range iss.Articles() {
		a.MapStretches(f)
	}
}

// MapOwnStretches is MapStretches for issue.yaml's own fields.
func (iss *Issue) MapOwnStretches(f func(Stretch) []string) {
	for _, fl := range iss.ownFields() {
		mapField(fl, f)
	}
}

// MapStretches is Issue.MapStretches for the article's own text.
func (a *Article) MapStretches(f func(Stretch) []string) {
	for _, fl := range a.fields() {
		mapField(fl, f)
	}
	mapBlocks(a.Blocks, f)
}

// field is a text field and where it was written.
type field struct {
	p  *string
	at Pos
}

func (iss *Issue) ownFields() []field {
	w := iss.Where
	fs := []field{
		{&iss.Title, w["title"]}, {&iss.Label, w["issue"]}, {&iss.Subtitle, w["subtitle"]},
		{&iss.Number, w["number"]}, {&iss.Publisher, w["publisher"]}, {&iss.Description, w["description"]},
		{&iss.Cover.Caption, w["cover.caption"]}, {&iss.Cover.Credit, w["cover.credit"]},
	}
	for i := range iss.Highlights {
		fs = append(fs, field{&iss.Highlights[i], w[fmt.Sprintf("highlights[%d]", i)]})
	}
	for i := range iss.Colophon {
		fs = append(fs, field{&iss.Colophon[i].Label, w[fmt.Sprintf("colophon[%d].label", i)]},
			field{&iss.Colophon[i].Value, w[fmt.Sprintf("colophon[%d].value", i)]})
	}
	for _, s := range iss.Sections {
		fs = append(fs, field{&s.Title, s.Where["title"]}, field{&s.TitleEN, s.Where["title_en"]})
	}
	return fs
}

func (a *Article) fields() []field {
	w := a.Where
	fs := []field{{&a.Title, w["title"]}, {&a.Subtitle, w["subtitle"]}, {&a.Affiliation, w["affiliation"]},
		{&a.Source, w["source"]}, {&a.Editor, w["editor"]}}
	for i := range a.Authors {
		at, ok := w[fmt.Sprintf("authors[%d]", i)]
		if !ok {
			at = w["authors"] // authors: one name
		}
		fs = append(fs, field{&a.Authors[i], at})
	}
	return fs
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

// mapField maps a text that is a single run.
func mapField(fl field, f func(Stretch) []string) {
	if out := f(Stretch{Runs: []string{*fl.p}, At: []Pos{fl.at}}); len(out) == 1 {
		*fl.p = out[0]
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
			if b.Alt != "" {
				other(b.Alt)
			}
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

// mapBlocks is MapStretches over blocks. Code blocks are left alone,
// captions and credits are mapped as fields.
func mapBlocks(blocks []Block, f func(Stretch) []string) {
	Walk(blocks, func(b Block) {
		inlines(b, func(in []Inline) { mapInlines(in, langOf(b), f) })
		if fig, ok := b.(*Figure); ok {
			mapField(field{&fig.Caption, fig.Pos}, f)
			mapField(field{&fig.Credit, fig.Pos}, f)
			if fig.Alt != "" {
				mapField(field{&fig.Alt, fig.Pos}, f)
			}
		}
	})
}

// langOf is the language a block declares of its own, or "".
func langOf(b Block) string {
	switch b := b.(type) {
	case *Paragraph:
		return b.Lang
	case *Heading:
		return b.Lang
	}
	return ""
}

// mapInlines maps the stretches of runs between code spans, images and
// hard line breaks, which are left alone.
func mapInlines(in []Inline, lang string, f func(Stretch) []string) {
	start := 0
	flush := func(end int) {
		if end <= start {
			return
		}
		s := Stretch{Runs: make([]string, end-start), At: make([]Pos, end-start), Lang: lang}
		for i := range s.Runs {
			s.Runs[i], s.At[i] = in[start+i].Text, in[start+i].Pos
		}
		if out := f(s); len(out) == len(s.Runs) {
			for i, t := range out {
				in[start+i].Text = t
			}
		}
	}
	for i := range in {
		if in[i].Style&CodeSpan != 0 || in[i].Text == "\n" || in[i].Image != nil {
			flush(i)
			start = i + 1
		}
	}
	flush(len(in))
}

// Texts yields every text of the article that is set in a face, with where
// it starts: front-matter fields, runs and their ruby, captions and
// credits, and each line of a code block. An image's alternative text is
// not among them.
func (a *Article) Texts() iter.Seq2[Pos, string] {
	return func(yield func(Pos, string) bool) {
		for _, fl := range a.fields() {
			if !yield(fl.at, *fl.p) {
				return
			}
		}
		eachBlockText(a.Blocks, yield)
	}
}

// OwnTexts yields the texts of issue.yaml's own fields with where each was
// written.
func (iss *Issue) OwnTexts() iter.Seq2[Pos, string] {
	return func(yield func(Pos, string) bool) {
		for _, fl := range iss.ownFields() {
			if !yield(fl.at, *fl.p) {
				return
			}
		}
	}
}

// eachBlockText yields the texts of blocks for Texts; it returns false
// once yield has.
func eachBlockText(blocks []Block, yield func(Pos, string) bool) bool {
	ok := true
	Walk(blocks, func(b Block) {
		inlines(b, func(in []Inline) {
			for _, r := range in {
				if !ok {
					return
				}
				if r.Image == nil {
					ok = yield(r.Pos, r.Text)
				}
				if ok && r.Ruby != "" {
					ok = yield(r.Pos, r.Ruby)
				}
			}
		})
		switch b := b.(type) {
		case *Figure:
			ok = ok && yield(b.Pos, b.Caption) && yield(b.Pos, b.Credit) && (b.Alt == "" || yield(b.Pos, b.Alt))
		case *Code:
			at := b.Pos
			for _, line := range strings.Split(b.Text, "\n") {
				if ok = ok && yield(at, line); !ok {
					return
				}
				at.Line++
				at.Col = 0
			}
		}
	})
	return ok
}
