package issue

import (
	"fmt"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
)

// Limits on what an issue may hold. Each is far beyond a real magazine
// (the sample issue has 180 KB of text, HelloGitHub's issues 30 KB) and
// small enough that any issue validate accepts exports in bounded time and
// under 300 MB of memory (8 MB of text took 307 MB). README.md lists them.
const (
	maxYAMLFile     = 1 << 20  // issue.yaml (goccy/go-yaml takes about 100 bytes per byte)
	maxArticleFile  = 4 << 20  // one article file
	maxFrontMatter  = 64 << 10 // one article's front matter
	maxIssueText    = 4 << 20  // all text of an issue: articles, inline articles, fields
	maxSections     = 100
	maxArticles     = 1000
	maxHighlights   = 12 // cover lines
	maxAuthors      = 50
	maxColophonRows = 40
)

// Lengths of single-line fields in characters, by "what: key" (as
// fields.str names them) or by key; defaultFieldChars for the rest. The
// cover, the contents page and the running heads set these texts, on lines
// of their own.
var fieldChars = map[string]int{
	"issue.yaml: title":       60, // the masthead
	"issue.yaml: issue":       60,
	"issue.yaml: number":      60,
	"issue.yaml: description": 4000,
	"highlights":              60,
	"section: title":          60,
	"colophon row: label":     40,
	"colophon row: value":     400,
	"title":                   200,
	"subtitle":                400,
	"authors":                 100,
	"affiliation":             400,
	"source":                  400,
}

const defaultFieldChars = 200

// fieldLimit returns the length limit of key in what.
func fieldLimit(what, key string) int {
	if n, ok := fieldChars[what+": "+key]; ok {
		return n
	}
	if n, ok := fieldChars[key]; ok {
		return n
	}
	return defaultFieldChars
}

// checkLength reports a text s of node n (field key of what) longer than
// its limit.
func (d *yamlDoc) checkLength(n ast.Node, what, key, s string) {
	limit := fieldLimit(what, key)
	c := utf8.RuneCountInString(s)
	if c <= limit {
		return
	}
	name, hint := key, "shorten it"
	if what != "" {
		name = what + ": " + key
	}
	var where string
	switch {
	case key == "highlights":
		name, where = "cover line", "a cover line holds"
		hint = "shorten it; the cover sets up to 12 lines of up to 60 characters"
	case what == "issue.yaml" && key == "title":
		where = "the masthead holds"
	case key == "title":
		where = "the contents and the running heads hold"
		hint = "shorten it; put the rest in subtitle:"
	default:
		where = "qikan sets in this field"
	}
	d.errorf(n, hint, "%s is %d characters long; %s at most %d", name, c, where, limit)
}

// checkCount reports the item of a list (at node n) that passes its bound.
func (d *yamlDoc) checkCount(items []ast.Node, what string, limit int, hint string) []ast.Node {
	if len(items) > limit {
		d.errorf(items[limit], hint, "%s: %d items, at most %d", what, len(items), limit)
		return items[:limit]
	}
	return items
}

// textBudget counts the text of one issue against maxIssueText: every
// article file's bytes and every YAML value, each time it is used (a YAML
// alias repeats its anchor's text where it stands).
type textBudget struct {
	used int
	over bool
}

// spend adds n bytes; it returns false the first time the budget is
// passed.
func (b *textBudget) spend(n int) bool {
	if b == nil || b.over {
		return true
	}
	b.used += n
	if b.used > maxIssueText {
		b.over = true
		return false
	}
	return true
}

// overMessage and overHint describe a passed budget.
var (
	overMessage = fmt.Sprintf("the issue's text passes %d MB here; qikan sets at most %d MB of text per issue (a YAML alias counts each time it is used)", maxIssueText>>20, maxIssueText>>20)
	overHint    = "split the issue into several"
)
