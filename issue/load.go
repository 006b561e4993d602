package issue

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml/ast"
)

// FileName is the name of the file that makes a directory an issue.
const FileName = "issue.yaml"

// Keys of issue.yaml and of its nested mappings, and of an article's front
// matter (an inline article also has body).
var (
	issueKeys    = []string{"title", "issue", "date", "sections", "language", "subtitle", "number", "issn", "cn", "publisher", "description", "identifier", "cover", "highlights", "colophon", "fonts", "print", "indent"}
	coverKeys    = []string{"image", "caption", "credit"}
	colophonKeys = []string{"label", "value"}
	fontKeys     = []string{"body", "heading"}
	printKeys    = []string{"trim", "bleed", "columns", "writing", "standard", "output_intent", "output_condition"}
	sectionKeys  = []string{"title", "title_en", "articles"}
	articleKeys  = []string{"title", "subtitle", "authors", "affiliation", "source", "editor", "page", "language"}
	inlineKeys   = append(append([]string(nil), articleKeys...), "body")
)

// loader holds the state of one Load.
type loader struct {
	arg     string // the directory as the caller gave it (cleaned), for file names in problems
	dir     string // absolute, cleaned
	realDir string // dir with symbolic links resolved
	r       report
	images  map[string]imageResult // by absolute path
	seen    map[string]where       // article files already used, by resolved path
	budget  textBudget             // the issue's text so far
	markup  markupBudget           // the issue's Markdown elements so far
	count   int                    // articles so far
}

type imageResult struct {
	img  Image
	hint string
	err  error
}

// Load reads the issue in dir: issue.yaml, every article it names and the
// header of every image. It returns the issue and non-fatal warnings, or —
// when anything is wrong — a nil issue and an error of type Problems listing
// every problem found, each with its file, line and a hint.
func Load(dir string) (*Issue, []Warning, error) {
	l := &loader{arg: filepath.Clean(dir), images: map[string]imageResult{}, seen: map[string]where{}}
	iss := l.load()
	if len(l.r.problems) > 0 {
		return nil, l.r.warnings, l.r.sorted()
	}
	return iss, l.r.warnings, nil
}

// display returns the name of a file in the issue for messages: the issue
// directory as given, joined with the file's path inside it.
func (l *loader) display(abs string) string {
	rel, err := filepath.Rel(l.dir, abs)
	if err != nil {
		return abs
	}
	return filepath.Join(l.arg, rel)
}

func (l *loader) load() *Issue {
	abs, err := filepath.Abs(l.arg)
	if err != nil {
		l.r.add(l.arg, 0, 0, "", "%v", err)
		return nil
	}
	l.dir = abs
	info, err := os.Stat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		l.r.add(l.arg, 0, 0, "give the directory that holds issue.yaml", "no such directory")
		return nil
	case err != nil:
		l.r.add(l.arg, 0, 0, "", "%v", err)
		return nil
	case !info.IsDir():
		l.r.add(l.arg, 0, 0, "give the directory that holds issue.yaml, not a file in it", "not a directory")
		return nil
	}
	if l.realDir, err = filepath.EvalSymlinks(abs); err != nil {
		l.r.add(l.arg, 0, 0, "", "%v", err)
		return nil
	}
	yamlPath := filepath.Join(abs, FileName)
	file := l.display(yamlPath)
	if _, err := os.Stat(yamlPath); err != nil {
		hint := "an issue is a directory holding issue.yaml"
		if _, e := os.Stat(filepath.Join(abs, "issue.yml")); e == nil {
			hint = "rename issue.yml to issue.yaml"
		}
		l.r.add(file, 0, 0, hint, "file not found")
		return nil
	}
	if real, err := filepath.EvalSymlinks(yamlPath); err != nil || !inside(l.realDir, real) {
		l.r.add(file, 0, 0, "copy the file into the issue directory instead of linking to it", "issue.yaml leads outside the issue directory through a symbolic link")
		return nil
	}
	src, ok := l.readText(yamlPath, file, maxYAMLFile)
	if !ok {
		return nil
	}
	d := &yamlDoc{file: file, abs: yamlPath, r: &l.r, budget: &l.budget}
	body, ok := d.parse(src)
	if !ok {
		return nil
	}
	if body == nil {
		l.r.add(file, 0, 0, "see testdata/minimal/issue.yaml for the smallest valid issue", "issue.yaml is empty")
		return nil
	}
	iss := &Issue{Dir: abs, File: yamlPath, Where: Where{}}
	l.decodeIssue(d, body, iss)
	return iss
}

