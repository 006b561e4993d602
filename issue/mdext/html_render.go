package mdext

import (
	"html"

	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// htmlRenderer renders the nodes of this package as HTML, for goldmark
// users and tests: elements with their kept attributes, ruby with <rp>
// fallbacks, text escaped; dropped markup renders as nothing.
type htmlRenderer struct{}

func htmlRenderers() renderer.Option {
	return renderer.WithNodeRenderers(util.Prioritized(htmlRenderer{}, 500))
}

func (htmlRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindElement, renderElement)
	reg.Register(KindHTMLFlow, func(w util.BufWriter, _ []byte, n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			_ = w.WriteByte('\n')
		}
		return gast.WalkContinue, nil
	})
	reg.Register(KindText, func(w util.BufWriter, _ []byte, n gast.Node, entering bool) (gast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(html.EscapeString(n.(*Text).Value))
		}
		return gast.WalkContinue, nil
	})
	reg.Register(KindDropped, func(util.BufWriter, []byte, gast.Node, bool) (gast.WalkStatus, error) {
		return gast.WalkContinue, nil
	})
	reg.Register(KindRuby, renderRuby)
}

func renderElement(w util.BufWriter, _ []byte, n gast.Node, entering bool) (gast.WalkStatus, error) {
	e := n.(*Element)
	if !entering {
		if !void[e.Tag] {
			_, _ = w.WriteString("</" + e.Tag + ">")
		}
		return gast.WalkContinue, nil
	}
	_, _ = w.WriteString("<" + e.Tag)
	for _, a := range e.Attrs {
		_, _ = w.WriteString(" " + a.Key + `="` + html.EscapeString(a.Val) + `"`)
	}
	if void[e.Tag] {
		_, _ = w.WriteString(" />")
	} else {
		_ = w.WriteByte('>')
	}
	return gast.WalkContinue, nil
}

func renderRuby(w util.BufWriter, _ []byte, n gast.Node, entering bool) (gast.WalkStatus, error) {
	if !entering {
		return gast.WalkContinue, nil
	}
	_, _ = w.WriteString("<ruby>")
	for _, p := range n.(*Ruby).Pairs {
		_, _ = w.WriteString(html.EscapeString(p.Base) + "<rp>(</rp><rt>" + html.EscapeString(p.Text) + "</rt><rp>)</rp>")
	}
	_, _ = w.WriteString("</ruby>")
	return gast.WalkSkipChildren, nil
}
