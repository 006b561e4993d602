package pdf

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/issue"
	"github.com/qikan-dev/qikan/lang"
	"github.com/qikan-dev/qikan/layout"
)

// span is a piece of paragraph text in one style.
type span struct {
	text string
	st   style
	link string // link destination, "" for none
	tag  *node  // structure element of the text (a Link for a link); nil: set later by tagBlocks
	// ruby is the annotation of text (its base), rubyTag its RT element.
	ruby    string
	rubyTag *node
	// img is an image set in the line (text is then U+FFFC); without
	// alternative text (and tag) it is decorative, an artifact. src is
	// where the image is written, for preflight.
	img *issue.Image
	src issue.Pos
	// linkTag is the Link element of text in a link, where tag may be an
	// element inside it (RB, Figure).
	linkTag *node
	note    int // the mark of note note (from 1) is the span's text, its first mark (see notes.go)
}

// setLine is a laid-out line: text items relative to the start of the
// line's baseline, and link areas relative to the same point.
type setLine struct {
	texts []textItem
	links []item
	// marks are fills drawn with the line: the rule of a doubled dash.
	marks []item
	// notes are the notes whose first mark the line holds.
	notes []int
	width float64
	// end is the index in texts of the text that ends the line in
	// reading order (a ruby's base, not its annotation), -1 when the line
	// ends with an image or has no text.
	end int
	// broke is the white space of the source the break before the line
	// took (its first character, 0 for none): the line before carries it
	// (see carry).
	broke rune
}

// carry gives the text that ends the line the white space r of the
// source the break after it took (textItem.trail), so that the text layer
// keeps the word space between the line's last word and the next line's
// first (새롭게 보인다, not 새롭게보인다).
func (l *setLine) carry(r rune) {
	if r != 0 && l.end >= 0 && l.end < len(l.texts) {
		l.texts[l.end].trail = r
	}
}

// setter sets paragraphs with layout.Paragraph, choosing faces through
// the fallback chain of a fonts.Set, by the rules of the issue's language
// (lang) or of the article's (style.lang).
type setter struct {
	set      *fonts.Set
	lang     *lang.Lang
	hanLatin bool
}

// runInfo is what a layout.Run's Tag points back to.
type runInfo struct {
	face    *fonts.Face
	st      style
	link    string
	tag     *node
	missing bool // characters no face has: drawn as placeholders
	linkTag *node
	rubyTag *node
	img     *issue.Image
	src     issue.Pos // where img is written
	note    int
}

// rules are the language rules text in style st is set by: its
// article's, else the issue's.
func (s *setter) rules(st style) *lang.Lang {
	if st.lang != nil {
		return st.lang
	}
	return s.lang
}

// paragraph breaks spans into lines of the given width; indent is the
// first-line indent.
func (s *setter) paragraph(spans []span, width, indent float64, align layout.Align) []setLine {
	return s.setLines(spans, width, indent, align, layout.Paragraph)
}

// paragraphLoose breaks spans like paragraph, justified, a line longer
// (loose > 0) or shorter (< 0) than their best breaking where that can
// be done with well-spaced lines (layout.Options.Looseness).
func (s *setter) paragraphLoose(spans []span, width, indent float64, loose int) []setLine {
	return s.setLines(spans, width, indent, layout.Justify, func(runs []layout.Run, o layout.Options) []layout.Line {
		o.Looseness = loose
		return layout.Paragraph(runs, o)
	})
}

// headline breaks a title, subhead or contents entry into lines of the
// given width at its phrase spaces first, balanced (layout.Headline).
func (s *setter) headline(spans []span, width float64) []setLine {
	return s.setLines(spans, width, 0, layout.AlignLeft, layout.Headline)
}

