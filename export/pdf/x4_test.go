package pdf

import (
	"bytes"
	"fmt"
	"image"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"github.com/qikan-dev/qikan/assets"
	"github.com/qikan-dev/qikan/export/cover"
	"github.com/qikan-dev/qikan/internal/pdfcheck"
	"github.com/qikan-dev/qikan/internal/testtool"
	"github.com/qikan-dev/qikan/issue"
	"golang.org/x/image/tiff"
)

// cmykProfile is Ghostscript's default CMYK output profile, a printing
// condition Debian has.
func cmykProfile(t *testing.T) []byte {
	t.Helper()
	testtool.Need(t, "gs")
	paths, _ := filepath.Glob("/usr/share/ghostscript/*/iccprofiles/default_cmyk.icc")
	if len(paths) == 0 {
		if os.Getenv("CI") == "true" {
			t.Fatal("Ghostscript's default_cmyk.icc not found")
		}
		t.Skip("Ghostscript's default_cmyk.icc not found")
	}
	icc, err := os.ReadFile(paths[len(paths)-1])
	if err != nil {
		t.Fatal(err)
	}
	return icc
}

// contentOps lists the colour operators and colour spaces a PDF uses:
// every page's content stream tokenised, every image's colour space.
func colourUse(t *testing.T, pdf []byte) (ops map[string]int, spaces map[string]int) {
	t.Helper()
	doc, err := pdfcheck.Read(pdf)
	if err != nil {
		t.Fatal(err)
	}
	ops, spaces = map[string]int{}, map[string]int{}
	tok := regexp.MustCompile(`(?m)(?:^|\s)(rg|RG|k|K|g|G|cs|CS|sc|SC|scn|SCN)\s`)
	for i := 1; i <= doc.Ctx.PageCount; i++ {
		c, err := doc.PageContent(i)
		if err != nil {
			t.Fatal(err)
		}
		// Strings hold glyph codes, not operators.
		c = regexp.MustCompile(`<[0-9A-Fa-f]*>|\([^)]*\)`).ReplaceAll(c, nil)
		for _, m := range tok.FindAllSubmatch(c, -1) {
			ops[string(m[1])]++
		}
	}
	doc.Objects(func(n int, o types.Object) {
		sd, ok := o.(types.StreamDict)
		if !ok || sd.Subtype() == nil || *sd.Subtype() != "Image" {
			return
		}
		cs := doc.Resolve(sd.Dict["ColorSpace"])
		switch cs := cs.(type) {
		case types.Name:
			spaces[cs.Value()]++
		case types.Array:
			spaces[fmt.Sprint(cs[0])]++
		}
	})
	return ops, spaces
}

