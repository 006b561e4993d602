package pdf

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	lpdf "github.com/ledongthuc/pdf"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// The checks of annotations, actions, forbidden features, XMP metadata and
// the PDF/UA-1 structure (veraPDF rules 6.3–6.11, PDF/UA-1 5–7.18; see
// verapdf_test.go).

func checkAnnotations(f *pdfaFile) []error {
	var e errs
	pages, _ := f.doc.Pages()
	for i, p := range pages {
		if p["AA"] != nil {
			e.add("page %d has AA", i+1)
		}
		annots, _ := f.doc.Resolve(p["Annots"]).(types.Array)
		for _, a := range annots {
			d := f.doc.Dict(a)
			if st := d.NameEntry("Subtype"); st == nil || *st != "Link" {
				e.add("page %d: annotation %v", i+1, d["Subtype"])
			}
			// ISO 32000-1 §7.9.5: a rectangle is written lower left,
			// upper right (the measured PDF had them inverted).
			if r, _ := f.doc.Resolve(d["Rect"]).(types.Array); len(r) != 4 {
				e.add("page %d: annotation Rect %v", i+1, d["Rect"])
			} else if rr, err := f.doc.Ctx.XRefTable.RectForArray(r); err != nil || rr.LL.X >= rr.UR.X || rr.LL.Y >= rr.UR.Y {
				e.add("page %d: annotation Rect %v not lower left, upper right", i+1, r)
			}
			fl := d.IntEntry("F")
			// Print (4) set; Invisible 1, Hidden 2, NoView 32, ToggleNoView 256 clear.
			if fl == nil || *fl&4 == 0 || *fl&(1|2|32|256) != 0 {
				e.add("page %d: annotation flags %v", i+1, d["F"])
			}
			// 6.3.3-1: an annotation needs an appearance unless its
			// Rect has no area; a Link needs none (veraPDF exempts Popup
			// and Link). 6.3.3-2,4: an appearance is N only, a stream.
			if ap := f.doc.Dict(d["AP"]); ap != nil {
				if _, ok := f.doc.Resolve(ap["N"]).(types.StreamDict); !ok || len(ap) != 1 {
					e.add("page %d: appearance %v", i+1, ap)
				}
			}
			if act := f.doc.Dict(d["A"]); act != nil {
				if s := act.NameEntry("S"); s == nil || *s != "URI" && *s != "GoTo" {
					e.add("page %d: action %v", i+1, act["S"])
				}
			}
			if d["AA"] != nil {
				e.add("page %d: annotation with AA", i+1)
			}
		}
	}
	cat, _ := f.doc.Catalog()
	if cat["AA"] != nil || cat["OpenAction"] != nil && f.doc.Dict(cat["OpenAction"])["S"] != nil {
		e.add("catalog AA or an OpenAction that is an action")
	}
	return e
}

func checkAbsent(f *pdfaFile) []error {
	var e errs
	cat, _ := f.doc.Catalog()
	for _, k := range []string{"Perms", "AcroForm", "NeedsRendering", "OCProperties", "Requirements"} {
		if cat[k] != nil {
			e.add("catalog has %s", k)
		}
	}
	names := f.doc.Dict(cat["Names"])
	for _, k := range []string{"EmbeddedFiles", "AlternatePresentations", "JavaScript"} {
		if names[k] != nil {
			e.add("name dictionary has %s", k)
		}
	}
	pages, _ := f.doc.Pages()
	for i, p := range pages {
		if p["PresSteps"] != nil {
			e.add("page %d has PresSteps", i+1)
		}
	}
	return e
}

// xmp returns the catalog's metadata stream.
func xmp(f *pdfaFile) []byte {
	cat, _ := f.doc.Catalog()
	b, _, _ := f.doc.Stream(cat["Metadata"])
	return b
}

// xmpNamespaces are the schemas of the XMP Specification (2004) that
// PDF/A-2 predefines, by namespace, and the PDF/A ones.
var xmpNamespaces = map[string]bool{
	"http://purl.org/dc/elements/1.1/":               true,
	"http://ns.adobe.com/xap/1.0/":                   true,
	"http://ns.adobe.com/xap/1.0/rights/":            true,
	"http://ns.adobe.com/xap/1.0/mm/":                true,
	"http://ns.adobe.com/xap/1.0/sType/ResourceRef#": true,
	"http://ns.adobe.com/pdf/1.3/":                   true,
	"http://www.aiim.org/pdfa/ns/id/":                true,
	"http://www.aiim.org/pdfa/ns/extension/":         true,
	"http://www.aiim.org/pdfa/ns/schema#":            true,
	"http://www.aiim.org/pdfa/ns/property#":          true,
	"http://www.w3.org/1999/02/22-rdf-syntax-ns#":    true,
	"http://www.w3.org/XML/1998/namespace":           true,
	"adobe:ns:meta/":                                 true,
}

