package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"unicode/utf16"
)

// gopdf writes each ToUnicode entry as <glyph><glyph><code point>, with
// the code point in hexadecimal: right for the Basic Multilingual Plane,
// but a supplementary-plane character (𠮷, the CJK Extension B–I name
// characters) must be written in UTF-16, as a surrogate pair (PDF 32000-1
// §9.10.3). fixToUnicode rewrites those entries, so text extraction and
// search find the character. (This belongs to the gopdf path; qikan's own
// PDF writer writes UTF-16 from the start.)
var toUnicodeEntry = regexp.MustCompile(`<([0-9A-F]{4})><([0-9A-F]{4})><([0-9A-F]{5,6})>`)

// fixToUnicode rewrites the supplementary-plane entries of the ToUnicode
// CMaps among objs (uncompressed, as gopdf writes them).
func fixToUnicode(objs []object) {
	for i, o := range objs {
		if o.stream == nil || !bytes.Contains(o.stream, []byte("/CMapName /Adobe-Identity-UCS")) {
			continue
		}
		stream := toUnicodeEntry.ReplaceAllFunc(o.stream, func(m []byte) []byte {
			sub := toUnicodeEntry.FindSubmatch(m)
			cp, err := strconv.ParseUint(string(sub[3]), 16, 32)
			if err != nil || cp > 0x10FFFF {
				return m
			}
			hi, lo := utf16.EncodeRune(rune(cp))
			return fmt.Appendf(nil, "<%s><%s><%04X%04X>", sub[1], sub[2], hi, lo)
		})
		if len(stream) != len(o.stream) {
			objs[i] = object{dict: lengthKey.ReplaceAll(o.dict, fmt.Appendf(nil, "/Length %d", len(stream))), stream: stream}
		}
	}
}