// TestX4: a PDF/X-4 of the sample with Ghostscript's CMYK profile as its
// printing condition: pdfcpu's strict validation; the GTS_PDFX output
// intent with the profile embedded; PDF 1.6, /Trapped, PDF/X-4 in the
// XMP with the identifiers it requires; no RGB anywhere (colours in CMYK,
// RGB images with an ICC profile); no link annotations; crop marks in
// Separation /All; and Ghostscript's separations show the body text on
// the black plate only.
func TestX4(t *testing.T) {
	icc := cmykProfile(t)
	opt := sampleOptions
	opt.Standard, opt.OutputProfile, opt.OutputCondition, opt.Marks = StandardX4, icc, "FOGRA39", true
	path, pdf, _ := writeSample(t, opt)
	if err := pdfcheck.Validate(pdf); err != nil {
		t.Errorf("pdfcpu strict: %v", err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-1.6\n")) {
		t.Errorf("header %q", pdf[:9])
	}
	doc, err := pdfcheck.Read(pdf)
	if err != nil {
		t.Fatal(err)
	}
	cat, _ := doc.Catalog()
	ois, _ := doc.Resolve(cat["OutputIntents"]).(types.Array)
	if len(ois) != 1 {
		t.Fatalf("%d output intents", len(ois))
	}
	oi := doc.Dict(ois[0])
	if s := oi.NameEntry("S"); s == nil || *s != "GTS_PDFX" || doc.Text(oi["OutputConditionIdentifier"]) != "FOGRA39" {
		t.Errorf("output intent %v", oi)
	}
	profile, pd, err := doc.Stream(oi["DestOutputProfile"])
	if err != nil || !bytes.Equal(profile, icc) || fmt.Sprint(pd["N"]) != "4" {
		t.Errorf("output profile not the given one (%d bytes, N %v): %v", len(profile), pd["N"], err)
	}
	meta, _, _ := doc.Stream(cat["Metadata"])
	for _, want := range []string{"<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>", "<pdf:Trapped>False</pdf:Trapped>",
		"<xmpMM:DocumentID>urn:uuid:", "<xmpMM:VersionID>1</xmpMM:VersionID>", "<xmpMM:RenditionClass>default</xmpMM:RenditionClass>",
		"<xmp:CreateDate>", "<xmp:ModifyDate>", "<dc:title>"} {
		if !bytes.Contains(meta, []byte(want)) {
			t.Errorf("XMP lacks %s", want)
		}
	}
	if bytes.Contains(meta, []byte("pdfaid:")) {
		t.Error("a PDF/X-4 claims PDF/A")
	}
	info := doc.Dict(*doc.Ctx.XRefTable.Info)
	if tr := info.NameEntry("Trapped"); tr == nil || *tr != "False" {
		t.Errorf("Info /Trapped %v", info["Trapped"])
	}
	pages, _ := doc.Pages()
	for i, p := range pages {
		if p["TrimBox"] == nil || p["BleedBox"] == nil {
			t.Errorf("page %d without TrimBox or BleedBox", i+1)
		}
		if p["Annots"] != nil {
			t.Errorf("page %d has annotations", i+1)
		}
	}
	ops, spaces := colourUse(t, pdf)
	if ops["rg"]+ops["RG"] > 0 || spaces["DeviceRGB"] > 0 {
		t.Errorf("RGB in a PDF/X-4: operators %v, image colour spaces %v", ops, spaces)
	}
	if ops["k"] == 0 || ops["CS"] == 0 {
		t.Errorf("no CMYK fill or no separation stroke: %v", ops)
	}
	res := doc.Dict(pages[0]["Resources"])
	sep, _ := doc.Resolve(doc.Dict(res["ColorSpace"])["All"]).(types.Array)
	if len(sep) != 4 || fmt.Sprintf("%v %v %v", sep[0], sep[1], sep[2]) != "Separation All DeviceCMYK" {
		t.Errorf("crop marks' colour space %v, want Separation /All /DeviceCMYK", sep)
	}
	checkBlackPlate(t, path)
}

// checkBlackPlate separates a body page of the PDF at path with
// Ghostscript (tiffsep) and checks that the boxes of its body text carry
// ink on the black plate and on no other.
func checkBlackPlate(t *testing.T, path string) {
	t.Helper()
	doc := composeSample(t)
	page := -1
	for i, p := range doc.pages {
		if p.kind == articlePage && bodyLines(p) >= 20 {
			page = i
			break
		}
	}
	if page < 0 {
		t.Fatal("no page of body text")
	}
	dir := t.TempDir()
	const dpi = 72.0
	run(t, "gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=tiffsep", fmt.Sprintf("-r%d", int(dpi)),
		fmt.Sprintf("-dFirstPage=%d", page+1), fmt.Sprintf("-dLastPage=%d", page+1),
		"-sOutputFile="+filepath.Join(dir, "p.tif"), path)
	plate := func(name string) image.Image {
		f, err := os.Open(filepath.Join(dir, "p("+name+").tif"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		m, err := tiff.Decode(f)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	g := doc.geo
	o := g.origin() // the MediaBox corner is the image's (the marks included)
	ink := map[string]int{}
	checked := 0
	for _, name := range []string{"Cyan", "Magenta", "Yellow", "Black"} {
		m := plate(name)
		for _, tx := range doc.pages[page].texts {
			if tx.tag == nil || tx.tag.role != "P" || tx.color != black {
				continue
			}
			x0 := int((o + tx.x) * dpi / 72)
			x1 := int((o + tx.x + naturalWidth(tx.face, tx.text, tx.size)) * dpi / 72)
			y0, y1 := int((o+tx.y-0.8*tx.size)*dpi/72), int((o+tx.y)*dpi/72)
			for y := y0 + 1; y < y1; y++ {
				for x := x0 + 1; x < x1; x++ {
					if v, _, _, _ := m.At(x, y).RGBA(); v < 0xc000 { // BlackIsZero: dark is ink
						ink[name]++
					}
				}
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no body text checked")
	}
	if ink["Black"] == 0 || ink["Cyan"]+ink["Magenta"]+ink["Yellow"] > 0 {
		t.Errorf("body text on page %d: ink per plate %v, want black only", page+1, ink)
	}
}

// bodyLines counts the lines of paragraph text on a page.
func bodyLines(p *page) int {
	n := 0
	for _, tx := range p.texts {
		if tx.tag != nil && tx.tag.role == "P" {
			n++
		}
	}
	return n
}

func TestStandardOptions(t *testing.T) {
	iss, set := loadSample(t)
	for _, name := range issue.PDFStandards {
		if _, err := standardFor(Options{Standard: name, OutputProfile: cmykHeader()}); err != nil {
			t.Errorf("the standard %q of the model: %v", name, err)
		}
	}
	for _, tt := range []struct {
		opt  Options
		want string // "" for no error
	}{
		{Options{Standard: "x-4"}, "needs the printing condition's ICC profile"},
		{Options{Standard: "x-4", OutputProfile: []byte("not a profile")}, "not an ICC profile"},
		{Options{Standard: "x-4", OutputProfile: assetsSRGB()}, "printer (output) profile"},
		{Options{Standard: "PDF/A-9"}, "unknown PDF standard"},
		{Options{Standard: "PDF/A-2u"}, ""},
		{Options{Standard: "none"}, ""},
	} {
		_, err := Write(&bytes.Buffer{}, iss, set, tt.opt)
		if tt.want == "" && err != nil || tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("%q: %v, want %q", tt.opt.Standard, err, tt.want)
		}
	}
}

func assetsSRGB() []byte { return assets.SRGB }

// TestColourTable: every colour the design draws with, the cover's
// included, has its print value in the table (no conversion guesses for
// them), and black is 100 K.
func TestColourTable(t *testing.T) {
	for _, c := range []rgb{black, gray, light, white, accent, quoteInk, quoteBar, codeInk, codeTint, markTint, linkColor,
		headRule, contentsRule, rgb(cover.Accent), rgb(cover.Ink), rgb(cover.Grey), rgb(cover.Paper), rgb(cover.White), rgb(cover.Shade)} {
		if _, ok := printColours[c]; !ok {
			t.Errorf("colour %v has no CMYK value in the table", c)
		}
	}
	if cmyk(black) != [4]float64{0, 0, 0, 1} || cmyk(rgb(cover.Ink)) != [4]float64{0, 0, 0, 1} {
		t.Error("black is not 100 K")
	}
	if got := cmyk(rgb{0x80, 0x80, 0x80}); got[0]+got[1]+got[2] != 0 || got[3] < 0.49 || got[3] > 0.51 {
		t.Errorf("a grey not in the table: %v, want K only", got)
	}
}

// cmykHeader is the header of a CMYK output profile, what the checks read.
func cmykHeader() []byte {
	icc := make([]byte, 132)
	icc[8] = 4
	copy(icc[12:], "prtr")
	copy(icc[16:], "CMYK")
	copy(icc[36:], "acsp")
	return icc
}
