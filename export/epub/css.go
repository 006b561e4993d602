package epub

import (
	"fmt"
	"strings"

	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/lang"
)

const cssName = "qikan.css"

// fontFile is one embedded subset font.
type fontFile struct {
	name   string // file name in EPUB/fonts/
	family string // CSS font-family
	class  string // CSS class of spans set in this face
	weight int
	format fonts.Format
	// data waits for the subset, which is made while the rest of the
	// publication is assembled.
	data func() ([]byte, error)
}

// stylesheet returns the publication's style sheet. Sizes are in em so
// reading systems can scale them; the layout is a single flowing column
// that works on small e-ink screens. body and heading are the CSS font
// families of the role faces ("" when the face sets nothing). rules are
// the issue language's; indent is issue.yaml's indent, nil for none (see
// languageCSS). Font families are given to the root (the body face), to
// code and kbd (the Mono face) and to the classes of the faces, nowhere
// else: the markup puts those classes where text is set in another face,
// and records every character for the face that sets it (see markup).
func stylesheet(files []fontFile, body, heading, mono string, rules *lang.Lang, indent *float64, vertical bool) string {
	var b strings.Builder
	b.WriteString("@charset \"UTF-8\";\n")
	for _, f := range files {
		format := "truetype"
		if f.format == fonts.WOFF2 {
			format = "woff2"
		}
		fmt.Fprintf(&b, "@font-face { font-family: %q; src: url(\"../fonts/%s\") format(%q); font-weight: %d; font-style: normal; }\n",
			f.family, f.name, format, f.weight)
	}
	for _, f := range files {
		fmt.Fprintf(&b, ".%s { font-family: %q; }\n", f.class, f.family)
	}
	family := func(name, generic string) string {
		if name == "" {
			return generic
		}
		return fmt.Sprintf("%q, %s", name, generic)
	}
	headingWeight := "bold"
	for _, f := range files {
		if f.family == heading {
			headingWeight = fmt.Sprint(f.weight)
		}
	}
	// Every text colour has a contrast of at least 4.5:1 on the white
	// page and on the table header's background (WCAG 2.1 AA, 1.4.3):
	// TestContrast checks each. Boxes are sized with logical properties
	// (margin-block, padding-inline-start, …), each after its horizontal
	// equivalent for reading systems without them, so one sheet serves
	// horizontal and vertical-rl pages.
	fmt.Fprintf(&b, `
html { font-family: %[1]s; }
h1, h2, h3, h4, h5, h6, .section-title, .section-title-en, .subtitle, .masthead, .issue-label, .toc-section {
  font-weight: %[2]s; }
body {
  margin: 0 0.6em; margin-block: 0; margin-inline: 0.6em; line-height: 1.8; text-align: justify;
  line-break: strict; -webkit-line-break: strict; -epub-line-break: strict;
  word-break: normal; overflow-wrap: break-word;
  text-spacing-trim: normal; text-autospace: normal; hanging-punctuation: allow-end;
}
p { margin: 0; }
a { color: inherit; text-decoration: none; }
em.cjk { font-style: normal; }
h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
h1 { font-size: 1.45em; line-height: 1.4; margin: 0.8em 0 0.4em; margin-block: 0.8em 0.4em; text-align: center; }
h2 { font-size: 1.15em; line-height: 1.5; margin: 1.2em 0 0.5em; margin-block: 1.2em 0.5em; }
h3 { font-size: 1.05em; line-height: 1.5; margin: 1em 0 0.4em; margin-block: 1em 0.4em; }
h4, h5, h6 { font-size: 1em; margin: 1em 0 0.3em; margin-block: 1em 0.3em; }
article > header { margin-bottom: 1.2em; margin-block-end: 1.2em; }
.subtitle { font-size: 1em; font-weight: normal; text-align: center; text-indent: 0; margin: 0 0 0.4em; margin-block: 0 0.4em; }
.byline { text-align: center; text-indent: 0; font-size: 0.95em; color: #444; }
.section-head { margin: 0 0 1.5em; margin-block: 0 1.5em; padding: 0 0 0.3em; padding-block: 0 0.3em; border-bottom: 0.12em solid #b31b1b; border-block-end: 0.12em solid #b31b1b; }
.section-title { font-size: 1.1em; color: #b31b1b; text-indent: 0; letter-spacing: 0.1em; }
.section-title-en { font-size: 0.75em; color: #595959; text-indent: 0; letter-spacing: 0.05em; }
blockquote { margin: 1em 1.5em; margin-block: 1em; margin-inline: 1.5em; color: #333; }
ul, ol { margin: 0.6em 0; margin-block: 0.6em; padding-left: 2em; padding-inline-start: 2em; }
li p { text-indent: 0; }
figure { margin: 1.2em 0; margin-block: 1.2em; margin-inline: 0; text-align: center; page-break-inside: avoid; break-inside: avoid; }
figure img { max-width: 100%%; max-height: 80vh; width: auto; height: auto; object-fit: contain; }
figcaption { margin-top: 0.3em; margin-block-start: 0.3em; font-size: 0.85em; line-height: 1.5; color: #555; text-indent: 0; text-align: center; page-break-before: avoid; break-before: avoid; }
figcaption .credit { color: #595959; word-break: keep-all; overflow-wrap: break-word; }
.table { max-width: 100%%; overflow-x: auto; margin: 1em 0; margin-block: 1em; }
table { border-collapse: collapse; margin: 0 auto; margin-inline: auto; font-size: 0.9em; line-height: 1.5; }
tr { page-break-inside: avoid; break-inside: avoid; }
th, td { border: 0.05em solid #999; padding: 0.2em 0.5em; padding-block: 0.2em; padding-inline: 0.5em; text-indent: 0; vertical-align: top; text-align: start; overflow-wrap: normal; }
th { background: #f2eeee; }
th.nw, td.nw { white-space: nowrap; }
.left { text-align: left; text-align: start; } .center { text-align: center; } .right { text-align: right; text-align: end; }
pre { margin: 1em 0; margin-block: 1em; white-space: pre-wrap; overflow-wrap: break-word; text-align: left; text-align: start; font-size: 0.85em; line-height: 1.5; }
code { font-family: %[3]s; }
hr { border: 0; border-top: 0.05em solid #999; border-block-start: 0.05em solid #999; margin: 1.5em 25%%; margin-block: 1.5em; margin-inline: 25%%; }
u { text-decoration: underline; text-underline-position: under; -webkit-text-underline-position: under; }
s { text-decoration: line-through; }
mark { background: #fbeeb0; color: inherit; }
small { font-size: 0.8em; }
sup, sub { font-size: 0.7em; line-height: 0; }
kbd { font-family: %[3]s; font-size: 0.9em; border: 0.06em solid #999; border-radius: 0.2em; padding: 0 0.2em; }
ruby { ruby-position: over; -webkit-ruby-position: before; }
rt { font-size: 0.5em; line-height: 1; text-indent: 0; }
img.inline { height: 1em; width: auto; vertical-align: -0.12em; }
.end-matter { margin-top: 1.5em; margin-block-start: 1.5em; font-size: 0.85em; color: #444; }
.end-matter p { text-indent: 0; text-align: right; text-align: end; }
html.page-cover body { margin: 0; padding: 0; }
.cover { margin: 0; padding: 0; text-align: center; }
.cover img { max-width: 100%%; max-height: 95vh; height: auto; }
.titlepage { text-align: center; margin: 1.5em 0 2em; margin-block: 1.5em 2em; }
.titlepage p, .contents p, .highlights li { text-indent: 0; }
.masthead { font-size: 2.4em; color: #b31b1b; letter-spacing: 0.15em; margin: 0.5em 0 0.2em; margin-block: 0.5em 0.2em; }
.slogan { font-size: 0.9em; color: #555; }
.issue-label { font-size: 1.1em; margin-top: 0.6em; margin-block-start: 0.6em; }
.issue-date { font-size: 0.9em; color: #555; }
.highlights { list-style: none; padding: 0; margin: 1.2em 0 0; margin-block: 1.2em 0; font-size: 0.95em; }
.contents h2 { text-align: center; }
.toc, .toc ol { list-style: none; padding: 0; margin: 0; }
.toc > li { margin: 0.8em 0 0.3em; margin-block: 0.8em 0.3em; }
.toc-section { color: #b31b1b; }
.toc ol li { margin: 0.15em 0 0.15em 1em; margin-block: 0.15em; margin-inline: 1em 0; text-align: left; text-align: start; }
.toc-page { color: #595959; font-size: 0.9em; white-space: nowrap; }
.colophon dl { margin: 1em 0; margin-block: 1em; line-height: 1.7; }
.colophon dl > div { margin: 0.2em 0; margin-block: 0.2em; padding-left: 2em; padding-inline-start: 2em; text-indent: -2em; }
.colophon dt { display: inline; color: #555; }
.colophon dd { display: inline; margin: 0 0 0 1em; margin-inline: 1em 0; }
@supports (display: grid) {
  .colophon dl { display: grid; grid-template-columns: max-content auto; column-gap: 1em; }
  .colophon dl > div { display: contents; }
  .colophon dt, .colophon dd { display: block; margin: 0.2em 0; margin-block: 0.2em; margin-inline: 0; text-indent: 0; }
}
nav ol { list-style: none; margin: 0; padding-left: 1.5em; padding-inline-start: 1.5em; }
nav > ol { padding-left: 0; padding-inline-start: 0; }
nav li { margin: 0.25em 0; margin-block: 0.25em; }
.tcy { text-combine-upright: all; -webkit-text-combine: horizontal; -epub-text-combine: horizontal; }
`, family(body, "serif"), headingWeight, family(mono, "monospace"))
	b.WriteString(languageCSS(rules, indent))
	if vertical {
		b.WriteString(`
html { writing-mode: vertical-rl; -webkit-writing-mode: vertical-rl; -epub-writing-mode: vertical-rl; }
html.page-cover { writing-mode: horizontal-tb; -webkit-writing-mode: horizontal-tb; -epub-writing-mode: horizontal-tb; }
figure img { max-width: 80vw; }
img.inline { width: 1em; height: auto; vertical-align: 0; }
`)
	}
	return b.String()
}

