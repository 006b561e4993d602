package pdf

import (
	"fmt"
	"strings"
	"unicode/utf16"
)

// appendOutline writes the outline (bookmarks) into objs: the root
// replaces gopdf's empty outline dictionary at rootID; every entry
// becomes a new object. Entries with children are open, so the pane shows
// sections with their articles.
func appendOutline(objs []object, rootID int, entries []outlineEntry, pageIDs []int) []object {
	next := len(objs) + 1
	// Number the entries depth-first.
	ids := map[*outlineEntry]int{}
	var number func(es []outlineEntry)
	number = func(es []outlineEntry) {
		for i := range es {
			ids[&es[i]] = next
			next++
			number(es[i].Children)
		}
	}
	number(entries)
	out := make([]object, next-1)
	copy(out, objs)
	var visible func(es []outlineEntry) int
	visible = func(es []outlineEntry) int {
		n := len(es)
		for _, e := range es {
			n += visible(e.Children)
		}
		return n
	}
	var write func(es []outlineEntry, parent int)
	write = func(es []outlineEntry, parent int) {
		for i := range es {
			e := &es[i]
			var b strings.Builder
			fmt.Fprintf(&b, "<< /Title %s /Parent %d 0 R", pdfString(e.Title), parent)
			if i > 0 {
				fmt.Fprintf(&b, " /Prev %d 0 R", ids[&es[i-1]])
			}
			if i+1 < len(es) {
				fmt.Fprintf(&b, " /Next %d 0 R", ids[&es[i+1]])
			}
			if len(e.Children) > 0 {
				fmt.Fprintf(&b, " /First %d 0 R /Last %d 0 R /Count %d",
					ids[&e.Children[0]], ids[&e.Children[len(e.Children)-1]], visible(e.Children))
			}
			if e.Page >= 0 && e.Page < len(pageIDs) {
				fmt.Fprintf(&b, " /Dest [%d 0 R /XYZ null null null]", pageIDs[e.Page])
			}
			b.WriteString(" >>")
			out[ids[e]-1] = object{dict: []byte(b.String())}
			write(e.Children, ids[e])
		}
	}
	write(entries, rootID)
	root := "<< /Type /Outlines /Count 0 >>"
	if len(entries) > 0 {
		root = fmt.Sprintf("<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>",
			ids[&entries[0]], ids[&entries[len(entries)-1]], visible(entries))
	}
	out[rootID-1] = object{dict: []byte(root)}
	return out
}

// pdfString encodes a text string: printable ASCII as a literal string,
// anything else as UTF-16BE with a byte order mark, in hex.
func pdfString(s string) string {
	ascii := true
	for _, r := range s {
		if r < 0x20 || r > 0x7e {
			ascii = false
			break
		}
	}
	if ascii {
		r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
		return "(" + r.Replace(s) + ")"
	}
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}
