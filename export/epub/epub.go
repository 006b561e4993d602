package epub

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	goepub "github.com/go-shiori/go-epub"

	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/issue"
	"github.com/qikan-dev/qikan/lang"
)

// Options control an EPUB export.
type Options struct {
	// Time is the publication's modification time (dcterms:modified) and
	// the time of every file in the container; the zero time gives
	// 1980-01-01T00:00:00Z.
	Time time.Time
	// Version is qikan's version, recorded as the generator.
	Version string
	// Vertical sets the text vertical-rl with the spine right to left. It
	// is also on when the issue's print.writing is vertical.
	Vertical bool
	// Fonts is the format of the embedded fonts: fonts.TTF (the zero
	// value; TrueType, which every EPUB reading system and Calibre's
	// conversions accept) or fonts.WOFF2 (about a third smaller, but
	// dropped by Calibre's AZW3/MOBI conversion and older readers).
	Fonts fonts.Format
}

// Stats describe a written EPUB.
type Stats struct {
	Files int // entries in the container, mimetype included
}

// Write writes iss as an EPUB 3 publication to w, setting text in faces.
// The output depends only on its arguments: the same issue, faces and
// options give the same bytes.
func Write(w io.Writer, iss *issue.Issue, faces *fonts.Set, opt Options) (Stats, error) {
	if iss == nil || faces == nil {
		return Stats{}, errors.New("epub: no issue or no fonts")
	}
	b := newBook(iss, faces, opt)
	if err := b.render(); err != nil {
		return Stats{}, err
	}
	return b.write(w)
}

// book is one EPUB in the making.
type book struct {
	iss      *issue.Issue
	faces    *fonts.Set
	opt      Options
	lang     string     // the publication's language, canonical BCP 47
	rules    *lang.Lang // the issue language's row of the table
	words    lang.Labels
	vertical bool

	identifier string
	classes    *faceClasses // the CSS class and family of each face text is set in
	use        glyphUse

	pages       []page // spine order
	images      []*media
	imageByPath map[string]*media
	nav         []navItem
	pageList    []pageTarget
	pageOf      map[string]string // article href → print page
	bodyStart   string            // href of the first article
	figures     int
	captioned   int
	tables      int

	navDoc, ncxDoc []byte
	fontFiles      []fontFile
	css            string
}

func newBook(iss *issue.Issue, faces *fonts.Set, opt Options) *book {
	tag := cleanLang(iss.Language)
	if iss.Language == "" {
		tag = "zh-CN"
	}
	rules := lang.For(tag)
	b := &book{
		iss: iss, faces: faces, opt: opt,
		lang: tag, rules: rules, words: rules.Labels,
		vertical:    opt.Vertical || iss.Print.Vertical,
		classes:     newFaceClasses(faces.Faces()),
		use:         glyphUse{},
		imageByPath: map[string]*media{},
		pageOf:      map[string]string{},
	}
	b.identifier = strings.TrimSpace(iss.Identifier)
	if b.identifier == "" {
		b.identifier = issue.DerivedIdentifier(iss.Title, iss.Label)
	}
	return b
}

// title is the publication's title: the magazine and the issue.
func (b *book) title() string {
	if t := xmlText(join(" ", b.iss.Title, b.iss.Label)); t != "" {
		return t
	}
	return b.words.Untitled
}

// image returns the media for an image file, adding it on first use.
func (b *book) image(path string, cover bool) *media {
	if m, ok := b.imageByPath[path]; ok {
		m.cover = m.cover || cover
		return m
	}
	ext := strings.ToLower(filepath.Ext(path))
	if ext == ".jpeg" {
		ext = ".jpg"
	}
	name := fmt.Sprintf("img%03d%s", len(b.images)+1, ext)
	if cover {
		name = "cover" + ext
	}
	m := &media{name: name, path: path, cover: cover}
	b.images = append(b.images, m)
	b.imageByPath[path] = m
	return m
}