// setLines breaks spans into lines with the line breaker brk.
func (s *setter) setLines(spans []span, width, indent float64, align layout.Align, brk func([]layout.Run, layout.Options) []layout.Line) []setLine {
	var runs []layout.Run
	var infos []runInfo
	for _, sp := range spans {
		set := s.set
		if sp.st.lang != nil { // an article or span in a language of its own
			set = set.ForLang(sp.st.lang.Tag)
		}
		switch {
		case sp.img != nil:
			f := set.Face(sp.st.role)
			runs = append(runs, objectRun(sp, f, width, len(infos)))
			infos = append(infos, runInfo{face: f, st: sp.st, link: sp.link, tag: sp.tag, linkTag: sp.linkTag, img: sp.img, src: sp.src})
			continue
		case sp.ruby != "" && sp.text != "":
			run := rubyRun(set, sp, len(infos))
			runs = append(runs, run)
			infos = append(infos, runInfo{face: run.Face.(*fonts.Face), st: sp.st, link: sp.link, tag: sp.tag, linkTag: sp.linkTag, rubyTag: sp.rubyTag})
			continue
		}
		for _, seg := range set.Split(sp.st.role, sp.text) {
			runs = append(runs, layout.Run{Text: seg.Text, Face: seg.Face, Size: sp.st.size, Tag: len(infos)})
			infos = append(infos, runInfo{face: seg.Face, st: sp.st, link: sp.link, tag: sp.tag, linkTag: sp.linkTag, missing: seg.Missing, note: sp.note})
		}
	}
	if len(runs) == 0 {
		return nil
	}
	rules := s.rules(spans[0].st)
	lines := brk(runs, layout.Options{
		Width: width, Indent: indent, Punct: rules.Punct, Align: align,
		HanLatinSpace: s.hanLatin, StrictKinsoku: rules.StrictKinsoku,
	})
	out := make([]setLine, 0, len(lines))
	sp := &spaces{runs: runs, at: make([]int, len(runs)), last: -1}
	for _, ln := range lines {
		l := s.line(ln, runs, infos, sp)
		if len(out) > 0 {
			out[len(out)-1].carry(l.broke)
		}
		out = append(out, l)
	}
	return out
}

// wordGap guesses, for text whose source is not at hand, whether the gap
// between two items is a word space: both sides are not Han, kana or
// Hangul, and the gap is wider than a sixth of an em.
func wordGap(a, b layout.Item, size float64) rune {
	last, _ := utf8.DecodeLastRuneInString(a.Text)
	first, _ := utf8.DecodeRuneInString(b.Text)
	if last < 0x2e80 && first < 0x2e80 && b.X-(a.X+a.Width) > size/6 {
		return ' '
	}
	return 0
}

// spaces finds the white space of the source that layout turned into gaps
// between items: it follows the items through their runs' text.
type spaces struct {
	runs []layout.Run
	at   []int // how far each run's text has been taken
	last int   // the run of the item before
	// single is set when all items come from the one text of runs[0]
	// (lines set elsewhere, whose runs hold no text).
	single bool
}

// textSpaces follows the items of lines set from text.
func textSpaces(text string) *spaces {
	return &spaces{runs: []layout.Run{{Text: text}}, at: []int{0}, last: -1, single: true}
}

// before returns the white space that precedes item it in the source
// (within its run, or at the end of the run before it): its first
// character, 0 for none.
func (sp *spaces) before(it layout.Item) rune {
	if sp.single {
		it.Run = 0
	}
	space := rune(0)
	if sp.last >= 0 && sp.last != it.Run {
		space = firstSpace(sp.runs[sp.last].Text[sp.at[sp.last]:])
		sp.at[sp.last] = len(sp.runs[sp.last].Text)
	}
	text := sp.runs[it.Run].Text
	k := strings.Index(text[sp.at[it.Run]:], it.Text)
	if k < 0 {
		k = 0 // not found: layout changed the text (cannot happen)
	}
	if space == 0 {
		space = firstSpace(text[sp.at[it.Run] : sp.at[it.Run]+k])
	}
	sp.at[it.Run] = min(len(text), sp.at[it.Run]+k+len(it.Text))
	sp.last = it.Run
	return space
}

// firstSpace is the first white space character of s (a line feed
// counts as a space: a hard break is a break, not a character), 0 for
// none.
func firstSpace(s string) rune {
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		case unicode.IsSpace(r):
			return r
		}
	}
	return 0
}

// oneLine sets spans on a single line without breaking (titles of
// contents entries, running heads); the line may be wider than asked.
func (s *setter) oneLine(spans []span) setLine {
	lines := s.paragraph(spans, 1e6, 0, layout.AlignLeft)
	if len(lines) == 0 {
		return setLine{}
	}
	return lines[0]
}

// group is a run of items drawn with one text-show operation.
type group struct {
	item   textItem
	run    int
	nat    float64 // natural advance of the glyphs so far
	glyphs int
	fixed  bool // item.spacing has been fixed by a second item
}

// next is where the group's next glyph would start.
func (g *group) next() float64 { return g.item.x + g.nat + float64(g.glyphs)*g.item.spacing }

