package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/qikan-dev/qikan/batch"
	"github.com/qikan-dev/qikan/export"
	"github.com/qikan-dev/qikan/export/pdf"
	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/issue"
	"github.com/qikan-dev/qikan/scaffold"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3".
var version string

// Exit statuses.
const (
	exitOK     = 0
	exitFailed = 1
	exitUsage  = 2
)

func main() {
	limitMemory()
	os.Exit(run(os.Args, os.Stdout, os.Stderr))
}

// versionString is the -ldflags version, else the module version from the
// build information, else "dev".
func versionString() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// errFailed is returned by a command when an issue failed; the details have
// already been printed.
var errFailed = cli.Exit("", exitFailed)

// usageError marks a mistake on the command line.
type usageError struct{ error }

// memoryLimit is the Go runtime's soft memory limit qikan runs under
// unless GOMEMLIMIT sets another: the collector then works harder instead
// of letting garbage double the heap, so an export of an issue at the
// loader's limits (4 MB of text, a cover and a figure of nearly 128 MB to
// decode) peaks at 221 MiB instead of 357 MiB. It never fails an export:
// above it the collector only runs more often.
const memoryLimit = 200 << 20

// limitMemory sets the soft memory limit of the process, unless the
// environment sets one (GOMEMLIMIT, which may be "off").
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}

// run runs the command line args and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	ver := versionString()
	app := newApp(ver, stdout, stderr)
	err := app.Run(args)
	var exit cli.ExitCoder
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &exit) && exit.ExitCode() == exitFailed:
		return exitFailed
	default:
		// urfave/cli's flag errors and ours: the command line is wrong.
		fmt.Fprintln(stderr, issue.Printable(fmt.Sprintf("qikan: %v", err)))
		fmt.Fprintln(stderr, "run 'qikan help' or 'qikan help COMMAND' for usage")
		return exitUsage
	}
}

func newApp(ver string, stdout, stderr io.Writer) *cli.App {
	return &cli.App{
		Name:           "qikan",
		Usage:          "turn a magazine issue into EPUB 3 and print-ready PDF",
		Version:        ver,
		HideVersion:    true,
		Writer:         stdout,
		ErrWriter:      stderr,
		ExitErrHandler: func(*cli.Context, error) {}, // run decides the status
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usageError{fmt.Errorf("unknown command %q", c.Args().First())}
			}
			cli.ShowAppHelp(c)
			return usageError{errors.New("no command given")}
		},
		OnUsageError:         onUsageError,
		EnableBashCompletion: true,
		Commands: []*cli.Command{
			exportCommand(ver, stdout, stderr),
			validateCommand(stdout, stderr),
			batchCommand(ver, stdout, stderr),
			initCommand(stdout),
			{
				Name:  "version",
				Usage: "print qikan's version",
				Action: func(c *cli.Context) error {
					fmt.Fprintf(stdout, "qikan %s\n", ver)
					return nil
				},
			},
		},
	}
}

func onUsageError(c *cli.Context, err error, _ bool) error { return usageError{err} }

// exportFlags are the flags that shape an export, shared by export and batch.
func exportFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "format", Usage: "formats to write: epub, pdf or epub,pdf", Value: cli.NewStringSlice("epub", "pdf")},
		&cli.StringFlag{Name: "out", Usage: "output directory `DIR`", Value: "."},
		&cli.StringFlag{Name: "body-font", Usage: "body font `FILE` (.ttf, .ttc#index or .ttc#face name); overrides issue.yaml"},
		&cli.StringFlag{Name: "heading-font", Usage: "heading font `FILE`; overrides issue.yaml"},
		&cli.BoolFlag{Name: "strict", Usage: "fail when the fonts lack a character of the issue, or when the PDF places an image below 150 ppi (the PDF is then not written)"},
		noSystemFontsFlag(),
		&cli.BoolFlag{Name: "no-normalize", Usage: "keep ASCII punctuation in Chinese text as written"},
		&cli.StringFlag{Name: "trim", Usage: "PDF trim size: WIDTHxHEIGHT with a unit (210x285mm) or A4, B5"},
		&cli.StringFlag{Name: "bleed", Usage: "PDF bleed, e.g. 3mm"},
		&cli.IntFlag{Name: "columns", Usage: "PDF body columns, 1 to 4"},
		&cli.BoolFlag{Name: "vertical", Usage: "vertical writing (top to bottom, right to left)"},
		&cli.StringFlag{Name: "epub-fonts", Usage: "EPUB font format: ttf (every reading system, Kindle conversion) or woff2 (smaller)", Value: "ttf"},
		&cli.BoolFlag{Name: "marks", Usage: "PDF crop marks"},
		&cli.IntFlag{Name: "pad", Usage: "pad the PDF with blank pages to a multiple of `N` (1: none)", Value: 2},
		&cli.BoolFlag{Name: "one-per-page", Usage: "start every article on a new PDF page"},
		&cli.BoolFlag{Name: "colophon-after-contents", Usage: "put the colophon right after the contents in the PDF"},
		&cli.BoolFlag{Name: "no-han-latin-space", Usage: "no extra space between Han and Latin letters in the PDF"},
		&cli.StringFlag{Name: "pdf-standard", Usage: "PDF standard: a-2u (archival PDF/A-2u, the default), a-2a (PDF/A-2a with PDF/UA-1), x-4 (print PDF/X-4, with --output-intent) or none; overrides print.standard"},
		&cli.StringFlag{Name: "output-intent", Usage: "ICC profile `FILE` of the printing condition of a PDF/X-4 (a CMYK output profile from the printer); overrides print.output_intent"},
		&cli.StringFlag{Name: "output-condition", Usage: "name of the printing condition of a PDF/X-4, e.g. FOGRA39 (default: the profile's own description); overrides print.output_condition"},
		&cli.StringFlag{Name: "link-urls", Usage: "print link addresses in the PDF: none, footnote (at the foot of the column) or endnote (at the end of the article)", Value: "none"},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print only errors"},
		&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "print warnings of every issue, counts and timings"},
	}
}

