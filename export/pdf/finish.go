package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
)

// finish completes gopdf's output into the final PDF: page boxes on
// every page, synthetic bold and oblique, the outline, the document information and
// XMP metadata, /Lang and /PageMode in the catalog, compressed content
// streams and a deterministic file identifier. gopdf has no API for
// these; its output is regular enough (see parseObjects) to be rewritten
// object by object.
func finish(w io.Writer, d *drawing, doc *document, opt Options) error {
	objs, err := parseObjects(d.pdf)
	if err != nil {
		return err
	}
	if len(objs) < 2 || !bytes.Contains(objs[0].dict, []byte("/Type /Catalog")) {
		return fmt.Errorf("gopdf output: object 1 is not the catalog")
	}
	kids := refRe.FindAllSubmatch(objs[1].dict, -1)
	if len(kids) != len(doc.pages) {
		return fmt.Errorf("gopdf output: %d pages, composed %d", len(kids), len(doc.pages))
	}
	pageIDs := make([]int, len(kids))
	for i, k := range kids {
		pageIDs[i], _ = strconv.Atoi(string(k[1]))
	}
	outlinesID := 0
	for i, o := range objs {
		if bytes.Contains(o.dict, []byte("/Type /Outlines")) {
			outlinesID = i + 1
		}
	}
	if outlinesID == 0 {
		objs = append(objs, object{})
		outlinesID = len(objs)
	}

	boxes := pageBoxes(doc.geo)
	isContent := map[int]bool{}
	for _, id := range pageIDs {
		o := &objs[id-1]
		refs := refRe.FindAllSubmatch(contentsOf(o.dict), -1)
		for _, m := range refs {
			n, _ := strconv.Atoi(string(m[1]))
			isContent[n] = true
		}
		if len(refs) == 0 {
			// gopdf writes an empty /Contents for a page it drew nothing on.
			o.dict = bytes.Replace(o.dict, []byte("/Contents \n"), nil, 1)
		}
		d := bytes.TrimSuffix(bytes.TrimSpace(o.dict), []byte(">>"))
		o.dict = append(append(make([]byte, 0, len(d)+len(boxes)+2), d...), boxes+">>"...)
	}
	fixToUnicode(objs)
	if err := embedFonts(objs, d.fonts); err != nil {
		return err
	}
	var zpool sync.Pool
	if err := parallel(len(objs), func(i int) error {
		if isContent[i+1] && objs[i].stream != nil {
			objs[i].stream = applyMarkedStyles(objs[i].stream, d.styles)
		}
		var err error
		objs[i], err = compressed(objs[i], &zpool)
		return err
	}); err != nil {
		return err
	}

	// Outline, metadata and information dictionary.
	objs = appendOutline(objs, outlinesID, doc.outline, pageIDs)
	meta := documentMeta(doc, opt)
	objs = append(objs, object{dict: []byte(fmt.Sprintf("<< /Type /Metadata /Subtype /XML /Length %d >>", len(meta.xmp))), stream: []byte(meta.xmp)})
	metaID := len(objs)
	objs = append(objs, object{dict: []byte(meta.info)})
	infoID := len(objs)
	objs[0].dict = []byte(fmt.Sprintf("<< /Type /Catalog /Pages 2 0 R /Outlines %d 0 R /PageMode /UseOutlines "+
		"/Metadata %d 0 R /Lang %s /ViewerPreferences << /DisplayDocTitle true >> >>",
		outlinesID, metaID, pdfString(meta.lang)))

	var pw pdfWriter
	size := len(d.pdf) // the file shrinks as its content streams are compressed …
	for _, p := range d.fonts {
		size += len(p.z) // … and grows by the real fonts
	}
	pw.buf.Grow(size)
	pw.write(objs)
	pw.trailer(1, infoID)
	_, err = w.Write(pw.buf.Bytes())
	return err
}

// parallel calls f(0) … f(n-1) on GOMAXPROCS goroutines and returns the
// first error.
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

