package cover

import (
	"math"
	"strings"

	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/issue"
	"github.com/qikan-dev/qikan/lang"
	"github.com/qikan-dev/qikan/layout"
)

// RGB is an opaque colour.
type RGB struct{ R, G, B uint8 }

// The colours of the design. White on Accent is 6.7:1, Grey on Paper 5.6:1.
var (
	Accent = RGB{0xb0, 0x1e, 0x23} // the magazine's red: masthead band, panel rule
	Ink    = RGB{0x1a, 0x1a, 0x1a} // cover lines
	Grey   = RGB{0x5f, 0x5f, 0x5f} // caption on the colour field
	Paper  = RGB{0xf2, 0xee, 0xe8} // the colour field of a cover without a photo
	White  = RGB{0xff, 0xff, 0xff}
	Shade  = RGB{0x26, 0x26, 0x26} // behind the caption on a photo
)

// Page is the size of the cover in the caller's unit (points, pixels).
// Backgrounds reach Bleed beyond every edge; text stays inside.
type Page struct {
	Width, Height, Bleed float64
}

// Options are what the cover takes from the export's settings. The
// issue's language (package lang) sets the cover's punctuation, kinsoku,
// date and running number.
type Options struct {
	HanLatinSpace bool
}

// Cover is the designed cover.
type Cover struct {
	Page     Page
	Elements []Element // in drawing order
	// Texts are the texts the cover shows, in reading order (masthead,
	// slogan, issue, number, date, ISSN, the cover lines shown, caption):
	// the description of a cover image.
	Texts []string
	// Cut lists, in reading order, the texts the cover does not show in
	// full: cut short with an ellipsis, or cover lines left off for want
	// of room. Export refuses an issue whose cover cuts a text.
	Cut []Cut
}

// Cut is a text the cover does not show in full. Field is the issue.yaml
// key it comes from, as in issue.Issue.Where ("title", "issue", "number",
// "subtitle", "highlights", "cover.caption"), Index its place in the list
// for highlights; Shown is the part shown ("" when left off).
type Cut struct {
	Field string
	Index int
	Text  string
	Shown string
}

// Element is a *Fill, *Photo or *Text.
type Element interface{ element() }

// Rect is a rectangle: top-left corner and size, y down, in the page's
// unit with the origin at the top-left corner of the page (the bleed lies
// at negative coordinates and beyond Width and Height).
type Rect struct{ X, Y, W, H float64 }

// Fill is a filled rectangle.
type Fill struct {
	Rect
	Color RGB
}

// Photo is the cover image, drawn into Rect (its aspect ratio kept) and
// visible only inside Clip.
type Photo struct {
	Image *issue.Image
	Rect
	Clip Rect
}

// Text is one line of text: Line's items are positioned from X along the
// baseline at Y, and each item's Run indexes Runs.
type Text struct {
	X, Y float64
	Line layout.Line
	Runs []Run
	// Part is the index in Cover.Texts of the text this line shows (a
	// cover line set on two lines gives two Texts of one Part).
	Part int
}

// Run is how the items of one run are drawn.
type Run struct {
	Face  *fonts.Face
	Size  float64
	Color RGB
	// Bold is set when bold is wanted: a backend synthesises it when
	// Face is not bold itself.
	Bold bool
	// Missing marks characters no face has: a backend draws a placeholder
	// for them, never the face's .notdef glyph.
	Missing bool
}

func (*Fill) element()  {}
func (*Photo) element() {}
func (*Text) element()  {}

// style is how a piece of cover text looks; sizes are in design points
// (the unit at a page 595.276 wide, A4's width in points).
type style struct {
	role          fonts.Role
	size, leading float64
	color         RGB
	bold          bool
}

// designer lays one cover out.
type designer struct {
	iss   *issue.Issue
	faces *fonts.Set
	opt   Options
	lang  *lang.Lang // the issue's language
	c     *Cover
	u     float64 // page units per design point
	left  float64 // left edge of the text area
	width float64 // width of the text area
	band  float64 // bottom of the masthead band
	field string  // the issue.yaml key of the text being set, for Cut
	index int     // its index in a list
}

// Layout designs the cover of iss on a page of the given size.
func Layout(iss *issue.Issue, faces *fonts.Set, pg Page, opt Options) *Cover {
	// The faces draw the regional glyph forms of the issue's language.
	d := &designer{iss: iss, faces: faces.ForLang(iss.Language), opt: opt, lang: lang.For(iss.Language), c: &Cover{Page: pg}}
	d.u = pg.Width / 595.276
	d.left = 0.08 * pg.Width
	d.width = pg.Width - 2*d.left
	d.background()
	d.masthead()
	d.coverLines()
	d.caption()
	return d.c
}