// render builds every document of the publication.
func (b *book) render() error {
	iss := b.iss
	// Cover: the cover design (package cover) rasterised, the photo with
	// the masthead, issue and cover lines set on it, as the PDF has it.
	img, texts := b.coverImage()
	b.images = append(b.images, img)
	cover := b.coverPage(img, xmlText(strings.Join(texts, "　")))

	// Articles, grouped by section; a section's first document opens with
	// the section header.
	var articles []page
	seenPage := map[int]bool{}
	n := 0
	for si, sec := range iss.Sections {
		secID := fmt.Sprintf("s%02d", si+1)
		item := navItem{title: strings.TrimSpace(xmlText(sec.Title))}
		if item.title == "" {
			item.title = b.words.Untitled
		}
		if len(sec.Articles) == 0 {
			// A section without articles still gets its header.
			m := b.newMarkup(b.lang)
			b.sectionHead(m, sec, secID, "")
			articles = append(articles, page{name: secID, title: item.title, lang: b.lang, body: m.buf.Bytes()})
			item.href = "xhtml/" + secID + ".xhtml#" + secID
			b.nav = append(b.nav, item)
			continue
		}
		for ai, a := range sec.Articles {
			n++
			name := fmt.Sprintf("a%03d", n)
			href := "xhtml/" + name + ".xhtml"
			var head *issue.Section
			if ai == 0 {
				head = sec
				item.href = href + "#" + secID
			}
			var pageID string
			if a.Page > 0 && !seenPage[a.Page] {
				seenPage[a.Page] = true
				pageID = "page-" + itoa(a.Page)
				b.pageList = append(b.pageList, pageTarget{page: itoa(a.Page), href: href + "#" + pageID})
			}
			p := b.articlePage(a, name, head, secID, pageID)
			articles = append(articles, p)
			child := navItem{title: p.title, href: href + "#" + name}
			if p.lang != b.lang {
				child.lang = p.lang
			}
			if a.Page > 0 {
				b.pageOf[child.href] = itoa(a.Page)
			}
			item.children = append(item.children, child)
			if b.bodyStart == "" {
				b.bodyStart = href
			}
		}
		b.nav = append(b.nav, item)
	}

	b.pages = append(b.pages, cover, b.contentsPage())
	b.pages = append(b.pages, articles...)
	if col, ok := b.colophonPage(); ok {
		b.pages = append(b.pages, col)
	}
	b.navDoc = b.navDocument()
	b.ncxDoc = b.ncxDocument()

	// Fonts: a subset of each face with the characters it sets. The faces
	// are subset in parallel while the container is assembled: only the
	// zip writer waits for them.
	var body, heading, mono string
	for i, f := range b.classes.order {
		text := b.use[f]
		if text == nil || text.Len() == 0 {
			continue
		}
		done := make(chan struct{})
		var data []byte
		var err error
		go func() {
			defer close(done)
			data, err = fonts.WebSubset(f, text, b.opt.Fonts)
		}()
		file := fontFile{name: fmt.Sprintf("f%d.%s", i, b.opt.Fonts), family: b.classes.family(f), class: b.classes.class(f), weight: f.Weight(),
			format: b.opt.Fonts, data: func() ([]byte, error) { <-done; return data, err }}
		b.fontFiles = append(b.fontFiles, file)
		if f == b.faces.Face(fonts.Body) {
			body = file.family
		}
		if f == b.faces.Face(fonts.Heading) {
			heading = file.family
		}
		if f == b.faces.Face(fonts.Mono) {
			mono = file.family
		}
	}
	b.css = stylesheet(b.fontFiles, body, heading, mono, b.rules, b.iss.Indent, b.vertical)
	return nil
}

// pageClass is the class of a page's html element.
func pageClass(name string) string {
	switch {
	case name == "cover" || name == "contents" || name == "colophon":
		return "page-" + name
	}
	return "page-article"
}

// write assembles the publication with go-epub and finishes it.
func (b *book) write(w io.Writer) (Stats, error) {
	// go-epub reads sources from paths (or fetches URLs): give it only
	// files written here, in a directory of our own.
	tmp, err := os.MkdirTemp("", "qikan-epub-")
	if err != nil {
		return Stats{}, fmt.Errorf("epub: %v", err)
	}
	defer os.RemoveAll(tmp)
	n := 0
	stage := func(data []byte) (string, error) {
		n++
		p := filepath.Join(tmp, fmt.Sprintf("r%04d", n))
		return p, os.WriteFile(p, data, 0o600)
	}

	e, err := goepub.NewEpub(b.title())
	if err != nil {
		return Stats{}, fmt.Errorf("epub: %v", err)
	}
	e.Client = &http.Client{Transport: noNetwork{}}
	e.SetIdentifier(b.identifier)
	e.SetLang(b.lang)

	want := []string{}
	src, err := stage([]byte(b.css))
	if err != nil {
		return Stats{}, fmt.Errorf("epub: %v", err)
	}
	cssPath, err := e.AddCSS(src, cssName)
	if err != nil {
		return Stats{}, fmt.Errorf("epub: %v", err)
	}
	want = append(want, contentDir+"css/"+cssName)
	// Fonts and images are not given to go-epub, which would copy each
	// through two temporary directories and deflate data that is
	// compressed already: the finishing step stores them in the container
	// itself, under the names the documents link to.
	resources := map[string]resource{}
	for _, f := range b.fontFiles {
		resources[contentDir+"fonts/"+f.name] = resource{lazy: f.data}
	}
	var coverHref string
	for _, img := range b.images {
		if img.path != "" && !filepath.IsAbs(img.path) {
			return Stats{}, fmt.Errorf("epub: image %s: not an absolute path", img.path)
		}
		resources[contentDir+"images/"+img.name] = resource{data: img.data, path: img.path, lazy: img.lazy}
		if img.cover {
			coverHref = "images/" + img.name
		}
	}
	pages := map[string][2]string{}
	var spine []string
	for _, p := range b.pages {
		if _, err := e.AddSection(string(p.body), p.title, p.name, cssPath); err != nil {
			return Stats{}, fmt.Errorf("epub: %v", err)
		}
		pages[contentDir+"xhtml/"+p.name+".xhtml"] = [2]string{p.lang, pageClass(p.name)}
		spine = append(spine, "xhtml/"+p.name+".xhtml")
	}
	var raw bytes.Buffer
	if _, err := e.WriteTo(&raw); err != nil {
		return Stats{}, fmt.Errorf("epub: %v", err)
	}

	fin := &finishing{
		pkg:       b.packageInfo(coverHref, spine),
		pages:     pages,
		want:      want,
		resources: resources,
		replace: map[string][]byte{
			contentDir + "nav.xhtml": b.navDoc,
			contentDir + "toc.ncx":   b.ncxDoc,
		},
		time: b.opt.Time,
	}
	files, err := fin.finish(raw.Bytes(), w)
	if err != nil {
		return Stats{}, fmt.Errorf("epub: %v", err)
	}
	return Stats{Files: files}, nil
}

// noNetwork is the transport of go-epub's HTTP client: Write never gives
// it a URL, and if it ever tried one, nothing would be fetched.
type noNetwork struct{}

func (noNetwork) RoundTrip(r *http.Request) (*http.Response, error) {
	return nil, fmt.Errorf("epub: no network access (%s)", r.URL.Redacted())
}
