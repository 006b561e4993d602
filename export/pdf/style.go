package pdf

import (
	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/lang"
	"github.com/qikan-dev/qikan/layout"
)

// style is how a piece of text looks.
type style struct {
	role    fonts.Role
	size    float64 // points
	leading float64 // baseline to baseline
	color   rgb
	bold    bool // bold wanted: synthesised when the face is not bold
	oblique bool // slanted by the text matrix: no face has an italic
	// lang is the language of an article's text, which sets its
	// punctuation, kinsoku and indent; nil for the issue's.
	lang *lang.Lang
	// Decorations drawn with the text (see setter.line): a line under
	// it, a line through it, a tint behind it (inline code, <mark>,
	// <kbd>: the zero colour for none), and a rise of the baseline
	// (superscript > 0, subscript < 0), points.
	underline, strike bool
	tint              rgb
	rise              float64
	// notes collects the link notes of the article the text belongs to
	// (Options.LinkURLs); nil when link addresses are not printed.
	notes *noteSet
}

// latin reports whether the style's text is an article's in a language
// not written in Han, kana or Hangul: its emphasis is slanted (oblique)
// in the same face, where CJK emphasis changes to the heading face.
func (s style) latin() bool { return s.lang != nil && !s.lang.CJK() }

// Colours: the design's RGB values; colour.go holds their CMYK values for
// print (PDF/X).
var (
	linkColor    = rgb{0x1f, 0x4e, 0x79} // links: a dark blue that prints as a grey, underlined
	codeTint     = rgb{0xef, 0xeb, 0xe4} // behind inline code and keys
	markTint     = rgb{0xff, 0xee, 0x99} // behind <mark>
	black        = rgb{0x1a, 0x1a, 0x1a}
	gray         = rgb{0x5f, 0x5f, 0x5f}
	light        = rgb{0xf2, 0xee, 0xe8}
	white        = rgb{0xff, 0xff, 0xff}
	accent       = rgb{0xb0, 0x1e, 0x23} // the magazine's red
	quoteInk     = rgb{0x3a, 0x3a, 0x3a} // quotations
	quoteBar     = rgb{0xd8, 0xb8, 0xb0} // the bar beside a quotation
	codeInk      = rgb{0x55, 0x3a, 0x30} // code spans
	headRule     = rgb{0xc8, 0xb0, 0xa8} // the hairline under running heads
	contentsRule = rgb{0xd8, 0xc8, 0xc0} // under a section of the contents
)

// Type sizes and leadings in points.
var (
	bodyStyle      = style{role: fonts.Body, size: 9.5, leading: 16, color: black}
	titleStyle     = style{role: fonts.Heading, size: 20, leading: 27, color: black, bold: true}
	subtitleStyle  = style{role: fonts.Body, size: 12, leading: 18, color: gray}
	bylineStyle    = style{role: fonts.Body, size: 9.5, leading: 16, color: gray}
	subheadStyle   = style{role: fonts.Heading, size: 11, leading: 18, color: accent, bold: true}
	subhead3Style  = style{role: fonts.Heading, size: 10, leading: 16, color: black, bold: true}
	captionStyle   = style{role: fonts.Body, size: 8, leading: 12, color: gray}
	creditStyle    = style{role: fonts.Body, size: 7, leading: 10, color: gray}
	endStyle       = style{role: fonts.Body, size: 8.5, leading: 14, color: gray}
	quoteStyle     = style{role: fonts.Body, size: 9, leading: 15, color: quoteInk}
	codeStyle      = style{role: fonts.Mono, size: 8, leading: 12, color: black}
	tableStyle     = style{role: fonts.Body, size: 8.5, leading: 13, color: black}
	sectionStyle   = style{role: fonts.Heading, size: 17, leading: 22, color: white, bold: true}
	sectionENStyle = style{role: fonts.Body, size: 8, leading: 11, color: white}
	headStyle      = style{role: fonts.Body, size: 7.5, leading: 10, color: gray}
	folioStyle     = style{role: fonts.Heading, size: 9, leading: 10, color: accent, bold: true}
)

// of returns s for text of the article that parent styles: with its
// language and so its way of emphasis, and its notes.
func (s style) of(parent style) style {
	s.lang, s.notes = parent.lang, parent.notes
	return s
}

// alignment is how lines sit in their measure.
type alignment int

const (
	justify alignment = iota
	alignLeft
	alignRight
	alignCenter
)

// layout is the layout alignment that sets the lines: everything that is
// not justified is set flush left and moved by the composer.
func (a alignment) layout() layout.Align {
	if a == justify {
		return layout.Justify
	}
	return layout.AlignLeft
}
