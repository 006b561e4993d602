package pdfw

import (
	"bytes"
	"compress/zlib"
	"crypto/md5"
	"errors"
	"fmt"
	"hash"
	"io"
	"strconv"
	"sync"
)

// Writer writes a PDF file (PDF 32000-1 §7.5) object by object to an
// io.Writer: the header, indirect objects in any order, then a classic
// cross-reference table and the trailer. Object numbers are handed out by
// Alloc, so objects can refer to objects written later. The file
// identifier is the MD5 of everything before the cross-reference table:
// the same objects always give the same bytes. A Writer is not safe for
// concurrent use.
type Writer struct {
	w       io.Writer
	hash    hash.Hash
	n       int64   // bytes written
	offsets []int64 // offset of object i+1; -1 while not written
	err     error
	buf     []byte

	// With object streams, objects that are not streams are gathered
	// into compressed object streams (§7.5.7) and the cross-reference
	// table is a stream (§7.5.8).
	z       *Deflater
	packed  map[Ref][2]int // object → its object stream and index in it
	pending []packedObject
}

// packedObject is an object waiting for its object stream.
type packedObject struct {
	ref  Ref
	data []byte
}

// objectsPerStream is how many objects an object stream holds.
const objectsPerStream = 200

// NewWriter starts a PDF of the given version ("1.7") on w: the header,
// then a comment of four bytes above 127 that marks the file as binary
// (PDF/A-2 §6.1.2). With z, objects that are not streams go into object
// streams compressed by z (PDF 1.5 and later).
func NewWriter(w io.Writer, version string, z *Deflater) *Writer {
	pw := &Writer{w: w, hash: md5.New(), z: z}
	if z != nil {
		pw.packed = map[Ref][2]int{}
	}
	pw.write([]byte("%PDF-" + version + "\n%\xe2\xe3\xcf\xd3\n"))
	return pw
}

func (w *Writer) write(b []byte) {
	if w.err != nil {
		return
	}
	n, err := w.w.Write(b)
	w.hash.Write(b[:n])
	w.n += int64(n)
	w.err = err
}

// Alloc reserves the next object number.
func (w *Writer) Alloc() Ref {
	w.offsets = append(w.offsets, -1)
	return Ref(len(w.offsets))
}

// start begins object r, which must have been allocated and not written.
func (w *Writer) start(r Ref) {
	if w.err != nil {
		return
	}
	if r < 1 || int(r) > len(w.offsets) || w.offsets[r-1] >= 0 {
		w.err = fmt.Errorf("pdfw: object %d not allocated or written twice", r)
		return
	}
	w.offsets[r-1] = w.n
	w.buf = strconv.AppendInt(w.buf[:0], int64(r), 10)
	w.buf = append(w.buf, " 0 obj\n"...)
}

// Object writes object r with value v.
func (w *Writer) Object(r Ref, v any) {
	if w.z != nil {
		if r < 1 || int(r) > len(w.offsets) || w.offsets[r-1] >= 0 {
			w.err = fmt.Errorf("pdfw: object %d not allocated or written twice", r)
			return
		}
		w.offsets[r-1] = 0 // written, into an object stream
		w.pending = append(w.pending, packedObject{r, AppendValue(nil, v)})
		if len(w.pending) == objectsPerStream {
			w.flushObjects()
		}
		return
	}
	w.start(r)
	if w.err != nil {
		return
	}
	w.buf = AppendValue(w.buf, v)
	w.buf = append(w.buf, "\nendobj\n"...)
	w.write(w.buf)
}

// flushObjects writes the pending objects as one object stream.
func (w *Writer) flushObjects() {
	if len(w.pending) == 0 {
		return
	}
	var head, body []byte
	stm := w.Alloc()
	for i, o := range w.pending {
		head = strconv.AppendInt(head, int64(o.ref), 10)
		head = append(head, ' ')
		head = strconv.AppendInt(head, int64(len(body)), 10)
		head = append(head, ' ')
		body = append(body, o.data...)
		body = append(body, '\n')
		w.packed[o.ref] = [2]int{int(stm), i}
	}
	n := len(w.pending)
	w.pending = w.pending[:0]
	w.Stream(stm, D("Type", Name("ObjStm"), "N", n, "First", len(head), "Filter", Name("FlateDecode")),
		w.z.Deflate(append(head, body...)))
}

// Add allocates an object, writes v into it and returns its reference.
func (w *Writer) Add(v any) Ref {
	r := w.Alloc()
	w.Object(r, v)
	return r
}

