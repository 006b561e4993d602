package export

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/qikan-dev/qikan/export/pdf"
	"github.com/qikan-dev/qikan/issue"
)

// pdfStandard sets the PDF's standard and printing condition: the command
// line's, else issue.yaml's. A PDF/X-4 needs the profile of its printing
// condition, which must be a CMYK output profile: problems are reported
// at their issue.yaml line (a profile named on the command line was
// checked by Options.Validate).
func pdfStandard(iss *issue.Issue, opt *Options, nm names) issue.Problems {
	std := iss.Print.Standard
	if opt.PDFStandard != "" {
		std, _ = issue.ParsePDFStandard(opt.PDFStandard)
	}
	profile, where := iss.Print.OutputIntent, "print.output_intent"
	if opt.OutputIntent != "" {
		profile, where = opt.OutputIntent, ""
	}
	cond := iss.Print.OutputCondition
	if opt.OutputCondition != "" {
		cond = opt.OutputCondition
	}
	opt.PDF.Standard, opt.PDF.OutputCondition, opt.PDF.OutputProfile = std, cond, nil
	problem := func(key, msg, hint string) issue.Problems {
		at := iss.Where[key]
		if key == "" || at.Line == 0 {
			at = iss.Where["print.standard"]
		}
		return issue.Problems{{File: nm.of(iss.File), Line: at.Line, Col: at.Col, Message: msg, Hint: hint}}
	}
	if std != pdf.StandardX4 {
		return nil
	}
	if profile == "" {
		return problem("print.standard", "the PDF/X-4 standard needs the ICC profile of the printing condition",
			"name it: print.output_intent: profiles/coated.icc in issue.yaml, or --output-intent FILE.icc")
	}
	data, err := readProfile(profile)
	if err != nil {
		return problem(where, fmt.Sprintf("print: output_intent: %s: %v", nm.of(profile), err), "give the CMYK output profile your printer uses (e.g. ISO Coated v2 for FOGRA39)")
	}
	opt.PDF.OutputProfile = data
	return nil
}

// readProfile reads an ICC profile that can be a PDF/X-4 output intent:
// at most 16 MiB, a CMYK output profile. The error does not name the
// file.
func readProfile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, errors.New("file not found")
		}
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, 16<<20+1))
	if err != nil {
		return nil, err
	}
	if len(data) > 16<<20 {
		return nil, errors.New("larger than 16 MiB, not an output profile")
	}
	if err := pdf.CheckOutputProfile(data); err != nil {
		return nil, err
	}
	return data, nil
}