// languageCSS sets what differs by language, from package lang's table:
// the first-line indent of body paragraphs (issue.yaml's indent for all,
// else the language's: 2 em Chinese, 1 em Japanese and Korean — an
// article's XHTML document has the article's language), centred
// Traditional Chinese punctuation kept at full width, and Korean words
// kept whole.
func languageCSS(issue *lang.Lang, indent *float64) string {
	var b strings.Builder
	// Body paragraphs take the indent on their first line; paragraphs of
	// lines broken by hand (verse, addresses) on all their lines.
	rule := func(prefixes []string, em float64) {
		var first, lines []string
		for _, p := range prefixes {
			first = append(first, p+"article > p:not(.lines)", p+"article blockquote > p:not(.lines)")
			lines = append(lines, p+"article p.lines")
		}
		fmt.Fprintf(&b, "%s { text-indent: %gem; }\n", strings.Join(first, ", "), em)
		fmt.Fprintf(&b, "%s { text-indent: 0; padding-left: %[2]gem; padding-inline-start: %[2]gem; }\n", strings.Join(lines, ", "), em)
	}
	if indent != nil {
		rule([]string{""}, *indent)
	} else {
		rule([]string{""}, issue.Indent)
	}
	for _, l := range lang.All() {
		sels := langSelectors(l)
		if len(sels) == 0 {
			continue // Latin-script languages: no one tag to select them by
		}
		if indent == nil && l.Indent != issue.Indent {
			var prefixes []string
			for _, s := range sels {
				prefixes = append(prefixes, "html"+s+" ")
			}
			rule(prefixes, l.Indent)
		}
		if l.Punct == lang.PunctHant {
			fmt.Fprintf(&b, "%s { text-spacing-trim: space-all; }\n", strings.Join(sels, ", "))
		}
		if l.KeepAll {
			fmt.Fprintf(&b, "%s { word-break: keep-all; }\n", strings.Join(sels, ", "))
		}
	}
	return b.String()
}

// langSelectors are the :lang() selectors of the tags a row of the table
// stands for.
func langSelectors(l *lang.Lang) []string {
	var tags []string
	switch l.Tag {
	case "zh-Hans":
		tags = []string{"zh-Hans", "zh-CN", "zh-SG"}
	case "zh-Hant":
		tags = []string{"zh-Hant", "zh-TW"}
	case "zh-Hant-HK":
		tags = []string{"zh-HK", "zh-MO", "yue"}
	case "en":
		return nil
	default:
		primary, _, _ := strings.Cut(l.Tag, "-")
		tags = []string{primary}
	}
	var out []string
	for _, t := range tags {
		out = append(out, ":lang("+t+")")
	}
	return out
}