func checkXMP(f *pdfaFile) []error {
	var e errs
	b := xmp(f)
	if b == nil {
		return []error{fmt.Errorf("no Metadata stream in the catalog")}
	}
	head, _, _ := bytes.Cut(b, []byte("?>"))
	if bytes.Contains(head, []byte("bytes=")) || bytes.Contains(head, []byte("encoding=")) {
		e.add("packet header %q", head)
	}
	if !utf8.Valid(b) {
		e.add("XMP not UTF-8")
	}
	// Elements and attributes by namespace; the properties of the
	// pdfaid schema.
	declared := map[string]bool{}
	for _, m := range regexp.MustCompile(`<pdfaSchema:namespaceURI>([^<]*)<`).FindAllSubmatch(b, -1) {
		declared[string(m[1])] = true
	}
	props := map[string]string{}
	d := xml.NewDecoder(bytes.NewReader(b))
	var path []string
	for {
		tok, err := d.Token()
		if err != nil {
			if err.Error() != "EOF" {
				e.add("XMP not well-formed: %v", err)
			}
			break
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			ns := tok.Name.Space
			if !xmpNamespaces[ns] && !declared[ns] {
				e.add("property %s in namespace %s, neither predefined nor declared", tok.Name.Local, ns)
			}
			path = append(path, ns+" "+tok.Name.Local)
		case xml.EndElement:
			path = path[:len(path)-1]
		case xml.CharData:
			if len(path) > 0 {
				props[path[len(path)-1]] += string(tok)
			}
		}
	}
	id := "http://www.aiim.org/pdfa/ns/id/ "
	if props[id+"part"] != "2" || props[id+"conformance"] != f.part {
		e.add("pdfaid part %q conformance %q, want 2 and %s", props[id+"part"], props[id+"conformance"], f.part)
	}
	for _, p := range []string{"part", "conformance", "amd", "corr"} {
		if bytes.Contains(b, []byte(":"+p+">")) && !bytes.Contains(b, []byte("<pdfaid:"+p+">")) && !bytes.Contains(b, []byte("<pdfuaid:"+p+">")) {
			e.add("%s with a prefix other than pdfaid or pdfuaid", p)
		}
	}
	return e
}

func checkUAStructure(f *pdfaFile) []error {
	var e errs
	b := xmp(f)
	if !bytes.Contains(b, []byte("<pdfuaid:part>1</pdfuaid:part>")) || !bytes.Contains(b, []byte("<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>")) {
		e.add("no declared pdfuaid:part 1")
	}
	if !bytes.Contains(b, []byte("<dc:title>")) {
		e.add("no dc:title")
	}
	cat, _ := f.doc.Catalog()
	mi := f.doc.Dict(cat["MarkInfo"])
	if m := mi.BooleanEntry("Marked"); m == nil || !*m {
		e.add("MarkInfo %v", mi)
	}
	if s := mi.BooleanEntry("Suspects"); s != nil && *s {
		e.add("Suspects true")
	}
	if v := f.doc.Dict(cat["ViewerPreferences"]).BooleanEntry("DisplayDocTitle"); v == nil || !*v {
		e.add("no DisplayDocTitle")
	}
	root := f.doc.Dict(cat["StructTreeRoot"])
	if root == nil || root["ParentTree"] == nil {
		return append(e, fmt.Errorf("no StructTreeRoot with a ParentTree"))
	}
	if root["RoleMap"] != nil && len(f.doc.Dict(root["RoleMap"])) > 0 {
		e.add("a RoleMap (qikan writes standard types only): %v", root["RoleMap"])
	}
	standard := strings.Fields(`Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form`)
	seen := map[types.IndirectRef]bool{}
	var walk func(ref types.Object, parent types.Object, depth int)
	walk = func(ref types.Object, parent types.Object, depth int) {
		ir, ok := ref.(types.IndirectRef)
		if !ok || seen[ir] || depth > 64 {
			return
		}
		seen[ir] = true
		d := f.doc.Dict(ir)
		if t := d.NameEntry("Type"); t != nil && *t != "StructElem" {
			return // a marked-content or object reference
		}
		s := d.NameEntry("S")
		if s == nil || !slices.Contains(standard, *s) {
			e.add("structure type %v", d["S"])
		}
		if p, ok := d["P"].(types.IndirectRef); !ok || p != parent {
			e.add("%v element: /P %v, not its parent %v", d["S"], d["P"], parent)
		}
		if s != nil && *s == "Figure" && f.doc.Text(d["Alt"]) == "" && f.doc.Text(d["ActualText"]) == "" {
			e.add("Figure without Alt")
		}
		switch k := f.doc.Resolve(d["K"]).(type) {
		case types.Array:
			for _, x := range k {
				walk(x, ir, depth+1)
			}
		case types.Dict:
		default:
			walk(d["K"], ir, depth+1)
		}
	}
	rootRef, _ := cat["StructTreeRoot"].(types.IndirectRef)
	switch k := f.doc.Resolve(root["K"]).(type) {
	case types.Array:
		for _, x := range k {
			walk(x, rootRef, 0)
		}
	default:
		walk(root["K"], rootRef, 0)
	}
	if len(seen) < 3 {
		e.add("%d structure elements", len(seen))
	}
	return e
}

