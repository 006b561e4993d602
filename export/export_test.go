package export

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/qikan-dev/qikan/export/epub"
	"github.com/qikan-dev/qikan/export/pdf"
	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/issue"
)

var (
	libOnce sync.Once
	testLib *fonts.Library
)

// library returns one font library for all tests (parsing the embedded
// CJK faces takes a moment).
func library() *fonts.Library {
	libOnce.Do(func() { testLib = fonts.NewLibrary() })
	return testLib
}

// newIssue writes an issue with one article whose body is body.
func newIssue(t *testing.T, name, language, body string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), name)
	os.MkdirAll(dir, 0o755)
	yaml := fmt.Sprintf("title: 期刊\nissue: 2025年第1期\ndate: 2025-03-28\nlanguage: %s\nsections:\n  - title: 栏目\n    articles: [a.md]\n", language)
	os.WriteFile(filepath.Join(dir, "issue.yaml"), []byte(yaml), 0o644)
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("---\ntitle: 标题\n---\n"+body+"\n"), 0o644)
	return dir
}

// recorder is a fake backend that writes a fixed text and remembers the
// issue it was given.
type recorder struct {
	content string
	iss     *issue.Issue
	fail    error
	panic   bool
}

func (r *recorder) write(w io.Writer, iss *issue.Issue, set *fonts.Set) error {
	r.iss = iss
	if set == nil {
		return errors.New("no font set")
	}
	io.WriteString(w, r.content)
	if r.panic {
		panic("backend bug")
	}
	return r.fail
}

func fakeBackends(pdf, epub *recorder) map[string]backend {
	return map[string]backend{"pdf": pdf.write, "epub": epub.write}
}

// files lists the names in dir.
func files(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func TestRunWritesBothFormats(t *testing.T) {
	dir := newIssue(t, "qikan-2025-01", "zh-CN", "正文。")
	out := filepath.Join(t.TempDir(), "out", "nested")
	p, e := &recorder{content: "%PDF"}, &recorder{content: "PK"}
	var res Result
	opt := Options{OutDir: out}
	if err := run(dir, library(), &opt, fakeBackends(p, e), &res); err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(out, "qikan-2025-01.epub"), filepath.Join(out, "qikan-2025-01.pdf")}
	if strings.Join(res.Files, "|") != strings.Join(want, "|") {
		t.Errorf("Files = %q, want %q", res.Files, want)
	}
	for i, content := range []string{"PK", "%PDF"} {
		b, err := os.ReadFile(want[i])
		if err != nil || string(b) != content {
			t.Errorf("%s = %q, %v", want[i], b, err)
		}
		if info, err := os.Stat(want[i]); err == nil && info.Mode().Perm() != 0o644 {
			t.Errorf("%s mode %v, want 0644", want[i], info.Mode())
		}
	}
	if got := files(t, out); len(got) != 2 {
		t.Errorf("output directory holds %q, want only the two files", got)
	}
	if res.Issue == nil || p.iss != res.Issue || e.iss != res.Issue {
		t.Error("backends did not get the loaded issue")
	}
}

func TestRunFormatsSubset(t *testing.T) {
	dir := newIssue(t, "x", "zh-CN", "正文。")
	out := t.TempDir()
	p, e := &recorder{content: "%PDF"}, &recorder{content: "PK"}
	var res Result
	opt := Options{OutDir: out, Formats: []string{"PDF", "pdf"}}
	if err := run(dir, library(), &opt, fakeBackends(p, e), &res); err != nil {
		t.Fatal(err)
	}
	if got := files(t, out); len(got) != 1 || got[0] != "x.pdf" || e.iss != nil {
		t.Errorf("wrote %q (epub backend called: %v), want only x.pdf", got, e.iss != nil)
	}
}

// TestRunBackendFailure: a failing backend leaves no temporary file and
// does not replace the good file of an earlier run; the other format is
// still written, and the error names the file.
func TestRunBackendFailure(t *testing.T) {
	for _, mode := range []string{"error", "panic"} {
		t.Run(mode, func(t *testing.T) {
			dir := newIssue(t, "x", "zh-CN", "正文。")
			out := t.TempDir()
			old := filepath.Join(out, "x.pdf")
			os.WriteFile(old, []byte("good old pdf"), 0o644)
			p := &recorder{content: "half a pdf"}
			if mode == "panic" {
				p.panic = true
			} else {
				p.fail = errors.New("page too small")
			}
			e := &recorder{content: "PK"}
			var res Result
			opt := Options{OutDir: out, Formats: []string{"pdf", "epub"}}
			err := run(dir, library(), &opt, fakeBackends(p, e), &res)
			if err == nil || !strings.Contains(err.Error(), old) {
				t.Fatalf("err = %v, want a failure naming %s", err, old)
			}
			if b, _ := os.ReadFile(old); string(b) != "good old pdf" {
				t.Errorf("the old PDF was replaced by %q", b)
			}
			if got := files(t, out); strings.Join(got, ",") != "x.epub,x.pdf" {
				t.Errorf("output directory holds %q, want x.epub and the old x.pdf only", got)
			}
			if len(res.Files) != 1 || filepath.Base(res.Files[0]) != "x.epub" {
				t.Errorf("Files = %q", res.Files)
			}
		})
	}
}