// add adds an element; the lines of a text are added before show records
// the text, unless the caller sets Part itself.
func (d *designer) add(e Element) {
	if t, ok := e.(*Text); ok {
		t.Part = len(d.c.Texts)
	}
	d.c.Elements = append(d.c.Elements, e)
}

// show records a text the cover shows.
func (d *designer) show(text string) {
	if t := strings.TrimSpace(text); t != "" {
		d.c.Texts = append(d.c.Texts, t)
	}
}

// background is the photo over the page and its bleed, scaled to cover it
// and centre-cropped, or the colour field.
func (d *designer) background() {
	pg := d.c.Page
	all := Rect{-pg.Bleed, -pg.Bleed, pg.Width + 2*pg.Bleed, pg.Height + 2*pg.Bleed}
	img := d.iss.Cover.Image
	if img == nil || img.Width <= 0 || img.Height <= 0 {
		d.add(&Fill{all, Paper})
		return
	}
	s := math.Max(all.W/float64(img.Width), all.H/float64(img.Height))
	w, h := float64(img.Width)*s, float64(img.Height)*s
	d.add(&Photo{Image: img, Rect: Rect{all.X + (all.W-w)/2, all.Y + (all.H-h)/2, w, h}, Clip: all})
}

// masthead sets the band at the top: the masthead on the left (as large
// as the band allows, at most two lines), the issue label, running number,
// date and ISSN on the right, the slogan under them. The band grows when
// its text needs more than a fifth of the page.
func (d *designer) masthead() {
	pg, u := d.c.Page, d.u
	minBand := 0.2 * pg.Height
	pad := 0.12 * minBand
	metaW := 0.34 * d.width
	titleW := 0.62 * d.width
	fill := &Fill{Rect{-pg.Bleed, -pg.Bleed, pg.Width + 2*pg.Bleed, 0}, Accent}
	d.add(fill)

	d.field = "title"
	title := d.title(titleW, math.Min(96*u, minBand*0.55))
	y := pad
	bottom := y
	for _, t := range title {
		t.X, t.Y = d.left, y+0.88*t.Runs[0].Size
		y += 1.1 * t.Runs[0].Size
		bottom = t.Y + 0.12*t.Runs[0].Size
		d.add(t)
	}
	d.show(d.iss.Title)

	// The right column.
	label := style{role: fonts.Heading, size: 13, leading: 18, color: White, bold: true}
	small := style{role: fonts.Body, size: 9, leading: 13, color: White}
	y = pad
	issn, date := "", ""
	if d.iss.ISSN != "" {
		issn = "ISSN " + d.iss.ISSN
	}
	if !d.iss.Date.IsZero() {
		date = d.lang.Date(d.iss.Date)
	}
	for _, m := range []struct {
		text, field string
		st          style
	}{{d.iss.Label, "issue", label}, {d.lang.Number(d.iss.Number), "number", small}, {date, "date", small}, {issn, "issn", small}} {
		d.field = m.field
		for _, t := range d.paragraph(m.text, m.st.scaled(u), metaW, layout.AlignRight, 2) {
			y += m.st.leading * u
			t.X, t.Y = d.left+d.width-metaW, y
			d.add(t)
		}
		d.show(m.text)
	}
	bottom = math.Max(bottom, y+0.3*small.leading*u)

	// The slogan, at the foot of the band.
	slogan := style{role: fonts.Body, size: 11, leading: 14, color: White}
	d.field = "subtitle"
	lines := d.paragraph(d.iss.Subtitle, slogan.scaled(u), d.width, layout.AlignLeft, 2)
	if len(lines) > 0 {
		first := math.Max(bottom+slogan.leading*u, minBand*0.9-float64(len(lines)-1)*slogan.leading*u)
		for i, t := range lines {
			t.X, t.Y = d.left, first+float64(i)*slogan.leading*u
			d.add(t)
		}
		bottom = first + float64(len(lines)-1)*slogan.leading*u + 0.12*slogan.size*u
		d.show(d.iss.Subtitle)
	}
	d.band = math.Max(minBand, bottom+0.5*pad)
	fill.H = d.band + pg.Bleed
}

