package issue

import (
	"fmt"
	"sort"
	"strings"
)

// Problem is one thing wrong with an issue: a file (as the user can find it,
// relative to the working directory when the issue directory was given that
// way), the 1-based line and column where known (0 when not), what is wrong
// and how to fix it.
type Problem struct {
	File    string
	Line    int
	Col     int
	Message string
	Hint    string
}

// String formats p as "file:line:col: message (hint)"; a zero line or column
// and an empty hint are left out.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Col > 0 {
			fmt.Fprintf(&b, ":%d", p.Col)
		}
	}
	b.WriteString(": ")
	b.WriteString(p.Message)
	if p.Hint != "" {
		b.WriteString(" (")
		b.WriteString(p.Hint)
		b.WriteString(")")
	}
	return Printable(b.String())
}

// Problems is every problem found in an issue. Load returns it as its error
// when the issue is invalid.
type Problems []Problem

// Error prints one problem per line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Warning is a non-fatal remark about an issue, such as an image used inside
// a line of text (it is replaced by its alt text).
type Warning struct {
	File    string
	Line    int
	Message string
}

// String formats w as "file:line: warning: message" (the line is left out
// when it is 0).
func (w Warning) String() string {
	if w.Line > 0 {
		return Printable(fmt.Sprintf("%s:%d: warning: %s", w.File, w.Line, w.Message))
	}
	return Printable(fmt.Sprintf("%s: warning: %s", w.File, w.Message))
}

// report collects problems and warnings while an issue is loaded.
type report struct {
	problems Problems
	warnings []Warning
}

func (r *report) add(file string, line, col int, hint, format string, args ...any) {
	r.problems = append(r.problems, Problem{File: file, Line: line, Col: col, Message: fmt.Sprintf(format, args...), Hint: hint})
}

func (r *report) warn(file string, line int, format string, args ...any) {
	r.warnings = append(r.warnings, Warning{File: file, Line: line, Message: fmt.Sprintf(format, args...)})
}

// sorted returns the problems in a stable order: by file in order of first
// appearance, then by line and column. Problems without a line come first
// within their file.
func (r *report) sorted() Problems {
	order := map[string]int{}
	for _, p := range r.problems {
		if _, ok := order[p.File]; !ok {
			order[p.File] = len(order)
		}
	}
	ps := append(Problems(nil), r.problems...)
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return order[a.File] < order[b.File]
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return ps
}
