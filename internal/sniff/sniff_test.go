package sniff

import "testing"

func TestSniff(t *testing.T) {
	for in, want := range map[string]string{
		"\xff\xd8\xff\xe0":               "jpeg",
		"\x89PNG\r\n\x1a\n":              "png",
		"GIF87a":                         "gif",
		"GIF89a":                         "gif",
		"RIFF\x00\x00\x00\x00WEBPVP8 ":   "webp",
		"BM\x00\x00":                     "bmp",
		"II*\x00":                        "tiff",
		"MM\x00*":                        "tiff",
		"\x00\x00\x00\x1cftypavif":       "heif",
		"\x00\x00\x00\x18ftypheic":       "heif",
		"<?xml version=\"1.0\"?>\n<svg>": "svg",
		"\x00\x01\x00\x00\x00\x10":       "ttf",
		"OTTO\x00\x0a":                   "otf",
		"ttcf\x00\x01":                   "ttc",
		"wOFF":                           "woff",
		"wOF2":                           "woff2",
		"%PDF-1.7":                       "pdf",
		"PK\x03\x04":                     "zip",
		"  <html>":                       "markup",
		"hello":                          "",
		"":                               "",
		"\x89PN":                         "", // cut short
		"RIFF\x00\x00\x00\x00WAVEfmt ":   "",
	} {
		if got := Sniff([]byte(in)).Name; got != want {
			t.Errorf("Sniff(%q) = %q, want %q", in, got, want)
		}
	}
	if !Sniff([]byte("GIF89a")).Image() || !Sniff([]byte("<svg")).Image() || Sniff([]byte("%PDF")).Image() || (Kind{}).Image() {
		t.Error("Image() is wrong")
	}
}

func TestDescribe(t *testing.T) {
	for in, want := range map[string]string{
		"\x89PNG\r\n\x1a\n...": "it is a PNG image",
		"%PDF-1.4":             "it is a PDF file",
		"This is text":         "it starts with 54 68 69 73",
		"ab":                   "it starts with 61 62",
		"":                     "it starts with ",
	} {
		if got := Describe([]byte(in)); got != want {
			t.Errorf("Describe(%q) = %q, want %q", in, got, want)
		}
	}
}
