package epub

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/qikan-dev/qikan/internal/safefile"
)

// The finishing step turns go-epub's container into the published one.
// go-epub lays the publication out as
//
//	mimetype, META-INF/container.xml,
//	EPUB/package.opf, EPUB/nav.xhtml, EPUB/toc.ncx,
//	EPUB/xhtml/*.xhtml, EPUB/css/*, EPUB/fonts/*, EPUB/images/*
//
// with a package document whose modification time is the clock's and
// whose manifest follows map order. finish keeps the content documents
// and resources, replaces package.opf, nav.xhtml and toc.ncx, puts the
// page's language on the html element of each content document and writes
// a deterministic zip.

const (
	mimetype      = "application/epub+zip"
	containerPath = "META-INF/container.xml"
	contentDir    = "EPUB/"
	opfPath       = contentDir + "package.opf"
)

// goEpubHTMLStart is the html start tag go-epub v1.2.1 writes.
const goEpubHTMLStart = `<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">`

// finishing holds what the finishing step puts into the container.
type finishing struct {
	pkg     *packageInfo
	replace map[string][]byte // path in the container → new content
	// pages maps the path of each content document to the lang and class
	// of its html element; every one must be in the container.
	pages map[string][2]string
	// want lists further files that must be in the container.
	want []string
	// resources are the files added to go-epub's: fonts and images.
	resources map[string]resource
	time      time.Time // modification time of every entry
}

// resource is a file of the container given as its bytes or, for a file of
// the issue, its path (read when the container is written, so that the
// images of an issue are never all in memory at once).
type resource struct {
	data []byte
	path string
	lazy func() ([]byte, error) // when set, gives the bytes (waiting for them)
}

// finish reads go-epub's container src and writes the finished EPUB to w;
// it returns the number of files in it.
func (f *finishing) finish(src []byte, w io.Writer) (int, error) {
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return 0, fmt.Errorf("reading go-epub output: %v", err)
	}
	files := map[string][]byte{}
	for _, zf := range zr.File {
		if strings.HasSuffix(zf.Name, "/") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return 0, fmt.Errorf("reading go-epub output %s: %v", zf.Name, err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return 0, fmt.Errorf("reading go-epub output %s: %v", zf.Name, err)
		}
		files[zf.Name] = data
	}
	if string(files["mimetype"]) != mimetype {
		return 0, fmt.Errorf("go-epub output: no mimetype file")
	}
	if !bytes.Contains(files[containerPath], []byte(`full-path="`+opfPath+`"`)) {
		return 0, fmt.Errorf("go-epub output: %s does not point to %s", containerPath, opfPath)
	}
	for name, lang := range f.pages {
		data, ok := files[name]
		if !ok {
			return 0, fmt.Errorf("go-epub output: %s is missing", name)
		}
		if files[name], err = setHTMLStart(data, lang[0], lang[1]); err != nil {
			return 0, fmt.Errorf("go-epub output %s: %v", name, err)
		}
	}
	for _, name := range f.want {
		if _, ok := files[name]; !ok {
			return 0, fmt.Errorf("go-epub output: %s is missing", name)
		}
	}
	for name, data := range f.replace {
		if _, ok := files[name]; !ok {
			return 0, fmt.Errorf("go-epub output: %s is missing", name)
		}
		files[name] = data
	}

	// Everything under EPUB/ but the package document is in the manifest.
	var names []string
	for name := range files {
		if name != "mimetype" && name != containerPath && name != opfPath {
			names = append(names, name)
		}
	}
	for name := range f.resources {
		if _, dup := files[name]; dup {
			return 0, fmt.Errorf("go-epub output: %s is there already", name)
		}
		names = append(names, name)
	}
	slices.SortFunc(names, entryOrder)
	var items []item
	for _, name := range names {
		rel, ok := strings.CutPrefix(name, contentDir)
		if !ok {
			return 0, fmt.Errorf("go-epub output: unexpected file %s", name)
		}
		it, err := manifestItem(rel)
		if err != nil {
			return 0, fmt.Errorf("go-epub output: %v", err)
		}
		items = append(items, it)
	}
	files[opfPath] = f.pkg.packageDocument(items)

	order := append([]string{"mimetype", containerPath, opfPath}, names...)
	all := make(map[string]resource, len(order))
	for name, r := range f.resources {
		all[name] = r
	}
	for name, data := range files {
		all[name] = resource{data: data}
	}
	return len(order), writeZip(w, order, all, f.time)
}

