package pdf

import (
	"github.com/qikan-dev/qikan/export/pdf/pdfw"
)

// annotRef is a link annotation as the structure tree lists it.
type annotRef struct {
	page int
	ref  pdfw.Ref
	key  int // StructParent
}

// writePages writes the page tree, every page with its content stream
// and its link annotations, and returns the annotations of each Link
// element.
func (wr *writer) writePages(tree pdfw.Ref, painted []*paintedPage) map[*node][]annotRef {
	g := wr.geo
	m, o := g.marks, g.origin()
	media := pageBox(0, 0, g.mediaW(), g.mediaH())
	bleed := pageBox(m, m, g.mediaW()-m, g.mediaH()-m)
	trim := pageBox(o, o, o+g.trimW, o+g.trimH)
	annots := map[*node][]annotRef{}
	key := len(wr.pages) // StructParent keys of annotations follow the pages'
	kids := make(pdfw.Array, len(wr.pages))
	for i, pp := range painted {
		kids[i] = wr.pages[i]
		contents := wr.pw.AddStream(pdfw.D("Filter", pdfw.Name("FlateDecode")), pp.content)
		d := pdfw.D("Type", pdfw.Name("Page"), "Parent", tree, "MediaBox", media, "BleedBox", bleed,
			"TrimBox", trim, "Resources", wr.resources, "Contents", contents, "StructParents", i)
		var links pdfw.Array
		if !wr.std.print { // a print file has no links (PDF/X: none inside the bleed box)
			for _, it := range pp.links {
				a, ok := wr.linkAnnot(it, i, key)
				if !ok {
					continue
				}
				r := wr.pw.Add(a)
				links = append(links, r)
				annots[it.tag] = append(annots[it.tag], annotRef{page: i, ref: r, key: key})
				key++
			}
		}
		if len(links) > 0 {
			d = d.Set("Annots", links).Set("Tabs", pdfw.Name("S"))
		}
		if pp.transparent {
			cs := pdfw.Name("DeviceRGB")
			if wr.std.print {
				cs = "DeviceCMYK"
			}
			d = d.Set("Group", pdfw.D("Type", pdfw.Name("Group"), "S", pdfw.Name("Transparency"), "CS", cs))
		}
		wr.pw.Object(wr.pages[i], d)
	}
	wr.pw.Object(tree, pdfw.D("Type", pdfw.Name("Pages"), "Kids", kids, "Count", len(kids)))
	return annots
}

// linkAnnot is the annotation of a link area on page i: printable (PDF/A),
// without a border, described by its Link element's text (PDF/UA), with
// a URI action or a destination in the document; ok is false for an
// internal link to nowhere.
func (wr *writer) linkAnnot(it item, i, key int) (pdfw.Dict, bool) {
	x0, y0 := wr.x(it.x), wr.y(it.y+it.h)
	x1, y1 := wr.x(it.x+it.w), wr.y(it.y)
	d := pdfw.D("Type", pdfw.Name("Annot"), "Subtype", pdfw.Name("Link"),
		"Rect", pdfw.Array{min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)},
		"F", 4, "Border", pdfw.Array{0, 0, 0}, "P", wr.pages[i])
	if it.tag != nil && it.tag.alt != "" {
		d = d.Set("Contents", pdfw.Text(it.tag.alt))
	}
	d = d.Set("StructParent", key)
	if it.url != "" {
		return d.Set("A", pdfw.D("S", pdfw.Name("URI"), "URI", pdfw.Text(it.url))), true
	}
	pg, ok := wr.doc.start[it.dest]
	if !ok {
		return nil, false
	}
	return d.Set("Dest", pdfw.Array{wr.pages[pg], pdfw.Name("XYZ"), nil, nil, nil}), true
}

// pageLabels numbers the pages as their folios do (PDF 32000-1 §12.4.2):
// the cover, contents and colophon are labelled by name, not numbered
// (a contents of three pages is 目录, 目录 2, 目录 3, so that every label
// names one page); every other page is numbered with its folio, the PDF's
// own page number.
func (wr *writer) pageLabels() pdfw.Dict {
	var nums pdfw.Array
	prev, run := "", 0 // run: pages of the named part so far
	for i, p := range wr.doc.pages {
		label := ""
		switch p.kind {
		case coverPage:
			label = wr.doc.lang.Labels.Cover
		case contentsPage:
			label = wr.doc.lang.Labels.Contents
		case colophonPage:
			label = wr.doc.lang.Labels.Colophon
		}
		switch {
		case label != "" && label == prev: // its second page numbers the rest
			if run++; run == 2 {
				nums = append(nums, i, pdfw.D("P", pdfw.Text(label+" "), "S", pdfw.Name("D"), "St", 2))
			}
		case label != "":
			run = 1
			nums = append(nums, i, pdfw.D("P", pdfw.Text(label)))
		case prev != "" || i == 0:
			nums = append(nums, i, pdfw.D("S", pdfw.Name("D"), "St", i+1))
		}
		prev = label
	}
	return pdfw.D("Nums", nums)
}