// exportOptions reads the exportFlags of c.
func exportOptions(c *cli.Context, ver string) (export.Options, error) {
	var formats []string
	for _, f := range c.StringSlice("format") {
		formats = append(formats, strings.Split(f, ",")...)
	}
	opt := export.Options{
		Formats:     formats,
		OutDir:      c.String("out"),
		BodyFont:    c.String("body-font"),
		HeadingFont: c.String("heading-font"),
		Strict:      c.Bool("strict"),
		NoNormalize: c.Bool("no-normalize"),
		Trim:        c.String("trim"),
		Bleed:       c.String("bleed"),
		Columns:     c.Int("columns"),
		Vertical:    c.Bool("vertical"),

		PDFStandard:     c.String("pdf-standard"),
		OutputIntent:    c.String("output-intent"),
		OutputCondition: c.String("output-condition"),
	}
	opt.PDF.Version = ver
	opt.PDF.Marks = c.Bool("marks")
	opt.PDF.Pad = c.Int("pad")
	opt.PDF.OnePerPage = c.Bool("one-per-page")
	opt.PDF.ColophonAfterContents = c.Bool("colophon-after-contents")
	opt.PDF.HanLatinSpace = !c.Bool("no-han-latin-space")
	linkURLs, err := pdf.ParseLinkURLs(c.String("link-urls"))
	if err != nil {
		return opt, usageError{fmt.Errorf("--link-urls: %w", err)}
	}
	opt.PDF.LinkURLs = linkURLs
	opt.EPUB.Version = ver
	epubFonts, err := fonts.ParseFormat(c.String("epub-fonts"))
	if err != nil {
		return opt, usageError{fmt.Errorf("--epub-fonts: %w", err)}
	}
	opt.EPUB.Fonts = epubFonts
	if c.IsSet("columns") && c.Int("columns") == 0 {
		return opt, usageError{errors.New("--columns must be from 1 to 4")}
	}
	if n := c.Int("pad"); n < 1 || n > export.MaxPad {
		return opt, usageError{fmt.Errorf("--pad must be from 1 to %d (printers pad to 2, 4, 8, 16 or 32 pages)", export.MaxPad)}
	}
	if err := opt.Validate(); err != nil {
		return opt, usageError{err}
	}
	return opt, nil
}

func exportCommand(ver string, stdout, stderr io.Writer) *cli.Command {
	return &cli.Command{
		Name:         "export",
		Usage:        "write each issue's EPUB and PDF as DIR/<dirname>.epub and DIR/<dirname>.pdf",
		ArgsUsage:    "PATH...",
		Flags:        exportFlags(),
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if err := checkPaths(c, "export"); err != nil {
				return err
			}
			opt, err := exportOptions(c, ver)
			if err != nil {
				return err
			}
			if err := export.CheckNames(c.Args().Slice()); err != nil {
				return usageError{fmt.Errorf("export: %v", err)}
			}
			opt.Temps = &export.Temps{}
			defer exitOnSignal(stderr, opt.Temps)()
			opt.Wait = func(dir string) {
				fmt.Fprintf(stderr, "qikan: waiting for another qikan writing into %s\n", dir)
			}
			quiet := c.Bool("quiet")
			lib := newLibrary(c)
			failed := false
			for _, path := range c.Args().Slice() {
				start := time.Now()
				res, err := export.Issue(path, lib, opt)
				if !quiet {
					printWarnings(stderr, res.Warnings)
				}
				for _, f := range res.Files {
					switch {
					case quiet:
					case strings.HasSuffix(f, ".pdf"):
						fmt.Fprintf(stdout, "wrote %s (%d pages)\n", f, res.PDF.Pages)
					default:
						fmt.Fprintf(stdout, "wrote %s\n", f)
					}
				}
				if c.Bool("verbose") {
					fmt.Fprintf(stderr, "%s: %d sections, %d articles, %.0f ms\n", path, sectionCount(res.Issue), len(articles(res.Issue)), float64(time.Since(start).Microseconds())/1000)
				}
				if err != nil {
					failed = true
					printError(stderr, path, err, writtenTail(res.Files))
				}
			}
			if failed {
				return errFailed
			}
			return nil
		},
	}
}