// contentsOf returns the value of a page dictionary's /Contents entry.
func contentsOf(dict []byte) []byte {
	i := bytes.Index(dict, []byte("/Contents"))
	if i < 0 {
		return nil
	}
	rest := dict[i+9:]
	if j := bytes.IndexByte(rest, '\n'); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

// pageBoxes is the box entries of every page: MediaBox includes the
// crop-mark margin, BleedBox is the trim box grown by the bleed, TrimBox
// the finished page.
func pageBoxes(g geometry) string {
	m, o := g.marks, g.origin()
	return fmt.Sprintf("/MediaBox [0 0 %s %s] /BleedBox [%s %s %s %s] /TrimBox [%s %s %s %s]\n",
		num(g.mediaW()), num(g.mediaH()),
		num(m), num(m), num(g.mediaW()-m), num(g.mediaH()-m),
		num(o), num(o), num(o+g.trimW), num(o+g.trimH))
}

// num formats a PDF number with at most three decimals.
func num(v float64) string {
	s := strconv.FormatFloat(v, 'f', 3, 64)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// applyMarkedStyles rewrites the text objects that gopdf drew with a
// marker colour (styleMarker), inside q … Q so nothing leaks into what
// follows: they get their real colour; bold ones a stroke width and text
// render mode 2 (fill, then stroke the outlines); oblique ones a sheared
// text matrix (slant).
func applyMarkedStyles(stream []byte, styles []markedStyle) []byte {
	marker := []byte(fmt.Sprintf("%.2f ", float64(styleMarker)/100))
	if !bytes.Contains(stream, marker) {
		return stream
	}
	var out bytes.Buffer
	out.Grow(len(stream) + len(stream)/8)
	rest := stream
	for len(rest) > 0 {
		bt := bytes.Index(rest, []byte("BT\n"))
		if bt < 0 {
			out.Write(rest)
			break
		}
		et := bytes.Index(rest[bt:], []byte("ET\n"))
		if et < 0 {
			out.Write(rest)
			break
		}
		et += bt + 3
		block := rest[bt:et]
		m := bytes.Index(block, marker)
		if m < 0 || (m > 0 && block[m-1] != '\n') {
			out.Write(rest[:et])
			rest = rest[et:]
			continue
		}
		lineEnd := bytes.IndexByte(block[m:], '\n') + m
		var c, mm, y, k float64
		if _, err := fmt.Sscanf(string(block[m:lineEnd]), "%f %f %f %f k", &c, &mm, &y, &k); err != nil {
			out.Write(rest[:et])
			rest = rest[et:]
			continue
		}
		idx := int(mm*100+0.5)<<16 | int(y*100+0.5)<<8 | int(k*100+0.5)
		if idx >= len(styles) {
			out.Write(rest[:et])
			rest = rest[et:]
			continue
		}
		bs := styles[idx]
		out.Write(rest[:bt])
		out.WriteString("q\n")
		head := block[:m]
		if bs.oblique {
			head = slant(head)
		}
		out.Write(head)
		r, g, b := float64(bs.color.R)/255, float64(bs.color.G)/255, float64(bs.color.B)/255
		if bs.width > 0 {
			fmt.Fprintf(&out, "%.3f %.3f %.3f rg %.3f %.3f %.3f RG %s w 2 Tr", r, g, b, r, g, b, num(bs.width))
		} else {
			fmt.Fprintf(&out, "%.3f %.3f %.3f rg", r, g, b)
		}
		out.Write(block[lineEnd:])
		out.WriteString("Q\n")
		rest = rest[et:]
	}
	return out.Bytes()
}

// slant turns the "x y TD" that starts a text object gopdf writes into a
// text matrix sheared by obliqueSkew at the same point: at the start of a
// text object, x y TD is 1 0 0 1 x y Tm.
func slant(head []byte) []byte {
	body, ok := bytes.CutPrefix(head, []byte("BT\n"))
	if !ok {
		return head
	}
	line, rest, ok := bytes.Cut(body, []byte("\n"))
	if !ok {
		return head
	}
	f := strings.Fields(string(line))
	if len(f) != 3 || f[2] != "TD" {
		return head
	}
	out := fmt.Appendf(nil, "BT\n1 0 %s 1 %s %s Tm\n", num(obliqueSkew), f[0], f[1])
	return append(out, rest...)
}

var (
	fontNameRe  = regexp.MustCompile(`/FontName /(\S+)`)
	fontFile2Re = regexp.MustCompile(`/FontFile2 (\d+) 0 R`)
)

// embedFonts puts each font program in place of the font file gopdf wrote
// for its hollow copy (see fontProgram).
func embedFonts(objs []object, programs []*fontProgram) error {
	byName := map[string]*fontProgram{}
	for _, p := range programs {
		byName[p.name] = p
	}
	placed := 0
	for _, o := range objs {
		if !bytes.Contains(o.dict, []byte("/Type /FontDescriptor")) {
			continue
		}
		name, file := fontNameRe.FindSubmatch(o.dict), fontFile2Re.FindSubmatch(o.dict)
		if name == nil || file == nil {
			return fmt.Errorf("gopdf output: font descriptor without /FontName or /FontFile2")
		}
		p := byName[string(name[1])]
		id, _ := strconv.Atoi(string(file[1]))
		if p == nil || id < 1 || id > len(objs) || objs[id-1].stream == nil {
			return fmt.Errorf("gopdf output: font %s: no font file to replace", name[1])
		}
		<-p.done
		if p.err != nil {
			return fmt.Errorf("font %s: %w", p.name, p.err)
		}
		objs[id-1] = object{dict: []byte(fmt.Sprintf("<< /Length %d /Filter /FlateDecode /Length1 %d >>", len(p.z), len(p.ttf))), stream: p.z}
		placed++
	}
	if placed != len(programs) {
		return fmt.Errorf("gopdf output: %d font descriptors for %d fonts", placed, len(programs))
	}
	return nil
}