func (l *loader) decodeIssue(d *yamlDoc, body ast.Node, iss *Issue) {
	f := d.mapping(body, "issue.yaml", issueKeys...)
	if f == nil {
		return
	}
	f.where(iss.Where, "")
	decodeFacts(d, f, iss)
	if n := f.get("cover"); n != nil {
		cf := d.mapping(n, "cover", coverKeys...)
		cf.where(iss.Where, "cover.")
		l.decodeCover(d, cf, &iss.Cover)
	}
	decodeHighlights(d, f, iss)
	decodeColophon(d, f, iss)
	if n := f.get("fonts"); n != nil {
		ff := d.mapping(n, "fonts", fontKeys...)
		ff.where(iss.Where, "fonts.")
		iss.Fonts.Body = l.font(d, ff, "body")
		iss.Fonts.Heading = l.font(d, ff, "heading")
	}
	iss.Print = Print{TrimWidth: defaultTrimWidth, TrimHeight: defaultTrimHeight, Bleed: defaultBleed, Columns: defaultColumns}
	if n := f.get("print"); n != nil {
		pf := d.mapping(n, "print", printKeys...)
		pf.where(iss.Where, "print.")
		l.decodePrint(d, pf, &iss.Print)
	}
	l.decodeSections(d, body, f, iss)
}

// decodeFacts decodes the issue's own facts from issue.yaml's mapping f:
// title, label, date, language, subtitle, running number, ISSN, CN,
// publisher, description, indent and identifier, each checked.
func decodeFacts(d *yamlDoc, f *fields, iss *Issue) {
	iss.Title = f.str("title", "issue.yaml", true)
	iss.Label = f.str("issue", "issue.yaml", true)
	if s := f.str("date", "issue.yaml", true); s != "" {
		t, err := parseDate(s)
		if err != nil {
			d.errorf(f.get("date"), "write the date as YYYY-MM-DD, e.g. 2025-03-28", "%v", err)
		}
		iss.Date = t
	}
	iss.Language = "zh-CN"
	if s := f.str("language", "issue.yaml", false); s != "" {
		tag, err := parseLanguage(s)
		if err != nil {
			d.errorf(f.get("language"), "e.g. zh-CN, zh-TW, ja, ko or en", "%v", err)
		} else {
			iss.Language = tag
		}
	}
	iss.Subtitle = f.str("subtitle", "issue.yaml", false)
	iss.Number = f.str("number", "issue.yaml", false)
	if s := f.str("issn", "issue.yaml", false); s != "" {
		v, err := checkISSN(s)
		if err != nil {
			d.errorf(f.get("issn"), "an ISSN is 8 characters like 2096-7462; copy it from the printed issue", "%v", err)
		}
		iss.ISSN = v
	}
	if s := f.str("cn", "issue.yaml", false); s != "" {
		v, err := checkCN(s)
		if err != nil {
			d.errorf(f.get("cn"), "a CN number is written like CN 65-1309/D (region, serial number, classification); copy it from the printed issue", "%v", err)
		}
		iss.CN = v
	}
	iss.Publisher = f.str("publisher", "issue.yaml", false)
	iss.Description = f.str("description", "issue.yaml", false)
	if s := f.str("indent", "issue.yaml", false); s != "" {
		if v, err := parseIndent(s); err != nil {
			d.errorf(f.get("indent"), "e.g. indent: 2em (Chinese print), 1em (Japanese, Korean) or 0", "%v", err)
		} else {
			iss.Indent = &v
		}
	}
	iss.Identifier = f.str("identifier", "issue.yaml", false)
	if iss.Identifier == "" && iss.Title != "" && iss.Label != "" {
		iss.Identifier = DerivedIdentifier(iss.Title, iss.Label)
	}
}

