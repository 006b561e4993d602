package fonts

import (
	"fmt"
	"slices"
	"sync"
	"unicode"
)

// Set is the faces of one export: a body, a heading and a code (Mono)
// face, each backed by a per-character fallback chain:
//
//   - Body: body → heading → embedded serif → embedded sans → embedded
//     Latin serif → embedded Latin sans → embedded symbols;
//   - Heading: heading → body → embedded sans → embedded serif →
//     embedded Latin sans → embedded Latin serif → embedded symbols;
//   - Mono: embedded monospace (Latin half-width, kana, punctuation) →
//     embedded Latin monospace → the Body chain (Han and Hangul are
//     full-width there too, so code columns line up);
//
// duplicates removed. A character no face of the chain has is looked up
// in the Library's system fonts, when it uses them (UseSystemFonts). A Set
// is immutable and safe for concurrent use; ForLang gives the same Set
// with a language's regional glyph forms.
type Set struct {
	faces  [numRoles]*Face
	chain  [numRoles][]*Face
	system *SystemFonts // nil: no lookup beyond the chains
	lang   string       // language system of the regional forms, "" for the base set

	mu       *sync.Mutex
	regional map[string]*Set // shared by a base set and its regional sets
}

// Segment is a run of text set in one face. Missing marks characters no
// face has (Face is then the role's face, which draws them as .notdef:
// backends draw a placeholder instead).
type Segment struct {
	Text    string
	Face    *Face
	Missing bool
}