// join appends an item of the group's run if its position follows from
// the natural advances plus one constant spacing after every glyph (PDF
// Tc applies after each glyph, inside words too).
func (g *group) join(it layout.Item, nat float64, n int) bool {
	const eps = 0.002
	gap := it.X - g.next()
	if !g.fixed {
		if g.glyphs > 1 && math.Abs(gap) > eps || n > 1 && math.Abs(gap) > eps ||
			gap <= -g.item.size/2 || gap >= g.item.size {
			return false
		}
		if math.Abs(gap) > eps {
			g.item.spacing = gap
		}
		g.fixed = true
	} else if math.Abs(gap) > eps || n > 1 && g.item.spacing != 0 {
		return false
	}
	g.item.text += it.Text
	g.nat += nat
	g.glyphs += n
	return true
}

// line turns a layout line into text items: consecutive items of one run
// whose positions follow from their natural advances plus a constant
// extra space per character are drawn as one string with PDF character
// spacing (Tc), which keeps content streams small and text extraction
// simple.
//
// A text that follows white space of the source says which (space), and
// never joins the text before it: the gap is a word space, which the
// writer draws as the space it is. The white space before the line's
// first item is the break's (broke), which the line before carries.
func (s *setter) line(ln layout.Line, runs []layout.Run, infos []runInfo, sp *spaces) setLine {
	out := setLine{width: ln.Width, end: -1}
	var g *group
	for k, it := range ln.Items {
		info := infos[runs[it.Run].Tag]
		space := rune(0)
		switch {
		case k == 0 && sp != nil:
			// The white space before a line's first item is the break:
			// not drawn here, and followed past, so that it is not
			// taken for a space before the second item (보 인다 for
			// 보인다).
			out.broke = sp.before(it)
		case k == 0:
		case sp != nil:
			space = sp.before(it)
		default:
			space = wordGap(ln.Items[k-1], it, info.st.size)
		}
		out.marks = decorate(out.marks, it, info)
		if g != nil && (info.img != nil || runs[it.Run].Ruby != "") {
			out.texts = append(out.texts, g.item)
			g = nil
		}
		if s.special(&out, it, runs[it.Run], info) {
			out.end = -1
			if runs[it.Run].Ruby != "" {
				out.end = len(out.texts) - 2 // the base, before its ruby
			}
			s.linkArea(&out, it, info)
			continue
		}
		nat := naturalWidth(info.face, it.Text, info.st.size)
		n := utf8.RuneCountInString(it.Text)
		if info.missing {
			if g != nil {
				out.texts = append(out.texts, g.item)
				g = nil
			}
			out.texts = append(out.texts, textItem{x: it.X, y: -info.st.rise, text: it.Text, face: info.face, size: info.st.size,
				color: info.st.color, missing: true, tag: info.tag, space: space})
			out.end = len(out.texts) - 1
			continue
		}
		if g == nil || g.run != it.Run || space != 0 || !g.join(it, nat, n) {
			if g != nil {
				out.texts = append(out.texts, g.item)
			}
			ti := s.text(it.X, it.Text, info)
			ti.space = space
			g = &group{item: ti, run: it.Run, nat: nat, glyphs: n}
		}
		out.end = len(out.texts) // g, appended when it is done
		if layout.DashRun(it.Text) {
			out.marks = append(out.marks, dashRule(it, info))
		}
		s.linkArea(&out, it, info)
		if info.note > 0 && (len(out.notes) == 0 || out.notes[len(out.notes)-1] != info.note) {
			out.notes = append(out.notes, info.note)
		}
	}
	if g != nil {
		out.texts = append(out.texts, g.item)
	}
	return out
}

// decorate adds the decorations of an item's style to marks: a tint
// behind it, a line under it, a line through it, each joined to the same
// one of the item before when they touch, so a word reads as one.
func decorate(marks []item, it layout.Item, info runInfo) []item {
	st := info.st
	size := st.size
	x0, w := it.X+it.LeftTrim, it.Width
	add := func(m item) {
		if k := len(marks) - 1; k >= 0 && marks[k].kind == m.kind && marks[k].color == m.color &&
			marks[k].y == m.y && marks[k].h == m.h && math.Abs(marks[k].x+marks[k].w-m.x) < 0.3*size {
			marks[k].w = m.x + m.w - marks[k].x
			marks[k].x2 = marks[k].x + marks[k].w
			return
		}
		marks = append(marks, m)
	}
	if st.tint != (rgb{}) {
		pad := 0.12 * size
		add(item{kind: fillItem, color: st.tint, x: x0 - pad, y: -st.rise - 0.9*size, w: w + 2*pad, h: 1.1 * size})
	}
	lw := max(0.4, 0.05*size)
	if st.underline {
		y := -st.rise + 0.14*size
		add(item{kind: ruleItem, color: st.color, lineWidth: lw, x: x0, y: y, x2: x0 + w, y2: y, w: w})
	}
	if st.strike {
		y := -st.rise - 0.33*size
		add(item{kind: ruleItem, color: st.color, lineWidth: lw, x: x0, y: y, x2: x0 + w, y2: y, w: w})
	}
	return marks
}