// entryOrder sorts the container: navigation first, then the content
// documents, style sheets, fonts and images, each by name.
func entryOrder(a, b string) int {
	rank := func(name string) int {
		switch {
		case name == contentDir+"nav.xhtml":
			return 0
		case name == contentDir+"toc.ncx":
			return 1
		case strings.HasPrefix(name, contentDir+"xhtml/"):
			return 2
		case strings.HasPrefix(name, contentDir+"css/"):
			return 3
		case strings.HasPrefix(name, contentDir+"fonts/"):
			return 4
		}
		return 5
	}
	if ra, rb := rank(a), rank(b); ra != rb {
		return ra - rb
	}
	return strings.Compare(a, b)
}

// setHTMLStart replaces the html start tag go-epub wrote by one carrying
// the page's language and class.
func setHTMLStart(doc []byte, lang, class string) ([]byte, error) {
	i := bytes.Index(doc, []byte(goEpubHTMLStart))
	if i < 0 || bytes.Count(doc[:i], []byte("<html")) > 0 {
		return nil, fmt.Errorf("no html start tag as go-epub v1.2.1 writes it")
	}
	var b bytes.Buffer
	b.Grow(len(doc) + 64)
	b.Write(doc[:i])
	htmlStart(&b, lang, class)
	b.Write(doc[i+len(goEpubHTMLStart):])
	return b.Bytes(), nil
}

// stored reports whether a file is kept uncompressed: the mimetype (the
// OCF rule) and formats that are compressed already.
func stored(name string) bool {
	switch path.Ext(name) {
	case ".jpg", ".jpeg", ".png", ".gif", ".woff2":
		return true
	}
	return name == "mimetype"
}

// writeZip writes files in order with fixed times and compression, so the
// same files always give the same bytes.
func writeZip(w io.Writer, order []string, files map[string]resource, t time.Time) error {
	t = zipTime(t)
	date := uint16((t.Year()-1980)<<9 | int(t.Month())<<5 | t.Day())
	clock := uint16(t.Hour()<<11 | t.Minute()<<5 | t.Second()/2)
	zw := zip.NewWriter(w)
	// One compressor, reset for each entry: entries are written one after
	// the other, and a new flate.Writer per entry costs a megabyte. The
	// default level: level 9 made the sample's EPUB 0.13 % smaller for a
	// fifth more of its export time (the TrueType fonts are most of it).
	fw, err := flate.NewWriter(io.Discard, flate.DefaultCompression)
	if err != nil {
		return err
	}
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		fw.Reset(out)
		return fw, nil
	})
	for _, name := range order {
		// MS-DOS times only: an extended-timestamp extra field is not
		// allowed on the mimetype entry, and is not needed on others.
		// Modified, the field that replaces these, always adds one.
		//lint:ignore SA1019 ModifiedDate/ModifiedTime are the only way to write a DOS time without the extra field
		h := &zip.FileHeader{Name: name, Method: zip.Deflate, ModifiedDate: date, ModifiedTime: clock}
		if stored(name) {
			h.Method = zip.Store
		}
		ew, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if err := files[name].writeTo(ew); err != nil {
			return err
		}
	}
	return zw.Close()
}

// writeTo writes the resource's bytes, or copies its file.
func (r resource) writeTo(w io.Writer) error {
	if r.lazy != nil {
		data, err := r.lazy()
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	}
	if r.path == "" {
		_, err := w.Write(r.data)
		return err
	}
	file, err := safefile.Open(r.path)
	if err != nil {
		return err // names the file
	}
	defer file.Close()
	if _, err := io.Copy(w, file); err != nil {
		return fmt.Errorf("%s: %v", r.path, err)
	}
	return nil
}

// zipTime is t in UTC, within what a zip's MS-DOS time can hold.
func zipTime(t time.Time) time.Time {
	lo := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	hi := time.Date(2107, 12, 31, 23, 59, 58, 0, time.UTC)
	t = t.UTC().Truncate(2 * time.Second)
	if t.Before(lo) {
		return lo
	}
	if t.After(hi) {
		return hi
	}
	return t
}