func TestRunInvalidIssueWritesNothing(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	p, e := &recorder{content: "%PDF"}, &recorder{content: "PK"}
	var res Result
	opt := Options{OutDir: out}
	err := run(filepath.Join("..", "testdata", "invalid", "many"), library(), &opt, fakeBackends(p, e), &res)
	var ps issue.Problems
	if !errors.As(err, &ps) || len(ps) < 2 {
		t.Fatalf("err = %v, want the issue's problems", err)
	}
	if p.iss != nil || e.iss != nil {
		t.Error("a backend ran for an invalid issue")
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("output directory was created: %v", err)
	}
}

func TestRunNormalisesChinesePunctuation(t *testing.T) {
	tests := []struct {
		language    string
		noNormalize bool
		want        string
		warned      bool
	}{
		{"zh-CN", false, "中文，中文？", true},
		{"zh-Hant-TW", false, "中文，中文？", true},
		{"zh-CN", true, "中文,中文?", false},
		{"ja", false, "中文,中文?", false},
	}
	for _, tt := range tests {
		dir := newIssue(t, "x", tt.language, "中文,中文?")
		p, e := &recorder{}, &recorder{}
		var res Result
		opt := Options{OutDir: t.TempDir(), NoNormalize: tt.noNormalize}
		if err := run(dir, library(), &opt, fakeBackends(p, e), &res); err != nil {
			t.Fatal(err)
		}
		para := p.iss.Articles()[0].Blocks[0].(*issue.Paragraph)
		if got := para.Inlines[0].Text; got != tt.want {
			t.Errorf("%s normalize=%v: text %q, want %q", tt.language, !tt.noNormalize, got, tt.want)
		}
		warned := false
		for _, w := range res.Warnings {
			if strings.Contains(w.Message, "normalised 2 ASCII punctuation marks") {
				warned = true
				if w.File != filepath.Join(dir, "a.md") || w.Line != 4 {
					t.Errorf("warning at %s:%d, want %s:4", w.File, w.Line, filepath.Join(dir, "a.md"))
				}
			}
		}
		if warned != tt.warned {
			t.Errorf("%s: warnings %v", tt.language, res.Warnings)
		}
	}
}