// linkArea adds the link area of an item in a link, joined with the one
// before where they meet.
func (s *setter) linkArea(out *setLine, it layout.Item, info runInfo) {
	if info.link == "" {
		return
	}
	tag := info.linkTag
	if tag == nil {
		tag = info.tag
	}
	asc, desc := info.face.Ascent()*info.st.size, info.face.Descent()*info.st.size
	r := item{kind: linkItem, x: it.X + it.LeftTrim, y: -asc, w: it.Width, h: asc + desc, url: info.link, tag: tag}
	if k := len(out.links) - 1; k >= 0 && out.links[k].url == r.url && out.links[k].tag == r.tag && math.Abs(out.links[k].x+out.links[k].w-r.x) < info.st.size {
		out.links[k].w = r.x + r.w - out.links[k].x
	} else {
		out.links = append(out.links, r)
	}
}

// dashRule is the rule drawn over a doubled dash ——, relative to the
// line's baseline: as thick and as high as the face's dash, across the
// item's 2 em less the dash's side bearings, so the two glyphs read as one
// unbroken dash (clreq §3.1.2) whatever the face's em dash is (Noto CJK's
// is a 0.89-em Latin dash). The glyphs stay under it for text extraction.
func dashRule(it layout.Item, info runInfo) item {
	size := info.st.size
	bottom, top, ok := info.face.InkY('—')
	if !ok {
		bottom, top = 0.33, 0.38 // the middle of the em box
	}
	l, r := info.face.Ink('—')
	adv := info.face.Advance('—')
	x0 := it.X + it.LeftTrim + min(l, 0.1)*size
	x1 := it.X + it.LeftTrim + it.Width - min(max(adv-r, 0), 0.1)*size
	return item{kind: fillItem, color: info.st.color, x: x0, y: -top * size, w: x1 - x0, h: (top - bottom) * size}
}

// naturalWidth is the advance of text in face at size, without spacing.
func naturalWidth(f *fonts.Face, text string, size float64) float64 {
	w := 0.0
	for _, r := range text {
		w += f.Advance(r)
	}
	return w * size
}

// textWidth measures spans set on one line.
func (s *setter) textWidth(spans []span) float64 {
	return s.oneLine(spans).width
}

// place moves a set line to (x, baseline) and appends its items to p.
func (l setLine) place(p *page, x, baseline float64) {
	for _, t := range l.texts {
		p.texts = append(p.texts, t.moved(x, baseline))
	}
	for _, it := range append(l.marks, l.links...) {
		p.items = append(p.items, it.moved(x, baseline))
	}
}

// placeholder is how a character no font has is drawn: a box crossed by
// its two diagonals, the character's advance wide (the face's .notdef
// advance), from 0.75 em above the baseline to 0.07 em below, inset by a
// tenth of an em, in the text colour. It cannot be mistaken for a real
// character (not even for □, which Chinese print uses for an illegible
// one), and it is a drawn mark, never a font's .notdef glyph (which PDF/A
// forbids). The text item keeps the character for the text layer.
func placeholder(t textItem) []item {
	var out []item
	x := t.x
	lw := t.size * 0.05
	for _, r := range t.text {
		w := t.face.Advance(r) * t.size
		inset := t.size * 0.1
		x0, x1 := x+inset, x+w-inset
		if x1-x0 < lw*4 {
			x0, x1 = x, x+max(w, lw*4)
		}
		y0, y1 := t.y-t.size*0.75, t.y+t.size*0.07
		for _, l := range [][4]float64{{x0, y0, x1, y0}, {x1, y0, x1, y1}, {x1, y1, x0, y1}, {x0, y1, x0, y0},
			{x0, y0, x1, y1}, {x0, y1, x1, y0}} {
			out = append(out, item{kind: ruleItem, x: l[0], y: l[1], x2: l[2], y2: l[3], lineWidth: lw, color: t.color})
		}
		x += w
	}
	return out
}