// decodeHighlights decodes the cover lines (highlights:), at most
// maxHighlights.
func decodeHighlights(d *yamlDoc, f *fields, iss *Issue) {
	highlights := d.list(f.get("highlights"), "highlights", false)
	for _, n := range d.checkCount(highlights, "highlights", maxHighlights, "keep the cover lines that matter most; a cover holds 12") {
		if s := d.text(n, "highlights"); s != "" {
			d.checkLength(n, "", "highlights", s)
			iss.Highlights = append(iss.Highlights, s)
		}
	}
}

// decodeColophon decodes the colophon's rows (colophon:), at most
// maxColophonRows, each a label and a value.
func decodeColophon(d *yamlDoc, f *fields, iss *Issue) {
	colophon := d.list(f.get("colophon"), "colophon", false)
	for i, n := range d.checkCount(colophon, "colophon", maxColophonRows, "keep the rows a colophon needs") {
		cf := d.mapping(n, "colophon row", colophonKeys...)
		if cf == nil {
			continue
		}
		cf.where(iss.Where, fmt.Sprintf("colophon[%d].", i))
		iss.Colophon = append(iss.Colophon, ColophonRow{Label: cf.str("label", "colophon row", true), Value: cf.str("value", "colophon row", true)})
	}
}

// decodeCover decodes issue.yaml's cover: mapping into c.
func (l *loader) decodeCover(d *yamlDoc, cf *fields, c *Cover) {
	c.Caption = cf.str("caption", "cover", false)
	c.Credit = cf.str("credit", "cover", false)
	if p := cf.str("image", "cover", false); p != "" {
		line, col := d.pos(cf.get("image"))
		if img, ok := l.image(p, l.dir, where{d.file, line, col}, "cover image"); ok {
			c.Image = &img
		}
	}
}

// decodeSections decodes issue.yaml's sections (f is the document's
// mapping, body its node), numbers the sections and articles in reading
// order and gives articles without a language the issue's.
func (l *loader) decodeSections(d *yamlDoc, body ast.Node, f *fields, iss *Issue) {
	secs := f.get("sections")
	items := d.list(secs, "sections", false)
	if secs != nil && len(items) == 0 && d.isSequence(secs) {
		d.errorf(f.keyNode("sections"), "add at least one section with its articles", "issue.yaml: sections is empty")
	}
	if secs == nil && !f.misspelt["sections"] {
		if _, present := f.values["sections"]; !present {
			d.errorf(body, "add sections: with at least one section and its articles", "issue.yaml: missing required key sections")
		} else {
			d.errorf(f.keyNode("sections"), "add at least one section with its articles", "issue.yaml: sections is empty")
		}
	}
	for i, n := range d.checkCount(items, "sections", maxSections, "split the issue into several") {
		if s := l.decodeSection(d, n, iss); s != nil {
			s.ID = fmt.Sprintf("s%02d", i+1)
			iss.Sections = append(iss.Sections, s)
		}
	}
	for i, a := range iss.Articles() {
		a.ID = fmt.Sprintf("a%03d", i+1)
		if a.Language == "" {
			a.Language = iss.Language
		}
		l.detectLanguage(a, iss.Language)
	}
}

// font checks a font spec "path[#index|#face name]" and returns it with an
// absolute path, or "" after reporting.
func (l *loader) font(d *yamlDoc, f *fields, key string) string {
	spec := f.str(key, "fonts", false)
	if spec == "" {
		return ""
	}
	path, face, hasFace := strings.Cut(spec, "#")
	line, col := d.pos(f.get(key))
	abs, _, ok := l.resolve(path, l.dir, where{d.file, line, col}, "fonts: "+key)
	if !ok {
		return ""
	}
	if hasFace {
		if strings.TrimSpace(face) == "" {
			d.errorf(f.get(key), "write file.ttc#0 or file.ttc#Face Name", "fonts: %s: empty face after #", key)
			return ""
		}
		return abs + "#" + face
	}
	return abs
}

