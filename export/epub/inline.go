package epub

import (
	"net/url"
	"strings"

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
// from here, never from the source. Consecutive runs with one link (and
// the line breaks between them) share one a element, so that a linked
// logo and its caption are one link named by the caption; a link with
// nothing to read is no link (its white space stays), and a link whose
// only content is images without alternative text is named by its host.
func (b *book) inlines(m *markup, role fonts.Role, runs []issue.Inline) {
	cur := "" // the href of the open a element
	for i, r := range runs {
		href := safeLink(r.Link)
		br := r.Text == "\n" && r.Image == nil
		if br && href == "" && cur != "" && nextLink(runs, i+1) == cur {
			href = cur
		}
		if href != cur {
			if cur != "" {
				m.close("a")
			}
			cur = ""
			if href != "" {
				switch name, images := linkText(runs[i:], href); {
				case name != "":
					m.open("a", "href", href)
					cur = href
				case images:
					m.open("a", "href", href, "aria-label", linkHost(href))
					cur = href
				}
			}
		}
		if br {
			m.void("br")
			continue
		}
		b.run(m, role, r)
	}
	if cur != "" {
		m.close("a")
	}
}

// nextLink is the link of the first run from i on that is not a line
// break.
func nextLink(runs []issue.Inline, i int) string {
	for ; i < len(runs); i++ {
		if runs[i].Text != "\n" || runs[i].Image != nil {
			return safeLink(runs[i].Link)
		}
	}
	return ""
}

// linkText is the readable text of the link to href that starts the runs
// (text and images' alternative text, line breaks between its runs
// skipped), and whether it holds an image.
func linkText(runs []issue.Inline, href string) (text string, images bool) {
	var b strings.Builder
	for _, r := range runs {
		if r.Text == "\n" && r.Image == nil && r.Link == "" {
			continue
		}
		if safeLink(r.Link) != href {
			break
		}
		images = images || r.Image != nil
		b.WriteString(r.Text)
	}
	return strings.TrimSpace(xmlText(b.String())), images
}

// linkHost names a link by where it leads: the host of a web address, the
// address of a mailto link.
func linkHost(href string) string {
	u, err := url.Parse(href)
	if err != nil {
		return href
	}
	if u.Host != "" {
		return strings.TrimPrefix(u.Host, "www.")
	}
	return u.Opaque
}

// run writes one run: its style elements and its text, ruby or image.
func (b *book) run(m *markup, role fonts.Role, r issue.Inline) {
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
		m.verbatim(fonts.Mono, r.Text)
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
