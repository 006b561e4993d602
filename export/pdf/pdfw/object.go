package pdfw

import (
	"encoding/hex"
	"fmt"
	"math"
	"strconv"
	"unicode/utf16"
)

// The PDF values (PDF 32000-1 §7.3) and how they are written. A value is
// one of: nil (null), bool, int, int64, float64 (written with at most four
// decimals), Name, Ref, Text, Bytes, Raw, Array or Dict.

// Name is a PDF name, written with a leading slash; bytes outside the
// regular characters are written as #xx.
type Name string

// Ref is an indirect reference to object number Ref (generation 0).
type Ref int

// Text is a text string (§7.9.2.2): printable ASCII as a literal string,
// anything else as UTF-16BE with a byte order mark, in hex.
type Text string

// Bytes is a byte string, written in hex.
type Bytes []byte

// Raw is written as it is: a value already in PDF syntax.
type Raw string

// Array is a PDF array.
type Array []any

// Entry is one key and value of a dictionary.
type Entry struct {
	Key Name
	Val any
}

// Dict is a PDF dictionary. Its entries are written in order, so that the
// same document always gives the same bytes; a nil value leaves the key
// out.
type Dict []Entry

// D makes a dictionary of alternating keys (string or Name) and values.
func D(kv ...any) Dict {
	if len(kv)%2 != 0 {
		panic("pdfw: D with an odd number of arguments")
	}
	d := make(Dict, 0, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		switch k := kv[i].(type) {
		case string:
			d = append(d, Entry{Name(k), kv[i+1]})
		case Name:
			d = append(d, Entry{k, kv[i+1]})
		default:
			panic(fmt.Sprintf("pdfw: D key %T", kv[i]))
		}
	}
	return d
}

// Set sets key to val, replacing an entry with the same key.
func (d Dict) Set(key Name, val any) Dict {
	for i := range d {
		if d[i].Key == key {
			d[i].Val = val
			return d
		}
	}
	return append(d, Entry{key, val})
}

// Get returns the value of key, nil when there is none.
func (d Dict) Get(key Name) any {
	for _, e := range d {
		if e.Key == key {
			return e.Val
		}
	}
	return nil
}

// AppendValue appends the PDF syntax of v to b.
func AppendValue(b []byte, v any) []byte {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...)
	case bool:
		return strconv.AppendBool(b, v)
	case int:
		return strconv.AppendInt(b, int64(v), 10)
	case int64:
		return strconv.AppendInt(b, v, 10)
	case float64:
		return AppendNum(b, v)
	case Name:
		return appendName(b, v)
	case Ref:
		b = strconv.AppendInt(b, int64(v), 10)
		return append(b, " 0 R"...)
	case Text:
		return appendText(b, string(v))
	case Bytes:
		b = append(b, '<')
		b = hex.AppendEncode(b, v)
		return append(b, '>')
	case Raw:
		return append(b, v...)
	case Array:
		b = append(b, '[')
		for i, e := range v {
			if i > 0 {
				b = append(b, ' ')
			}
			b = AppendValue(b, e)
		}
		return append(b, ']')
	case Dict:
		b = append(b, "<<"...)
		for _, e := range v {
			if e.Val == nil {
				continue
			}
			b = append(b, ' ')
			b = appendName(b, e.Key)
			b = append(b, ' ')
			b = AppendValue(b, e.Val)
		}
		return append(b, " >>"...)
	}
	panic(fmt.Sprintf("pdfw: cannot write a %T", v))
}

// AppendNum appends a number with at most four decimals and no trailing
// zeros; a value that is not finite is written as 0 (PDF has no NaN).
func AppendNum(b []byte, v float64) []byte {
	r := math.Round(v * 1e4)
	if math.IsNaN(r) || math.IsInf(r, 0) || r == 0 {
		return append(b, '0')
	}
	if math.Abs(r) < 1e18 && math.Mod(r, 1e4) == 0 {
		return strconv.AppendInt(b, int64(r)/1e4, 10)
	}
	b = strconv.AppendFloat(b, r/1e4, 'f', 4, 64)
	for b[len(b)-1] == '0' {
		b = b[:len(b)-1]
	}
	if b[len(b)-1] == '.' {
		b = b[:len(b)-1]
	}
	return b
}

// regular reports whether a byte may stand for itself in a name.
func regular(c byte) bool {
	if c <= ' ' || c >= 0x7f {
		return false
	}
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%', '#':
		return false
	}
	return true
}

func appendName(b []byte, n Name) []byte {
	b = append(b, '/')
	for i := 0; i < len(n); i++ {
		c := n[i]
		if regular(c) {
			b = append(b, c)
			continue
		}
		b = append(b, '#', "0123456789ABCDEF"[c>>4], "0123456789ABCDEF"[c&15])
	}
	return b
}

func appendText(b []byte, s string) []byte {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			ascii = false
			break
		}
	}
	if ascii {
		b = append(b, '(')
		for i := 0; i < len(s); i++ {
			switch c := s[i]; c {
			case '\\', '(', ')':
				b = append(b, '\\', c)
			default:
				b = append(b, c)
			}
		}
		return append(b, ')')
	}
	b = append(b, "<FEFF"...)
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, "0123456789ABCDEF"[u>>12], "0123456789ABCDEF"[u>>8&15], "0123456789ABCDEF"[u>>4&15], "0123456789ABCDEF"[u&15])
	}
	return append(b, '>')
}
