package issue

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/qikan-dev/qikan/lang"
)

// Languages by script. An article's language decides how it is set (its
// punctuation, kinsoku, indent, word breaking) and what lang it carries in
// both formats; it is declared in front matter or inherited from
// issue.yaml, and archives seldom declare it. So the loader reads the
// script of each article and of each paragraph (lang.Detect: kana means
// Japanese, Hangul Korean) and, where the script contradicts the language,
// sets the language the script shows: an article's with a warning at its
// front matter saying how to declare it, a paragraph's silently (a
// Japanese quotation in a Chinese article is set as Japanese).

// detectLanguage applies the script of article a: issueLang is the
// language it inherits when it declares none. Each paragraph (and the
// title) is read on its own; the article is in the language most of its
// letters are in, and a paragraph in another language keeps it as Lang.
func (l *loader) detectLanguage(a *Article, issueLang string) {
	type unit struct {
		p    *string // the block's Lang, nil for the title
		lang string  // "" when the script says nothing against a.Language
	}
	var units []unit
	weight := map[*lang.Lang]int{}
	var total lang.Counts
	add := func(p *string, text string) {
		got, c := detect(text, a.Language)
		units = append(units, unit{p, got})
		row := lang.For(a.Language)
		if got != "" {
			row = lang.For(got)
		}
		weight[row] += c.CJK() + c.Latin + c.Other
		total = addCounts(total, c)
	}
	add(nil, a.Title)
	Walk(a.Blocks, func(b Block) {
		inlines(b, func(in []Inline) {
			var t strings.Builder
			for _, r := range in {
				if r.Image == nil {
					t.WriteString(r.Text)
				}
			}
			switch b := b.(type) {
			case *Paragraph:
				add(&b.Lang, t.String())
			case *Heading:
				add(&b.Lang, t.String())
			default:
				add(nil, t.String()) // table cells count for the article
			}
		})
	})
	own := lang.For(a.Language)
	best := own
	for _, u := range units {
		if u.lang != "" && weight[lang.For(u.lang)] > weight[best] {
			best = lang.For(u.lang)
		}
	}
	if best != own {
		got := ""
		for _, u := range units {
			if u.lang != "" && lang.For(u.lang) == best {
				got = u.lang
				break
			}
		}
		l.warnLanguage(a, got, issueLang, total)
		a.Language = got
	}
	for _, u := range units {
		if u.p != nil && u.lang != "" && lang.For(u.lang) != lang.For(a.Language) {
			*u.p = u.lang
		}
	}
}

func addCounts(a, b lang.Counts) lang.Counts {
	return lang.Counts{Han: a.Han + b.Han, Kana: a.Kana + b.Kana, Hangul: a.Hangul + b.Hangul,
		Bopomofo: a.Bopomofo + b.Bopomofo, Latin: a.Latin + b.Latin, Other: a.Other + b.Other}
}

// detect returns the language the script of text shows when it is set
// otherwise than def, else "". Text in a Latin-script language turns
// Chinese only when its Han characters are at least half as many as its
// Latin letters, not for a Chinese title or name in an English text.
func detect(text, def string) (string, lang.Counts) {
	c := lang.Count(text)
	from := lang.For(def)
	if c.Kana < 2 && c.Hangul < 2 && (from.CJK() || c.Han+c.Bopomofo == 0) {
		return "", c // nothing lang.Detect would take for another language
	}
	got := lang.Detect(text, def)
	if from == lang.For(got) || !from.CJK() && 2*c.CJK() < c.Latin {
		return "", c
	}
	return got, c
}

// languageNames names the languages Detect can find.
var languageNames = map[string]string{"ja": "Japanese (kana)", "ko": "Korean (Hangul)", "zh": "Chinese (Han)", "zh-Hant": "Chinese (Han and zhuyin)"}

// warnLanguage warns at a's front matter that its script shows language
// got, not the one it has, and says how to declare it.
func (l *loader) warnLanguage(a *Article, got, issueLang string, c lang.Counts) {
	name := languageNames[got]
	if name == "" {
		name = got
	}
	letters := fmt.Sprintf("%d of its %d letters are Han, %d kana, %d Hangul", c.Han, c.CJK()+c.Latin+c.Other, c.Kana, c.Hangul)
	title := shorten(a.Title, 30)
	file := l.display(a.File)
	if at, declared := a.Where["language"]; declared {
		l.r.warn(file, at.Line, "article %q says language: %s but is written in %s (%s): it is set as %s; correct its language:",
			title, a.Language, name, letters, got)
		return
	}
	at := a.Where[""]
	where := "to its front matter"
	if a.File == filepath.Join(l.dir, FileName) {
		where = "to the inline article in issue.yaml"
	}
	l.r.warn(file, at.Line, "article %q is written in %s (%s) but has the issue's language %s: it is set as %s; add \"language: %s\" %s",
		title, name, letters, issueLang, got, got, where)
}
