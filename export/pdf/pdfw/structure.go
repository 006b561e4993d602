package pdfw

import (
	"fmt"
	"slices"
)

// StructElem is an element of the structure tree (PDF 32000-1 §14.7.2)
// to write: a standard structure type, the element's attributes and its
// kids in reading order.
type StructElem struct {
	Type Name
	// Lang is the element's language when it differs from its parent's,
	// Alt its alternate description (Figure, Link), ActualText the text
	// it stands for; "" leaves each out.
	Lang, Alt, ActualText string
	// Attrs are attribute objects (/A), e.g. << /O /Table /Scope /Column >>.
	Attrs Array
	Kids  []StructKid
}

// StructKid is one kid of an element: a child element (Elem), marked
// content on a page (Page with MCID, and Key, the page's StructParents),
// or an annotation (Page with Obj, and Key, the annotation's
// StructParent).
type StructKid struct {
	Elem *StructElem
	Page Ref
	MCID int
	Obj  Ref
	Key  int
}

// MCR is a kid that is the marked-content sequence mcid on page, whose
// StructParents key is key.
func MCR(page Ref, key, mcid int) StructKid { return StructKid{Page: page, Key: key, MCID: mcid} }

// OBJR is a kid that is the annotation obj on page, whose StructParent
// key is key.
func OBJR(page, obj Ref, key int) StructKid { return StructKid{Page: page, Obj: obj, Key: key} }

// Elem is a kid that is a child element.
func Elem(e *StructElem) StructKid { return StructKid{Elem: e} }

// WriteStructTree writes the structure tree root at r with top (the
// Document element) as its only kid, every element, and the parent tree
// that maps each page's StructParents key to its elements by MCID and
// each annotation's StructParent key to its element. Every MCID of a page
// from 0 to the largest must belong to an element.
func (w *Writer) WriteStructTree(r Ref, top *StructElem) error {
	refs := map[*StructElem]Ref{}
	var order []*StructElem
	var number func(e *StructElem)
	number = func(e *StructElem) {
		refs[e] = w.Alloc()
		order = append(order, e)
		for _, k := range e.Kids {
			if k.Elem != nil {
				number(k.Elem)
			}
		}
	}
	number(top)
	pages := map[int][]Ref{} // StructParents key → element of each MCID
	annots := map[int]Ref{}  // StructParent key → element
	parents := map[*StructElem]Ref{top: r}
	for _, e := range order {
		for _, k := range e.Kids {
			switch {
			case k.Elem != nil:
				parents[k.Elem] = refs[e]
			case k.Obj > 0:
				if _, dup := annots[k.Key]; dup {
					return fmt.Errorf("pdfw: structure parent key %d of an annotation used twice", k.Key)
				}
				annots[k.Key] = refs[e]
			default:
				byMCID := pages[k.Key]
				for len(byMCID) <= k.MCID {
					byMCID = append(byMCID, 0)
				}
				if byMCID[k.MCID] != 0 {
					return fmt.Errorf("pdfw: marked content %d of the page with key %d in two elements", k.MCID, k.Key)
				}
				byMCID[k.MCID] = refs[e]
				pages[k.Key] = byMCID
			}
		}
	}
	for _, e := range order {
		w.Object(refs[e], e.dict(parents[e], refs))
	}
	var keys []int
	for k, byMCID := range pages {
		for mcid, ref := range byMCID {
			if ref == 0 {
				return fmt.Errorf("pdfw: marked content %d of the page with key %d in no element", mcid, k)
			}
		}
		keys = append(keys, k)
	}
	for k := range annots {
		if _, dup := pages[k]; dup {
			return fmt.Errorf("pdfw: structure parent key %d used by a page and an annotation", k)
		}
		keys = append(keys, k)
	}
	slices.Sort(keys)
	nums := make(Array, 0, 2*len(keys))
	for _, k := range keys {
		if byMCID, ok := pages[k]; ok {
			arr := make(Array, len(byMCID))
			for i, ref := range byMCID {
				arr[i] = ref
			}
			nums = append(nums, k, w.Add(arr))
		} else {
			nums = append(nums, k, annots[k])
		}
	}
	next := 0
	if len(keys) > 0 {
		next = keys[len(keys)-1] + 1
	}
	w.Object(r, D("Type", Name("StructTreeRoot"), "K", refs[top],
		"ParentTree", w.Add(D("Nums", nums)), "ParentTreeNextKey", next))
	return w.err
}

// dict is the element's dictionary: its page (/Pg) is the page of its
// first marked content, and marked content on that page is written as a
// bare MCID.
func (e *StructElem) dict(parent Ref, refs map[*StructElem]Ref) Dict {
	var pg Ref
	for _, k := range e.Kids {
		if k.Elem == nil && k.Obj == 0 {
			pg = k.Page
			break
		}
	}
	kids := make(Array, 0, len(e.Kids))
	for _, k := range e.Kids {
		switch {
		case k.Elem != nil:
			kids = append(kids, refs[k.Elem])
		case k.Obj > 0:
			kids = append(kids, D("Type", Name("OBJR"), "Pg", k.Page, "Obj", k.Obj))
		case k.Page == pg:
			kids = append(kids, k.MCID)
		default:
			kids = append(kids, D("Type", Name("MCR"), "Pg", k.Page, "MCID", k.MCID))
		}
	}
	d := D("Type", Name("StructElem"), "S", e.Type, "P", parent)
	if pg > 0 {
		d = d.Set("Pg", pg)
	}
	var k any = kids
	if len(kids) == 1 {
		k = kids[0]
	}
	if len(kids) > 0 {
		d = d.Set("K", k)
	}
	if e.Lang != "" {
		d = d.Set("Lang", Text(e.Lang))
	}
	if e.Alt != "" {
		d = d.Set("Alt", Text(e.Alt))
	}
	if e.ActualText != "" {
		d = d.Set("ActualText", Text(e.ActualText))
	}
	if len(e.Attrs) == 1 {
		d = d.Set("A", e.Attrs[0])
	} else if len(e.Attrs) > 1 {
		d = d.Set("A", e.Attrs)
	}
	return d
}
