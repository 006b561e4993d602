package pdf

import (
	"bufio"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"sync"

	"github.com/qikan-dev/qikan/export/pdf/pdfw"
	"github.com/qikan-dev/qikan/fonts"
)

// writer draws a composed document with package pdfw and writes the file:
// fonts subset and compressed, images read and pages painted in parallel,
// then every object written in order.
type writer struct {
	doc *document
	opt Options
	std standard
	geo geometry
	z   *pdfw.Deflater
	pw  *pdfw.Writer

	fonts  map[*fonts.Face]*embeddedFont
	order  []*embeddedFont // in first-use order
	images map[string]*embeddedImage
	imgs   []*embeddedImage // in first-use order
	// reading bounds the memory of the image files being read
	reading *budget

	pages     []pdfw.Ref
	resources pdfw.Ref
}

// embeddedFont is one face, subset to the characters drawn with it.
type embeddedFont struct {
	face  *fonts.Face
	name  pdfw.Name // resource name, F1 …
	ref   pdfw.Ref
	base  string // PostScript name with subset tag
	runes []rune
	gids  map[rune]uint16
	ttf   []byte
	done  chan struct{}
	z     []byte // ttf compressed, once done is closed
}

// write writes doc to w in the standard std.
func write(w io.Writer, doc *document, opt Options, std standard) error {
	resolveRefs(doc)
	if err := checkContent(doc); err != nil {
		return err
	}
	wr := &writer{doc: doc, opt: opt, std: std, geo: doc.geo, z: &pdfw.Deflater{}}
	if err := wr.subsetFonts(); err != nil {
		return err
	}
	wr.readImages()
	bw := bufio.NewWriterSize(w, 256<<10)
	wr.pw = pdfw.NewWriter(bw, std.version, wr.z)
	catalog, pageTree := wr.pw.Alloc(), wr.pw.Alloc()
	wr.resources = wr.pw.Alloc()
	for range doc.pages {
		wr.pages = append(wr.pages, wr.pw.Alloc())
	}
	for _, f := range wr.order {
		f.ref = wr.pw.Alloc()
	}
	for _, im := range wr.imgs {
		im.ref = wr.pw.Alloc()
	}
	painted := make([]*paintedPage, len(doc.pages))
	if err := parallel(len(doc.pages), func(i int) error {
		var err error
		painted[i], err = wr.paint(i)
		return err
	}); err != nil {
		return err
	}
	annots := wr.writePages(pageTree, painted)
	if err := wr.writeResources(); err != nil {
		return err
	}
	cat, err := wr.writeCatalog(pdfw.D("Type", pdfw.Name("Catalog"), "Pages", pageTree), painted, annots)
	if err != nil {
		return err
	}
	wr.pw.Object(catalog, cat)
	info := wr.pw.Add(infoDict(doc, opt, std))
	if err := wr.pw.Close(catalog, info); err != nil {
		return err
	}
	return bw.Flush()
}

// checkContent makes sure every text is tagged or an artifact (see node).
func checkContent(doc *document) error {
	for i, p := range doc.pages {
		for _, t := range p.texts {
			if t.tag == nil && t.artifact == content {
				return fmt.Errorf("page %d: text %q belongs to no structure element (compose must tag it or mark it as an artifact)", i+1, t.text)
			}
		}
		for _, it := range p.items {
			if it.kind == imageItem && it.tag == nil && it.artifact == content {
				return fmt.Errorf("page %d: image %s belongs to no structure element", i+1, it.img.Rel)
			}
		}
	}
	return nil
}

// subsetFonts subsets every face to the characters drawn with it, in
// parallel, and starts compressing the subsets.
func (wr *writer) subsetFonts() error {
	wr.fonts = map[*fonts.Face]*embeddedFont{}
	used := map[*fonts.Face]map[rune]bool{}
	for _, p := range wr.doc.pages {
		for _, t := range p.texts {
			f := wr.fonts[t.face]
			if f == nil {
				f = &embeddedFont{face: t.face, done: make(chan struct{})}
				wr.fonts[t.face] = f
				wr.order = append(wr.order, f)
				used[t.face] = map[rune]bool{}
			}
			for _, r := range t.text {
				if !t.missing {
					used[t.face][r] = true
				}
			}
			for _, r := range []rune{t.space, t.trail} {
				if r != 0 && !t.missing {
					used[t.face][r] = true
				}
			}
		}
	}
	if err := parallel(len(wr.order), func(i int) error {
		f := wr.order[i]
		for r := range used[f.face] {
			f.runes = append(f.runes, r)
		}
		slices.Sort(f.runes)
		var err error
		f.ttf, f.gids, err = fonts.SubsetTTF(f.face, f.runes)
		return err
	}); err != nil {
		return err
	}
	// A face none of whose characters has a glyph is not embedded.
	wr.order = slices.DeleteFunc(wr.order, func(f *embeddedFont) bool { return len(f.gids) == 0 })
	names := map[string]bool{}
	for i, f := range wr.order {
		f.name = pdfw.Name("F" + strconv.Itoa(i+1))
		base := f.face.PostScriptName()
		if sys := f.face.LangSysTag(); sys != "" {
			base += "-" + sys // the regional forms of one font: a subset each
		}
		name := base
		for k := 2; names[name]; k++ {
			name = base + "-" + strconv.Itoa(k)
		}
		names[name] = true
		f.base = subsetTag(name, f.runes) + "+" + name
		go func() {
			defer close(f.done)
			f.z = wr.z.Deflate(f.ttf)
		}()
	}
	return nil
}