// Stream writes object r as a stream of data with dictionary d, whose
// /Length it sets. data is written as it is: a filtered stream names its
// filter in d.
func (w *Writer) Stream(r Ref, d Dict, data []byte) {
	w.start(r)
	if w.err != nil {
		return
	}
	w.buf = AppendValue(w.buf, d.Set("Length", len(data)))
	w.buf = append(w.buf, "\nstream\n"...)
	w.write(w.buf)
	w.write(data)
	w.write([]byte("\nendstream\nendobj\n"))
}

// AddStream allocates an object, writes a stream into it and returns its
// reference.
func (w *Writer) AddStream(d Dict, data []byte) Ref {
	r := w.Alloc()
	w.Stream(r, d, data)
	return r
}

// Close writes the cross-reference table and the trailer, with the
// catalog root, the document information info (0 for none) and the file
// identifier. Every allocated object must have been written.
func (w *Writer) Close(root, info Ref) error {
	if w.err != nil {
		return w.err
	}
	for i, off := range w.offsets {
		if off < 0 {
			return fmt.Errorf("pdfw: object %d allocated but never written", i+1)
		}
	}
	if root < 1 {
		return errors.New("pdfw: no catalog")
	}
	if w.z != nil {
		return w.closeStream(root, info)
	}
	id := Bytes(w.hash.Sum(nil))
	xref := w.n
	var b bytes.Buffer
	b.Grow(20*len(w.offsets) + 200)
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(w.offsets)+1)
	for _, off := range w.offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	trailer := D("Size", len(w.offsets)+1, "Root", root)
	if info > 0 {
		trailer = trailer.Set("Info", info)
	}
	trailer = trailer.Set("ID", Array{id, id})
	b.WriteString("trailer\n")
	b.Write(AppendValue(nil, trailer))
	fmt.Fprintf(&b, "\nstartxref\n%d\n%%%%EOF\n", xref)
	w.write(b.Bytes())
	return w.err
}

// closeStream ends a file with object streams: the last object stream,
// then the cross-reference stream with the trailer's entries.
func (w *Writer) closeStream(root, info Ref) error {
	w.flushObjects()
	id := Bytes(w.hash.Sum(nil))
	xref := w.Alloc()
	w.offsets[xref-1] = w.n
	size := len(w.offsets) + 1
	// Entries of 1 + 4 + 2 bytes: type, offset or object stream, index.
	rows := make([]byte, 0, 7*size)
	rows = append(rows, 0, 0, 0, 0, 0, 0xff, 0xff)
	for i, off := range w.offsets {
		if p, ok := w.packed[Ref(i+1)]; ok {
			rows = append(rows, 2, byte(p[0]>>24), byte(p[0]>>16), byte(p[0]>>8), byte(p[0]), byte(p[1]>>8), byte(p[1]))
			continue
		}
		rows = append(rows, 1, byte(off>>24), byte(off>>16), byte(off>>8), byte(off), 0, 0)
	}
	d := D("Type", Name("XRef"), "Size", size, "W", Array{1, 4, 2}, "Root", root)
	if info > 0 {
		d = d.Set("Info", info)
	}
	d = d.Set("ID", Array{id, id}).Set("Filter", Name("FlateDecode"))
	data := w.z.Deflate(rows)
	w.buf = strconv.AppendInt(w.buf[:0], int64(xref), 10)
	w.buf = append(w.buf, " 0 obj\n"...)
	w.buf = AppendValue(w.buf, d.Set("Length", len(data)))
	w.buf = append(w.buf, "\nstream\n"...)
	w.write(w.buf)
	w.write(data)
	w.write([]byte(fmt.Sprintf("\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", w.offsets[xref-1])))
	return w.err
}

// Deflater compresses streams with zlib (FlateDecode), reusing its
// compressors; it is safe for concurrent use.
type Deflater struct {
	pool sync.Pool
}

// Deflate returns data compressed at the best-speed level: content
// streams and fonts are written once and read many times, but an export
// is a batch job where the compression level costs more time than it
// saves bytes.
func (z *Deflater) Deflate(data []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(data)/2 + 64)
	zw, _ := z.pool.Get().(*zlib.Writer)
	if zw == nil {
		zw, _ = zlib.NewWriterLevel(&out, zlib.BestSpeed)
	} else {
		zw.Reset(&out)
	}
	zw.Write(data) // a bytes.Buffer does not fail
	zw.Close()
	z.pool.Put(zw)
	return out.Bytes()
}
