package pdf

import (
	"math"
	"unicode/utf8"

	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/issue"
	"github.com/qikan-dev/qikan/layout"
)

// The runs of the model that are more than text — ruby and images set in
// the line — are drawn here, from the items layout positioned (see
// setter.line); the inline styles that are drawn (underline, strike,
// tints, rise) are decorate's.

// inlineSpan makes ruby and image runs into spans of their own, each with
// its structure element under parent (or the link's): Ruby with RB and
// RT, a Figure with the image's alternative text.
func inlineSpan(sp span, in issue.Inline, parent *node) span {
	holder := parent
	if sp.tag != nil {
		holder, sp.linkTag = sp.tag, sp.tag
	}
	switch {
	case in.Image != nil:
		sp.img, sp.src, sp.text = in.Image, in.Pos, "\uFFFC"
		if in.Text != "" {
			fig := holder.add("Figure")
			fig.alt = in.Text
			sp.tag = fig
		}
	case in.Ruby != "":
		r := holder.add("Ruby")
		sp.tag, sp.ruby, sp.rubyTag = r.add("RB"), in.Ruby, r.add("RT")
	}
	return sp
}

// objectRun is the layout run of an image set in the line: an em high,
// as wide as its proportions make it, at most width.
func objectRun(sp span, face *fonts.Face, width float64, tag int) layout.Run {
	h := sp.st.size
	w := h
	if sp.img.Width > 0 && sp.img.Height > 0 {
		w = h * float64(sp.img.Width) / float64(sp.img.Height)
	}
	return layout.Run{Text: sp.text, Face: face, Size: sp.st.size, Object: math.Min(w, width), Tag: tag}
}

// rubyRun is the layout run of a base with its ruby.
func rubyRun(set *fonts.Set, sp span, tag int) layout.Run {
	face := set.Split(sp.st.role, sp.text)[0].Face
	rubyFace := face
	if segs := set.Split(sp.st.role, sp.ruby); len(segs) > 0 {
		rubyFace = segs[0].Face
	}
	return layout.Run{Text: sp.text, Face: face, Size: sp.st.size, Ruby: sp.ruby, RubyFace: rubyFace, Tag: tag}
}

// special sets an item of a ruby or image run on the line: the base and
// its ruby above it (jlreq: the ruby's em box on the base's), or the
// image on the line's em box. It reports whether the item was one.
func (s *setter) special(out *setLine, it layout.Item, run layout.Run, info runInfo) bool {
	switch {
	case info.img != nil:
		h := info.st.size
		im := item{kind: imageItem, img: info.img, src: info.src, x: it.X, y: -0.88*h - info.st.rise, w: it.Width, h: h, tag: info.tag}
		if im.w > 0 && info.img.Width > 0 && info.img.Height > 0 {
			im.h = im.w * float64(info.img.Height) / float64(info.img.Width)
			im.y = -0.88*h + (h-im.h)/2 - info.st.rise
		}
		if info.tag == nil {
			im.artifact = layoutArt
		}
		out.marks = append(out.marks, im)
		return true
	case run.Ruby != "":
		l := run.RubyLayout(it.Width)
		base := s.text(it.X+l.BaseX, it.Text, info)
		base.spacing = l.BaseSpacing
		out.texts = append(out.texts, base)
		rubyFace := run.RubyFace.(*fonts.Face)
		rt := textItem{x: it.X + l.RubyX, y: -0.88*info.st.size - 0.12*l.RubySize - info.st.rise, text: run.Ruby,
			face: rubyFace, size: l.RubySize, color: info.st.color, spacing: l.RubySpacing, tag: info.rubyTag}
		if utf8.RuneCountInString(run.Ruby) == 1 {
			rt.spacing = 0
		}
		out.texts = append(out.texts, rt)
		return true
	}
	return false
}

// text is a text item of the run info at x on the line.
func (s *setter) text(x float64, text string, info runInfo) textItem {
	return textItem{
		x: x, y: -info.st.rise, text: text, face: info.face, size: info.st.size,
		color: info.st.color, bold: info.st.bold && !info.face.IsBold(), oblique: info.st.oblique,
		tag: info.tag,
	}
}
