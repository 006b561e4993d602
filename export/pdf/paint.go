package pdf

import (
	"math"
	"unicode"

	"github.com/qikan-dev/qikan/export/pdf/pdfw"
	"github.com/qikan-dev/qikan/fonts"
)

// obliqueSkew is the horizontal shear of synthetic oblique text: tan 12°,
// the slant of most italics.
const obliqueSkew = 0.2126

// paintedPage is one page's content stream and what the rest of the file
// needs from it.
type paintedPage struct {
	content []byte // Flate-compressed
	marks   []mark // the marked-content sequences of elements, by MCID
	links   []item // link areas, in order
	// transparent is set when the page draws an image with a soft mask.
	transparent bool
}

// mark is a marked-content sequence of an element: its MCID on the page
// and where its first content is drawn.
type mark struct {
	node *node
	at   seqPos
}

// painter paints one page. Everything drawn is in a marked-content
// sequence: an element's (with an MCID) or an artifact's.
type painter struct {
	wr *writer
	pi int
	c  pdfw.Content
	pp *paintedPage

	// The open marked-content sequence: an element, or an artifact of
	// some kind (artOpen), or none.
	openNode *node
	openArt  string
	artOpen  bool

	// The graphics and text state, to leave out repeated operators (both
	// last across text objects).
	fill, stroke       rgb
	fillSet, strokeSet bool
	lineWidth          float64
	dashed             bool
	face               *fonts.Face
	size               float64
	bold               bool // render mode 2
}

// The artifact kinds of PDF 32000-1 §14.8.2.2 and their property lists.
var artifactProps = map[string]pdfw.Dict{
	"layout": pdfw.D("Type", pdfw.Name("Layout")),
	"header": pdfw.D("Type", pdfw.Name("Pagination"), "Subtype", pdfw.Name("Header")),
	"footer": pdfw.D("Type", pdfw.Name("Pagination"), "Subtype", pdfw.Name("Footer")),
	"page":   pdfw.D("Type", pdfw.Name("Page")),
}

// paint paints page i: fills, rules and images in order, then the texts
// line by line, then crop marks.
func (wr *writer) paint(i int) (*paintedPage, error) {
	p := &painter{wr: wr, pi: i, pp: &paintedPage{}, lineWidth: 1}
	page := wr.doc.pages[i]
	for k, it := range page.items {
		switch it.kind {
		case linkItem:
			p.pp.links = append(p.pp.links, it)
		case imageItem:
			if it.tag != nil {
				p.element(it.tag, seqPos{page: i, index: k})
			} else {
				p.artifact("layout")
			}
			p.image(it)
		case fillItem:
			p.artifact("layout")
			p.setFill(it.color)
			p.c.Rect(wr.x(it.x), wr.y(it.y+it.h), it.w, it.h)
			p.c.Fill()
		case ruleItem:
			p.artifact("layout")
			p.rule(it)
		}
	}
	for k := 0; k < len(page.texts); {
		t := page.texts[k]
		if t.missing {
			p.missing(t, seqPos{page: i, index: k, text: true})
			k++
			continue
		}
		// A line: the texts on one baseline with one element.
		n := k + 1
		for n < len(page.texts) && page.texts[n].tag == t.tag && page.texts[n].artifact == t.artifact &&
			!page.texts[n].missing && math.Abs(page.texts[n].y-t.y) < 0.01 {
			n++
		}
		gs := p.glyphs(page.texts[k:n], k)
		cluster := clusters(gs)
		switch {
		case t.tag != nil && hasCluster(cluster):
			// Its own marked-content sequences, with ActualText on
			// those of the clusters (see line).
			p.close()
			p.line(gs, cluster, t.tag)
		case t.tag != nil:
			p.element(t.tag, seqPos{page: i, index: k, text: true})
			p.line(gs, cluster, nil)
		case t.artifact == headArt, t.artifact == folioArt:
			p.artifact(map[artifactKind]string{headArt: "header", folioArt: "footer"}[t.artifact])
			for c := range cluster {
				cluster[c] = -1 // already out of the text: no Span may bring it back
			}
			p.line(gs, cluster, nil)
		default:
			p.artifact("layout")
			p.line(gs, cluster, nil)
		}
		k = n
	}
	if wr.geo.marks > 0 {
		p.artifact("page")
		p.cropMarks()
	}
	p.close()
	p.pp.content = wr.z.Deflate(p.c.Bytes())
	return p.pp, nil
}

