// Package sniff names a file's format from its first bytes, for the
// loaders that must say what a file is when it is not what they need: an
// image path that holds a font or a PDF, a font path that holds a PNG.
// One table of signatures serves them all.
package sniff

import (
	"bytes"
	"fmt"
)

// Kind is a file format: Name is short and lower case ("png", "ttf"), the
// empty Kind an unknown format.
type Kind struct {
	Name  string
	Desc  string // what the file is, for messages: "a PNG image"
	image bool
}

// Image reports whether the kind is an image format.
func (k Kind) Image() bool { return k.image }

// kinds are the known formats, in the order they are tried.
var kinds = []struct {
	Kind
	match func(b []byte) bool
}{
	{Kind{"jpeg", "a JPEG image", true}, prefix("\xff\xd8\xff")},
	{Kind{"png", "a PNG image", true}, prefix("\x89PNG\r\n\x1a\n")},
	{Kind{"gif", "a GIF image", true}, prefix("GIF87a", "GIF89a")},
	{Kind{"webp", "a WebP image", true}, func(b []byte) bool {
		return len(b) >= 12 && string(b[0:4]) == "RIFF" && string(b[8:12]) == "WEBP"
	}},
	{Kind{"bmp", "a BMP image", true}, prefix("BM")},
	{Kind{"tiff", "a TIFF image", true}, prefix("II*\x00", "MM\x00*")},
	{Kind{"heif", "a HEIF or AVIF image", true}, func(b []byte) bool {
		return len(b) >= 12 && string(b[4:8]) == "ftyp" &&
			(string(b[8:12]) == "avif" || string(b[8:11]) == "hei" || string(b[8:12]) == "mif1")
	}},
	{Kind{"ttf", "a TrueType font", false}, prefix("\x00\x01\x00\x00", "true")},
	{Kind{"otf", "an OpenType (CFF) font", false}, prefix("OTTO")},
	{Kind{"ttc", "a font collection", false}, prefix("ttcf")},
	{Kind{"woff", "a WOFF web font", false}, prefix("wOFF")},
	{Kind{"woff2", "a WOFF2 web font", false}, prefix("wOF2")},
	{Kind{"pdf", "a PDF file", false}, prefix("%PDF")},
	{Kind{"zip", "a zip archive", false}, prefix("PK\x03\x04")},
	{Kind{"svg", "an SVG image", true}, func(b []byte) bool { return bytes.Contains(bytes.ToLower(b), []byte("<svg")) }},
	{Kind{"markup", "markup text", false}, func(b []byte) bool { return bytes.HasPrefix(bytes.TrimSpace(b), []byte("<")) }},
}

func prefix(ps ...string) func([]byte) bool {
	return func(b []byte) bool {
		for _, p := range ps {
			if bytes.HasPrefix(b, []byte(p)) {
				return true
			}
		}
		return false
	}
}

// Sniff returns the kind of a file that starts with head (its first 512
// bytes are plenty), the empty Kind when the format is unknown.
func Sniff(head []byte) Kind {
	for _, k := range kinds {
		if k.match(head) {
			return k.Kind
		}
	}
	return Kind{}
}

// Describe says what a file that starts with head is, for an error
// message: "it is a PNG image", else its first bytes in hex.
func Describe(head []byte) string {
	if k := Sniff(head); k.Name != "" {
		return "it is " + k.Desc
	}
	return fmt.Sprintf("it starts with % x", head[:min(len(head), 4)])
}