// TestRunMissingGlyphs: characters no font has are a warning, or an error
// that writes nothing with Strict.
func TestRunMissingGlyphs(t *testing.T) {
	const missing = "\U00010000" // LINEAR B SYLLABLE B008 A: in no CJK font
	for _, strict := range []bool{false, true} {
		dir := newIssue(t, "x", "zh-CN", "正文"+missing+"。")
		out := t.TempDir()
		p, e := &recorder{content: "%PDF"}, &recorder{content: "PK"}
		var res Result
		opt := Options{OutDir: out, Strict: strict}
		err := run(dir, library(), &opt, fakeBackends(p, e), &res)
		if len(res.Missing.Missing) != 1 || res.Missing.Missing[0].Rune != 0x10000 {
			t.Errorf("Missing = %+v", res.Missing)
		}
		if strict {
			var rep fonts.Report
			if !errors.As(err, &rep) {
				t.Errorf("strict: err = %v, want a fonts.Report", err)
			}
			if got := files(t, out); len(got) != 0 {
				t.Errorf("strict: wrote %q", got)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, w := range res.Warnings {
			found = found || strings.Contains(w.Message, "U+10000")
		}
		if !found || len(res.Files) != 2 {
			t.Errorf("warnings %v, files %q", res.Warnings, res.Files)
		}
	}
}

func TestRunTimeAndOverrides(t *testing.T) {
	dir := newIssue(t, "x", "zh-CN", "正文。")
	run1 := func(opt Options) (*issue.Issue, Options) {
		t.Helper()
		p, e := &recorder{}, &recorder{}
		var res Result
		opt.OutDir = t.TempDir()
		if err := run(dir, library(), &opt, fakeBackends(p, e), &res); err != nil {
			t.Fatal(err)
		}
		return p.iss, opt
	}
	t.Setenv("SOURCE_DATE_EPOCH", "")
	iss, opt := run1(Options{})
	if want := time.Date(2025, 3, 28, 0, 0, 0, 0, time.UTC); !opt.PDF.Time.Equal(want) || !opt.EPUB.Time.Equal(want) {
		t.Errorf("times = %v %v, want the issue date", opt.PDF.Time, opt.EPUB.Time)
	}
	if iss.Print != (issue.Print{TrimWidth: 210, TrimHeight: 285, Bleed: 3, Columns: 2}) || opt.EPUB.Vertical {
		t.Errorf("print = %+v", iss.Print)
	}

	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	iss, opt = run1(Options{Trim: "A4", Bleed: "5mm", Columns: 1, Vertical: true})
	if want := time.Unix(1700000000, 0).UTC(); !opt.PDF.Time.Equal(want) || !opt.EPUB.Time.Equal(want) {
		t.Errorf("times = %v %v, want SOURCE_DATE_EPOCH", opt.PDF.Time, opt.EPUB.Time)
	}
	if iss.Print != (issue.Print{TrimWidth: 210, TrimHeight: 297, Bleed: 5, Columns: 1, Vertical: true}) || !opt.EPUB.Vertical {
		t.Errorf("print = %+v, epub vertical %v", iss.Print, opt.EPUB.Vertical)
	}
	fixed := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)
	_, opt = run1(Options{EPUB: epub.Options{Time: fixed}})
	if !opt.EPUB.Time.Equal(fixed) {
		t.Errorf("an explicit time was replaced: %v", opt.EPUB.Time)
	}
}

func TestValidate(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	tests := []struct {
		opt Options
		msg string
	}{
		{Options{Formats: []string{"docx"}}, `unknown format "docx"`},
		{Options{Trim: "huge"}, "trim"},
		{Options{Bleed: "3"}, "no unit"},
		{Options{Columns: 9}, "from 1 to 4"},
		{Options{BodyFont: "no/such.ttf#1"}, "body font: no/such.ttf: file not found"},
		{Options{HeadingFont: "."}, "heading font: . is a directory"},
		{Options{PDF: pdf.Options{Pad: 65}}, "--pad 65: at most 64"},
		{Options{PDF: pdf.Options{Pad: 64}}, ""},
		{Options{Formats: []string{"epub", "PDF"}, Trim: "B5", Bleed: "0.3cm", Columns: 3}, ""},
	}
	for _, tt := range tests {
		err := tt.opt.Validate()
		if tt.msg == "" && err != nil || tt.msg != "" && (err == nil || !strings.Contains(err.Error(), tt.msg)) {
			t.Errorf("Validate(%+v) = %v, want %q", tt.opt, err, tt.msg)
		}
	}
	t.Setenv("SOURCE_DATE_EPOCH", "yesterday")
	if err := (Options{}).Validate(); err == nil || !strings.Contains(err.Error(), "SOURCE_DATE_EPOCH") {
		t.Errorf("bad SOURCE_DATE_EPOCH: %v", err)
	}
}

func TestSourceDateEpoch(t *testing.T) {
	env := func(v string) func(string) string { return func(string) string { return v } }
	if _, ok, err := SourceDateEpoch(env("")); ok || err != nil {
		t.Errorf("unset: %v %v", ok, err)
	}
	if tm, ok, err := SourceDateEpoch(env(" 0 ")); !ok || err != nil || !tm.Equal(time.Unix(0, 0)) {
		t.Errorf("0: %v %v %v", tm, ok, err)
	}
	for _, bad := range []string{"-1", "1.5", "2025-01-01", "99999999999999"} {
		if _, _, err := SourceDateEpoch(env(bad)); err == nil {
			t.Errorf("SOURCE_DATE_EPOCH=%s accepted", bad)
		}
	}
}

func TestRunBrokenIssueFont(t *testing.T) {
	dir := newIssue(t, "x", "zh-CN", "正文。")
	os.WriteFile(filepath.Join(dir, "bad.ttf"), []byte("not a font at all"), 0o644)
	yaml, _ := os.ReadFile(filepath.Join(dir, "issue.yaml"))
	os.WriteFile(filepath.Join(dir, "issue.yaml"), append(yaml, "fonts: {body: bad.ttf}\n"...), 0o644)
	out := t.TempDir()
	p, e := &recorder{}, &recorder{}
	var res Result
	opt := Options{OutDir: out}
	err := run(dir, library(), &opt, fakeBackends(p, e), &res)
	var ps issue.Problems
	if !errors.As(err, &ps) || len(ps) != 1 {
		t.Fatalf("err = %v, want one problem", err)
	}
	// issue.yaml: 7 lines from newIssue, then the fonts line.
	if want := filepath.Join(dir, "issue.yaml"); ps[0].File != want || ps[0].Line != 8 ||
		!strings.Contains(ps[0].Message, "fonts: body:") || !strings.Contains(ps[0].Message, "give a .ttf file") {
		t.Errorf("problem %q, want %s:8 naming fonts: body and the fix", ps[0], want)
	}
	if got := files(t, out); len(got) != 0 || p.iss != nil {
		t.Errorf("wrote %q with a broken font", got)
	}
}
