package assets

import _ "embed"

// SerifTTF is the default body face, Noto Serif CJK SC Regular subset to
// the documented character set (assets/fonts/README.md), TrueType outlines.
//
//go:embed fonts/NotoSerifCJKsc-Regular-qikan.ttf
var SerifTTF []byte

// SerifRare holds the outlines of SerifTTF's rare glyphs, compressed
// (see fonts/rare.go); SerifTTF's glyf leaves them empty.
//
//go:embed fonts/NotoSerifCJKsc-Regular-qikan.rare
var SerifRare []byte

// SansTTF is the default heading face, Noto Sans CJK SC Bold subset to the
// documented character set, TrueType outlines.
//
//go:embed fonts/NotoSansCJKsc-Bold-qikan.ttf
var SansTTF []byte

// SansRare holds the outlines of SansTTF's rare glyphs, compressed.
//
//go:embed fonts/NotoSansCJKsc-Bold-qikan.rare
var SansRare []byte

// MonoTTF is the default code face, Noto Sans Mono CJK SC Regular (Latin
// half-width) subset to Latin, kana and punctuation; Han and Hangul in
// code come from the body face.
//
//go:embed fonts/NotoSansMonoCJKsc-Regular-qikan.ttf
var MonoTTF []byte

// SerifLatinTTF complements SerifTTF: Noto Serif Regular subset to the
// Latin, IPA, Greek, Cyrillic and symbol characters SerifTTF lacks.
//
//go:embed fonts/NotoSerif-Regular-qikan.ttf
var SerifLatinTTF []byte

// SansLatinTTF complements SansTTF: Noto Sans Bold subset to the
// characters of those blocks SansTTF lacks.
//
//go:embed fonts/NotoSans-Bold-qikan.ttf
var SansLatinTTF []byte

// MonoLatinTTF complements MonoTTF: Noto Sans Mono Regular subset to the
// characters of those blocks MonoTTF lacks.
//
//go:embed fonts/NotoSansMono-Regular-qikan.ttf
var MonoLatinTTF []byte

// SymbolsTTF complements every role with arrows, dingbats (✔) and
// symbols none of the faces above has: Noto Sans Symbols 2 Regular,
// subset.
//
//go:embed fonts/NotoSansSymbols2-Regular-qikan.ttf
var SymbolsTTF []byte

// MathTTF complements every role with the rest of the arrows and the
// mathematical symbols: Noto Sans Math Regular, subset.
//
//go:embed fonts/NotoSansMath-Regular-qikan.ttf
var MathTTF []byte

// FontLicense is the SIL Open Font License 1.1 text of the default faces.
//
//go:embed fonts/OFL.txt
var FontLicense string

// SRGB is the sRGB colour profile (ICC version 2.3) of Debian's
// icc-profiles-free, zlib licence (icc/README.md): the output intent of
// PDF/A files and the colour space of untagged RGB images in PDF/X.
//
//go:embed icc/sRGB.icc
var SRGB []byte
