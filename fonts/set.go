package fonts

import (
	"fmt"
	"slices"
	"sync"
	"unicode"
)

// Set is the faces of one export: a body and a heading face, each backed
// by a per-character fallback chain. For Body the chain is body → heading
// → embedded serif → embedded sans; for Heading it is heading → body →
// embedded sans → embedded serif (duplicates removed). A Set is immutable
// and safe for concurrent use.
type Set struct {
	faces [2]*Face
	chain [2][]*Face
}

// Segment is a run of text set in one face.
type Segment struct {
	Text string
	Face *Face
}

// Set returns the faces for an export. An empty spec selects the embedded
// default of the role; other specs are loaded with Load.
func (l *Library) Set(bodySpec, headingSpec string) (*Set, error) {
	// The (up to) four faces are parsed in parallel: a CJK face takes
	// tens of milliseconds.
	var s Set
	var defaults [2]*Face
	var errs [4]error
	var wg sync.WaitGroup
	for _, role := range []Role{Body, Heading} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defaults[role], errs[role] = l.Default(role)
		}()
		spec := []string{bodySpec, headingSpec}[role]
		if spec == "" {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			f, err := l.Load(spec)
			if err != nil {
				err = fmt.Errorf("%s font: %w", role, err)
			}
			s.faces[role], errs[2+role] = f, err
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	for _, role := range []Role{Body, Heading} {
		if s.faces[role] == nil {
			s.faces[role] = defaults[role]
		}
	}
	s.chain[Body] = uniqueFaces(s.faces[Body], s.faces[Heading], defaults[Body], defaults[Heading])
	s.chain[Heading] = uniqueFaces(s.faces[Heading], s.faces[Body], defaults[Heading], defaults[Body])
	return &s, nil
}

// NewSet makes a Set from faces already loaded: the fallback chain of
// Body is body, heading, then fallbacks in order; of Heading it is
// heading, body, then fallbacks.
func NewSet(body, heading *Face, fallbacks ...*Face) *Set {
	var s Set
	s.faces = [2]*Face{body, heading}
	s.chain[Body] = uniqueFaces(append([]*Face{body, heading}, fallbacks...)...)
	s.chain[Heading] = uniqueFaces(append([]*Face{heading, body}, fallbacks...)...)
	return &s
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

// Face returns the face of the role.
func (s *Set) Face(role Role) *Face { return s.faces[role] }

// Faces returns every face of the set, the role faces first, without
// duplicates; backends embed (subsets of) these.
func (s *Set) Faces() []*Face {
	return uniqueFaces(append(append([]*Face(nil), s.chain[Body]...), s.chain[Heading]...)...)
}

// FaceFor returns the first face of the role's chain that has a glyph for
// r, or the role's own face when none has.
func (s *Set) FaceFor(role Role, r rune) *Face {
	for _, f := range s.chain[role] {
		if f.HasGlyph(r) {
			return f
		}
	}
	return s.faces[role]
}

// Covered reports whether some face of the set has a glyph for r.
func (s *Set) Covered(r rune) bool {
	for _, f := range s.chain[Body] {
		if f.HasGlyph(r) {
			return true
		}
	}
	return false
}

// Split cuts text into segments of consecutive characters set in the same
// face: each character goes to the first face of the role's chain that has
// it. Characters no face has stay with the role's face (they show as
// .notdef boxes; Check reports them). Invisible characters (spaces,
// controls, variation selectors, joiners, combining marks) stay with the
// face of the character before them, so they never split a run.
func (s *Set) Split(role Role, text string) []Segment {
	var segs []Segment
	var cur *Face
	start := 0
	for i, r := range text {
		f := cur
		if cur == nil || !clingy(r) {
			f = s.FaceFor(role, r)
		}
		if f != cur {
			if cur != nil {
				segs = append(segs, Segment{Text: text[start:i], Face: cur})
			}
			cur, start = f, i
		}
	}
	if cur != nil && start < len(text) {
		segs = append(segs, Segment{Text: text[start:], Face: cur})
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
