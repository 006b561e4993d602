package pdf

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// The checks of output intents, colour spaces, graphics state and
// XObjects (veraPDF rules 6.2.3–6.2.10; see verapdf_test.go).

// outputIntent returns the catalog's output intents.
func outputIntents(f *pdfaFile) types.Array {
	cat, _ := f.doc.Catalog()
	a, _ := f.doc.Resolve(cat["OutputIntents"]).(types.Array)
	return a
}

func checkOutputIntent(f *pdfaFile) []error {
	var e errs
	ois := outputIntents(f)
	if len(ois) != 1 {
		e.add("%d output intents", len(ois))
	}
	for _, o := range ois {
		oi := f.doc.Dict(o)
		if s := oi.NameEntry("S"); s == nil || *s != "GTS_PDFA1" {
			e.add("output intent /S %v", oi["S"])
		}
		if oi["DestOutputProfileRef"] != nil {
			e.add("DestOutputProfileRef")
		}
		icc, d, err := f.doc.Stream(oi["DestOutputProfile"])
		if err != nil || len(icc) < 128 {
			e.add("DestOutputProfile: %v", err)
			continue
		}
		class, space := string(icc[12:16]), string(icc[16:20])
		if class != "mntr" && class != "prtr" || !map[string]bool{"RGB ": true, "CMYK": true, "GRAY": true}[space] {
			e.add("output profile class %q, colour space %q", class, space)
		}
		if n := map[string]int{"RGB ": 3, "CMYK": 4, "GRAY": 1}[space]; fmt.Sprint(d["N"]) != fmt.Sprint(n) {
			e.add("output profile N %v for %q", d["N"], space)
		}
		if icc[8] < 2 || icc[8] > 4 {
			e.add("ICC version %d", icc[8])
		}
	}
	return e
}

// intentSpace is the colour space of the output intent's profile: "RGB ",
// "CMYK" or "GRAY".
func intentSpace(f *pdfaFile) string {
	for _, o := range outputIntents(f) {
		if icc, _, err := f.doc.Stream(f.doc.Dict(o)["DestOutputProfile"]); err == nil && len(icc) >= 20 {
			return string(icc[16:20])
		}
	}
	return ""
}

func checkColourSpaces(f *pdfaFile) []error {
	var e errs
	space := intentSpace(f)
	device := func(where, cs string) {
		ok := cs == "DeviceGray" || cs == "DeviceRGB" && space == "RGB " || cs == "DeviceCMYK" && space == "CMYK"
		if !ok {
			e.add("%s: %s with a %q output intent", where, cs, space)
		}
	}
	var csOf func(where string, o types.Object)
	csOf = func(where string, o types.Object) {
		switch v := f.doc.Resolve(o).(type) {
		case types.Name:
			if strings.HasPrefix(string(v), "Device") {
				device(where, string(v))
			}
		case types.Array:
			if len(v) == 0 {
				return
			}
			switch fmt.Sprint(v[0]) {
			case "ICCBased":
				icc, d, err := f.doc.Stream(v[1])
				n := map[string]string{"RGB ": "3", "CMYK": "4", "GRAY": "1"}
				if err != nil || len(icc) < 20 || n[string(icc[16:20])] != fmt.Sprint(d["N"]) {
					e.add("%s: ICC profile does not match N %v", where, d["N"])
				}
			case "Separation", "DeviceN":
				e.add("%s: %v colour space", where, v[0])
			case "Indexed":
				csOf(where, v[1])
			}
		}
	}
	f.doc.Objects(func(n int, o types.Object) {
		d := f.doc.Dict(o)
		if t := d.NameEntry("Subtype"); t != nil && *t == "Image" && d["ColorSpace"] != nil {
			csOf(fmt.Sprintf("image %d", n), d["ColorSpace"])
		}
		if cs, ok := f.doc.Resolve(d["ColorSpace"]).(types.Dict); ok && d["Font"] != nil || ok && d["XObject"] != nil {
			for k, v := range cs {
				csOf(fmt.Sprintf("resource %s of %d", k, n), v)
			}
		}
		if g := f.doc.Dict(d["Group"]); g != nil && g["CS"] != nil {
			csOf(fmt.Sprintf("group of %d", n), g["CS"])
		}
	})
	contentOps(f.t, f.data, func(c contentOp) {
		switch c.op {
		case "rg", "RG":
			device(fmt.Sprintf("page %d %s", c.page, c.op), "DeviceRGB")
		case "k", "K":
			device(fmt.Sprintf("page %d %s", c.page, c.op), "DeviceCMYK")
		}
	})
	return e
}