// missing draws characters no face has: a placeholder mark each (see
// placeholder), in a Span whose ActualText is the characters, so the text
// layer keeps them. The element's sequence ends with the Span (poppler's
// structure reader would end it there anyway).
func (p *painter) missing(t textItem, at seqPos) {
	switch {
	case t.tag != nil:
		p.element(t.tag, at)
	default:
		p.artifact("layout")
	}
	text := t.text
	if t.space != 0 {
		text = string(t.space) + text
	}
	if t.trail != 0 {
		text += string(t.trail)
	}
	p.c.BeginMarked("Span", pdfw.D("ActualText", pdfw.Text(text)))
	for _, it := range placeholder(t) {
		p.rule(it)
	}
	p.c.EndMarked()
	p.close()
}

// x and y turn trim coordinates (y down) into PDF coordinates.
func (wr *writer) x(x float64) float64 { return wr.geo.origin() + x }
func (wr *writer) y(y float64) float64 { return wr.geo.mediaH() - wr.geo.origin() - y }

// element opens a marked-content sequence for n, unless one is open for
// it: consecutive content of one element shares a sequence.
func (p *painter) element(n *node, at seqPos) {
	if p.openNode == n {
		return
	}
	p.close()
	p.c.BeginTag(pdfw.Name(n.role), len(p.pp.marks))
	p.pp.marks = append(p.pp.marks, mark{node: n, at: at})
	p.openNode = n
}

// artifact opens an artifact's marked-content sequence of the given kind.
// Running heads and folios get an empty ActualText inside: extractors that
// do not know artifacts (poppler's pdftotext) then leave them out of the
// text, instead of splicing them into a sentence that runs over a page
// break.
func (p *painter) artifact(kind string) {
	if p.artOpen && p.openArt == kind {
		return
	}
	p.close()
	p.c.BeginMarked("Artifact", artifactProps[kind])
	if kind == "header" || kind == "footer" {
		p.c.BeginMarked("Span", pdfw.D("ActualText", pdfw.Text("")))
	}
	p.artOpen, p.openArt = true, kind
}

// close ends the open marked-content sequence.
func (p *painter) close() {
	switch {
	case p.openNode != nil:
		p.c.EndMarked()
	case p.artOpen:
		if p.openArt == "header" || p.openArt == "footer" {
			p.c.EndMarked()
		}
		p.c.EndMarked()
	}
	p.openNode, p.artOpen = nil, false
}

func (p *painter) setFill(c rgb) {
	if !p.fillSet || p.fill != c {
		p.c.FillColour(p.wr.std.paint(c))
		p.fill, p.fillSet = c, true
	}
}

func (p *painter) setStroke(c rgb) {
	if !p.strokeSet || p.stroke != c {
		p.c.StrokeColour(p.wr.std.paint(c))
		p.stroke, p.strokeSet = c, true
	}
}

func (p *painter) setLineWidth(w float64) {
	if p.lineWidth != w {
		p.c.LineWidth(w)
		p.lineWidth = w
	}
}

// rule strokes a straight line, dotted for a leader.
func (p *painter) rule(it item) {
	p.setStroke(it.color)
	p.setLineWidth(it.lineWidth)
	if it.dotted != p.dashed {
		if it.dotted {
			p.c.Dash(0, it.lineWidth, it.lineWidth*2.5)
		} else {
			p.c.Dash(0)
		}
		p.dashed = it.dotted
	}
	wr := p.wr
	p.c.MoveTo(wr.x(it.x), wr.y(it.y))
	p.c.LineTo(wr.x(it.x2), wr.y(it.y2))
	p.c.Stroke()
}

// image draws an image into its box, clipped to its visible area.
func (p *painter) image(it item) {
	wr := p.wr
	im := wr.images[it.img.Path]
	<-im.done
	if im.smask {
		p.pp.transparent = true
	}
	p.c.Save()
	if c := it.clip; c != nil {
		p.c.Rect(wr.x(c.x), wr.y(c.y+c.h), c.w, c.h)
		p.c.Clip()
	}
	p.c.Transform(imageMatrix(it.img.Orientation, it.w, it.h, wr.x(it.x), wr.y(it.y+it.h)))
	p.c.XObject(im.name)
	p.c.Restore()
}

