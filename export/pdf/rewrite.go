package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/md5"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"sync"
)

// object is one indirect object of a PDF: its dictionary (or other
// value) and, for a stream, the stream's data.
type object struct {
	dict   []byte
	stream []byte // nil when the object is not a stream
}

var (
	lengthKey = regexp.MustCompile(`/Length (\d+)`)
	refRe     = regexp.MustCompile(`(\d+) 0 R`)
)

// parseObjects reads the objects of a PDF written by gopdf: a classic
// cross-reference table at startxref, objects numbered 1…n in file order,
// every stream with a direct /Length. Object i is at index i-1.
func parseObjects(b []byte) ([]object, error) {
	k := bytes.LastIndex(b, []byte("startxref\n"))
	if k < 0 {
		return nil, errors.New("gopdf output: no startxref")
	}
	end := bytes.IndexByte(b[k+10:], '\n')
	if end < 0 {
		end = len(b) - k - 10
	}
	xref, err := strconv.Atoi(string(b[k+10 : k+10+end]))
	if err != nil || xref <= 0 || xref >= len(b) {
		return nil, errors.New("gopdf output: bad startxref")
	}
	lines := bytes.Split(b[xref:], []byte("\n"))
	if len(lines) < 3 || string(lines[0]) != "xref" {
		return nil, errors.New("gopdf output: no xref table")
	}
	var first, count int
	if _, err := fmt.Sscanf(string(lines[1]), "%d %d", &first, &count); err != nil || first != 0 || count < 1 || len(lines) < count+2 {
		return nil, errors.New("gopdf output: bad xref table")
	}
	offsets := make([]int, 0, count-1)
	for _, l := range lines[3 : count+2] {
		if len(l) < 10 {
			return nil, errors.New("gopdf output: bad xref entry")
		}
		off, err := strconv.Atoi(string(l[:10]))
		if err != nil || off <= 0 || off >= xref {
			return nil, errors.New("gopdf output: bad xref entry")
		}
		offsets = append(offsets, off)
	}
	objs := make([]object, len(offsets))
	for i, off := range offsets {
		stop := xref
		if i+1 < len(offsets) {
			stop = offsets[i+1]
		}
		if stop <= off {
			return nil, fmt.Errorf("gopdf output: object %d: offsets out of order", i+1)
		}
		body := b[off:stop]
		head := []byte(strconv.Itoa(i+1) + " 0 obj\n")
		if !bytes.HasPrefix(body, head) {
			return nil, fmt.Errorf("gopdf output: object %d not where the xref says", i+1)
		}
		body = body[len(head):]
		e := bytes.LastIndex(body, []byte("endobj"))
		if e < 0 {
			return nil, fmt.Errorf("gopdf output: object %d has no endobj", i+1)
		}
		body = body[:e]
		if s := bytes.Index(body, []byte(">>\nstream\n")); s >= 0 {
			dict := body[:s+2]
			m := lengthKey.FindSubmatch(dict)
			if m == nil {
				return nil, fmt.Errorf("gopdf output: stream %d without a direct /Length", i+1)
			}
			n, _ := strconv.Atoi(string(m[1]))
			data := body[s+10:]
			if n > len(data) {
				return nil, fmt.Errorf("gopdf output: stream %d shorter than its /Length", i+1)
			}
			objs[i] = object{dict: dict, stream: data[:n]}
			continue
		}
		objs[i] = object{dict: bytes.TrimRight(body, "\n")}
	}
	return objs, nil
}

// pdfWriter writes objects and the cross-reference table.
type pdfWriter struct {
	buf     bytes.Buffer
	offsets []int // offset of object i+1
}

// compressed returns obj with its stream Flate-compressed, unless it is
// already filtered. Writers come from pool (zlib writers are large).
func compressed(obj object, pool *sync.Pool) (object, error) {
	if obj.stream == nil || bytes.Contains(obj.dict, []byte("/Filter")) {
		return obj, nil
	}
	var z bytes.Buffer
	z.Grow(len(obj.stream) / 3)
	zw, _ := pool.Get().(*zlib.Writer)
	if zw == nil {
		zw, _ = zlib.NewWriterLevel(&z, zlib.BestSpeed)
	} else {
		zw.Reset(&z)
	}
	defer pool.Put(zw)
	if _, err := zw.Write(obj.stream); err != nil {
		return obj, err
	}
	if err := zw.Close(); err != nil {
		return obj, err
	}
	d := bytes.TrimSuffix(bytes.TrimSpace(obj.dict), []byte(">>"))
	obj.dict = append(append([]byte{}, d...), []byte("/Filter /FlateDecode\n>>")...)
	obj.stream = z.Bytes()
	return obj, nil
}

// write writes the objects in order, numbered from 1.
func (w *pdfWriter) write(objs []object) {
	w.buf.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	for i, o := range objs {
		w.offsets = append(w.offsets, w.buf.Len())
		fmt.Fprintf(&w.buf, "%d 0 obj\n", i+1)
		if o.stream == nil {
			w.buf.Write(o.dict)
			w.buf.WriteString("\nendobj\n")
			continue
		}
		w.buf.Write(lengthKey.ReplaceAll(o.dict, []byte("/Length "+strconv.Itoa(len(o.stream)))))
		w.buf.WriteString("\nstream\n")
		w.buf.Write(o.stream)
		w.buf.WriteString("\nendstream\nendobj\n")
	}
}

// trailer writes the cross-reference table and the trailer. The file
// identifier is the MD5 of everything before it, so the same document
// always gets the same identifier.
func (w *pdfWriter) trailer(root, info int) {
	id := md5.Sum(w.buf.Bytes())
	xref := w.buf.Len()
	fmt.Fprintf(&w.buf, "xref\n0 %d\n0000000000 65535 f \n", len(w.offsets)+1)
	for _, off := range w.offsets {
		fmt.Fprintf(&w.buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&w.buf, "trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%x> <%x>] >>\nstartxref\n%d\n%%%%EOF\n",
		len(w.offsets)+1, root, info, id, id, xref)
}
