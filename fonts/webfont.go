package fonts

import (
	"fmt"
	"slices"

	"golang.org/x/text/language"
)

// Text collects what an export sets in one face: its characters, by the
// language (BCP 47) of the text they are in. The zero value is not
// usable; call NewText. A Text is not safe for concurrent use.
type Text struct {
	langs map[string]map[rune]struct{}
}

// NewText returns an empty Text.
func NewText() *Text { return &Text{langs: map[string]map[rune]struct{}{}} }

// Add records the characters of s, set in text of language lang ("" when
// unknown).
func (t *Text) Add(lang, s string) {
	set := t.langs[lang]
	if set == nil {
		set = map[rune]struct{}{}
		t.langs[lang] = set
	}
	for _, r := range s {
		set[r] = struct{}{}
	}
}

// Len is the number of different characters recorded.
func (t *Text) Len() int { return len(t.Runes()) }

// Languages returns the languages recorded, sorted.
func (t *Text) Languages() []string {
	out := make([]string, 0, len(t.langs))
	for l := range t.langs {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}

// LangRunes returns the characters recorded in text of lang, in code
// point order.
func (t *Text) LangRunes(lang string) []rune {
	out := make([]rune, 0, len(t.langs[lang]))
	for r := range t.langs[lang] {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}

// Runes returns every character recorded, in code point order.
func (t *Text) Runes() []rune {
	var out []rune
	for _, set := range t.langs {
		for r := range set {
			out = append(out, r)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// webSpaces are in every web subset of a face that has them: reading
// systems set them between words and in justified or trimmed lines
// whether or not the text holds one.
var webSpaces = []rune{' ', '\u00A0', '\u3000'}

// WebSubset returns a font for reading systems (EPUB, the web) holding
// the characters of text and the spaces, in format TTF or WOFF2. Unlike
// Subset, which numbers the kept glyphs anew and drops layout tables (a
// PDF draws glyphs by number), a web subset keeps every glyph ID of the
// face, with the outlines of the glyphs it does not need removed, so that
// the face's OpenType layout stays valid: the lookups of the features
// reading systems apply (see webGSUB and webGPOS) are kept, pruned to the
// kept glyphs, and the kept glyphs include everything those lookups
// produce from them in the language of each character (a zh-Hant article
// gets the Traditional forms locl reaches, vertical text the vert forms,
// …). A layout table the subsetter cannot read is left out. The output
// is deterministic and WebSubset is safe for concurrent use.
func WebSubset(f *Face, text *Text, format Format) (out []byte, err error) {
	if format != TTF && format != WOFF2 {
		return nil, fmt.Errorf("fonts: unknown subset format %d", int(format))
	}
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("fonts: subsetting %s: corrupt font (%v)", f.name, r)
		}
	}()
	t, err := readTTFont(f.data)
	if err != nil {
		return nil, fmt.Errorf("fonts: subsetting %s: %v", f.name, err)
	}
	if f.rare != nil {
		// The outlines of rare glyphs are stored apart (rare.go): the
		// face reads them, decompressing only the chunks kept glyphs
		// are in.
		t.outlines = f.outline
	}
	keep := make(glyphSet, t.n)
	cmap := map[rune]uint16{}
	var gsub, gpos *layoutTable
	if data := t.get("GSUB"); data != nil {
		gsub, _ = readLayout(data, false) // unreadable: left out
	}
	if data := t.get("GPOS"); data != nil {
		gpos, _ = readLayout(data, true)
	}
	langs := text.Languages()
	if !slices.Contains(langs, "") {
		langs = append(langs, "")
	}
	for _, lang := range langs {
		runes := text.LangRunes(lang)
		if lang == "" {
			runes = append(runes, webSpaces...)
		}
		mine := make(glyphSet, t.n)
		for _, r := range runes {
			if g := f.glyph(r); g != 0 && int(g) < t.n {
				cmap[r] = g
				mine[g] = true
			}
		}
		if gsub != nil {
			tags, known := otLanguages(lang)
			func() {
				defer func() {
					if recover() != nil {
						gsub = nil // unreadable lookups: no GSUB
					}
				}()
				gsub.close(gsub.activeLookups(tags, !known), mine)
			}()
		}
		for g, k := range mine {
			keep[g] = keep[g] || k
		}
	}
	t.addComponents(keep)
	tables, _, err := t.glyphTables(keep, cmap, true)
	if err != nil {
		return nil, fmt.Errorf("fonts: subsetting %s: %v", f.name, err)
	}
	for _, l := range []struct {
		tag   string
		table *layoutTable
	}{{"GSUB", gsub}, {"GPOS", gpos}} {
		if l.table == nil {
			continue
		}
		if data, err := l.table.subset(keep); err == nil && data != nil {
			tables = append(tables, sfntTable{l.tag, data})
		}
	}
	if gdef := subsetGDEF(t.get("GDEF"), keep); gdef != nil {
		tables = append(tables, sfntTable{"GDEF", gdef})
	}
	if vhea, vmtx := t.get("vhea"), t.get("vmtx"); len(vhea) >= 36 {
		long := int(vhea[34])<<8 | int(vhea[35])
		if long > 0 && long <= t.n && len(vmtx) >= 4*long+2*(t.n-long) {
			all := make([]uint16, t.n)
			for i := range all {
				all[i] = uint16(i)
			}
			newVmtx, newLong := subsetMetrics(vmtx, long, all, keep)
			newVhea := slices.Clone(vhea[:36])
			newVhea[34], newVhea[35] = byte(newLong>>8), byte(newLong)
			tables = append(tables, sfntTable{"vhea", newVhea}, sfntTable{"vmtx", newVmtx})
		}
	}
	ttf := writeSFNT(0x00010000, tables)
	if format == TTF {
		return ttf, nil
	}
	b, err := encodeWOFF2(ttf)
	if err != nil {
		return nil, fmt.Errorf("fonts: subsetting %s: WOFF2: %v", f.name, err)
	}
	return b, nil
}

// otLanguages returns the OpenType language system tags HarfBuzz (the
// shaper of most reading systems) chooses for text in lang, and whether
// qikan knows them: for a language it does not know, a subset takes every
// language system. Text of no known language ("") uses the default ones.
func otLanguages(lang string) (tags []string, known bool) {
	if lang == "" {
		return nil, true
	}
	tag, err := language.Parse(lang)
	if err != nil {
		return nil, false
	}
	base, script, region := tag.Raw()
	b := base.String()
	switch b {
	case "ja":
		return []string{"JAN "}, true
	case "ko":
		return []string{"KOR ", "KOH "}, true
	case "yue":
		return []string{"ZHH "}, true
	case "lzh":
		return []string{"ZHT "}, true
	case "zh", "cmn":
		switch r := region.String(); {
		case r == "HK":
			return []string{"ZHH "}, true
		case r == "MO":
			return []string{"ZHTM", "ZHH ", "ZHT "}, true
		case r == "TW" || script.String() == "Hant":
			return []string{"ZHT "}, true
		}
		return []string{"ZHS "}, true
	}
	return nil, false
}

// subsetGDEF returns the GDEF table for a web subset: glyph classes, mark
// attachment classes and mark glyph sets (which lookups refer to by
// index) pruned to the kept glyphs; attachment points, ligature carets
// and variation data left out. It returns nil when nothing is left or the
// table cannot be read.
func subsetGDEF(data []byte, keep glyphSet) (out []byte) {
	if data == nil {
		return nil
	}
	defer func() {
		if recover() != nil {
			out = nil
		}
	}()
	r := &otReader{work: layoutBudget}
	if u16(data, 0) != 1 {
		return nil
	}
	minor := u16(data, 2)
	classDef := func(off int) *otObj {
		d := sub(data, off)
		if d == nil {
			return nil
		}
		classes := keptClassDef(r.classDef(d), keep, nil)
		if len(classes) == 0 {
			return nil
		}
		return classDefObj(classes)
	}
	glyphClasses, markClasses := classDef(4), classDef(10)
	var sets *otObj
	if minor >= 2 {
		if d := sub(data, 12); d != nil && u16(d, 0) == 1 {
			sets = newObj(0)
			sets.u16(1)
			n := u16(d, 2)
			r.spend(n)
			sets.u16(n)
			for i := range n {
				glyphs := r.keptCoverage(d[u32(d, 4+4*i):], keep)
				sets.link32(coverageObj(glyphs))
			}
		}
	}
	if glyphClasses == nil && markClasses == nil && sets == nil {
		return nil
	}
	root := newObj(0)
	root.u16(1)
	if sets != nil {
		root.u16(2)
	} else {
		root.u16(0)
	}
	root.link16(glyphClasses)
	root.u16(0) // attachList
	root.u16(0) // ligCaretList
	root.link16(markClasses)
	if sets != nil {
		root.link16(sets)
	}
	out, err := packLayout(root)
	if err != nil {
		return nil
	}
	return out
}