func checkGraphicsState(f *pdfaFile) []error {
	var e errs
	intents := map[string]bool{"RelativeColorimetric": true, "AbsoluteColorimetric": true, "Perceptual": true, "Saturation": true}
	blends := strings.Fields("Normal Compatible Multiply Screen Overlay Darken Lighten ColorDodge ColorBurn HardLight SoftLight Difference Exclusion Hue Saturation Color Luminosity")
	f.doc.Objects(func(n int, o types.Object) {
		d := f.doc.Dict(o)
		if t := d.NameEntry("Type"); t != nil && *t == "ExtGState" || d["CA"] != nil || d["ca"] != nil || d["BM"] != nil {
			for _, k := range []string{"TR", "HTP", "HT"} {
				if d[k] != nil {
					e.add("ExtGState %d has %s", n, k)
				}
			}
			if tr2 := d["TR2"]; tr2 != nil && fmt.Sprint(tr2) != "Default" {
				e.add("ExtGState %d has TR2 %v", n, tr2)
			}
			if bm := d.NameEntry("BM"); bm != nil && !slices.Contains(blends, *bm) {
				e.add("ExtGState %d: blend mode %s", n, *bm)
			}
		}
		if ri := d.NameEntry("RI"); ri != nil && !intents[*ri] {
			e.add("object %d: rendering intent %s", n, *ri)
		}
		if ri := d.NameEntry("Intent"); ri != nil && !intents[*ri] {
			e.add("object %d: rendering intent %s", n, *ri)
		}
	})
	// 6.2.10-2: a page with transparency (a soft mask, a constant alpha
	// below 1) has a transparency group when there is no output intent;
	// qikan gives it one in any case.
	pages, _ := f.doc.Pages()
	for i, p := range pages {
		res := f.doc.Dict(p["Resources"])
		transparent := false
		for _, x := range f.doc.Dict(res["XObject"]) {
			if f.doc.Dict(x)["SMask"] != nil {
				transparent = true
			}
		}
		for _, g := range f.doc.Dict(res["ExtGState"]) {
			gd := f.doc.Dict(g)
			if ca, ok := f.doc.Resolve(gd["ca"]).(types.Float); ok && ca < 1 {
				transparent = true
			}
		}
		if transparent && f.doc.Dict(p["Group"]) == nil {
			e.add("page %d: transparency without a page group", i+1)
		}
	}
	contentOps(f.t, f.data, func(c contentOp) {
		if c.op == "ri" && len(c.args) == 1 && !intents[c.args[0].Name()] {
			e.add("page %d: ri %s", c.page, c.args[0].Name())
		}
	})
	return e
}

func checkXObjects(f *pdfaFile) []error {
	var e errs
	f.doc.Objects(func(n int, o types.Object) {
		sd, ok := o.(types.StreamDict)
		if !ok {
			return
		}
		st := sd.Dict.NameEntry("Subtype")
		if st == nil {
			return
		}
		switch *st {
		case "Image":
			for _, k := range []string{"Alternates", "OPI"} {
				if sd.Dict[k] != nil {
					e.add("image %d has %s", n, k)
				}
			}
			if b := sd.Dict.BooleanEntry("Interpolate"); b != nil && *b {
				e.add("image %d interpolates", n)
			}
			bpc := sd.Dict.IntEntry("BitsPerComponent")
			if bpc != nil && !slices.Contains([]int{1, 2, 4, 8, 16}, *bpc) {
				e.add("image %d: BitsPerComponent %d", n, *bpc)
			}
			if m := sd.Dict.BooleanEntry("ImageMask"); m != nil && *m && bpc != nil && *bpc != 1 {
				e.add("image mask %d: BitsPerComponent %d", n, *bpc)
			}
			for _, fl := range sd.FilterPipeline {
				if fl.Name == "JPXDecode" {
					e.add("image %d: JPEG2000", n)
				}
			}
		case "Form":
			if sd.Dict["OPI"] != nil || sd.Dict["Ref"] != nil || fmt.Sprint(sd.Dict["Subtype2"]) == "PS" {
				e.add("form %d: OPI, reference or PostScript", n)
			}
		case "PS":
			e.add("PostScript XObject %d", n)
		}
	})
	return e
}