// Set returns the faces for an export. An empty spec selects the embedded
// default of the role; other specs are loaded with Load.
func (l *Library) Set(bodySpec, headingSpec string) (*Set, error) {
	// The faces are parsed in parallel: a CJK face takes milliseconds.
	var defaults [numEmbedded]*Face
	var user [2]*Face
	errs := make([]error, numEmbedded+2)
	var wg sync.WaitGroup
	for i := range embedded {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defaults[i], errs[i] = l.embeddedFace(i)
		}()
	}
	for role, spec := range []string{bodySpec, headingSpec} {
		if spec == "" {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			f, err := l.Load(spec)
			if err != nil {
				err = fmt.Errorf("%s font: %w", Role(role), err)
			}
			user[role], errs[numEmbedded+role] = f, err
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	body, heading := user[Body], user[Heading]
	if body == nil {
		body = defaults[serifCJK]
	}
	if heading == nil {
		heading = defaults[sansCJK]
	}
	s := newSet(body, heading, defaults[monoCJK], defaults[:]...)
	s.system = l.system
	return s, nil
}

// NewSet makes a Set from faces already loaded: the fallback chain of
// Body is body, heading, then fallbacks in order; of Heading it is
// heading, body, then fallbacks; of Mono it is the Body chain. It uses no
// system fonts.
func NewSet(body, heading *Face, fallbacks ...*Face) *Set {
	return newSet(body, heading, nil, fallbacks...)
}

// newSet makes a Set; embedded holds the embedded faces in the order of
// the embedded table, or is any list of fallbacks.
func newSet(body, heading, mono *Face, fallbacks ...*Face) *Set {
	s := &Set{mu: &sync.Mutex{}, regional: map[string]*Set{}}
	s.faces = [numRoles]*Face{body, heading, mono}
	if len(fallbacks) == numEmbedded && mono != nil && fallbacks[monoCJK] == mono {
		e := fallbacks
		s.chain[Body] = uniqueFaces(body, heading, e[serifCJK], e[sansCJK], e[serifLatin], e[sansLatin], e[symbols], e[mathSymbols])
		s.chain[Heading] = uniqueFaces(heading, body, e[sansCJK], e[serifCJK], e[sansLatin], e[serifLatin], e[symbols], e[mathSymbols])
		s.chain[Mono] = uniqueFaces(append([]*Face{mono, e[monoLatin]}, s.chain[Body]...)...)
		return s
	}
	s.chain[Body] = uniqueFaces(append([]*Face{body, heading}, fallbacks...)...)
	s.chain[Heading] = uniqueFaces(append([]*Face{heading, body}, fallbacks...)...)
	s.chain[Mono] = s.chain[Body]
	if mono == nil {
		s.faces[Mono] = body
	}
	return s
}

func uniqueFaces(faces ...*Face) []*Face {
	var out []*Face
	for _, f := range faces {
		if f != nil && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// ForLang returns the set as text in the BCP 47 language tag is drawn:
// every face replaced by its regional variant (Face.ForLang), so that a
// zh-TW, Hong Kong, Japanese or Korean text gets its own glyph forms and
// punctuation positions. A language without CJK regional forms gives the
// base set. The result is cached.
func (s *Set) ForLang(tag string) *Set {
	sys := LangSys(tag)
	if sys == s.lang {
		return s
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if r, ok := s.regional[sys]; ok {
		return r
	}
	base := s.regional[""]
	if base == nil {
		base = s
	}
	r := &Set{system: s.system, lang: sys, mu: s.mu, regional: s.regional}
	conv := func(f *Face) *Face {
		if sys == "" {
			return f.Base()
		}
		return f.ForLang(tag)
	}
	for i, f := range base.faces {
		r.faces[i] = conv(f)
	}
	for i, chain := range base.chain {
		for _, f := range chain {
			r.chain[i] = append(r.chain[i], conv(f))
		}
	}
	if s.lang == "" {
		s.regional[""] = s
	}
	s.regional[sys] = r
	return r
}

// Face returns the face of the role.
func (s *Set) Face(role Role) *Face { return s.faces[role] }

// Faces returns every face of the set's chains, the role faces first,
// then the system faces that have supplied characters so far (Check
// finds every one an issue needs), without duplicates; backends embed
// (subsets of) those they use.
func (s *Set) Faces() []*Face {
	var all []*Face
	for _, c := range s.chain {
		all = append(all, c...)
	}
	if s.system != nil {
		for _, f := range s.system.Used() {
			if s.lang != "" {
				f = f.ForLang(s.lang)
			}
			all = append(all, f)
		}
	}
	return uniqueFaces(all...)
}

// FaceFor returns the first face of the role's chain that has a glyph for
// r, else a system font that has it (when the Library uses system fonts),
// else the role's own face.
func (s *Set) FaceFor(role Role, r rune) *Face {
	if f := s.find(role, r); f != nil {
		return f
	}
	return s.faces[role]
}

// find is FaceFor without the last resort: nil when no face has r.
func (s *Set) find(role Role, r rune) *Face {
	for _, f := range s.chain[role] {
		if f.HasGlyph(r) {
			return f
		}
	}
	if s.system != nil && !clingy(r) {
		if f := s.system.Face(r); f != nil {
			if s.lang != "" {
				return f.ForLang(s.lang)
			}
			return f
		}
	}
	return nil
}

// Covered reports whether some face of the set (or a system font) has a
// glyph for r.
func (s *Set) Covered(r rune) bool { return s.find(Body, r) != nil }

// Supplier returns the face that sets r in the role and whether it is
// one of the set's own faces (false: a system font). ok is false when no
// face has r.
func (s *Set) Supplier(role Role, r rune) (f *Face, own, ok bool) {
	f = s.find(role, r)
	if f == nil {
		return nil, false, false
	}
	return f, slices.Contains(s.chain[role], f), true
}

// Split cuts text into segments of consecutive characters set in the same
// face: each character goes to the first face of the role's chain that has
// it (or a system font). Characters no face has make segments of their own
// marked Missing, in the role's face. Invisible characters (spaces,
// controls, variation selectors, joiners, combining marks) stay with the
// face of the character before them, so they never split a run.
func (s *Set) Split(role Role, text string) []Segment {
	var segs []Segment
	var cur *Face
	missing := false
	start := 0
	for i, r := range text {
		f, miss := cur, missing
		if cur == nil || missing || !clingy(r) {
			f = s.find(role, r)
			miss = f == nil
			if miss {
				f = s.faces[role]
			}
		}
		if f != cur || miss != missing {
			if cur != nil {
				segs = append(segs, Segment{Text: text[start:i], Face: cur, Missing: missing})
			}
			cur, missing, start = f, miss, i
		}
	}
	if cur != nil && start < len(text) {
		segs = append(segs, Segment{Text: text[start:], Face: cur, Missing: missing})
	}
	return segs
}

// clingy reports whether r has no ink of its own and should be set in the
// face of the character before it.
func clingy(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || ignorable(r) ||
		unicode.In(r, unicode.Mn, unicode.Me)
}

// ignorable reports whether r is a default-ignorable code point (format
// characters, variation selectors, joiners): fonts need no glyph for it.
func ignorable(r rune) bool {
	return unicode.In(r, unicode.Cf, unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point)
}