func (l *loader) decodePrint(d *yamlDoc, f *fields, p *Print) {
	if f == nil {
		return
	}
	if s := f.str("trim", "print", false); s != "" {
		if w, h, err := ParseTrim(s); err != nil {
			d.errorf(f.get("trim"), "e.g. trim: 210x285mm, or A4 or B5", "%v", err)
		} else {
			p.TrimWidth, p.TrimHeight = w, h
		}
	}
	if s := f.str("bleed", "print", false); s != "" {
		if v, err := ParseBleed(s); err != nil {
			d.errorf(f.get("bleed"), "e.g. bleed: 3mm", "%v", err)
		} else {
			p.Bleed = v
		}
	}
	if s := f.str("columns", "print", false); s != "" {
		if v, err := ParseColumns(s); err != nil {
			d.errorf(f.get("columns"), "e.g. columns: 2", "%v", err)
		} else {
			p.Columns = v
		}
	}
	switch s := f.str("writing", "print", false); s {
	case "", "horizontal":
	case "vertical":
		p.Vertical = true
	default:
		d.errorf(f.get("writing"), "write horizontal or vertical", "print: writing %q is neither horizontal nor vertical", s)
	}
	if s := f.str("standard", "print", false); s != "" {
		if std, ok := ParsePDFStandard(s); ok {
			p.Standard = std
		} else {
			d.errorf(f.get("standard"), "write "+strings.Join(PDFStandards, ", ")+" (a-2u, the archival PDF/A-2u, is the default)", "print: unknown PDF standard %q", s)
		}
	}
	if path := f.str("output_intent", "print", false); path != "" {
		line, col := d.pos(f.get("output_intent"))
		if abs, _, ok := l.resolve(path, l.dir, where{d.file, line, col}, "print: output_intent"); ok {
			p.OutputIntent = abs
		}
	}
	p.OutputCondition = f.str("output_condition", "print", false)
}

// ParsePDFStandard returns the standard named by s (in any case, "pdf/"
// and "pdf-" prefixes allowed: PDF/A-2u is a-2u), and whether it is one of
// PDFStandards.
func ParsePDFStandard(s string) (string, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(strings.TrimPrefix(s, "pdf/"), "pdf-")
	for _, std := range PDFStandards {
		if s == std {
			return std, true
		}
	}
	return "", false
}

func (l *loader) decodeSection(d *yamlDoc, n ast.Node, iss *Issue) *Section {
	f := d.mapping(n, "section", sectionKeys...)
	if f == nil {
		return nil
	}
	s := &Section{Title: f.str("title", "section", true), TitleEN: f.str("title_en", "section", false), Pos: d.at(n), Where: Where{}}
	f.where(s.Where, "")
	name := "section"
	if s.Title != "" {
		name = fmt.Sprintf("section %q", s.Title)
	}
	items := d.list(f.get("articles"), name+": articles", false)
	if len(items) == 0 {
		d.errorf(f.keyNode("articles"), "list its article files under articles:", "%s has no articles", name)
	}
	for _, item := range items {
		if l.count++; l.count > maxArticles {
			if l.count == maxArticles+1 {
				d.errorf(item, "split the issue into several", "more than %d articles in one issue", maxArticles)
			}
			break
		}
		var a *Article
		if r := d.resolve(item); r != nil {
			if _, ok := d.scalar(r); ok {
				a = l.articleFile(d, item)
			} else {
				a = l.inlineArticle(d, item)
			}
		}
		if a != nil {
			s.Articles = append(s.Articles, a)
		}
	}
	return s
}

// articleFile loads an article from the Markdown file named by n.
func (l *loader) articleFile(d *yamlDoc, n ast.Node) *Article {
	p := d.text(n, "article")
	line, col := d.pos(n)
	w := where{d.file, line, col}
	abs, _, ok := l.resolve(p, l.dir, w, "article")
	if !ok {
		return nil
	}
	real, _ := filepath.EvalSymlinks(abs)
	if first, dup := l.seen[real]; dup {
		l.r.add(w.file, w.line, w.col, "remove one of the two references", "article %q is listed twice (first at line %d)", p, first.line)
		return nil
	}
	l.seen[real] = w
	file := l.display(abs)
	src, ok := l.readText(abs, file, maxArticleFile)
	if !ok {
		return nil
	}
	return l.parseArticle(src, abs, file)
}

