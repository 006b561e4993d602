package pdf

import (
	"github.com/qikan-dev/qikan/export/pdf/pdfw"
)

// writeOutline writes the outline (bookmarks, PDF 32000-1 §12.3.3): one
// item per entry, each pointing at its page; entries with children are
// open, so the pane shows sections with their articles. It returns the
// outline dictionary.
func (wr *writer) writeOutline(entries []outlineEntry) pdfw.Ref {
	root := wr.pw.Alloc()
	visible := func(es []outlineEntry) int { return countEntries(es) }
	var write func(es []outlineEntry, parent pdfw.Ref) (first, last pdfw.Ref)
	write = func(es []outlineEntry, parent pdfw.Ref) (first, last pdfw.Ref) {
		refs := make([]pdfw.Ref, len(es))
		for i := range es {
			refs[i] = wr.pw.Alloc()
		}
		for i, e := range es {
			d := pdfw.D("Title", pdfw.Text(e.Title), "Parent", parent)
			if i > 0 {
				d = d.Set("Prev", refs[i-1])
			}
			if i+1 < len(es) {
				d = d.Set("Next", refs[i+1])
			}
			if len(e.Children) > 0 {
				f, l := write(e.Children, refs[i])
				d = d.Set("First", f).Set("Last", l).Set("Count", visible(e.Children))
			}
			if e.Page >= 0 && e.Page < len(wr.pages) {
				d = d.Set("Dest", pdfw.Array{wr.pages[e.Page], pdfw.Name("XYZ"), nil, nil, nil})
			}
			wr.pw.Object(refs[i], d)
		}
		return refs[0], refs[len(refs)-1]
	}
	d := pdfw.D("Type", pdfw.Name("Outlines"), "Count", 0)
	if len(entries) > 0 {
		f, l := write(entries, root)
		d = pdfw.D("Type", pdfw.Name("Outlines"), "First", f, "Last", l, "Count", visible(entries))
	}
	wr.pw.Object(root, d)
	return root
}

// countEntries is the number of entries shown when every entry is open.
func countEntries(es []outlineEntry) int {
	n := len(es)
	for _, e := range es {
		n += countEntries(e.Children)
	}
	return n
}
