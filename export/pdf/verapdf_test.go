package pdf

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/internal/pdfcheck"
	"github.com/qikan-dev/qikan/issue"
)

// The rules of veraPDF's validation profiles (github.com/veraPDF/
// veraPDF-validation-profiles: PDF_A/PDFA-2U.xml, PDFA-2A.xml and
// PDF_UA/1) that apply to what qikan writes, checked over the files it
// writes, by clause and test number. pdfcpu (internal/pdfcheck) reads the
// objects, github.com/ledongthuc/pdf interprets the content streams and
// decodes ToUnicode maps, golang.org/x/image/font/sfnt reads the embedded
// font programs. Rules about what qikan never writes (encryption,
// signatures, forms, JPEG2000, Type 1 and simple TrueType fonts, DeviceN,
// halftones, transfer functions, optional content, embedded files,
// inline images, PostScript and reference XObjects, actions other than
// URI and GoTo) are checked as absences where a key names them.
//
// Structure rules of PDF/UA-1 7.1 and 7.2 (what element may hold what,
// content tagged or artifact) are checked on the model by checkTagged
// (structure_test.go) and on the file here (ParentTree, /P, roles).

// pdfaFile is a written PDF and what the rules read of it.
type pdfaFile struct {
	name string
	data []byte
	doc  *pdfcheck.Doc
	part string     // pdfaid:conformance: "U" or "A"
	t    *testing.T // fails when a content stream cannot be interpreted
}