// parseArticle reads front matter and body of an article file.
func (l *loader) parseArticle(src []byte, abs, file string) *Article {
	fm, fmLine, body, bodyLine, err := splitFrontMatter(src)
	if err != nil {
		l.r.add(file, fmLine, 0, err.hint, "%s", err.msg)
		return nil
	}
	a := &Article{File: abs, Line: bodyLine, Where: Where{"": {File: abs, Line: 1, Col: 1}}}
	if len(fm) > maxFrontMatter {
		l.r.add(file, fmLine, 0, "keep only title, authors and the other article fields in it", "front matter is larger than %d KB", maxFrontMatter>>10)
		return nil
	}
	if !l.budget.spend(len(body)) {
		l.r.add(file, bodyLine, 0, overHint, "%s", overMessage)
		return nil
	}
	fd := &yamlDoc{file: file, abs: abs, lineOff: fmLine - 1, r: &l.r, budget: &l.budget}
	node, ok := fd.parse(fm)
	if !ok {
		return nil
	}
	if node == nil {
		l.r.add(file, fmLine, 0, "add a line title: …", "front matter is empty; an article needs a title")
		return nil
	}
	f := fd.mapping(node, "front matter", articleKeys...)
	decodeArticleMeta(fd, f, a, "front matter")
	md := mdSource{text: body, file: file, abs: abs, lineOff: bodyLine - 1, cols: true, markup: &l.markup}
	a.Blocks = convertMarkdown(md, &l.r, l.imageFunc(filepath.Dir(abs), file))
	return a
}

// inlineArticle builds an article written inside issue.yaml.
func (l *loader) inlineArticle(d *yamlDoc, n ast.Node) *Article {
	f := d.mapping(n, "inline article", inlineKeys...)
	if f == nil {
		return nil
	}
	a := &Article{File: d.abs, Where: Where{"": d.at(n)}}
	decodeArticleMeta(d, f, a, "inline article")
	bn := f.get("body")
	if bn == nil {
		d.errorf(f.keyNode("body"), "add body: | and the article's Markdown", "inline article: missing required key body")
		return a
	}
	body, ok := d.scalar(bn)
	if !ok {
		d.errorf(bn, "write body: | and the Markdown indented below it", "inline article: body must be text, not %s", kind(d.resolve(bn)))
		return a
	}
	if !l.budget.spend(len(body)) {
		d.errorf(bn, overHint, "%s", overMessage)
		return a
	}
	line, _ := d.pos(bn)
	if _, literal := d.resolve(bn).(*ast.LiteralNode); literal {
		line++ // the text starts on the line after "|"
	}
	a.Line = line
	// The body's lines are lines of issue.yaml, its columns are not (it
	// is indented there).
	src := mdSource{text: []byte(body), file: d.file, abs: d.abs, lineOff: line - 1, markup: &l.markup}
	a.Blocks = convertMarkdown(src, &l.r, l.imageFunc(l.dir, d.file))
	return a
}

// decodeArticleMeta reads the metadata fields shared by front matter and
// inline articles.
func decodeArticleMeta(d *yamlDoc, f *fields, a *Article, what string) {
	if f == nil {
		return
	}
	f.where(a.Where, "")
	a.Title = f.str("title", what, true)
	a.Subtitle = f.str("subtitle", what, false)
	authors := d.list(f.get("authors"), what+": authors", true)
	for _, n := range d.checkCount(authors, what+": authors", maxAuthors, "name the first authors and write the rest as 等 (et al.)") {
		if s := d.text(n, what+": authors"); s != "" {
			d.checkLength(n, what, "authors", s)
			a.Authors = append(a.Authors, s)
		}
	}
	a.Affiliation = f.str("affiliation", what, false)
	a.Source = f.str("source", what, false)
	a.Editor = f.str("editor", what, false)
	if s := f.str("page", what, false); s != "" {
		p, err := strconv.Atoi(s)
		if err != nil || p < 1 {
			d.errorf(f.get("page"), "the page of the article in the printed issue, e.g. page: 12", "%s: page %q must be a whole number from 1", what, s)
		}
		a.Page = p
	}
	if s := f.str("language", what, false); s != "" {
		tag, err := parseLanguage(s)
		if err != nil {
			d.errorf(f.get("language"), "e.g. zh-CN, zh-TW, ja, ko or en", "%s: %v", what, err)
		}
		a.Language = tag
	}
}

