package epub

import (
	"bytes"
	"strconv"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/qikan-dev/qikan/fonts"
)

// glyphUse collects, for each face, the text set in it, by language:
// the subset of each face holds its characters with the regional forms of
// their languages (fonts.WebSubset).
type glyphUse map[*fonts.Face]*fonts.Text

func (u glyphUse) add(f *fonts.Face, lang, s string) {
	t := u[f]
	if t == nil {
		t = fonts.NewText()
		u[f] = t
	}
	t.Add(lang, s)
}

// markup writes XHTML. Element and attribute names come from this
// package's code; every attribute value and text goes through escaping.
//
// The markup decides the face of every character, and records it in use,
// in one place: each open element has a language (its lang attribute, or
// its parent's) and a face (the face its CSS font-family gives it). The
// style sheet gives faces by class only (.f0, .f1, …, one per face), to
// the root (the body face) and to code and kbd (the Mono face); an
// element opened in a role (openIn) whose face differs from its
// parent's gets the face's class. Text is split by face
// (fonts.Set.Split): a run set in a face other than the element's is
// wrapped in a span of that face's class. So the subsets and the text
// cannot disagree: whatever character the reading system sets in a face,
// the markup recorded for that face's subset.
type markup struct {
	buf     bytes.Buffer
	faces   *fonts.Set
	classes *faceClasses // CSS class of each face
	use     glyphUse
	tcy     bool    // wrap short digit runs in tate-chu-yoko spans
	root    context // the html element
	opened  []context
}

// context is the language and face of an open element.
type context struct {
	lang string
	face *fonts.Face
}

// cur is the context of the innermost open element.
func (m *markup) cur() context {
	if n := len(m.opened); n > 0 {
		return m.opened[n-1]
	}
	return m.root
}

// open writes a start tag; attrs are name, value pairs. An attribute with
// an empty value is left out. The element is in its parent's face.
func (m *markup) open(tag string, attrs ...string) {
	m.push(tag, m.cur().face, attrs)
}

// openIn writes a start tag of an element set in the role's face: with
// the face's class when its parent is in another face.
func (m *markup) openIn(tag string, role fonts.Role, attrs ...string) {
	f := m.faces.Face(role)
	if f != m.cur().face {
		attrs = withClass(attrs, m.classes.class(f))
	}
	m.push(tag, f, attrs)
}

// openMono writes the start tag of a code or kbd element, which the style
// sheet sets in the Mono face whatever its parent's face.
func (m *markup) openMono(tag string, attrs ...string) {
	m.push(tag, m.faces.Face(fonts.Mono), attrs)
}

// faceClasses names the faces text is set in: face i has the CSS class fi
// and the font family qikan-fi. The faces of the set come first, in its
// order; a face that supplies characters later (one of the system's, found
// while the text is set) is added when first used.
type faceClasses struct {
	order []*fonts.Face
	index map[*fonts.Face]int
}

func newFaceClasses(faces []*fonts.Face) *faceClasses {
	c := &faceClasses{index: map[*fonts.Face]int{}}
	for _, f := range faces {
		c.id(f)
	}
	return c
}

func (c *faceClasses) id(f *fonts.Face) int {
	i, ok := c.index[f]
	if !ok {
		i = len(c.order)
		c.index[f] = i
		c.order = append(c.order, f)
	}
	return i
}

func (c *faceClasses) class(f *fonts.Face) string  { return "f" + itoa(c.id(f)) }
func (c *faceClasses) family(f *fonts.Face) string { return "qikan-f" + itoa(c.id(f)) }

// push writes a start tag and opens the element's context.
func (m *markup) push(tag string, face *fonts.Face, attrs []string) {
	c := context{lang: m.cur().lang, face: face}
	for i := 0; i+1 < len(attrs); i += 2 {
		if attrs[i] == "lang" && attrs[i+1] != "" {
			c.lang = attrs[i+1]
		}
	}
	m.opened = append(m.opened, c)
	m.buf.WriteByte('<')
	m.buf.WriteString(tag)
	m.attrs(attrs)
	m.buf.WriteByte('>')
}

// withClass adds class to the class attribute of attrs.
func withClass(attrs []string, class string) []string {
	out := append([]string(nil), attrs...)
	for i := 0; i+1 < len(out); i += 2 {
		if out[i] == "class" && out[i+1] != "" {
			out[i+1] += " " + class
			return out
		}
	}
	return append(out, "class", class)
}

