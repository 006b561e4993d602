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
// once per run, so it sees no text across a change of style.
func (iss *Issue) MapText(f func(s string) string) {
	for _, p := range []*string{&iss.Title, &iss.Label, &iss.Subtitle, &iss.Number, &iss.Publisher, &iss.Description, &iss.Cover.Caption, &iss.Cover.Credit} {
		*p = f(*p)
	}
	for i := range iss.Highlights {
		iss.Highlights[i] = f(iss.Highlights[i])
	}
	for i := range iss.Colophon {
		iss.Colophon[i].Label = f(iss.Colophon[i].Label)
		iss.Colophon[i].Value = f(iss.Colophon[i].Value)
	}
	for _, s := range iss.Sections {
		s.Title = f(s.Title)
		s.TitleEN = f(s.TitleEN)
		for _, a := range s.Articles {
			a.MapText(f)
		}
	}
}

// MapText replaces every user-visible text of the article with f(text), in
// place, as Issue.MapText does: title, front matter and body.
func (a *Article) MapText(f func(s string) string) {
	for _, p := range []*string{&a.Title, &a.Subtitle, &a.Affiliation, &a.Source, &a.Editor} {
		*p = f(*p)
	}
	for i := range a.Authors {
		a.Authors[i] = f(a.Authors[i])
	}
	mapBlocks(a.Blocks, f)
}

func mapBlocks(blocks []Block, f func(string) string) {
	for _, b := range blocks {
		switch b := b.(type) {
		case *Paragraph:
			mapInlines(b.Inlines, f)
		case *Heading:
			mapInlines(b.Inlines, f)
		case *Quote:
			mapBlocks(b.Blocks, f)
		case *List:
			for _, it := range b.Items {
				mapBlocks(it, f)
			}
		case *Table:
			for _, c := range b.Header {
				mapInlines(c, f)
			}
			for _, row := range b.Rows {
				for _, c := range row {
					mapInlines(c, f)
				}
			}
		case *Figure:
			b.Caption = f(b.Caption)
			b.Credit = f(b.Credit)
		}
	}
}

func mapInlines(in []Inline, f func(string) string) {
	for i := range in {
		if in[i].Style&CodeSpan != 0 || in[i].Text == "\n" {
			continue
		}
		in[i].Text = f(in[i].Text)
	}
}