// imageFunc returns the resolver of the images of an article whose image
// paths are relative to base. An image that cannot be used is a problem
// when strict (Markdown's ![…](…)); otherwise (HTML's <img>) it is a
// warning and the image is left out.
func (l *loader) imageFunc(base, file string) imageFunc {
	return func(dest string, at Pos, strict bool) (Image, bool) {
		w := where{file: file, line: at.Line, col: at.Col}
		if strict {
			return l.image(dest, base, w, "image")
		}
		n := len(l.r.problems)
		img, ok := l.image(dest, base, w, "HTML image")
		for _, p := range l.r.problems[n:] {
			msg := p.Message + "; the image is left out and its alt text kept"
			if p.Hint != "" {
				msg += " (" + p.Hint + ")"
			}
			l.r.warn(p.File, p.Line, "%s", msg)
		}
		l.r.problems = l.r.problems[:n]
		return img, ok
	}
}

// image resolves and probes an image, once per file.
func (l *loader) image(p, base string, w where, what string) (Image, bool) {
	abs, rel, ok := l.resolve(unescapePath(p), base, w, what)
	if !ok {
		return Image{}, false
	}
	res, done := l.images[abs]
	if !done {
		res.img, res.hint, res.err = probeImage(abs)
		res.img.Rel = rel
		l.images[abs] = res
		if res.err == nil && truncated(abs, res.img.Format) {
			l.r.warn(w.file, w.line, "%s %q seems truncated (no end marker): it may show partly grey; copy it again from the original", what, p)
		}
	}
	if res.err != nil {
		l.r.add(w.file, w.line, w.col, res.hint, "%s %q: %v", what, p, res.err)
		return Image{}, false
	}
	return res.img, true
}

// unescapePath undoes the percent-encoding CommonMark allows in link
// destinations (a space as %20).
func unescapePath(p string) string {
	if !strings.Contains(p, "%") {
		return p
	}
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if p[i] == '%' && i+2 < len(p) {
			if v, err := strconv.ParseUint(p[i+1:i+3], 16, 8); err == nil {
				b.WriteByte(byte(v))
				i += 2
				continue
			}
		}
		b.WriteByte(p[i])
	}
	return b.String()
}

// fmError is a problem with the front matter delimiters.
type fmError struct{ msg, hint string }

// splitFrontMatter separates the YAML front matter, between a first line
// "---" and the next line "---" (or "..."), from the Markdown body. It
// returns the YAML with the line of its first line, and the body with the
// line of its first line.
func splitFrontMatter(src []byte) (fm []byte, fmLine int, body []byte, bodyLine int, err *fmError) {
	lines := bytes.SplitAfter(src, []byte("\n"))
	isDelim := func(l []byte, closing bool) bool {
		t := string(bytes.TrimRight(l, " \t\r\n"))
		return t == "---" || closing && t == "..."
	}
	if len(lines) == 0 || !isDelim(lines[0], false) {
		return nil, 1, nil, 0, &fmError{"article has no front matter", "start the file with a line ---, then title: …, then a line ---"}
	}
	off := len(lines[0])
	for i := 1; i < len(lines); i++ {
		if isDelim(lines[i], true) {
			return src[len(lines[0]):off], 2, src[off+len(lines[i]):], i + 2, nil
		}
		off += len(lines[i])
	}
	return nil, 1, nil, 0, &fmError{"front matter is missing its closing ---", "end the front matter with a line --- before the article text"}
}
