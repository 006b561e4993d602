package pdf

import (
	"bytes"
	"fmt"

	"github.com/qikan-dev/qikan/assets"
	"github.com/qikan-dev/qikan/export/pdf/pdfw"
)

// writeCatalog writes what the catalog refers to — structure tree,
// outline, page labels, metadata, output intent — and returns cat with
// them.
func (wr *writer) writeCatalog(cat pdfw.Dict, painted []*paintedPage, annots map[*node][]annotRef) (pdfw.Dict, error) {
	tree := wr.pw.Alloc()
	top := wr.structElem(wr.doc.root, painted, annots)
	if top == nil {
		top = &pdfw.StructElem{Type: "Document", Lang: wr.doc.root.lang}
	}
	if err := wr.pw.WriteStructTree(tree, top); err != nil {
		return nil, err
	}
	outline := wr.writeOutline(wr.doc.outline)
	meta := wr.pw.AddStream(pdfw.D("Type", pdfw.Name("Metadata"), "Subtype", pdfw.Name("XML")), xmpPacket(wr.doc, wr.opt, wr.std))
	for _, e := range []pdfw.Entry{
		{Key: "PageLabels", Val: wr.pageLabels()},
		{Key: "Outlines", Val: outline},
		{Key: "PageMode", Val: pdfw.Name("UseOutlines")},
		{Key: "Metadata", Val: meta},
		{Key: "Lang", Val: pdfw.Text(wr.doc.root.lang)},
		{Key: "ViewerPreferences", Val: pdfw.D("DisplayDocTitle", true)},
		{Key: "MarkInfo", Val: pdfw.D("Marked", true)},
		{Key: "StructTreeRoot", Val: tree},
	} {
		cat = append(cat, e)
	}
	if oi, err := wr.outputIntent(); err != nil {
		return nil, err
	} else if oi != nil {
		cat = append(cat, pdfw.Entry{Key: "OutputIntents", Val: pdfw.Array{wr.pw.Add(oi)}})
	}
	return cat, nil
}

// outputIntent is the output intent of the standard: sRGB for PDF/A (the
// colour space its RGB colours are in), the user's CMYK printing
// condition for PDF/X; nil for none.
func (wr *writer) outputIntent() (pdfw.Dict, error) {
	switch {
	case wr.std.print:
		cond := wr.opt.OutputCondition
		if cond == "" {
			cond = iccDescription(wr.opt.OutputProfile)
		}
		if cond == "" {
			return nil, fmt.Errorf("name the printing condition of the output intent (--output-condition, e.g. FOGRA39): the profile does not describe itself")
		}
		profile := wr.pw.AddStream(pdfw.D("N", 4, "Filter", pdfw.Name("FlateDecode")), wr.z.Deflate(wr.opt.OutputProfile))
		return pdfw.D("Type", pdfw.Name("OutputIntent"), "S", pdfw.Name("GTS_PDFX"),
			"OutputConditionIdentifier", pdfw.Text(cond), "Info", pdfw.Text(cond),
			"RegistryName", pdfw.Text("http://www.color.org"), "DestOutputProfile", profile), nil
	case wr.std.pdfa != "":
		profile := wr.pw.AddStream(pdfw.D("N", 3, "Filter", pdfw.Name("FlateDecode")), wr.z.Deflate(assets.SRGB))
		return pdfw.D("Type", pdfw.Name("OutputIntent"), "S", pdfw.Name("GTS_PDFA1"),
			"OutputConditionIdentifier", pdfw.Text("sRGB IEC61966-2.1"), "Info", pdfw.Text("sRGB IEC61966-2.1"),
			"RegistryName", pdfw.Text("http://www.color.org"), "DestOutputProfile", profile), nil
	}
	return nil, nil
}

// iccDescription is the profile description of an ICC profile ('desc'
// tag: the ASCII text of a version 2 textDescriptionType, the first
// record of a version 4 multiLocalizedUnicodeType), "" when it has none
// or the tag cannot be read.
func iccDescription(icc []byte) string {
	if len(icc) < 132 {
		return ""
	}
	be32 := func(b []byte) int { return int(b[0])<<24 | int(b[1])<<16 | int(b[2])<<8 | int(b[3]) }
	n := be32(icc[128:])
	for i := 0; i < n && 132+12*i+12 <= len(icc); i++ {
		e := icc[132+12*i:]
		if string(e[:4]) != "desc" {
			continue
		}
		off, size := be32(e[4:]), be32(e[8:])
		if off < 0 || size < 12 || off > len(icc)-size {
			return ""
		}
		tag := icc[off : off+size]
		switch string(tag[:4]) {
		case "desc":
			l := be32(tag[8:])
			if l < 1 || 12+l > len(tag) {
				return ""
			}
			return printable(tag[12 : 12+l-1])
		case "mluc":
			if len(tag) < 28 {
				return ""
			}
			l, o := be32(tag[20:]), be32(tag[24:])
			if o < 0 || l < 0 || o > len(tag)-l {
				return ""
			}
			var b []byte
			for k := o; k+1 < o+l; k += 2 {
				if tag[k] == 0 && tag[k+1] >= 0x20 && tag[k+1] < 0x7f {
					b = append(b, tag[k+1])
				}
			}
			return string(b)
		}
	}
	return ""
}

// printable keeps the printable ASCII of b.
func printable(b []byte) string {
	return string(bytes.Map(func(r rune) rune {
		if r >= 0x20 && r < 0x7f {
			return r
		}
		return -1
	}, b))
}

// structElem turns the element n and what is below it into the structure
// elements pdfw writes: its kids in reading order (see readingKids) —
// child elements, its marked content on each page, the annotations of a
// Link. An element with nothing in it is left out.
func (wr *writer) structElem(n *node, painted []*paintedPage, annots map[*node][]annotRef) *pdfw.StructElem {
	own := map[*node][]seqPos{}
	where := map[seqPos][2]int{} // first content → page, MCID
	for pi, pp := range painted {
		for mcid, m := range pp.marks {
			own[m.node] = append(own[m.node], m.at)
			where[m.at] = [2]int{pi, mcid}
		}
	}
	first := map[*node]*seqPos{}
	var conv func(n *node) *pdfw.StructElem
	conv = func(n *node) *pdfw.StructElem {
		e := &pdfw.StructElem{Type: pdfw.Name(n.role), Lang: n.lang}
		if n.role == "Figure" {
			e.Alt = n.alt
		}
		if n.scope != "" {
			e.Attrs = pdfw.Array{pdfw.D("O", pdfw.Name("Table"), "Scope", pdfw.Name(n.scope))}
		}
		for _, k := range readingKids(n, own, first) {
			if k.node != nil {
				if c := conv(k.node); c != nil {
					e.Kids = append(e.Kids, pdfw.Elem(c))
				}
				continue
			}
			pm := where[k.at]
			e.Kids = append(e.Kids, pdfw.MCR(wr.pages[pm[0]], pm[0], pm[1]))
		}
		for _, a := range annots[n] {
			e.Kids = append(e.Kids, pdfw.OBJR(wr.pages[a.page], a.ref, a.key))
		}
		if len(e.Kids) == 0 {
			return nil
		}
		return e
	}
	return conv(n)
}