// writtenTail ends the count line of an export's problems: what was
// written despite them (a format whose backend failed, or whose PDF
// --strict refused, is not; the others are).
func writtenTail(files []string) string {
	if len(files) == 0 {
		return ", nothing written"
	}
	return ", only " + strings.Join(files, ", ") + " written"
}

func sectionCount(iss *issue.Issue) int {
	if iss == nil {
		return 0
	}
	return len(iss.Sections)
}

func articles(iss *issue.Issue) []*issue.Article {
	if iss == nil {
		return nil
	}
	return iss.Articles()
}

func batchCommand(ver string, stdout, stderr io.Writer) *cli.Command {
	flags := append(exportFlags(),
		&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "issues exported at once", Value: runtime.NumCPU()},
		&cli.StringFlag{Name: "report", Usage: "write a JSON report to `FILE`"},
		&cli.BoolFlag{Name: "changed", Usage: "skip issues whose inputs are unchanged since their last export"},
		&cli.StringFlag{Name: "shard", Usage: "export only shard `K/N` of the issues (stable across runs)"},
	)
	return &cli.Command{
		Name:         "batch",
		Usage:        "export every issue (directory with issue.yaml) below the ROOTs",
		ArgsUsage:    "ROOT...",
		Flags:        flags,
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if err := checkPaths(c, "batch"); err != nil {
				return err
			}
			opt, err := exportOptions(c, ver)
			if err != nil {
				return err
			}
			if n, most := c.Int("jobs"), 2*runtime.NumCPU(); n < 1 || n > most {
				return usageError{fmt.Errorf("--jobs must be from 1 to %d (twice the %d CPUs; each job takes its own memory)", most, runtime.NumCPU())}
			}
			mine, err := batchJobs(c, stderr)
			if err != nil {
				return err
			}
			build, err := batch.Build(ver)
			if err != nil {
				fmt.Fprintf(stderr, "qikan batch: %v\n", err)
				return errFailed
			}
			bo := batch.Options{Jobs: c.Int("jobs"), Export: opt, Changed: c.Bool("changed"), Build: build,
				Progress: batchProgress(c, stderr)}
			bo.Export.Temps = &export.Temps{}
			bo.Export.Wait = func(dir string) {
				fmt.Fprintf(stderr, "qikan batch: waiting for another qikan writing into %s\n", dir)
			}
			ctx, abort, stop := batchSignals(c.Context, stderr, bo.Export.Temps)
			defer stop()
			bo.Abort = abort
			rep := batch.Run(ctx, mine, newLibrary(c), bo)
			if c.Bool("verbose") {
				for _, r := range rep.Issues {
					for _, w := range r.Warnings {
						fmt.Fprintln(stderr, w)
					}
				}
			}
			batch.Summary(stderr, rep)
			if path := c.String("report"); path != "" {
				if err := rep.WriteJSON(path); err != nil {
					fmt.Fprintf(stderr, "qikan batch: report: %v\n", err)
					return errFailed
				}
			}
			if !rep.OK() {
				return errFailed
			}
			return nil
		},
	}
}

// batchJobs finds the issues below the command's ROOTs and keeps those
// of --shard's share.
func batchJobs(c *cli.Context, stderr io.Writer) ([]batch.Job, error) {
	var shard batch.Shard
	if c.IsSet("shard") {
		var err error
		if shard, err = batch.ParseShard(c.String("shard")); err != nil {
			return nil, usageError{err}
		}
	}
	jobs, err := batch.Find(c.Args().Slice())
	if err != nil {
		fmt.Fprintf(stderr, "qikan batch: %v\n", err)
		return nil, errFailed
	}
	var mine []batch.Job
	for _, j := range jobs {
		if shard.Has(j) {
			mine = append(mine, j)
		}
	}
	return mine, nil
}

