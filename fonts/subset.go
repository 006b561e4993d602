package fonts

import (
	"errors"
	"fmt"
	"slices"

	tdfont "github.com/tdewolff/font"
)

// Format is the file format of a subset font.
type Format int

// Subset formats.
const (
	TTF   Format = iota // TrueType (for PDF embedding, e.g. gopdf's AddTTFFontData)
	WOFF2               // WOFF 2.0, Brotli compressed (for EPUB @font-face)
)

// String returns "ttf" or "woff2", the usual file extension.
func (f Format) String() string {
	switch f {
	case TTF:
		return "ttf"
	case WOFF2:
		return "woff2"
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// Subset returns a font holding the glyphs of runes that the face maps
// (others are ignored), plus .notdef; every character mapped to a kept
// glyph stays mapped with its original advance. The tables kept are cmap,
// glyf, loca, head, hhea, hmtx, maxp, name (naming, copyright and licence
// records only), OS/2 and post; layout tables
// (GSUB, GPOS) and hinting are dropped, except that WOFF2 subsets keep
// vertical writing: the vertical alternates of the kept glyphs with a
// GSUB 'vert'/'vrt2' lookup to reach them, and vhea/vmtx, so browsers set
// vertical-rl text with proper punctuation. The output is deterministic: the
// same face and rune set always give the same bytes.
func Subset(f *Face, runes []rune, format Format) ([]byte, error) {
	if format != TTF && format != WOFF2 {
		return nil, fmt.Errorf("fonts: unknown subset format %d", int(format))
	}
	glyphs := []uint16{0}
	for _, r := range runes {
		if g := f.glyph(r); g != 0 {
			glyphs = append(glyphs, g)
			if v, ok := f.vert[g]; ok && format == WOFF2 {
				glyphs = append(glyphs, v)
			}
		}
	}
	slices.Sort(glyphs[1:])
	glyphs = slices.Compact(glyphs)
	return f.subset(glyphs, format)
}

// keptName selects the name records a subset keeps: copyright (0),
// family and subfamily (1, 2, 16, 17), unique, full and PostScript names
// (3, 4, 6), version (5), licence and licence URL (13, 14).
func keptName(id uint16) bool {
	switch id {
	case 0, 1, 2, 3, 4, 5, 6, 13, 14, 16, 17:
		return true
	}
	return false
}

// subset runs the tdewolff/font subsetter behind recover: the face's font
// was only checked by go-text, and another parser may trip on it.
func (f *Face) subset(glyphs []uint16, format Format) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("fonts: subsetting %s: corrupt font (%v)", f.name, r)
		}
	}()
	sfnt, err := f.parsedSFNT()
	if err != nil {
		return nil, err
	}
	sub, err := sfnt.Subset(glyphs, tdfont.SubsetOptions{Tables: tdfont.KeepMinTables})
	if err != nil {
		return nil, fmt.Errorf("fonts: subsetting %s: %v", f.name, err)
	}
	if names := subsetNames(sfnt.Tables["name"], keptName); names != nil {
		pad := func(n int) uint32 { return uint32((n + 3) &^ 3) }
		sub.Length += pad(len(names)) - pad(len(sub.Tables["name"])) // WOFF2 totalSfntSize
		sub.Tables["name"] = names
	}
	if format == WOFF2 {
		f.addVertical(sub, glyphs)
	}
	ttf, err := f.fixModified(sub.Write())
	if err != nil || format == TTF {
		return ttf, err
	}
	b, err := encodeWOFF2(ttf)
	if err != nil {
		return nil, fmt.Errorf("fonts: subsetting %s: WOFF2: %v", f.name, err)
	}
	return b, nil
}

// parsedSFNT parses the face for the tdewolff subsetter on first use. Its
// cmap keeps only the Unicode subtables (see unicodeCmap). The parsed font
// is then only read: its lazily built reverse cmap is built here, so that
// subsets of one face can be made concurrently (the PDF and the EPUB of
// an export subset the same faces at the same time).
func (f *Face) parsedSFNT() (sfnt *tdfont.SFNT, err error) {
	f.subsetMu.Lock()
	defer f.subsetMu.Unlock()
	if f.sfnt != nil {
		return f.sfnt, nil
	}
	defer func() {
		if r := recover(); r != nil {
			sfnt, err = nil, fmt.Errorf("fonts: subsetting %s: corrupt font (%v)", f.name, r)
		}
	}()
	data := f.data
	if version, tabs, err := readTables(data, 0); err == nil {
		changed := false
		for i, t := range tabs {
			if t.tag == "cmap" {
				if c := unicodeCmap(t.data); len(c) != len(t.data) {
					tabs[i].data, changed = c, true
				}
			}
		}
		if changed { // else no copy of the whole font
			data = writeSFNT(version, tabs)
		}
	}
	sfnt, err = tdfont.ParseSFNT(data, 0)
	if err != nil {
		return nil, fmt.Errorf("fonts: subsetting %s: %v", f.name, err)
	}
	if sfnt.Cmap != nil {
		sfnt.Cmap.ToUnicode(0)
	}
	f.sfnt = sfnt
	return sfnt, nil
}

// fixModified replaces head.modified, which the tdewolff writer sets to
// the current time, by the original font's value, so subsets are
// reproducible, and recomputes the checksums.
func (f *Face) fixModified(ttf []byte) ([]byte, error) {
	_, origTabs, err := readTables(f.data, 0)
	if err != nil {
		return nil, err
	}
	version, tabs, err := readTables(ttf, 0)
	if err != nil {
		return nil, fmt.Errorf("fonts: subsetting %s: %v", f.name, err)
	}
	var orig []byte
	for _, t := range origTabs {
		if t.tag == "head" {
			orig = t.data
		}
	}
	for i, t := range tabs {
		if t.tag != "head" {
			continue
		}
		if len(t.data) < 36 || len(orig) < 36 {
			return nil, errors.New("fonts: subsetting " + f.name + ": short head table")
		}
		head := slices.Clone(t.data)
		copy(head[28:36], orig[28:36])
		tabs[i].data = head
	}
	return writeSFNT(version, tabs), nil
}

// addVertical adds a GSUB with the vertical alternates among glyphs (the
// subset's glyph order) and subset vhea/vmtx tables to sub.
func (f *Face) addVertical(sub *tdfont.SFNT, glyphs []uint16) {
	newID := make(map[uint16]uint16, len(glyphs))
	for i, g := range glyphs {
		newID[g] = uint16(i)
	}
	var pairs [][2]uint16
	for i, g := range glyphs {
		if v, ok := f.vert[g]; ok {
			if nv, ok := newID[v]; ok {
				pairs = append(pairs, [2]uint16{uint16(i), nv})
			}
		}
	}
	add := func(tag string, table []byte) {
		pad := func(n int) uint32 { return uint32((n + 3) &^ 3) }
		if old, ok := sub.Tables[tag]; ok {
			sub.Length -= 16 + pad(len(old))
		}
		sub.Length += 16 + pad(len(table))
		sub.Tables[tag] = table
	}
	if len(pairs) > 0 {
		add("GSUB", gsubVert(pairs))
	}
	// Glyphs the subsetter appended (components of composite glyphs) get
	// the default vertical metric.
	order := slices.Clone(glyphs)
	for len(order) < int(sub.NumGlyphs()) {
		order = append(order, 0xFFFF)
	}
	vhea, vmtx := subsetVmtx(f.sfnt.Tables["vhea"], f.sfnt.Tables["vmtx"], int(f.sfnt.NumGlyphs()), order)
	if vhea != nil {
		add("vhea", vhea)
		add("vmtx", vmtx)
	}
}
