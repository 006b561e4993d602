package fonts

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/qikan-dev/qikan/issue"
)

// Missing is a character no face of a Set has.
type Missing struct {
	Rune  rune
	Count int // occurrences in the issue
	// Articles are the places it appears, in reading order: an article as
	// `《title》 (articles/x.md)`, text from issue.yaml as its file name.
	Articles []string
}

// Report lists the characters of an issue that no face of a Set covers, in
// order of first appearance. It is an error value when Missing is not
// empty (strict exports fail with it).
type Report struct {
	Missing []Missing
	Faces   []string // names of the faces that were searched
}

// OK reports whether every character is covered.
func (r Report) OK() bool { return len(r.Missing) == 0 }

// Runes returns the missing characters.
func (r Report) Runes() []rune {
	rs := make([]rune, len(r.Missing))
	for i, m := range r.Missing {
		rs[i] = m.Rune
	}
	return rs
}

// Error summarises the report; it is the same text as String.
func (r Report) Error() string { return strings.TrimSuffix(r.String(), "\n") }

// String is the human-readable report, one line per character:
//
//	2 characters are in none of the fonts (Noto Serif CJK SC, Noto Sans CJK SC Bold):
//	  𠮷 U+20BB7 ×3 in 《吉祥》 (articles/01.md), issue.yaml
//	  …
//	hint: …
func (r Report) String() string {
	if r.OK() {
		return "all characters are covered by the fonts\n"
	}
	var b strings.Builder
	noun := "characters are"
	if len(r.Missing) == 1 {
		noun = "character is"
	}
	fmt.Fprintf(&b, "%d %s in none of the fonts (%s); they will show as empty boxes:\n",
		len(r.Missing), noun, strings.Join(r.Faces, ", "))
	for _, m := range r.Missing {
		fmt.Fprintf(&b, "  %s U+%04X", printable(m.Rune), m.Rune)
		if m.Count > 1 {
			fmt.Fprintf(&b, " ×%d", m.Count)
		}
		fmt.Fprintf(&b, " in %s\n", strings.Join(m.Articles, ", "))
	}
	b.WriteString("hint: choose fonts that have them (fonts.body / fonts.heading in issue.yaml, a .ttf or a .ttc#face), or replace the characters\n")
	return b.String()
}

// printable shows r itself unless it is invisible or would break the line.
func printable(r rune) string {
	if unicode.IsGraphic(r) && !unicode.IsSpace(r) {
		return string(r)
	}
	return "�"
}

// Check reports every character of the issue that no face of set covers:
// all user-visible text (masthead, cover, highlights, colophon, section
// and article titles, front matter, body inlines, table cells, captions,
// code). Spaces, control characters and default-ignorable characters
// (variation selectors, joiners) need no glyph and are not reported.
func Check(set *Set, iss *issue.Issue) Report {
	c := checker{set: set, iss: iss, covered: map[rune]bool{}, index: map[rune]int{}}
	c.walkIssue()
	var names []string
	for _, f := range set.chain[Body] {
		names = append(names, f.Name())
	}
	return Report{Missing: c.missing, Faces: names}
}

type checker struct {
	set     *Set
	iss     *issue.Issue
	covered map[rune]bool
	index   map[rune]int // rune → index in missing
	missing []Missing
	place   string
}

func (c *checker) text(s string) {
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || ignorable(r) {
			continue
		}
		ok, seen := c.covered[r]
		if !seen {
			ok = c.set.Covered(r)
			c.covered[r] = ok
		}
		if ok {
			continue
		}
		i, seen := c.index[r]
		if !seen {
			i = len(c.missing)
			c.index[r] = i
			c.missing = append(c.missing, Missing{Rune: r})
		}
		m := &c.missing[i]
		m.Count++
		if !slices.Contains(m.Articles, c.place) {
			m.Articles = append(m.Articles, c.place)
		}
	}
}

// rel names a file relative to the issue directory.
func (c *checker) rel(path string) string {
	if path == "" {
		return "issue.yaml"
	}
	if c.iss.Dir != "" {
		if r, err := filepath.Rel(c.iss.Dir, path); err == nil && !strings.HasPrefix(r, "..") {
			return filepath.ToSlash(r)
		}
	}
	return filepath.Base(path)
}

func (c *checker) walkIssue() {
	iss := c.iss
	c.place = c.rel(iss.File)
	for _, s := range []string{iss.Title, iss.Label, iss.Subtitle, iss.Number, iss.ISSN,
		iss.Publisher, iss.Description, iss.Cover.Caption, iss.Cover.Credit} {
		c.text(s)
	}
	for _, s := range iss.Highlights {
		c.text(s)
	}
	for _, row := range iss.Colophon {
		c.text(row.Label)
		c.text(row.Value)
	}
	for _, sec := range iss.Sections {
		c.place = c.rel(iss.File)
		c.text(sec.Title)
		c.text(sec.TitleEN)
		for _, a := range sec.Articles {
			c.article(a)
		}
	}
}

func (c *checker) article(a *issue.Article) {
	title := a.Title
	if title == "" {
		title = a.ID
	}
	c.place = fmt.Sprintf("《%s》 (%s)", title, c.rel(a.File))
	for _, s := range []string{a.Title, a.Subtitle, a.Affiliation, a.Source, a.Editor} {
		c.text(s)
	}
	for _, s := range a.Authors {
		c.text(s)
	}
	issue.EachText(a.Blocks, c.inlines, c.text)
}

// inlines checks the text of runs and their ruby; an image's alternative
// text is not set in a face.
func (c *checker) inlines(ins []issue.Inline) {
	for _, in := range ins {
		if in.Image == nil {
			c.text(in.Text)
		}
		c.text(in.Ruby)
	}
}
