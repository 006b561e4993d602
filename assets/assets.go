package assets

import _ "embed"

// SerifTTF is the default body face, Noto Serif CJK SC Regular subset to
// the documented character set, TrueType outlines.
//
//go:embed fonts/NotoSerifCJKsc-Regular-qikan.ttf
var SerifTTF []byte

// SansTTF is the default heading face, Noto Sans CJK SC Bold subset to the
// documented character set, TrueType outlines.
//
//go:embed fonts/NotoSansCJKsc-Bold-qikan.ttf
var SansTTF []byte

// FontLicense is the SIL Open Font License 1.1 text of the default faces.
//
//go:embed fonts/OFL.txt
var FontLicense string
