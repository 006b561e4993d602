package export

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/qikan-dev/qikan/export/cover"
	"github.com/qikan-dev/qikan/export/epub"
	"github.com/qikan-dev/qikan/export/pdf"
	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/internal/safefile"
	"github.com/qikan-dev/qikan/issue"
)

// defaultFormats are the output formats in their default order.
func defaultFormats() []string { return []string{"epub", "pdf"} }

// Options control an export. The zero value exports both formats into the
// current directory with the issue's own fonts and print geometry.
type Options struct {
	Formats []string // "epub", "pdf"; empty means both
	OutDir  string   // "" means the current directory; created if missing
	// Name is the base name of the output files, "" for the issue
	// directory's own name: OutDir/<Name>.epub, OutDir/<Name>.pdf.
	Name string

	// BodyFont and HeadingFont override fonts.body and fonts.heading of
	// issue.yaml: a path (relative to the working directory) with an
	// optional "#index" or "#face name" suffix.
	BodyFont, HeadingFont string

	// Strict makes characters missing from the fonts an error, not a
	// warning, and an image the PDF places below 150 ppi an error (the
	// PDF is not written).
	Strict      bool
	NoNormalize bool // keep ASCII punctuation in Chinese text as written

	// Print overrides of issue.yaml print:, empty or zero to keep it.
	Trim     string // e.g. 210x285mm, A4, B5
	Bleed    string // e.g. 3mm
	Columns  int    // 1..4
	Vertical bool   // vertical writing (vertical-rl) in both formats
	// PDFStandard overrides print.standard (issue.PDFStandards);
	// OutputIntent (a path relative to the working directory) and
	// OutputCondition override print.output_intent and
	// print.output_condition, the printing condition of PDF/X-4.
	PDFStandard, OutputIntent, OutputCondition string

	// PDF and EPUB are passed to the backends. A zero Time is replaced by
	// SOURCE_DATE_EPOCH when set, else by the issue date.
	PDF  pdf.Options
	EPUB epub.Options

	// Temps, if not nil, tracks the temporary files being written, for a
	// signal handler to remove (Temps.Remove) before the process exits.
	Temps *Temps `json:"-"`
	// The output directory is locked while the outputs are written (see
	// LockDir); Wait, if not nil, is called when another process holds
	// the lock and the export waits for it. NoLock leaves the locking to
	// the caller (batch holds the lock for its whole run). None of the
	// three changes the output: they are not part of batch's input hash.
	Wait   func(dir string) `json:"-"`
	NoLock bool             `json:"-"`
}

// Result describes an export.
type Result struct {
	Issue    *issue.Issue    // nil when the issue did not load
	Warnings []issue.Warning // from loading, normalisation and the font check
	Files    []string        // files written, in the order of Options.Formats
	Missing  fonts.Report    // characters the fonts do not cover
	PDF      pdf.Stats
	EPUB     epub.Stats
}

// Validate checks the options that do not depend on an issue, so that a
// command line can reject them before any work is done.
func (o Options) Validate() error {
	if _, err := o.formats(); err != nil {
		return err
	}
	if o.Trim != "" {
		if _, _, err := issue.ParseTrim(o.Trim); err != nil {
			return err
		}
	}
	if o.Bleed != "" {
		if _, err := issue.ParseBleed(o.Bleed); err != nil {
			return err
		}
	}
	if o.Columns != 0 {
		if _, err := issue.ParseColumns(strconv.Itoa(o.Columns)); err != nil {
			return err
		}
	}
	if o.PDFStandard != "" {
		if _, ok := issue.ParsePDFStandard(o.PDFStandard); !ok {
			return fmt.Errorf("--pdf-standard %q: use %s", o.PDFStandard, strings.Join(issue.PDFStandards, ", "))
		}
	}
	if o.OutputIntent != "" {
		if _, err := readProfile(o.OutputIntent); err != nil {
			return fmt.Errorf("--output-intent: %s: %w", o.OutputIntent, err)
		}
	}
	if o.PDF.Pad > MaxPad {
		return fmt.Errorf("--pad %d: at most %d (printers pad to 2, 4, 8, 16 or 32 pages)", o.PDF.Pad, MaxPad)
	}
	for _, f := range []struct{ flag, spec string }{{"body font", o.BodyFont}, {"heading font", o.HeadingFont}} {
		if f.spec == "" {
			continue
		}
		path, _, _ := strings.Cut(f.spec, "#")
		info, err := os.Stat(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return fmt.Errorf("%s: %s: file not found (give the path of a .ttf file, or of a .ttc with #index or #face name)", f.flag, path)
		case err != nil:
			return fmt.Errorf("%s: %w", f.flag, err)
		case info.IsDir():
			return fmt.Errorf("%s: %s is a directory, not a font file", f.flag, path)
		case !info.Mode().IsRegular():
			return fmt.Errorf("%s: %s is %s, not a font file (give the font file itself)", f.flag, path, safefile.Kind(info.Mode()))
		}
	}
	_, _, err := SourceDateEpoch(os.Getenv)
	return err
}

