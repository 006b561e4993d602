package export

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/internal/safefile"
	"github.com/qikan-dev/qikan/issue"
	"github.com/qikan-dev/qikan/layout"
)

// Warnings point at the file and line a user has to edit. The model keeps
// no line for each run of text, so the line is found by looking for the
// text in the source file; when it cannot be found (the Markdown spells it
// differently, e.g. with an entity), the warning names the file alone.

// maxGlyphWarnings caps the per-character warnings of one issue; the rest
// are summed up in one more warning.
const maxGlyphWarnings = 20

// sources reads the source files of an issue once each and names them as
// the user does: relative to the issue directory as given on the command
// line.
type sources struct {
	dir   string // the issue directory as given
	abs   string // the issue directory, absolute (issue.Issue.Dir)
	files map[string][]byte
}

func newSources(dir string, iss *issue.Issue) *sources {
	return &sources{dir: filepath.Clean(dir), abs: iss.Dir, files: map[string][]byte{}}
}

// display names an absolute file of the issue for messages.
func (s *sources) display(abs string) string {
	if rel, err := filepath.Rel(s.abs, abs); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.Join(s.dir, rel)
	}
	return abs
}

// line returns the 1-based line of the first occurrence of needle in file,
// or 0 when it is not there (or the file cannot be read).
func (s *sources) line(file, needle string) int {
	data, ok := s.files[file]
	if !ok {
		data, _ = safefile.ReadFile(file, 8<<20) // a source file the loader read; 0 lines if it has changed since
		s.files[file] = data
	}
	i := bytes.Index(data, []byte(needle))
	if i < 0 || needle == "" {
		return 0
	}
	return bytes.Count(data[:i], []byte("\n")) + 1
}

// warning is a warning at the first line of file holding one of the
// needles (tried in order), or at the file alone.
func (s *sources) warning(file string, needles []string, msg string) issue.Warning {
	w := issue.Warning{File: s.display(file), Message: msg}
	for _, n := range needles {
		if w.Line = s.line(file, n); w.Line > 0 {
			break
		}
	}
	return w
}

// normalizePunct normalises the punctuation of every text of iss and
// returns a warning for each file where something changed, at the first
// change.
func normalizePunct(iss *issue.Issue, src *sources) []issue.Warning {
	var warnings []issue.Warning
	normalise := func(file string, mapRuns func(func([]string) []string)) {
		n := 0
		var first []string
		mapRuns(func(runs []string) []string {
			out, k := normalizeRuns(runs)
			if k > 0 && first == nil {
				first = changedAt(strings.Join(runs, ""), strings.Join(out, ""))
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
		warnings = append(warnings, src.warning(file, first,
			fmt.Sprintf("normalised %d ASCII punctuation %s between Chinese characters to full width, the first here (--no-normalize keeps them as written)", n, noun)))
	}
	// Each article in its own file, then the text of issue.yaml itself
	// (inline articles are reported there too, each on its own).
	for _, a := range iss.Articles() {
		normalise(a.File, a.MapRuns)
	}
	normalise(filepath.Join(iss.Dir, issue.FileName), iss.MapOwnRuns)
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

// changedAt returns snippets of s ending at the first character that out
// changes, longest first, to look for in the source file.
func changedAt(s, out string) []string {
	rs, outRunes := []rune(s), []rune(out)
	i := 0
	for i < len(rs) && i < len(outRunes) && rs[i] == outRunes[i] {
		i++
	}
	if i == len(rs) {
		return nil
	}
	var snippets []string
	for _, before := range []int{8, 2, 0} {
		snippets = append(snippets, string(rs[max(0, i-before):i+1]))
	}
	return snippets
}

// missingGlyphs returns a warning for each character of the report in each
// file it appears in (at most a few files per character and
// maxGlyphWarnings in all, then a summary).
func missingGlyphs(iss *issue.Issue, src *sources, rep fonts.Report) []issue.Warning {
	yaml := filepath.Join(iss.Dir, issue.FileName)
	var files []string
	seen := map[string]bool{}
	for _, a := range iss.Articles() {
		if !seen[a.File] {
			seen[a.File] = true
			files = append(files, a.File)
		}
	}
	if !seen[yaml] {
		files = append(files, yaml)
	}
	faces := strings.Join(rep.Faces, ", ")
	var warnings []issue.Warning
	var rest []string
	for _, m := range rep.Missing {
		if len(warnings) >= maxGlyphWarnings {
			rest = append(rest, fmt.Sprintf("%s U+%04X", printable(m.Rune), m.Rune))
			continue
		}
		msg := fmt.Sprintf("%s U+%04X is in none of the fonts (%s) and shows as an empty box; choose fonts that have it (fonts.body, fonts.heading in issue.yaml, or --body-font) or replace it",
			printable(m.Rune), m.Rune, faces)
		var at []issue.Warning // where the character is, first line in each file
		for _, f := range files {
			if line := src.line(f, string(m.Rune)); line > 0 {
				at = append(at, issue.Warning{File: src.display(f), Line: line, Message: msg})
			}
		}
		const perChar = 3
		if len(at) > perChar {
			at[perChar-1].Message += fmt.Sprintf(" (also in %d more files)", len(at)-perChar)
			at = at[:perChar]
		}
		warnings = append(warnings, at...)
		if len(at) == 0 { // spelt otherwise in the source: say where it shows
			warnings = append(warnings, issue.Warning{File: src.display(yaml),
				Message: fmt.Sprintf("%s (in %s)", msg, strings.Join(m.Articles, ", "))})
		}
	}
	if len(rest) > 0 {
		warnings = append(warnings, issue.Warning{File: src.display(yaml),
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
