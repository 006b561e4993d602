package epub

import (
	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/issue"
	"github.com/qikan-dev/qikan/lang"
)

// styleTags maps the model's inline styles to the XHTML elements that say
// the same, outermost first. Underline is <u>, HTML's unarticulated
// annotation: in Chinese the proper-name mark (专名号), elsewhere an
// underline; the style sheet draws both.
var styleTags = []struct {
	style issue.Style
	tag   string
}{
	{issue.Strong, "strong"}, {issue.Emphasis, "em"}, {issue.Underline, "u"}, {issue.Strike, "s"},
	{issue.Mark, "mark"}, {issue.Small, "small"}, {issue.Superscript, "sup"}, {issue.Subscript, "sub"},
	{issue.Keyboard, "kbd"},
}

// inlines writes runs of inline text: each run as its link, its style
// elements and its text, ruby or image. Element and attribute names come
// from here, never from the source.
func (b *book) inlines(m *markup, role fonts.Role, runs []issue.Inline) {
	for _, r := range runs {
		if r.Text == "\n" && r.Image == nil {
			m.void("br")
			continue
		}
		href := safeLink(r.Link)
		if href != "" {
			m.open("a", "href", href)
		}
		inner := role
		for _, t := range styleTags {
			if r.Style&t.style == 0 {
				continue
			}
			switch {
			case t.style == issue.Emphasis && lang.For(m.cur().lang).CJK():
				// Chinese, Japanese and Korean emphasis is set upright in
				// the heading face, as in the PDF; other languages' is
				// italic.
				m.openIn("em", fonts.Heading, "class", "cjk")
				inner = fonts.Heading
			case t.style == issue.Keyboard:
				m.openMono("kbd")
				inner = fonts.Body
			default:
				m.open(t.tag)
			}
		}
		switch {
		case r.Image != nil:
			b.inlineImage(m, r)
		case r.Style&issue.CodeSpan != 0:
			m.openMono("code")
			m.verbatim(fonts.Body, r.Text)
			m.close("code")
		case r.Ruby != "":
			m.open("ruby")
			m.verbatim(inner, r.Text)
			m.open("rp")
			m.verbatim(inner, "(")
			m.close("rp")
			m.open("rt")
			m.verbatim(inner, r.Ruby)
			m.close("rt")
			m.open("rp")
			m.verbatim(inner, ")")
			m.close("rp")
			m.close("ruby")
		default:
			m.text(inner, r.Text)
		}
		for i := len(styleTags) - 1; i >= 0; i-- {
			if r.Style&styleTags[i].style != 0 {
				m.close(styleTags[i].tag)
			}
		}
		if href != "" {
			m.close("a")
		}
	}
}

// inlineImage writes an image set in the line, as high as the text.
func (b *book) inlineImage(m *markup, r issue.Inline) {
	img := b.image(r.Image.Path, false)
	var w, h string
	if r.Image.Width > 0 && r.Image.Height > 0 {
		w, h = itoa(r.Image.Width), itoa(r.Image.Height)
	}
	// alt is always written: an image without one is decorative.
	m.buf.WriteString(`<img src="../images/`)
	escape(&m.buf, img.name)
	m.buf.WriteString(`" alt="`)
	escape(&m.buf, xmlText(r.Text))
	m.buf.WriteString(`" class="inline"`)
	m.attrs([]string{"width", w, "height", h})
	m.buf.WriteString("/>")
}
