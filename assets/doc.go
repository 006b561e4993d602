// Package assets holds the files qikan embeds in its binary: the default
// font faces (built from Noto by assets/fonts/build.sh; see
// assets/fonts/README.md) and their licence, and the sRGB colour profile
// of PDF/A files (assets/icc/README.md). The CJK faces come in two
// files each: a TrueType font whose glyf table holds the outlines of the
// common glyphs, and a .rare file with the outlines of the others,
// compressed (read by package fonts, rare.go). The byte slices are
// read-only: never modify them.
package assets
