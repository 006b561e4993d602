package pdf

import (
	"fmt"
	"strings"

	"github.com/qikan-dev/qikan/issue"
)

// The standards a PDF can be written to (Options.Standard; the names of
// issue.PDFStandards).
const (
	// StandardA2u is PDF/A-2u (ISO 19005-2, level U): an archival file
	// whose text is all mapped to Unicode, colours defined by an sRGB
	// output intent. The default.
	StandardA2u = "a-2u"
	// StandardA2a is PDF/A-2a (level A): PDF/A-2u plus the logical
	// structure, claimed together with PDF/UA-1 (ISO 14289-1).
	StandardA2a = "a-2a"
	// StandardX4 is PDF/X-4 (ISO 15930-7): a print file whose colours are
	// CMYK for the printing condition of Options.OutputProfile.
	StandardX4 = "x-4"
	// StandardNone claims no standard: the screen PDF of earlier
	// versions, still tagged and with Unicode text.
	StandardNone = "none"
)

// standard is what a standard asks of the file.
type standard struct {
	name    string
	version string // PDF header version
	// pdfa is the PDF/A conformance level claimed ("U", "A"), "" for none.
	pdfa string
	// ua claims PDF/UA-1 in the metadata.
	ua bool
	// print is PDF/X-4: CMYK colours, a GTS_PDFX output intent with the
	// user's profile, no link annotations (a print file is not read on
	// screen; PDF/X allows none inside the bleed box).
	print bool
}

// standardFor checks the standard options.
func standardFor(opt Options) (standard, error) {
	name := StandardA2u
	if strings.TrimSpace(opt.Standard) != "" {
		var ok bool
		if name, ok = issue.ParsePDFStandard(opt.Standard); !ok {
			return standard{}, fmt.Errorf("unknown PDF standard %q: use %s", opt.Standard, strings.Join(issue.PDFStandards, ", "))
		}
	}
	s := standard{name: name, version: "1.7"}
	switch name {
	case StandardA2u:
		s.pdfa = "U"
	case StandardA2a:
		s.pdfa, s.ua = "A", true
	case StandardX4:
		s.version, s.print = "1.6", true
		if len(opt.OutputProfile) == 0 {
			return s, fmt.Errorf("PDF/X-4 needs the printing condition's ICC profile: name it with --output-intent FILE.icc (or print.output_intent in issue.yaml)")
		}
		if err := checkCMYKProfile(opt.OutputProfile); err != nil {
			return s, err
		}
	case StandardNone:
	}
	return s, nil
}

// CheckOutputProfile reports whether an ICC profile can be the output
// intent of a PDF/X-4 file: an output (printer) profile, version 2 or 4,
// whose colour space is CMYK.
func CheckOutputProfile(icc []byte) error { return checkCMYKProfile(icc) }

func checkCMYKProfile(icc []byte) error {
	if len(icc) < 128 || string(icc[36:40]) != "acsp" {
		return fmt.Errorf("not an ICC profile (no 'acsp' signature)")
	}
	if v := icc[8]; v != 2 && v != 4 {
		return fmt.Errorf("ICC profile version %d: PDF/X-4 takes version 2 or 4", v)
	}
	if cls := string(icc[12:16]); cls != "prtr" {
		return fmt.Errorf("an ICC profile of class %q: the output intent must be a printer (output) profile", strings.TrimSpace(cls))
	}
	if cs := string(icc[16:20]); cs != "CMYK" {
		return fmt.Errorf("an ICC profile for %q: the output intent of a print PDF must be a CMYK profile", strings.TrimSpace(cs))
	}
	return nil
}
