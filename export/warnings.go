package export

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/issue"
	"github.com/qikan-dev/qikan/lang"
	"github.com/qikan-dev/qikan/layout"
)

// Warnings point at the file and line a user has to edit: the model
// carries where every run and field was written (issue.Pos), so nothing is
// searched for in the source files.

// maxGlyphWarnings caps the per-character warnings of one issue; the rest
// are summed up in one more warning.
const maxGlyphWarnings = 20

// names names the files of an issue as the user does: relative to the
// issue directory as given on the command line.
type names struct {
	dir string // the issue directory as given
	abs string // the issue directory, absolute (issue.Issue.Dir)
}

func newNames(dir string, iss *issue.Issue) names {
	return names{dir: filepath.Clean(dir), abs: iss.Dir}
}

// of names an absolute file of the issue for messages.
func (n names) of(abs string) string {
	if rel, err := filepath.Rel(n.abs, abs); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.Join(n.dir, rel)
	}
	return abs
}

// warning is a warning at a position.
func (n names) warning(at issue.Pos, file, msg string) issue.Warning {
	if at.File != "" {
		file = at.File
	}
	return issue.Warning{File: n.of(file), Line: at.Line, Message: msg}
}

// normalizePunct normalises the punctuation of the Chinese text of iss —
// issue.yaml's fields when the issue is Chinese, each article that is
// Chinese, except its paragraphs in another language — and returns a
// warning for each article (and for issue.yaml) where something changed,
// at the first change.
func normalizePunct(iss *issue.Issue, nm names) []issue.Warning {
	var warnings []issue.Warning
	normalise := func(file, language string, mapStretches func(func(issue.Stretch) []string)) {
		n := 0
		var first issue.Pos
		mapStretches(func(s issue.Stretch) []string {
			l := language
			if s.Lang != "" {
				l = s.Lang
			}
			if !lang.For(l).NormalizePunct {
				return s.Runs
			}
			out, k := normalizeRuns(s.Runs)
			if k > 0 && first.Line == 0 {
				for i := range out {
					if out[i] != s.Runs[i] {
						first = s.At[i]
						break
					}
				}
			}
			n += k
			return out
		})
		if n == 0 {
			return
		}
		noun := "marks"
		if n == 1 {
			noun = "mark"
		}
		warnings = append(warnings, nm.warning(first, file,
			fmt.Sprintf("normalised %d ASCII punctuation %s between Chinese characters to full width, the first here (--no-normalize keeps them as written)", n, noun)))
	}
	// Each article on its own (inline ones too), then the text of
	// issue.yaml itself.
	for _, a := range iss.Articles() {
		normalise(a.File, a.Language, a.MapStretches)
	}
	normalise(iss.File, iss.Language, iss.MapOwnStretches)
	return warnings
}

// normalizeRuns normalises the punctuation of text made of runs (a
// paragraph's runs of different styles) as one text, so that a mark
// between runs is seen between its neighbours: "**重点**,正文" has its
// comma after 点. layout.NormalizePunct replaces marks one for one and
// drops spaces after them, so each character of the result is traced back
// to its run. It returns the new runs and the number of marks changed.
func normalizeRuns(runs []string) ([]string, int) {
	joined := strings.Join(runs, "")
	if !utf8.ValidString(joined) { // never from issue.Load, which requires UTF-8
		return normalizeEach(runs)
	}
	out, n := layout.NormalizePunct(joined)
	if n == 0 {
		return runs, 0
	}
	outRunes := []rune(out)
	result := make([]string, len(runs))
	j := 0
	for k, run := range runs {
		var b strings.Builder
		for _, r := range run {
			switch {
			case j < len(outRunes) && (r == outRunes[j] || !unicode.IsSpace(r)):
				b.WriteRune(outRunes[j]) // kept or replaced
				j++
			case unicode.IsSpace(r): // dropped
			default:
				return normalizeEach(runs)
			}
		}
		result[k] = b.String()
	}
	if j != len(outRunes) {
		return normalizeEach(runs)
	}
	return result, n
}

// normalizeEach normalises each run alone, should the runs of a text not
// trace back.
func normalizeEach(runs []string) ([]string, int) {
	out := make([]string, len(runs))
	n := 0
	for i, r := range runs {
		var k int
		out[i], k = layout.NormalizePunct(r)
		n += k
	}
	return out, n
}

// missingGlyphs returns a warning for each character of the report that
// no font has (with the package or font to install), and for each that a
// font of this machine supplies (naming it), at the first place it is in
// each file (at most a few files per character and maxGlyphWarnings in
// all, then a summary).
func missingGlyphs(iss *issue.Issue, nm names, rep fonts.Report) []issue.Warning {
	wanted := map[rune]bool{}
	for _, m := range rep.Missing {
		wanted[m.Rune] = true
	}
	for _, m := range rep.Supplied {
		wanted[m.Rune] = true
	}
	// Where each such character first is, file by file in reading order.
	where := map[rune][]issue.Pos{}
	seen := map[rune]map[string]bool{}
	look := func(at issue.Pos, s string) {
		for _, r := range s {
			if !wanted[r] || seen[r][at.File] {
				continue
			}
			if seen[r] == nil {
				seen[r] = map[string]bool{}
			}
			seen[r][at.File] = true
			where[r] = append(where[r], at)
		}
	}
	for _, a := range iss.Articles() {
		for at, s := range a.Texts() {
			look(at, s)
		}
	}
	for at, s := range iss.OwnTexts() {
		look(at, s)
	}

	faces := strings.Join(rep.Faces, ", ")
	var warnings []issue.Warning
	var rest []string
	warn := func(r rune, msg string, places []string) {
		if len(warnings) >= maxGlyphWarnings {
			rest = append(rest, fmt.Sprintf("%s U+%04X", printable(r), r))
			return
		}
		at := where[r]
		const perChar = 3
		for i, p := range at[:min(len(at), perChar)] {
			w := nm.warning(p, iss.File, msg)
			if i == perChar-1 && len(at) > perChar {
				w.Message += fmt.Sprintf(" (also in %d more files)", len(at)-perChar)
			}
			warnings = append(warnings, w)
		}
		if len(at) == 0 { // not in any text with a place (a label qikan prints)
			warnings = append(warnings, issue.Warning{File: nm.of(iss.File),
				Message: fmt.Sprintf("%s (in %s)", msg, strings.Join(places, ", "))})
		}
	}
	for _, m := range rep.Missing {
		warn(m.Rune, fmt.Sprintf("%s U+%04X is in none of the fonts (%s) nor in any font of this machine, and is drawn as a crossed box; %s, or choose fonts that have it (fonts.body, fonts.heading in issue.yaml, or --body-font), or replace it",
			printable(m.Rune), m.Rune, faces, m.Fix), m.Articles)
	}
	for _, m := range rep.Supplied {
		warn(m.Rune, fmt.Sprintf("%s U+%04X is in none of the fonts (%s): it is set in %s (%s), a font of this machine, and embedded",
			printable(m.Rune), m.Rune, faces, m.Font, m.File), m.Articles)
	}
	if len(rest) > 0 {
		warnings = append(warnings, issue.Warning{File: nm.of(iss.File),
			Message: fmt.Sprintf("%d more characters are in none of the fonts: %s", len(rest), strings.Join(rest, ", "))})
	}
	return warnings
}

// printable shows r itself unless it is invisible or would break the line.
func printable(r rune) string {
	if unicode.IsGraphic(r) && !unicode.IsSpace(r) && r != utf8.RuneError {
		return string(r)
	}
	return "�"
}
