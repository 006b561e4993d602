package fonts

// API sketch agreed between the fonts, layout, pdf and epub work. The fonts
// work fills it in; signatures may only grow.

// Face is one parsed font face, safe for concurrent use. Metrics are in em.
type Face struct {
	name string
	data []byte // standalone TrueType (glyf) font program
	// … parsed go-text/typesetting font, cmap cache, etc.
}

// Name is the face's full name (name ID 4), e.g. "Noto Serif CJK SC".
func (f *Face) Name() string { return f.name }

// TrueType returns a standalone TrueType font file for the face (for gopdf's
// AddTTFFontData); callers must not modify it.
func (f *Face) TrueType() []byte { return f.data }

// Methods to provide:
//   Advance(r rune) float64          // em
//   HasGlyph(r rune) bool
//   Ink(r rune) (left, right float64) // em, horizontal ink extent
//   Ascent(), Descent(), LineGap() float64 // em, Descent positive
//   IsBold() bool                     // false → backends synthesise bold
//
// Library (caches parsed faces, safe for concurrent use; no globals):
//   NewLibrary() *Library
//   (*Library).Default(role Role) (*Face, error)     // embedded serif/sans
//   (*Library).Load(spec string) (*Face, error)      // "a.ttf", "a.ttc#1", "a.ttc#Noto Serif CJK SC"
//   (*Library).Set(bodySpec, headingSpec string) (*Set, error)
// Set: the faces of one export with a fallback chain body → heading → defaults
//   (*Set).Face(role Role) *Face
//   (*Set).Split(role Role, text string) []Segment  // Segment{Text string; Face *Face}, consecutive runes by covering face
// Coverage:
//   Check(set *Set, iss *issue.Issue) Report  // Report{Missing []Missing{Rune rune; Articles []string}}
// Subsetting:
//   Subset(f *Face, runes []rune, format Format) ([]byte, error) // Format: TTF or WOFF2

// Role is the typographic role a face plays.
type Role int

// Roles.
const (
	Body    Role = iota // serif (Song/Ming) body text
	Heading             // bold sans (Hei) titles and section headers
)