// batchProgress is the progress output of a batch: a bar on a terminal,
// a line per issue in a log (CI), none with --quiet.
func batchProgress(c *cli.Context, stderr io.Writer) batch.Progress {
	switch f, ok := stderr.(*os.File); {
	case c.Bool("quiet"):
		return nil
	case ok && term.IsTerminal(int(f.Fd())):
		return batch.NewBar(stderr)
	}
	return batch.NewLog(stderr)
}

func initCommand(stdout io.Writer) *cli.Command {
	return &cli.Command{
		Name:         "init",
		Usage:        "create a new issue in DIR (new or empty) that validates and exports as is",
		ArgsUsage:    "DIR",
		OnUsageError: onUsageError,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "title", Usage: "publication name"},
			&cli.StringFlag{Name: "date", Usage: "issue date `YYYY-MM-DD` (default today)"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usageError{errors.New("init: give exactly one directory")}
			}
			var date time.Time
			if s := c.String("date"); s != "" {
				d, err := time.Parse("2006-01-02", s)
				if err != nil {
					return usageError{fmt.Errorf("--date %q: want YYYY-MM-DD", s)}
				}
				date = d
			}
			dir := c.Args().First()
			if err := scaffold.Create(dir, c.String("title"), date); err != nil {
				fmt.Fprintf(c.App.ErrWriter, "qikan init: %v\n", err)
				return errFailed
			}
			fmt.Fprintf(stdout, "created %s: edit issue.yaml and articles/, then run: qikan export --out out %s\n", dir, dir)
			return nil
		},
	}
}

func validateCommand(stdout, stderr io.Writer) *cli.Command {
	return &cli.Command{
		Name:         "validate",
		Usage:        "check issues (files, fonts, coverage of the text) and print every problem; writes nothing",
		ArgsUsage:    "PATH...",
		Flags:        []cli.Flag{noSystemFontsFlag()},
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if err := checkPaths(c, "validate"); err != nil {
				return err
			}
			failed := false
			lib := newLibrary(c)
			for _, path := range c.Args().Slice() {
				opt := export.Options{}
				opt.PDF.HanLatinSpace = true // export's default: validate checks what export would write
				res, err := export.Check(path, lib, opt)
				printWarnings(stderr, res.Warnings)
				if err != nil {
					failed = true
					printError(stderr, path, err, "")
					continue
				}
				fmt.Fprintf(stdout, "ok: %s (%d sections, %d articles)\n", path, len(res.Issue.Sections), len(res.Issue.Articles()))
			}
			if failed {
				return errFailed
			}
			return nil
		},
	}
}

// checkPaths requires at least one PATH and no flag after the first PATH
// (urfave/cli stops reading flags there, so a late flag would be taken for
// a directory).
func checkPaths(c *cli.Context, cmd string) error {
	if c.NArg() == 0 {
		return usageError{fmt.Errorf("%s: give at least one issue directory", cmd)}
	}
	for _, a := range c.Args().Slice() {
		if strings.HasPrefix(a, "-") {
			return usageError{fmt.Errorf("%s: flag %s after an issue directory; put flags before the directories (a directory whose name starts with - is written ./%s)", cmd, a, a)}
		}
	}
	return nil
}

func printWarnings(w io.Writer, warnings []issue.Warning) {
	for _, x := range warnings {
		fmt.Fprintln(w, x)
	}
}

// printError prints the problems of an issue one per line, other errors
// prefixed with the issue's path. tail ends the count line of problems.
func printError(w io.Writer, path string, err error, tail string) {
	var ps issue.Problems
	if errors.As(err, &ps) {
		noun := "problems"
		if len(ps) == 1 {
			noun = "problem"
		}
		fmt.Fprintln(w, ps.Error())
		fmt.Fprintf(w, "%s: %d %s%s\n", path, len(ps), noun, tail)
		return
	}
	fmt.Fprintln(w, issue.Printable(fmt.Sprintf("%s: error: %v", path, err)))
}

func noSystemFontsFlag() cli.Flag {
	return &cli.BoolFlag{Name: "no-system-fonts", Usage: "never take characters the embedded and given fonts lack from the fonts installed on this machine"}
}

// newLibrary returns the font library of a command: characters no
// embedded or given font has are looked up in the fonts installed on the
// machine unless --no-system-fonts says not to (or FONTCONFIG_FILE names
// an empty configuration).
func newLibrary(c *cli.Context) *fonts.Library {
	lib := fonts.NewLibrary()
	if !c.Bool("no-system-fonts") {
		lib.UseSystemFonts()
	}
	return lib
}