// writeResources writes the resources every page shares: fonts, images
// and the registration colour space of crop marks.
func (wr *writer) writeResources() error {
	fontRes, xobjRes := pdfw.Dict{}, pdfw.Dict{}
	for _, f := range wr.order {
		<-f.done
		d := f.face.Descriptor()
		em := func(v float64) float64 { return v * 1000 }
		var glyphs []pdfw.FontGlyph
		seen := map[uint16]bool{}
		for _, r := range f.runes {
			g, ok := f.gids[r]
			if !ok || seen[g] {
				continue
			}
			seen[g] = true
			glyphs = append(glyphs, pdfw.FontGlyph{ID: g, Width: em(f.face.Advance(r)), Text: string(r)})
		}
		err := wr.pw.WriteFont(f.ref, &pdfw.Font{
			BaseFont: f.base, Program: f.z, Length1: len(f.ttf), Glyphs: glyphs,
			Ascent: em(f.face.Ascent()), Descent: -em(f.face.Descent()), CapHeight: em(d.CapHeight),
			ItalicAngle: d.ItalicAngle, FixedPitch: d.FixedPitch,
			BBox: [4]float64{em(d.BBox[0]), em(d.BBox[1]), em(d.BBox[2]), em(d.BBox[3])},
		}, wr.z)
		if err != nil {
			return err
		}
		fontRes = append(fontRes, pdfw.Entry{Key: f.name, Val: f.ref})
	}
	icc := map[string]pdfw.Ref{}
	for _, im := range wr.imgs {
		if err := wr.writeImage(im, icc); err != nil {
			return err
		}
		xobjRes = append(xobjRes, pdfw.Entry{Key: im.name, Val: im.ref})
	}
	res := pdfw.D("ProcSet", pdfw.Array{pdfw.Name("PDF"), pdfw.Name("Text"), pdfw.Name("ImageB"), pdfw.Name("ImageC")})
	if len(fontRes) > 0 {
		res = res.Set("Font", fontRes)
	}
	if len(xobjRes) > 0 {
		res = res.Set("XObject", xobjRes)
	}
	if wr.geo.marks > 0 {
		res = res.Set("ColorSpace", pdfw.D(registration, wr.registrationSpace()))
	}
	wr.pw.Object(wr.resources, res)
	return nil
}

// registration is the resource name of the colour space of crop marks.
const registration = pdfw.Name("All")

// registrationSpace is the Separation /All colour space crop marks are
// drawn in: they print on every plate. Its alternate space is CMYK for
// print and grey otherwise (PDF/A allows DeviceGray with any output
// intent).
func (wr *writer) registrationSpace() pdfw.Array {
	alt, c0, c1 := pdfw.Name("DeviceGray"), pdfw.Array{1}, pdfw.Array{0}
	if wr.std.print {
		alt, c0, c1 = "DeviceCMYK", pdfw.Array{0, 0, 0, 0}, pdfw.Array{1, 1, 1, 1}
	}
	return pdfw.Array{pdfw.Name("Separation"), pdfw.Name("All"), alt,
		pdfw.D("FunctionType", 2, "Domain", pdfw.Array{0, 1}, "C0", c0, "C1", c1, "N", 1)}
}

// iccStream writes an ICC profile once, however many images use it.
func (wr *writer) iccStream(profile []byte, n int, written map[string]pdfw.Ref) pdfw.Ref {
	key := fmt.Sprintf("%x", sha256.Sum256(profile))
	if r, ok := written[key]; ok {
		return r
	}
	r := wr.pw.AddStream(pdfw.D("N", n, "Filter", pdfw.Name("FlateDecode")), wr.z.Deflate(profile))
	written[key] = r
	return r
}

// parallel calls f(0) … f(n-1) on GOMAXPROCS goroutines and returns the
// errors joined.
func parallel(n int, f func(i int) error) error {
	errs := make([]error, n)
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				errs[i] = f(i)
			}
		}()
	}
	for i := range n {
		work <- i
	}
	close(work)
	wg.Wait()
	return errors.Join(errs...)
}

// resolveRefs fills in the page numbers of the contents, now that every
// page is composed: the number is right-aligned at the item's x.
func resolveRefs(doc *document) {
	for _, p := range doc.pages {
		for i, t := range p.texts {
			if t.pageRef == "" {
				continue
			}
			n, ok := doc.start[t.pageRef]
			if !ok {
				continue
			}
			t.text = strconv.Itoa(n + 1)
			t.x -= naturalWidth(t.face, t.text, t.size)
			t.pageRef = ""
			p.texts[i] = t
		}
	}
}

// subsetTag derives six capital letters from the font name and the
// characters of the subset (PDF 32000-1 §9.6.4): the same subset always
// gets the same tag.
func subsetTag(name string, runes []rune) string {
	h := sha256.New()
	h.Write([]byte(name))
	for _, r := range runes {
		h.Write([]byte(string(r)))
	}
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

// pageBox is a page box in PDF coordinates.
func pageBox(x0, y0, x1, y1 float64) pdfw.Array { return pdfw.Array{x0, y0, x1, y1} }