// pdfaFiles writes the sample (PDF/A-2u, the default) and every valid
// issue under testdata as PDF/A-2a.
func pdfaFiles(t *testing.T) []pdfaFile {
	t.Helper()
	var out []pdfaFile
	add := func(name string, data []byte, part string) {
		doc, err := pdfcheck.Read(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out = append(out, pdfaFile{name: name, data: data, doc: doc, part: part})
	}
	_, data, _ := writeSample(t, sampleOptions)
	add("sample (a-2u)", data, "U")
	for _, dir := range []string{"minimal", "webmix-2025", "wenxin-2025-spring"} {
		add(dir+" (a-2a)", writeA2a(t, dir), "A")
	}
	// QIKAN_PDFA_FILES lists more PDFs qikan wrote (e.g. of a corpus
	// outside the repository), checked at the conformance they claim.
	for _, path := range filepath.SplitList(os.Getenv("QIKAN_PDFA_FILES")) {
		if path == "" {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		part := "U"
		if bytes.Contains(data, []byte("<pdfaid:conformance>A<")) {
			part = "A"
		}
		add(path, data, part)
	}
	return out
}

// writeA2a writes the issue testdata/dir as PDF/A-2a.
func writeA2a(t *testing.T, dir string) []byte {
	t.Helper()
	set, err := fonts.NewLibrary().Set("", "")
	if err != nil {
		t.Fatal(err)
	}
	iss, _, err := issue.Load("../../testdata/" + dir)
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	var buf bytes.Buffer
	opt := sampleOptions
	opt.Standard, opt.HanLatinSpace = StandardA2a, true
	if _, err := Write(&buf, iss, set, opt); err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	return buf.Bytes()
}

// TestVeraPDFRulesFail: each check finds the violation it is for, made
// in a file that passes (so that none passes for want of looking).
func TestVeraPDFRulesFail(t *testing.T) {
	good := writeA2a(t, "webmix-2025")
	first := func(f *pdfaFile, want func(d types.Dict) bool) types.Dict {
		var out types.Dict
		f.doc.Objects(func(n int, o types.Object) {
			if d := f.doc.Dict(o); out == nil && d != nil && want(d) {
				out = d
			}
		})
		if out == nil {
			t.Fatal("no object to break")
		}
		return out
	}
	is := func(key, val string) func(d types.Dict) bool {
		return func(d types.Dict) bool { return fmt.Sprint(d[key]) == val }
	}
	for _, tt := range []struct {
		name  string
		check func(*pdfaFile) []error
		data  func([]byte) []byte
		obj   func(f *pdfaFile)
	}{
		{"header", checkHeader, func(b []byte) []byte { b[11] = 'a'; return b }, nil},
		{"after EOF", checkTrailer, func(b []byte) []byte { return append(b, "junk\n"...) }, nil},
		{"stream F key", checkStreams, nil, func(f *pdfaFile) { first(f, is("Type", "Metadata"))["F"] = types.StringLiteral("x") }},
		{"long name", checkLimits, nil, func(f *pdfaFile) { first(f, is("Type", "Catalog"))[strings.Repeat("N", 128)] = types.Boolean(true) }},
		{"odd hex", checkLimits, nil, func(f *pdfaFile) { first(f, is("Type", "Catalog"))["X"] = types.HexLiteral("abc") }},
		{"output intent", checkOutputIntent, nil, func(f *pdfaFile) { first(f, is("Type", "OutputIntent"))["S"] = types.Name("GTS_PDFX") }},
		{"separation", checkColourSpaces, nil, func(f *pdfaFile) {
			first(f, is("Subtype", "Image"))["ColorSpace"] = types.Array{types.Name("Separation"), types.Name("All"), types.Name("DeviceCMYK")}
		}},
		{"interpolate", checkXObjects, nil, func(f *pdfaFile) { first(f, is("Subtype", "Image"))["Interpolate"] = types.Boolean(true) }},
		{"blend mode", checkGraphicsState, nil, func(f *pdfaFile) { first(f, is("Type", "Catalog"))["BM"] = types.Name("Weird") }},
		{"no ToUnicode", checkFonts, nil, func(f *pdfaFile) { delete(first(f, is("Subtype", "Type0")), "ToUnicode") }},
		{"no CIDToGIDMap", checkFonts, nil, func(f *pdfaFile) { delete(first(f, is("Subtype", "CIDFontType2")), "CIDToGIDMap") }},
		{"widths", checkGlyphs, nil, func(f *pdfaFile) {
			d := first(f, is("Subtype", "CIDFontType2"))
			d["W"], d["DW"] = types.Array{}, types.Integer(3)
		}},
		{"hidden link", checkAnnotations, nil, func(f *pdfaFile) { first(f, is("Subtype", "Link"))["F"] = types.Integer(2) }},
		{"inverted rect", checkAnnotations, nil, func(f *pdfaFile) {
			d := first(f, is("Subtype", "Link"))
			r := f.doc.Resolve(d["Rect"]).(types.Array)
			d["Rect"] = types.Array{r[2], r[3], r[0], r[1]}
		}},
		{"javascript", checkAnnotations, nil, func(f *pdfaFile) {
			first(f, is("Subtype", "Link"))["A"] = types.Dict{"S": types.Name("JavaScript")}
		}},
		{"acroform", checkAbsent, nil, func(f *pdfaFile) { first(f, is("Type", "Catalog"))["AcroForm"] = types.Dict{} }},
		{"suspects", checkUAStructure, nil, func(f *pdfaFile) {
			first(f, is("Type", "Catalog"))["MarkInfo"] = types.Dict{"Marked": types.Boolean(true), "Suspects": types.Boolean(true)}
		}},
		{"parent", checkUAStructure, nil, func(f *pdfaFile) { first(f, is("S", "P"))["P"] = *types.NewIndirectRef(1, 0) }},
		{"non-standard type", checkUAStructure, nil, func(f *pdfaFile) { first(f, is("S", "P"))["S"] = types.Name("Para") }},
		{"link contents", checkUALinks, nil, func(f *pdfaFile) { delete(first(f, is("Subtype", "Link")), "Contents") }},
		{"untagged mark", checkUAMarked, nil, func(f *pdfaFile) {
			cat, _ := f.doc.Catalog()
			pt := f.doc.Dict(f.doc.Dict(cat["StructTreeRoot"])["ParentTree"])
			pt["Nums"] = types.Array{}
		}},
		{"tabs", checkUALinks, nil, func(f *pdfaFile) { delete(first(f, func(d types.Dict) bool { return d["Annots"] != nil }), "Tabs") }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data := bytes.Clone(good)
			f := &pdfaFile{name: tt.name, data: data, part: "A", t: t}
			doc, err := pdfcheck.Read(data)
			if err != nil {
				t.Fatal(err)
			}
			f.doc = doc
			if errs := tt.check(f); len(errs) != 0 {
				t.Fatalf("the good file fails: %v", errs)
			}
			if tt.data != nil {
				f.data = tt.data(bytes.Clone(data))
			}
			if tt.obj != nil {
				tt.obj(f)
			}
			if errs := tt.check(f); len(errs) == 0 {
				t.Errorf("%s not found", tt.name)
			}
		})
	}
}

// TestVeraPDFRules checks the rules listed in pdfaRules on every file of
// pdfaFiles.
func TestVeraPDFRules(t *testing.T) {
	for _, f := range pdfaFiles(t) {
		t.Run(f.name, func(t *testing.T) {
			f.t = t
			for _, r := range pdfaRules {
				if r.ua && f.part != "A" {
					continue
				}
				for i, err := range r.check(&f) {
					if i == 5 {
						t.Errorf("%s: …", r.id)
						break
					}
					t.Errorf("%s (%s): %v", r.id, r.what, err)
				}
			}
		})
	}
}

// pdfaRule is one or more veraPDF rules: their clause-test ids, what they
// require and a check that returns the violations.
type pdfaRule struct {
	id, what string
	ua       bool // a PDF/UA-1 rule: checked on files that claim it (a-2a)
	check    func(f *pdfaFile) []error
}

var pdfaRules = []pdfaRule{
	{id: "6.1.2-1,2 UA 6.1-1", what: "header %PDF-1.n, EOL, a comment of four bytes over 127", check: checkHeader},
	{id: "6.1.3-1,2,3", what: "trailer ID, no Encrypt, nothing after %%EOF but one EOL", check: checkTrailer},
	{id: "6.1.7.1-1,2,3 6.1.7.2-1", what: "stream Length exact, stream keyword and EOL, no F/FFilter/FDecodeParms, no LZW or Crypt", check: checkStreams},
	{id: "6.1.9-1", what: "N G obj with single spaces at every offset of the cross-reference", check: checkObjHeaders},
	{id: "6.1.6 6.1.8 6.1.13-1..5,7,11", what: "hex strings, names in UTF-8 of at most 127 bytes, integers, reals, strings, object count and page boxes within limits", check: checkLimits},
	{id: "6.1.13-8 6.2.2-1 6.1.10", what: "only ISO 32000-1 operators, q nested at most 28 deep, no inline images", check: checkOperators},
	{id: "6.2.3-1,2,3", what: "one GTS_PDFA1 output intent with an RGB, CMYK or grey output (mntr/prtr) profile, no DestOutputProfileRef", check: checkOutputIntent},
	{id: "6.2.4.2-1 6.2.4.3-2,3,4 6.2.4.4", what: "ICC profiles match their N; only the output intent's device space; no Separation or DeviceN", check: checkColourSpaces},
	{id: "6.2.5-1..6 6.2.6-1 6.2.10-1,2", what: "ExtGState without TR, TR2, HTP, halftones; standard rendering intents and blend modes; transparency in a page group", check: checkGraphicsState},
	{id: "6.2.8-1..5 6.2.8.3 6.2.9-1,2,3", what: "images without Alternates, OPI, Interpolate, with BPC 1/2/4/8/16; no JPX; no PostScript, reference or OPI XObjects", check: checkXObjects},
	{id: "6.2.11.2 6.2.11.3.1,2,3 6.2.11.4.1-1 6.2.11.4.2-2 6.2.11.6 UA 7.21.3-7.21.6", what: "every font an embedded Type 0/CIDFontType2 with Identity-H, CIDToGIDMap, compatible CIDSystemInfo, no simple fonts", check: checkFonts},
	{id: "6.2.11.4.1-2 6.2.11.5-1 6.2.11.7.2-1,2 6.2.11.8-1 UA 7.21.4.1-2 7.21.5 7.21.7 7.21.8", what: "shown glyphs exist, widths match the font program, every code maps to Unicode (not 0, FEFF, FFFE), never .notdef", check: checkGlyphs},
	{id: "6.3.1-1 6.3.2-1,2 6.3.3-1,2,4 6.5.1-1,2 6.5.2-1,2", what: "Link annotations only, Rect lower left to upper right, printable and not hidden, with an appearance or none needed; only URI and GoTo actions; no AA", check: checkAnnotations},
	{id: "6.1.12 6.4 6.8 6.9 6.10 6.11", what: "no Perms, AcroForm, NeedsRendering, EmbeddedFiles, OCProperties, AlternatePresentations, PresSteps, Requirements", check: checkAbsent},
	{id: "6.6.2.1-1..5 6.6.2.3.1 6.6.2.3.3 6.6.4-1..7", what: "XMP in the catalog, packet header without bytes/encoding, well-formed, known or declared schemas, pdfaid part 2 and its conformance", check: checkXMP},
	{id: "UA 5-1..5 6.2-1 7.1-4,8,9,10,11,12 7.1-5,7", ua: true, what: "pdfuaid part 1 (declared), MarkInfo Marked, no Suspects, dc:title, DisplayDocTitle, StructTreeRoot, every element's /P, standard types only", check: checkUAStructure},
	{id: "UA 7.1-1,2,3", ua: true, what: "every mark tagged (an MCID in the parent tree) or an artifact, neither inside the other", check: checkUAMarked},
	{id: "UA 7.2-29,33,34 7.18.3-1 7.18.5-1,2 7.3-1", ua: true, what: "catalog /Lang (BCP 47), Tabs /S on pages with annotations, Links tagged and with Contents, Figures with Alt", check: checkUALinks},
}

// errs collects up to a few violations.
type errs []error

func (e *errs) add(format string, args ...any) { *e = append(*e, fmt.Errorf(format, args...)) }