// cropMarks draws crop marks at the four corners of the trim box, in the
// margin outside the bleed, in the registration colour (every plate).
func (p *painter) cropMarks() {
	g := p.wr.geo
	p.c.StrokeColour(pdfw.Tint{Space: registration, Value: []float64{1}})
	p.strokeSet = false
	p.setLineWidth(0.25)
	if p.dashed {
		p.c.Dash(0)
		p.dashed = false
	}
	o := g.origin()
	start := g.bleed + marksOffsetMM*ptPerMM
	for _, x := range []float64{o, o + g.trimW} {
		for _, y := range []float64{o, o + g.trimH} {
			dx, dy := -1.0, -1.0
			if x > o {
				dx = 1
			}
			if y > o {
				dy = 1
			}
			p.c.MoveTo(x+dx*start, y)
			p.c.LineTo(x+dx*o, y)
			p.c.MoveTo(x, y+dy*start)
			p.c.LineTo(x, y+dy*o)
		}
	}
	p.c.Stroke()
}

// glyphAt is a glyph of a line with its pen position.
type glyphAt struct {
	t    *textItem
	text int // index of t in the page's texts
	i    int // index of the glyph in t
	r    rune
	gid  uint16
	x    float64 // pen position, trim coordinates
	adv  float64 // natural advance, points
	// space is set for the space glyph drawn for white space of the
	// source (see textItem.space and textItem.trail).
	space bool
}

// glyphs places the glyphs of texts ts, the first of which is the page's
// text first; characters without a glyph are left out.
func (p *painter) glyphs(ts []textItem, first int) []glyphAt {
	var gs []glyphAt
	for k := range ts {
		t := &ts[k]
		f := p.wr.fonts[t.face]
		if t.space != 0 && f != nil {
			// The word space, set against the text.
			if gid, ok := f.gids[t.space]; ok {
				adv := t.face.Advance(t.space) * t.size
				gs = append(gs, glyphAt{t: t, text: first + k, i: -1, r: t.space, gid: gid, x: t.x - adv, adv: adv, space: true})
			}
		}
		x := t.x
		n := 0
		for _, r := range t.text {
			adv := t.face.Advance(r) * t.size
			if f != nil {
				if gid, ok := f.gids[r]; ok {
					gs = append(gs, glyphAt{t: t, text: first + k, i: n, r: r, gid: gid, x: x, adv: adv})
				}
			}
			x += adv + t.spacing
			n++
		}
		if t.trail != 0 && f != nil {
			// The space the line break took, set after the text's last
			// glyph (in the same TJ, with no adjustment).
			if gid, ok := f.gids[t.trail]; ok {
				if n > 0 {
					x -= t.spacing
				}
				adv := t.face.Advance(t.trail) * t.size
				gs = append(gs, glyphAt{t: t, text: first + k, i: n, r: t.trail, gid: gid, x: x, adv: adv, space: true})
			}
		}
	}
	return gs
}

// line shows the glyphs of one baseline as one text object. Glyphs are
// placed by TJ adjustments, never by space characters. Runs of glyphs
// whose spacing an extractor would misread (cluster: a compressed mark
// whose box overlaps its neighbour, which poppler takes for a new line; a
// gap without a space character, the quarter em between Han and Latin,
// which it takes for a space) carry an ActualText with their characters,
// so that a visual line is one line of text and 第6期 stays 第6期.
//
// With tag set, the line is content of that element with clusters: each
// run of the line is a marked-content sequence of the element, and a
// cluster's sits inside a Span sequence with the ActualText (poppler
// reads ActualText from Span sequences only, and its structure reader
// ends an element's sequence at the end of any sequence nested in it, so
// the Span goes outside). Otherwise the caller has opened the sequence,
// and clusters are Spans inside it.
func (p *painter) line(gs []glyphAt, cluster []int, tag *node) {
	if len(gs) == 0 {
		return
	}
	p.c.BeginText()
	for i := 0; i < len(gs); {
		g := gs[i]
		j := i + 1
		for j < len(gs) && cluster[j] == cluster[i] && (cluster[i] >= 0 || sameLook(gs[j].t, g.t)) {
			j++
		}
		// gs[i:j] is a cluster, or a run in one look.
		var props pdfw.Dict
		if cluster[i] >= 0 {
			props = pdfw.D("ActualText", pdfw.Text(clusterText(gs[i:j])))
		}
		if props != nil {
			p.c.BeginMarked("Span", props)
		}
		if tag != nil {
			p.c.BeginTag(pdfw.Name(tag.role), len(p.pp.marks))
			p.pp.marks = append(p.pp.marks, mark{node: tag, at: seqPos{page: p.pi, index: g.text, text: true, glyph: g.i}})
		}
		for a := i; a < j; {
			b := a + 1
			for b < j && sameLook(gs[b].t, gs[a].t) {
				b++
			}
			p.show(gs[a:b])
			a = b
		}
		if tag != nil {
			p.c.EndMarked()
		}
		if props != nil {
			p.c.EndMarked()
		}
		i = j
	}
	p.c.EndText()
}