// void writes an empty element, <img …/>.
func (m *markup) void(tag string, attrs ...string) {
	m.buf.WriteByte('<')
	m.buf.WriteString(tag)
	m.attrs(attrs)
	m.buf.WriteString("/>")
}

func (m *markup) attrs(attrs []string) {
	for i := 0; i+1 < len(attrs); i += 2 {
		if attrs[i+1] == "" {
			continue
		}
		m.buf.WriteByte(' ')
		m.buf.WriteString(attrs[i])
		m.buf.WriteString(`="`)
		escape(&m.buf, attrs[i+1])
		m.buf.WriteByte('"')
	}
}

// close writes an end tag and closes the element's context.
func (m *markup) close(tag string) {
	if n := len(m.opened); n > 0 {
		m.opened = m.opened[:n-1]
	}
	m.buf.WriteString("</")
	m.buf.WriteString(tag)
	m.buf.WriteByte('>')
}

// nl writes a line break between block elements (readability only).
func (m *markup) nl() { m.buf.WriteByte('\n') }

// elem writes <tag attrs>text</tag>, the element and its text in the
// role's faces.
func (m *markup) elem(tag string, role fonts.Role, text string, attrs ...string) {
	m.openIn(tag, role, attrs...)
	m.text(role, text)
	m.close(tag)
}

// text writes user text set in the faces of role.
func (m *markup) text(role fonts.Role, s string) { m.write(role, s, m.tcy) }

// verbatim writes user text set in the faces of role, without
// tate-chu-yoko (code).
func (m *markup) verbatim(role fonts.Role, s string) { m.write(role, s, false) }

func (m *markup) write(role fonts.Role, s string, tcy bool) {
	s = xmlText(s)
	if s == "" {
		return
	}
	c := m.cur()
	own := c.face
	for _, seg := range m.faces.Split(role, s) {
		m.use.add(seg.Face, c.lang, seg.Text)
		if seg.Face != own {
			m.push("span", seg.Face, []string{"class", m.classes.class(seg.Face)})
		}
		if tcy {
			m.tateChuYoko(seg.Text)
		} else {
			escape(&m.buf, seg.Text)
		}
		if seg.Face != own {
			m.close("span")
		}
	}
}

// tateChuYoko writes s escaped, with every run of one to three ASCII
// digits that stands alone between non-ASCII text (3月28日, 第12期, but
// not 2025, 21.3% or G0711) wrapped in <span class="tcy">, which the
// style sheet sets upright across the vertical line.
func (m *markup) tateChuYoko(s string) {
	start := 0
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		alone := (i == 0 || s[i-1] >= utf8.RuneSelf) && (j == len(s) || s[j] >= utf8.RuneSelf)
		if alone && j-i <= 3 {
			escape(&m.buf, s[start:i])
			m.buf.WriteString(`<span class="tcy">`)
			m.buf.WriteString(s[i:j])
			m.buf.WriteString(`</span>`)
			start = j
		}
		i = j
	}
	escape(&m.buf, s[start:])
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// escape writes s with the five XML special characters escaped.
func escape(b *bytes.Buffer, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&quot;"
		case '\'':
			esc = "&#39;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(esc)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// xmlText returns s with what XML 1.0 cannot hold removed: invalid UTF-8
// becomes U+FFFD, control characters other than tab and line feed are
// dropped (a carriage return becomes a line feed, CR LF one line feed), and so are the
// non-characters U+FFFE and U+FFFF.
func xmlText(s string) string {
	ok := true
	for _, r := range s {
		if !xmlChar(r) || r == utf8.RuneError {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '\r':
			if i == len(s) || s[i] != '\n' {
				b = append(b, '\n')
			}
		case r == utf8.RuneError && n == 1:
			b = utf8.AppendRune(b, unicode.ReplacementChar)
		case xmlChar(r):
			b = utf8.AppendRune(b, r)
		}
	}
	return string(b)
}

func xmlChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return true
	case r < 0x20 || r == 0x7F:
		return false
	case r >= 0x80 && r < 0xA0: // C1 controls: allowed by XML but discouraged
		return false
	case r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
		return false
	}
	return r <= unicode.MaxRune
}

// itoa is strconv.Itoa, short.
func itoa(n int) string { return strconv.Itoa(n) }

// cleanLang returns tag in canonical form, "und" when it is not a valid
// BCP 47 tag (lang attributes must be valid).
func cleanLang(tag string) string {
	if tag == "" {
		return "und"
	}
	t, err := language.Parse(tag)
	if err != nil {
		return "und"
	}
	return t.String()
}
