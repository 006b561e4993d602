package issue

import (
	"bytes"
	"fmt"
	"net"
	"net/url"
	"path"
	"strings"
	"unicode/utf8"

	gast "github.com/yuin/goldmark/ast"
	"golang.org/x/net/idna"
)

// The link policy of both formats lives here, in the model, so that no
// backend needs its own: Inline.Link is empty or an absolute http or https
// URL with a host, or a mailto URL with an address, normalised by
// net/url. Every other destination — javascript:, vbscript:, data:, file:
// and other schemes, relative paths and #fragments — is dropped when the
// article is loaded, with a warning at its line; the link's text stays.
// The backends' own links (contents, outline) are not Markdown links and
// are not affected.

// checkLink applies the link policy to a Markdown link destination. It
// returns the link to keep, or "" and the reason it is dropped.
func checkLink(dest string) (link, reason string) {
	dest = strings.TrimSpace(dest)
	if dest == "" {
		return "", ""
	}
	u, err := url.Parse(dest)
	if err != nil || strings.ContainsFunc(dest, isControl) {
		return "", "it is not a valid URL"
	}
	switch scheme := strings.ToLower(u.Scheme); scheme {
	case "http", "https":
		if u.Host == "" {
			return "", "it has no host name"
		}
		// An international domain name goes out in its ASCII form
		// (punycode), as PDF URIs must be ASCII; net/url would
		// percent-encode it into a name no resolver knows.
		host := u.Hostname()
		if net.ParseIP(host) == nil {
			if host, err = idna.Lookup.ToASCII(host); err != nil {
				return "", "its host name is not valid"
			}
		}
		if p := u.Port(); p != "" {
			host = net.JoinHostPort(host, p)
		}
		u.Host = host
	case "mailto":
		if u.Opaque == "" {
			return "", "it has no address"
		}
	case "javascript", "vbscript", "data", "file":
		return "", scheme + ": links can run code or reach local files"
	case "":
		return "", "links inside the issue and relative links are not kept; write the full https:// address"
	default:
		return "", scheme + ": is not an http, https or mailto link"
	}
	return u.String(), ""
}

// isControl reports C0 and C1 control characters and DEL.
func isControl(r rune) bool { return r < 0x20 || r >= 0x7f && r < 0xa0 }

// shorten returns s cut to at most n characters, with "…" when cut, for
// quoting user text in messages.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for k := range s {
		if n == 0 {
			i = k
			break
		}
		n--
	}
	return s[:i] + "…"
}

// link applies the link policy to the destination of the link n, warning
// at its line when the link is dropped. A relative link to an image file
// is most likely an image written without its "!" (or with a full-width
// "！", as a Chinese input method types it): the warning says so.
func (c *mdConverter) link(dest string, n gast.Node) string {
	link, reason := checkLink(dest)
	if link == "" && reason != "" {
		if hint := c.imageAsLink(dest, n); hint != "" {
			reason = hint
		}
		c.r.warn(c.file, c.pos(n).Line, "link %q is dropped (its text stays): %s; only http, https and mailto links are kept", shorten(dest, 80), reason)
	}
	return link
}

// imageAsLink returns the fix for a Markdown link n to the image file dest
// (a relative path ending in .jpg, .jpeg, .png or .gif), or "".
func (c *mdConverter) imageAsLink(dest string, n gast.Node) string {
	l, ok := n.(*gast.Link)
	if !ok || strings.Contains(dest, ":") {
		return ""
	}
	switch strings.ToLower(path.Ext(strings.TrimSpace(dest))) {
	case ".jpg", ".jpeg", ".png", ".gif":
	default:
		return ""
	}
	var b []byte
	for t := range textNodes(l) {
		b = append(b, t.Segment.Value(c.text)...)
	}
	text := shorten(string(b), 40)
	if prev, ok := l.PreviousSibling().(*gast.Text); ok && bytes.HasSuffix(prev.Segment.Value(c.text), []byte("！")) {
		return fmt.Sprintf(`it points to an image, and the "！" before it is full-width: write ![%s](%s)`, text, dest)
	}
	return fmt.Sprintf("it points to an image: an image is written with \"!\" before its brackets, ![%s](%s)", text, dest)
}

// warnUnparsedImage warns when the text of the paragraph p still holds
// "![…](": an image that CommonMark did not read as one, usually because
// its path has a space or an unbalanced parenthesis, its title no closing
// quote, a space stands between "]" and "(", or the parentheses were typed
// full-width (（…）, as a Chinese input method does). The figure would be
// lost with its Markdown printed as text.
func (c *mdConverter) warnUnparsedImage(p gast.Node, in []Inline) {
	text := plain(in)
	open := strings.Index(text, "![")
	if open < 0 {
		return
	}
	alt, after, ok := strings.Cut(text[open+2:], "]")
	if !ok {
		return
	}
	gap := len(after) - len(strings.TrimLeft(after, " \t"))
	after = after[gap:]
	paren, closeParen := "(", ")"
	if strings.HasPrefix(after, "（") {
		paren, closeParen = "（", "）"
	} else if !strings.HasPrefix(after, "(") {
		return
	}
	rest := after[len(paren):]
	dest, _, closed := strings.Cut(rest, closeParen)
	if !closed {
		dest = rest
	}
	line := c.pos(p).Line
	for t := range textNodes(p) {
		if bytes.Contains(t.Segment.Value(c.text), []byte("![")) {
			line = c.at(t.Segment.Start).Line
			break
		}
	}
	end := open + 2 + len(alt) + 1 + gap + len(paren) + len(dest)
	if closed {
		end += len(closeParen)
	}
	shown := shorten(text[open:end], 80)
	img := shorten("!["+alt, 40) + "](" + strings.TrimSpace(dest) + ")"
	path, title, quoted := strings.Cut(strings.TrimSpace(dest), ` "`)
	var hint string
	switch {
	case paren == "（":
		hint = "its parentheses are full-width: write " + img
	case gap > 0:
		hint = `a space stands between "]" and "(": write ` + img
	case quoted && !strings.HasSuffix(title, `"`):
		hint = fmt.Sprintf(`its title has no closing quote: write %s](%s "%s")`, shorten("!["+alt, 40), path, title)
	case strings.ContainsAny(path, " \t"):
		if quoted {
			title = ` "` + title
		}
		a := shorten("!["+alt, 40)
		hint = fmt.Sprintf("its path has a space: write %s](<%s>%s) or %s](%s%s)", a, path, title, a, strings.ReplaceAll(path, " ", "%20"), title)
	default:
		hint = "check its brackets and parentheses; a path with spaces or parentheses is written in <…>"
	}
	c.r.warn(c.file, line, "%q is printed as text, not shown as an image: %s", shown, hint)
}

// textNodes yields the text nodes below n in document order.
func textNodes(n gast.Node) func(yield func(*gast.Text) bool) {
	return func(yield func(*gast.Text) bool) {
		gast.Walk(n, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
			if t, ok := n.(*gast.Text); ok && entering && !yield(t) {
				return gast.WalkStop, nil
			}
			return gast.WalkContinue, nil
		})
	}
}
