// Package assets holds the files qikan embeds in its binary: the default
// font faces (built from Noto CJK by assets/fonts/build.sh; see
// assets/fonts/README.md). The byte slices are read-only: never modify them.
package assets
