package fonts

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/qikan-dev/qikan/issue"
)

// Missing is a character no face of a Set has (nor any system font, when
// the Set uses them).
type Missing struct {
	Rune  rune
	Count int // occurrences in the issue
	// Articles are the places it appears, in reading order: an article as
	// `《title》 (articles/x.md)`, text from issue.yaml as its file name.
	Articles []string
	// Fix says what to install or choose to get it (FixFor).
	Fix string
}

// Supplied is a character that none of the Set's own faces has and that a
// font installed on the machine supplies.
type Supplied struct {
	Rune     rune
	Count    int
	Articles []string
	Font     string // the supplying face's name
	File     string // its font file
}

// Report lists the characters of an issue that no face of a Set covers, in
// order of first appearance, and those that system fonts supply. It is an
// error value when Missing is not empty (strict exports fail with it).
type Report struct {
	Missing  []Missing
	Supplied []Supplied
	Faces    []string // names of the faces that were searched
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
	fmt.Fprintf(&b, "%d %s in none of the fonts (%s); they will show as a crossed box:\n",
		len(r.Missing), noun, strings.Join(r.Faces, ", "))
	for _, m := range r.Missing {
		fmt.Fprintf(&b, "  %s U+%04X", printable(m.Rune), m.Rune)
		if m.Count > 1 {
			fmt.Fprintf(&b, " ×%d", m.Count)
		}
		fmt.Fprintf(&b, " in %s; %s\n", strings.Join(m.Articles, ", "), m.Fix)
	}
	b.WriteString("hint: or choose fonts that have them (fonts.body / fonts.heading in issue.yaml, a .ttf or a .ttc#face), or replace the characters\n")
	return b.String()
}

// FixFor says how to get a font with r: the package or font to install
// (Debian/Ubuntu package names; macOS and Windows users install the font
// named).
func FixFor(r rune) string {
	const hana = "install a font with CJK Extension B–F, such as HanaMin (Debian/Ubuntu: apt install fonts-hanazono)"
	switch {
	case r >= 0x20000 && r <= 0x2EBEF, r >= 0x2F800 && r <= 0x2FA1F:
		return hana
	case r >= 0x30000 && r <= 0x323AF, r >= 0x2EBF0 && r <= 0x2EE5F:
		return "install a font with CJK Extension G–I, such as Jigmo or BabelStone Han"
	case r >= 0xE000 && r <= 0xF8FF, r >= 0xF0000:
		return "a private-use character: only the font it was made for has it; choose that font (fonts.body in issue.yaml)"
	case unicode.Is(unicode.Han, r):
		return hana
	case r >= 0x1F000 && r <= 0x1FAFF, r >= 0x2600 && r <= 0x27BF:
		return "install a font with outline (not colour-bitmap) emoji and symbols, such as Symbola (apt install fonts-symbola) or Noto Emoji"
	}
	for _, s := range scriptFonts {
		if unicode.Is(s.table, r) {
			return "install " + s.font + " (Debian/Ubuntu: apt install fonts-noto-core)"
		}
	}
	return "install a font that has it (Debian/Ubuntu: apt install fonts-noto-core fonts-noto-extra)"
}

// scriptFonts names the Noto face for scripts the embedded faces lack.
var scriptFonts = []struct {
	table *unicode.RangeTable
	font  string
}{
	{unicode.Arabic, "Noto Sans Arabic"}, {unicode.Hebrew, "Noto Sans Hebrew"},
	{unicode.Devanagari, "Noto Sans Devanagari"}, {unicode.Thai, "Noto Sans Thai"},
	{unicode.Tibetan, "Noto Serif Tibetan"}, {unicode.Mongolian, "Noto Sans Mongolian"},
	{unicode.Yi, "Noto Sans Yi"}, {unicode.Tangut, "Noto Serif Tangut"},
	{unicode.Armenian, "Noto Sans Armenian"}, {unicode.Georgian, "Noto Sans Georgian"},
	{unicode.Ethiopic, "Noto Sans Ethiopic"}, {unicode.Khmer, "Noto Sans Khmer"},
	{unicode.Lao, "Noto Sans Lao"}, {unicode.Myanmar, "Noto Sans Myanmar"},
	{unicode.Bengali, "Noto Sans Bengali"}, {unicode.Tamil, "Noto Sans Tamil"},
}

// printable shows r itself unless it is invisible or would break the line.
func printable(r rune) string {
	if unicode.IsGraphic(r) && !unicode.IsSpace(r) {
		return string(r)
	}
	return "�"
}

// Check reports every character of the issue that no face of set covers,
// and those only system fonts supply:
// all user-visible text (masthead, cover, highlights, colophon, section
// and article titles, front matter, body inlines, table cells, captions,
// code). Spaces, control characters and default-ignorable characters
// (variation selectors, joiners) need no glyph and are not reported.
func Check(set *Set, iss *issue.Issue) Report {
	c := checker{set: set, iss: iss, status: map[rune]int{}}
	c.walkIssue()
	var names []string
	for _, f := range set.chain[Body] {
		names = append(names, f.Name())
	}
	return Report{Missing: c.missing, Supplied: c.supplied, Faces: names}
}

type checker struct {
	set      *Set
	iss      *issue.Issue
	status   map[rune]int // 0 covered by the set's faces, i+1 missing[i], -(i+1) supplied[i]
	missing  []Missing
	supplied []Supplied
	place    string
}

func (c *checker) text(s string) {
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || ignorable(r) {
			continue
		}
		st, seen := c.status[r]
		if !seen {
			st = c.classify(r)
			c.status[r] = st
		}
		switch {
		case st > 0:
			m := &c.missing[st-1]
			m.Count++
			m.Articles = appendPlace(m.Articles, c.place)
		case st < 0:
			m := &c.supplied[-st-1]
			m.Count++
			m.Articles = appendPlace(m.Articles, c.place)
		}
	}
}

// classify looks r up once: 0 when a face of the set has it, else its
// entry in missing (positive) or supplied (negative).
func (c *checker) classify(r rune) int {
	f, own, ok := c.set.Supplier(Body, r)
	switch {
	case ok && own:
		return 0
	case ok:
		c.supplied = append(c.supplied, Supplied{Rune: r, Font: f.Name(), File: f.File()})
		return -len(c.supplied)
	}
	c.missing = append(c.missing, Missing{Rune: r, Fix: FixFor(r)})
	return len(c.missing)
}

func appendPlace(places []string, p string) []string {
	if !slices.Contains(places, p) {
		places = append(places, p)
	}
	return places
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