func checkUALinks(f *pdfaFile) []error {
	var e errs
	cat, _ := f.doc.Catalog()
	if l := f.doc.Text(cat["Lang"]); !regexp.MustCompile(`^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$`).MatchString(l) {
		e.add("catalog Lang %q", l)
	}
	pages, _ := f.doc.Pages()
	for i, p := range pages {
		annots, _ := f.doc.Resolve(p["Annots"]).(types.Array)
		if len(annots) == 0 {
			continue
		}
		if tabs := p.NameEntry("Tabs"); tabs == nil || *tabs != "S" {
			e.add("page %d: annotations without Tabs /S", i+1)
		}
		for _, a := range annots {
			d := f.doc.Dict(a)
			if f.doc.Text(d["Contents"]) == "" {
				e.add("page %d: link without Contents", i+1)
			}
			if d["StructParent"] == nil {
				e.add("page %d: link not in the structure (no StructParent)", i+1)
			}
		}
	}
	return e
}

// parentTree reads the structure tree's ParentTree (a flat Nums array,
// the way qikan writes the number tree): StructParents key → the
// elements of a page's marked content, by MCID.
func parentTree(f *pdfaFile) map[int]types.Array {
	cat, _ := f.doc.Catalog()
	pt := f.doc.Dict(f.doc.Dict(cat["StructTreeRoot"])["ParentTree"])
	nums, _ := f.doc.Resolve(pt["Nums"]).(types.Array)
	out := map[int]types.Array{}
	for k := 0; k+1 < len(nums); k += 2 {
		if n, ok := f.doc.Resolve(nums[k]).(types.Integer); ok {
			a, _ := f.doc.Resolve(nums[k+1]).(types.Array)
			out[int(n)] = a
		}
	}
	return out
}

// painting are the operators that put marks on the page.
var painting = strings.Fields(`Tj TJ ' " Do f F f* B B* b b* S s sh`)

// checkUAMarked: every mark on a page is inside marked content that is an
// artifact or has an MCID, never an artifact inside tagged content or
// tagged content inside an artifact; every MCID is in the parent tree,
// pointing at a structure element.
func checkUAMarked(f *pdfaFile) []error {
	var e errs
	pages, _ := f.doc.Pages()
	tree := parentTree(f)
	type mark struct{ artifact, mcid bool }
	var stack []mark
	inside := func(want func(mark) bool) bool {
		return slices.ContainsFunc(stack, want)
	}
	isArtifact := func(m mark) bool { return m.artifact }
	isTagged := func(m mark) bool { return m.mcid }
	page := 0
	contentOps(f.t, f.data, func(c contentOp) {
		if c.page != page {
			stack, page = nil, c.page
		}
		switch {
		case c.op == "BMC" || c.op == "BDC":
			m := mark{artifact: len(c.args) > 0 && c.args[0].Name() == "Artifact"}
			if c.op == "BDC" && len(c.args) == 2 {
				if id := c.args[1].Key("MCID"); id.Kind() == lpdf.Integer {
					m.mcid = true
					sp := pages[c.page-1].IntEntry("StructParents")
					var arr types.Array
					if sp != nil {
						arr = tree[*sp]
					}
					if n := int(id.Int64()); sp == nil || n >= len(arr) || f.doc.Dict(arr[n]).NameEntry("S") == nil {
						e.add("page %d: MCID %d not in the parent tree", c.page, n)
					}
				}
			}
			if m.artifact && inside(isTagged) {
				e.add("page %d: an artifact inside tagged content", c.page)
			}
			if m.mcid && inside(isArtifact) {
				e.add("page %d: tagged content inside an artifact", c.page)
			}
			stack = append(stack, m)
		case c.op == "EMC":
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case slices.Contains(painting, c.op):
			if !inside(isArtifact) && !inside(isTagged) {
				e.add("page %d: %s neither tagged nor an artifact", c.page, c.op)
			}
		}
	})
	return e
}
