package fonts

import "slices"

// Usage gathers the characters an export sets in each face of a Set, so
// that each face can be subset to what it needs. The zero value is not
// usable; call NewUsage. A Usage is not safe for concurrent use.
type Usage struct {
	set   *Set
	runes map[*Face]map[rune]struct{}
}

// NewUsage returns an empty Usage for the faces of set.
func NewUsage(set *Set) *Usage {
	return &Usage{set: set, runes: map[*Face]map[rune]struct{}{}}
}

// Add records text set in the role: each character is counted for the
// face Split gives it; characters no face has are left out.
func (u *Usage) Add(role Role, text string) {
	for _, seg := range u.set.Split(role, text) {
		if seg.Missing {
			continue
		}
		m := u.runes[seg.Face]
		if m == nil {
			m = map[rune]struct{}{}
			u.runes[seg.Face] = m
		}
		for _, r := range seg.Text {
			m[r] = struct{}{}
		}
	}
}

// Faces returns the faces that set at least one character, in the order
// of Set.Faces.
func (u *Usage) Faces() []*Face {
	var out []*Face
	for _, f := range u.set.Faces() {
		if len(u.runes[f]) > 0 {
			out = append(out, f)
		}
	}
	return out
}

// Runes returns the characters recorded for f, in code point order.
func (u *Usage) Runes(f *Face) []rune {
	rs := make([]rune, 0, len(u.runes[f]))
	for r := range u.runes[f] {
		rs = append(rs, r)
	}
	slices.Sort(rs)
	return rs
}