// formats returns the requested formats without duplicates, checked.
func (o Options) formats() ([]string, error) {
	if len(o.Formats) == 0 {
		return defaultFormats(), nil
	}
	var out []string
	for _, f := range o.Formats {
		f = strings.ToLower(strings.TrimSpace(f))
		if f != "epub" && f != "pdf" {
			return nil, fmt.Errorf("unknown format %q (use epub, pdf or epub,pdf)", f)
		}
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out, nil
}

// SourceDateEpoch reads SOURCE_DATE_EPOCH (whole seconds since 1970, UTC)
// through getenv. ok is false when it is unset or empty.
func SourceDateEpoch(getenv func(string) string) (t time.Time, ok bool, err error) {
	s := strings.TrimSpace(getenv("SOURCE_DATE_EPOCH"))
	if s == "" {
		return time.Time{}, false, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 || n > 253402300799 {
		return time.Time{}, false, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds since 1970-01-01 (e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%%ct))", s)
	}
	return time.Unix(n, 0).UTC(), true, nil
}

// backend writes one format of an issue.
type backend func(w io.Writer, iss *issue.Issue, set *fonts.Set) error

// Issue exports the issue in dir with the faces of lib. It returns the
// files written and every warning; the error is an issue.Problems when the
// issue is invalid (nothing is written), a fonts.Report when Strict and
// characters are missing (nothing is written), or the failures of the
// backends (the formats that succeeded are written).
func Issue(dir string, lib *fonts.Library, opt Options) (Result, error) {
	var res Result
	backends := map[string]backend{
		"pdf": func(w io.Writer, iss *issue.Issue, set *fonts.Set) (err error) {
			res.PDF, err = pdf.Write(w, iss, set, opt.PDF)
			if err != nil {
				return err
			}
			if _, ps := preflight(res.PDF.Images, newNames(dir, iss), opt.Strict); len(ps) > 0 {
				return ps // the PDF is not kept
			}
			return nil
		},
		"epub": func(w io.Writer, iss *issue.Issue, set *fonts.Set) (err error) {
			res.EPUB, err = epub.Write(w, iss, set, opt.EPUB)
			return err
		},
	}
	err := run(dir, lib, &opt, backends, &res)
	return res, err
}

// Check does what Issue does short of writing: it loads the issue, loads
// its fonts, normalises punctuation and checks that the fonts cover the
// text, and returns the same warnings and errors.
func Check(dir string, lib *fonts.Library, opt Options) (Result, error) {
	var res Result
	err := run(dir, lib, &opt, nil, &res)
	return res, err
}

// run is Issue with the backends as a parameter (nil for Check). It fills in opt's times
// and print overrides before any backend runs.
func run(dir string, lib *fonts.Library, opt *Options, backends map[string]backend, res *Result) error {
	if err := opt.Validate(); err != nil {
		return err
	}
	formats, _ := opt.formats()
	iss, warnings, err := issue.Load(dir)
	res.Warnings = append(res.Warnings, warnings...)
	if err != nil {
		return err
	}
	res.Issue = iss

	applyPrint(iss, opt)
	applyTime(iss, opt)
	nm := newNames(dir, iss)
	if slices.Contains(formats, "pdf") {
		ps := pdfProblems(iss, nm)
		ps = append(ps, pdfStandard(iss, opt, nm)...)
		if len(ps) > 0 {
			return ps
		}
	}
	if ps := imageProblems(iss, nm, formats); len(ps) > 0 {
		return ps
	}
	if !opt.NoNormalize {
		res.Warnings = append(res.Warnings, normalizePunct(iss, nm)...)
	}
	set, err := faces(lib, iss, opt, nm)
	if err != nil {
		return err
	}
	res.Missing = fonts.Check(set, iss)
	if !res.Missing.OK() && opt.Strict {
		return res.Missing
	}
	if !res.Missing.OK() || len(res.Missing.Supplied) > 0 {
		res.Warnings = append(res.Warnings, missingGlyphs(iss, nm, res.Missing)...)
	}
	covers := map[string]*cover.Cover{}
	if slices.Contains(formats, "pdf") {
		covers["pdf"] = pdf.CoverLayout(iss, set, opt.PDF)
	}
	if slices.Contains(formats, "epub") {
		covers["epub"] = epub.CoverLayout(iss, set)
	}
	if ps := coverProblems(iss, nm, covers); len(ps) > 0 {
		return ps
	}

	if backends == nil { // Check: everything but writing
		return nil
	}
	outDir := opt.OutDir
	if outDir == "" {
		outDir = "."
	}
	name := opt.Name
	if name == "" {
		name = filepath.Base(iss.Dir)
	}
	base := filepath.Join(outDir, name)
	var paths []string
	for _, f := range formats {
		paths = append(paths, base+"."+f)
	}
	if err := prepareOut(outDir, paths, slices.Contains(formats, "epub"), opt.Temps); err != nil {
		return err
	}
	if !opt.NoLock {
		defer LockDir(outDir, func() {
			if opt.Wait != nil {
				opt.Wait(outDir)
			}
		})()
	}
	files, err := writeAll(iss, set, backends, formats, base, opt.Temps)
	res.Files = append(res.Files, files...)
	if slices.Contains(files, base+".pdf") {
		ws, _ := preflight(res.PDF.Images, nm, opt.Strict)
		res.Warnings = append(res.Warnings, ws...)
	}
	return err
}

// applyTime sets the backends' timestamps that are not set already:
// SOURCE_DATE_EPOCH when it is set, else the issue's date.
func applyTime(iss *issue.Issue, opt *Options) {
	t, ok, _ := SourceDateEpoch(os.Getenv)
	if !ok {
		t = iss.Date
	}
	if opt.PDF.Time.IsZero() {
		opt.PDF.Time = t
	}
	if opt.EPUB.Time.IsZero() {
		opt.EPUB.Time = t
	}
}

// faces loads the issue's fonts, the command line's overriding issue.yaml's.
// A font named in issue.yaml that does not load is a problem at its line
// there (the library caches what it loads: no double work).
func faces(lib *fonts.Library, iss *issue.Issue, opt *Options, nm names) (*fonts.Set, error) {
	body, heading := iss.Fonts.Body, iss.Fonts.Heading
	if opt.BodyFont != "" {
		body = opt.BodyFont
	}
	if opt.HeadingFont != "" {
		heading = opt.HeadingFont
	}
	var problems issue.Problems
	for _, f := range []struct{ key, spec, flag string }{{"body", body, opt.BodyFont}, {"heading", heading, opt.HeadingFont}} {
		if f.spec == "" || f.flag != "" {
			continue
		}
		if _, err := lib.Load(f.spec); err != nil {
			at := iss.Where["fonts."+f.key]
			problems = append(problems, issue.Problem{File: nm.of(iss.File), Line: at.Line, Col: at.Col,
				Message: fmt.Sprintf("fonts: %s: %v", f.key, err)})
		}
	}
	if len(problems) > 0 {
		return nil, problems
	}
	return lib.Set(body, heading) // the error names the role and the file
}

// writeAll writes the formats side by side, each to base plus its
// extension, and returns the files written. The backends only read the
// issue and the faces, and each writes its own temporary file; the files
// written in full are renamed into place together once every backend has
// ended (see Temps.commit). A format that failed leaves its old file.
func writeAll(iss *issue.Issue, set *fonts.Set, backends map[string]backend, formats []string, base string, temps *Temps) ([]string, error) {
	errs := make([]error, len(formats))
	done := make([]*finished, len(formats))
	var wg sync.WaitGroup
	for i, f := range formats {
		path := base + "." + f
		write := backends[f]
		wg.Go(func() {
			var err error
			done[i], err = writeTemp(path, temps, func(w io.Writer) error { return write(w, iss, set) })
			if err != nil {
				errs[i] = fmt.Errorf("%s: %w", path, err)
			}
		})
	}
	wg.Wait()
	var ready []*finished
	for _, f := range done {
		if f != nil {
			ready = append(ready, f)
		}
	}
	files, err := temps.commit(ready)
	return files, errors.Join(append(errs, err)...)
}

// applyPrint applies the print overrides (already validated) to iss.
func applyPrint(iss *issue.Issue, opt *Options) {
	if opt.Trim != "" {
		iss.Print.TrimWidth, iss.Print.TrimHeight, _ = issue.ParseTrim(opt.Trim)
	}
	if opt.Bleed != "" {
		iss.Print.Bleed, _ = issue.ParseBleed(opt.Bleed)
	}
	if opt.Columns != 0 {
		iss.Print.Columns = opt.Columns
	}
	if opt.Vertical {
		iss.Print.Vertical = true
	}
	if iss.Print.Vertical {
		opt.EPUB.Vertical = true
	}
}