// show shows glyphs of one look with one TJ, from the first glyph's pen
// position.
func (p *painter) show(gs []glyphAt) {
	g := gs[0]
	p.look(g.t)
	skew := 0.0
	if g.t.oblique {
		skew = obliqueSkew
	}
	p.c.TextMatrix(1, 0, skew, 1, p.wr.x(g.x), p.wr.y(g.t.y))
	show := make([]pdfw.Glyph, len(gs))
	for k := range gs {
		show[k].Code = gs[k].gid
		if k+1 < len(gs) {
			show[k].Adjust = math.Round((gs[k].x+gs[k].adv-gs[k+1].x)/g.t.size*1000*10) / 10
		}
	}
	p.c.Show(show)
}

// look sets the font, size, colour and render mode of text t.
func (p *painter) look(t *textItem) {
	if t.face != p.face || t.size != p.size {
		p.face, p.size = t.face, t.size
		p.c.Font(p.wr.fonts[t.face].name, t.size)
	}
	p.setFill(t.color)
	if t.bold {
		// Synthetic bold: fill, then stroke the outlines.
		p.setStroke(t.color)
		p.setLineWidth(t.size * 0.035)
	}
	if t.bold != p.bold {
		p.bold = t.bold
		if t.bold {
			p.c.RenderMode(2)
		} else {
			p.c.RenderMode(0)
		}
	}
}

// sameLook reports whether two texts are drawn with one font, size,
// colour and style.
func sameLook(a, b *textItem) bool {
	return a.face == b.face && a.size == b.size && a.color == b.color && a.bold == b.bold && a.oblique == b.oblique
}

// clusters numbers the runs of glyphs an extractor would misread (see
// line): glyph i and i+1 are in one run when the box of i overlaps i+1 by
// more than 0.05 em, or a gap of more than 0.08 em lies between them and
// neither is a space. Glyphs in no run get -1.
func clusters(gs []glyphAt) []int {
	out := make([]int, len(gs))
	n := -1
	for i := range gs {
		out[i] = -1
	}
	for i := 0; i+1 < len(gs); i++ {
		a, b := gs[i], gs[i+1]
		if a.space || b.space {
			continue // a word space
		}
		gap := b.x - (a.x + a.adv)
		em := math.Min(a.t.size, b.t.size)
		if gap >= -0.05*em && gap <= 0.08*em {
			continue
		}
		if out[i] < 0 {
			// A Latin word or number set off (第6期, 用GitHub的) is in
			// the cluster whole, and one cluster with the gaps on both
			// of its sides.
			k := i
			for k > 0 && out[k-1] < 0 && latin(gs[k]) && latin(gs[k-1]) {
				k--
			}
			c := 0
			if k > 0 && out[k-1] >= 0 && latin(gs[k]) {
				c = out[k-1]
			} else {
				n++
				c = n
			}
			for m := k; m <= i; m++ {
				out[m] = c
			}
		}
		out[i+1] = out[i]
	}
	return out
}

// latin reports whether a glyph is of a Latin word or number.
func latin(g glyphAt) bool { return g.r < 0x2e80 && !g.space && !unicode.IsSpace(g.r) }

// clusterText is the text of a cluster's glyphs.
func clusterText(gs []glyphAt) string {
	b := make([]rune, len(gs))
	for k, g := range gs {
		b[k] = g.r
	}
	return string(b)
}

// hasCluster reports whether a line has a cluster.
func hasCluster(cluster []int) bool {
	for _, c := range cluster {
		if c >= 0 {
			return true
		}
	}
	return false
}
