package fonts

import (
	"sync"

	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/font/opentype/tables"
	"github.com/qikan-dev/qikan/lang"
)

// Regional forms. Han characters, kana and CJK punctuation are drawn
// differently in mainland China, Taiwan, Hong Kong, Japan and Korea (骨 and
// 直 change strokes; 。，、 sit bottom-left in GB style and centred in
// zh-Hant). A pan-CJK font such as Noto CJK holds every region's glyphs and
// reaches the non-default ones through the GSUB feature 'locl' under the
// OpenType language systems ZHS, ZHT, ZHH, JAN and KOR. ForLang applies
// those single substitutions to the face's character map: one embedded
// font gives every region its own forms, where region faces would each
// repeat tens of thousands of shared glyphs.

// regionScripts are the GSUB scripts whose locl lookups a regional face
// applies, in order of precedence.
var regionScripts = []string{"hani", "kana", "hang", "latn", "DFLT"}

// LangSys returns the OpenType language system whose regional forms text
// in the BCP 47 language tag uses, from the Noto CJK region package lang
// gives the language: "ZHS" (Simplified Chinese, and languages not written
// in Han, kana or Hangul), "ZHT" (Traditional Chinese), "ZHH" (Hong Kong,
// Macao), "JAN" (Japanese), "KOR" (Korean).
func LangSys(tag string) string {
	switch lang.For(tag).Region {
	case "TC":
		return "ZHT"
	case "HK":
		return "ZHH"
	case "JP":
		return "JAN"
	case "KR":
		return "KOR"
	}
	return "ZHS"
}

// faceShared is what a face and its regional variants share: the
// variants, made on first use, and the regional alternates of every glyph.
type faceShared struct {
	mu      sync.Mutex
	regions map[string]*Face // language system → face (the base face when it has no forms of its own)

	altOnce sync.Once
	alts    map[uint16][]uint16
}

// ForLang returns the face as text in the BCP 47 language tag is drawn:
// the same font whose character map leads to the glyphs of the
// language's 'locl' forms (see LangSys). Metrics, ink, HasGlyph, Subset
// and the PDF embedding all go through that map, so a zh-TW paragraph is
// measured, compressed and drawn with centred punctuation. A face without
// such forms for the language (a font without 'locl' for it) returns its
// base face. The result is cached: the same
// face and language system always give the same *Face.
func (f *Face) ForLang(tag string) *Face {
	base := f.Base()
	sys := LangSys(tag)
	if sys == "" {
		return base
	}
	sh := base.shared
	if sh == nil {
		return base
	}
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if v, ok := sh.regions[sys]; ok {
		return v
	}
	v := base.withLocl(sys)
	sh.regions[sys] = v
	return v
}

// Base returns the face without regional forms that f was made from (f
// itself for a face that ForLang did not make).
func (f *Face) Base() *Face {
	if f.base != nil {
		return f.base
	}
	return f
}

// LangSysTag is the OpenType language system of the regional forms the
// face draws ("JAN", "ZHT", …), "" for the font's default forms.
func (f *Face) LangSysTag() string { return f.langSys }

// withLocl makes the regional variant for the language system sys, or
// returns f when the font has no substitutions for it.
func (f *Face) withLocl(sys string) *Face {
	subst := loclSubstitutions(f.gsub, sys)
	if len(subst) == 0 {
		return f
	}
	v := *f
	v.base, v.langSys = f, sys
	to := make([]uint16, f.n) // glyph → substitute, 0 for none
	for g, s := range subst {
		if int(g) < f.n && int(s) < f.n {
			to[g] = s
		}
	}
	v.bmp = make([]uint16, len(f.bmp))
	for r, g := range f.bmp {
		if int(g) < len(to) && to[g] != 0 {
			g = to[g]
		}
		v.bmp[r] = g
	}
	v.astral = make(map[rune]uint16, len(f.astral))
	for r, g := range f.astral {
		if s, ok := subst[g]; ok && int(s) < f.n {
			g = s
		}
		v.astral[r] = g
	}
	return &v
}

// loclSubstitutions reads the single substitutions of the 'locl' feature
// of the language system sys under the scripts of regionScripts (the first
// script that substitutes a glyph wins): glyph → regional glyph. An absent
// or unreadable GSUB gives none.
func loclSubstitutions(gsub []byte, sys string) map[uint16]uint16 {
	out := map[uint16]uint16{}
	layout, _, err := tables.ParseLayout(gsub)
	if err != nil {
		return out
	}
	locl := ot.MustNewTag("locl")
	lang := ot.MustNewTag((sys + "    ")[:4])
	var lookups []uint16
	for _, script := range regionScripts {
		ls := findLangSys(layout.ScriptList, ot.MustNewTag(script), lang)
		if ls == nil {
			continue
		}
		for _, fi := range ls.FeatureIndices {
			if int(fi) < len(layout.FeatureList.Records) && layout.FeatureList.Records[fi].Tag == locl &&
				int(fi) < len(layout.FeatureList.Features) {
				lookups = append(lookups, layout.FeatureList.Features[fi].LookupListIndices...)
			}
		}
	}
	singleSubstitutions(layout, lookups, out)
	return out
}

// findLangSys returns the language system lang of script, nil when the
// table has none.
func findLangSys(sl tables.ScriptList, script, lang tables.Tag) *tables.LangSys {
	for i, rec := range sl.Records {
		if rec.Tag != script || i >= len(sl.Scripts) {
			continue
		}
		s := sl.Scripts[i]
		for j, lr := range s.LangSysRecords {
			if lr.Tag == lang && j < len(s.LangSys) {
				return &s.LangSys[j]
			}
		}
	}
	return nil
}
