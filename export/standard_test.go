package export

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qikan-dev/qikan/assets"
	"github.com/qikan-dev/qikan/export/pdf"
	"github.com/qikan-dev/qikan/issue"
)

// cmykProfile writes a minimal CMYK output profile header (what the
// checks read) and returns its path.
func cmykProfile(t *testing.T, dir string) string {
	t.Helper()
	icc := make([]byte, 132)
	icc[8] = 2
	copy(icc[12:], "prtr")
	copy(icc[16:], "CMYK")
	copy(icc[36:], "acsp")
	path := filepath.Join(dir, "coated.icc")
	if err := os.WriteFile(path, icc, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestPDFStandard: the standard and printing condition come from
// issue.yaml's print: or the command line, which wins; a PDF/X-4 without a
// profile, or with one that is no CMYK output profile, is a problem at its
// issue.yaml line; a bad --pdf-standard or --output-intent is refused
// before any work.
func TestPDFStandard(t *testing.T) {
	dir := newIssue(t, "x", "zh-CN", "正文。")
	yaml := filepath.Join(dir, "issue.yaml")
	base, _ := os.ReadFile(yaml)
	cmykProfile(t, dir)
	os.WriteFile(filepath.Join(dir, "srgb.icc"), assets.SRGB, 0o644)
	try := func(print string, opt Options) (Options, error) {
		t.Helper()
		os.WriteFile(yaml, append(append([]byte{}, base...), []byte(print)...), 0o644)
		p, e := &recorder{}, &recorder{}
		var res Result
		opt.OutDir = t.TempDir()
		err := run(dir, library(), &opt, fakeBackends(p, e), &res)
		return opt, err
	}
	opt, err := try("print:\n  standard: x-4\n  output_intent: coated.icc\n  output_condition: FOGRA39\n", Options{})
	if err != nil || opt.PDF.Standard != pdf.StandardX4 || len(opt.PDF.OutputProfile) != 132 || opt.PDF.OutputCondition != "FOGRA39" {
		t.Errorf("print.standard x-4: %v, %q %d %q", err, opt.PDF.Standard, len(opt.PDF.OutputProfile), opt.PDF.OutputCondition)
	}
	opt, err = try("print:\n  standard: PDF/A-2a\n", Options{})
	if err != nil || opt.PDF.Standard != pdf.StandardA2a {
		t.Errorf("print.standard PDF/A-2a: %v, %q", err, opt.PDF.Standard)
	}
	opt, err = try("print:\n  standard: x-4\n  output_intent: coated.icc\n", Options{PDFStandard: "none"})
	if err != nil || opt.PDF.Standard != pdf.StandardNone {
		t.Errorf("--pdf-standard none over print.standard: %v, %q", err, opt.PDF.Standard)
	}
	for _, tt := range []struct {
		print string
		opt   Options
		want  string // in the problem, with its line
	}{
		{"print:\n  standard: x-4\n", Options{}, "issue.yaml:9:13: the PDF/X-4 standard needs the ICC profile"},
		{"print:\n  standard: x-4\n  output_intent: srgb.icc\n", Options{}, "issue.yaml:10:18: print: output_intent: " + filepath.Join(dir, "srgb.icc")},
		{"print:\n  standard: pdf/z\n", Options{}, "issue.yaml:9:"},
		{"print:\n  output_intent: none.icc\n", Options{}, "issue.yaml:9:"},
		{"", Options{PDFStandard: "x-4"}, "the PDF/X-4 standard needs the ICC profile"},
	} {
		_, err := try(tt.print, tt.opt)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q %+v: %v, want %q", tt.print, tt.opt.PDFStandard, err, tt.want)
		}
	}
	for _, tt := range []struct {
		opt  Options
		want string
	}{
		{Options{PDFStandard: "a-3b"}, `--pdf-standard "a-3b"`},
		{Options{OutputIntent: filepath.Join(dir, "srgb.icc")}, "--output-intent: " + filepath.Join(dir, "srgb.icc") + ": an ICC profile of class"},
		{Options{OutputIntent: filepath.Join(dir, "no.icc")}, "file not found"},
		{Options{PDFStandard: "X-4", OutputIntent: filepath.Join(dir, "coated.icc")}, ""},
	} {
		err := tt.opt.Validate()
		if tt.want == "" && err != nil || tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("Validate(%+v) = %v, want %q", tt.opt, err, tt.want)
		}
	}
	if _, ok := issue.ParsePDFStandard("PDF/X-4"); !ok {
		t.Error("PDF/X-4 not a standard")
	}
}