// title sets the masthead at size max when it fits the width on one line;
// else at the size that makes it fit, down to 0.6 of max; else on two
// lines, down to a quarter of max, the second line ending in an ellipsis
// when even that is too long.
func (d *designer) title(width, max float64) []*Text {
	st := style{role: fonts.Heading, size: max, leading: max, color: White, bold: true}
	text := strings.TrimSpace(d.iss.Title)
	w1 := d.naturalWidth(st.role, text) // at size 1
	if w1 <= 0 {
		return nil
	}
	if size := math.Min(max, width/w1); size >= 0.6*max {
		st.size = size
		return d.paragraph(text, st, width, layout.AlignLeft, 1)
	}
	size := math.Max(math.Min(max, 1.9*width/w1), max/4)
	for {
		st.size = size
		if size <= max/4 {
			return d.paragraph(text, st, width, layout.AlignLeft, 2)
		}
		if lines := d.paragraph(text, st, width, layout.AlignLeft, 0); len(lines) <= 2 {
			return lines
		}
		size = math.Max(size*0.9, max/4)
	}
}

// naturalWidth is the advance of text at size 1 in the faces the role's
// fallback chain gives it, without compression or spacing.
func (d *designer) naturalWidth(role fonts.Role, text string) float64 {
	w := 0.0
	for _, seg := range d.faces.Split(role, text) {
		for _, r := range seg.Text {
			w += seg.Face.Advance(r)
		}
	}
	return w
}

// coverLines sets the cover lines on a white panel with a red rule at the
// foot of the page: as many as fit between the band and the foot, each on
// at most three lines.
func (d *designer) coverLines() {
	pg, u := d.c.Page, d.u
	st := style{role: fonts.Heading, size: 13, leading: 20, color: Ink, bold: true}
	pw := 0.62 * d.width
	textW := pw - 18*u
	gap := 5 * u
	bottom := pg.Height - 0.07*pg.Height - 24*u
	room := bottom - (d.band + 24*u) - 24*u
	var shown [][]*Text
	var parts []int // the index in Texts of each shown line
	h := 0.0
	d.field = "highlights"
	for i, hl := range d.iss.Highlights {
		d.index = i
		lines := d.paragraph(hl, st.scaled(u), textW, layout.AlignLeft, 3)
		if len(lines) == 0 {
			continue
		}
		need := float64(len(lines)) * st.leading * u
		if len(shown) > 0 {
			need += gap
		}
		if h+need > room {
			for j := i; j < len(d.iss.Highlights); j++ { // left off
				if len(d.c.Cut) == 0 || d.c.Cut[len(d.c.Cut)-1].Index != j || d.c.Cut[len(d.c.Cut)-1].Field != d.field {
					d.c.Cut = append(d.c.Cut, Cut{Field: d.field, Index: j, Text: d.iss.Highlights[j]})
				} else {
					d.c.Cut[len(d.c.Cut)-1].Shown = "" // cut short and left off: left off
				}
			}
			break // the rest are on the contents page
		}
		h += need
		shown = append(shown, lines)
		parts = append(parts, len(d.c.Texts))
		d.show(hl)
	}
	if len(shown) == 0 {
		return
	}
	ph := h + 24*u
	top := bottom - ph
	d.add(&Fill{Rect{d.left, top, pw, ph}, White})
	d.add(&Fill{Rect{d.left, top, 4 * u, ph}, Accent})
	y := top + 12*u
	for i, lines := range shown {
		if i > 0 {
			y += gap
		}
		for _, t := range lines {
			t.X, t.Y = d.left+14*u, y+baseline(st, u)
			y += st.leading * u
			d.add(t)
			t.Part = parts[i]
		}
	}
}

// caption sets the photo's caption and credit on one line at the bottom
// right: white on a dark shade over a photo, grey on the colour field.
func (d *designer) caption() {
	pg, u := d.c.Page, d.u
	text := strings.TrimSpace(strings.TrimSpace(d.iss.Cover.Caption) + "　" + strings.TrimSpace(d.iss.Cover.Credit))
	text = strings.Trim(text, "　")
	st := style{role: fonts.Body, size: 7.5, leading: 10, color: White}
	photo := d.iss.Cover.Image != nil
	if !photo {
		st.color = Grey
	}
	d.field, d.index = "cover.caption", 0
	lines := d.paragraph(text, st.scaled(u), d.width-8*u, layout.AlignLeft, 1)
	if len(lines) == 0 {
		return
	}
	t := lines[0]
	t.X, t.Y = d.left+d.width-t.Line.Width, pg.Height-0.035*pg.Height
	if photo {
		d.add(&Fill{Rect{t.X - 4*u, t.Y - 0.88*st.size*u - 2.5*u, t.Line.Width + 8*u, st.size*u + 5*u}, Shade})
	}
	d.add(t)
	d.show(text)
}

// scaled returns the style in page units.
func (st style) scaled(u float64) style {
	st.size *= u
	st.leading *= u
	return st
}

// baseline is where the baseline of a line of style st lies below the
// line's top: the ideographic em box centred in the leading.
func baseline(st style, u float64) float64 {
	return ((st.leading-st.size)/2 + 0.88*st.size) * u
}
