package pdf

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	lpdf "github.com/ledongthuc/pdf"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// The checks of the file structure, the limits and the content operators
// (veraPDF rules 6.1.x and 6.2.2; see verapdf_test.go).

func checkHeader(f *pdfaFile) []error {
	var e errs
	h := f.data[:min(len(f.data), 14)]
	ok := len(h) == 14 && regexp.MustCompile(`^%PDF-1\.[0-7]\n%$`).Match(h[:10])
	for _, c := range h[min(len(h), 10):] {
		ok = ok && c > 127
	}
	if !ok {
		e.add("header %q", h)
	}
	return e
}

func checkTrailer(f *pdfaFile) []error {
	var e errs
	id, err := f.doc.ID()
	if err != nil || len(id) != 2 {
		e.add("trailer ID %v: %v", id, err)
	}
	if f.doc.Ctx.XRefTable.Encrypt != nil {
		e.add("trailer has Encrypt")
	}
	end := bytes.LastIndex(f.data, []byte("%%EOF"))
	if tail := string(f.data[end+5:]); tail != "" && tail != "\n" && tail != "\r\n" && tail != "\r" {
		e.add("%q after the last %%%%EOF", tail)
	}
	return e
}

// streams calls fn for every stream of the file.
func streams(f *pdfaFile, fn func(n int, sd types.StreamDict)) {
	f.doc.Objects(func(n int, o types.Object) {
		if sd, ok := o.(types.StreamDict); ok {
			fn(n, sd)
		}
	})
}

func checkStreams(f *pdfaFile) []error {
	var e errs
	streams(f, func(n int, sd types.StreamDict) {
		off := sd.StreamOffset
		if sd.StreamLength == nil || off <= 0 || off+*sd.StreamLength > int64(len(f.data)) {
			e.add("object %d: no stream length or offset", n)
			return
		}
		before := string(f.data[max(0, off-8):off])
		if !strings.HasSuffix(before, "stream\n") && !strings.HasSuffix(before, "stream\r\n") {
			e.add("object %d: stream keyword followed by %q", n, before)
		}
		after := f.data[off+*sd.StreamLength:]
		after = bytes.TrimPrefix(bytes.TrimPrefix(after, []byte("\r")), []byte("\n"))
		if !bytes.HasPrefix(after, []byte("endstream")) {
			e.add("object %d: Length %d does not end at endstream", n, *sd.StreamLength)
		}
		for _, k := range []string{"F", "FFilter", "FDecodeParms"} {
			if sd.Dict[k] != nil {
				e.add("object %d: stream dictionary has %s", n, k)
			}
		}
		for _, fl := range sd.FilterPipeline {
			if fl.Name == "LZWDecode" || fl.Name == "Crypt" {
				e.add("object %d: filter %s", n, fl.Name)
			}
		}
	})
	return e
}

func checkObjHeaders(f *pdfaFile) []error {
	var e errs
	re := regexp.MustCompile(`^(\d+) (\d+) obj[\s<\[/]`)
	for n, en := range f.doc.Ctx.XRefTable.Table {
		if n == 0 || en == nil || en.Free || en.Compressed || en.Offset == nil {
			continue
		}
		m := re.FindSubmatch(f.data[*en.Offset:min(int64(len(f.data)), *en.Offset+24)])
		if m == nil || string(m[1]) != fmt.Sprint(n) || string(m[2]) != "0" {
			e.add("object %d at %d: %q", n, *en.Offset, f.data[*en.Offset:min(int64(len(f.data)), *en.Offset+16)])
		}
	}
	return e
}

// walkObject calls fn for o and every object inside it (not following
// references).
func walkObject(o types.Object, fn func(types.Object)) {
	fn(o)
	switch v := o.(type) {
	case types.Dict:
		for k, x := range v {
			fn(types.Name(k))
			walkObject(x, fn)
		}
	case types.StreamDict:
		walkObject(v.Dict, fn)
	case types.Array:
		for _, x := range v {
			walkObject(x, fn)
		}
	}
}

func checkLimits(f *pdfaFile) []error {
	var e errs
	f.doc.Objects(func(n int, o types.Object) {
		walkObject(o, func(x types.Object) {
			switch v := x.(type) {
			case types.Integer:
				if int64(v) > math.MaxInt32 || int64(v) < math.MinInt32 {
					e.add("object %d: integer %d", n, v)
				}
			case types.Float:
				if a := math.Abs(float64(v)); a > 3.403e38 || (a != 0 && a < 1.175e-38) {
					e.add("object %d: real %g", n, v)
				}
			case types.Name:
				if len(v) > 127 || !utf8.ValidString(string(v)) {
					e.add("object %d: name %q", n, v)
				}
			case types.StringLiteral:
				if s, err := types.Unescape(string(v)); err == nil && len(s) > 32767 {
					e.add("object %d: string of %d bytes", n, len(s))
				}
			case types.HexLiteral:
				h := strings.Join(strings.Fields(string(v)), "")
				if len(h)%2 != 0 || strings.Trim(h, "0123456789abcdefABCDEF") != "" || len(h)/2 > 32767 {
					e.add("object %d: hex string %.20q", n, h)
				}
			}
		})
	})
	if c := len(f.doc.Ctx.XRefTable.Table); c > 8388607 {
		e.add("%d objects", c)
	}
	pages, _ := f.doc.Pages()
	for i, p := range pages {
		for _, k := range []string{"MediaBox", "CropBox", "BleedBox", "TrimBox", "ArtBox"} {
			a, _ := f.doc.Resolve(p[k]).(types.Array)
			if a == nil {
				continue
			}
			r, err := f.doc.Ctx.XRefTable.RectForArray(a)
			if err != nil || r.Width() < 3 || r.Height() < 3 || r.Width() > 14400 || r.Height() > 14400 {
				e.add("page %d: %s %v", i+1, k, a)
			}
		}
	}
	return e
}

// contentOp is an operator of a content stream with its operands and the
// resources it is drawn with.
type contentOp struct {
	page int // from 1
	op   string
	args []lpdf.Value
	res  lpdf.Value
}

// contentOps interprets every page's content streams and the form
// XObjects they draw, in order, with ledongthuc/pdf.
func contentOps(t *testing.T, data []byte, fn func(c contentOp)) {
	t.Helper()
	r, err := lpdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var walk func(page int, strm, res lpdf.Value, depth int)
	walk = func(page int, strm, res lpdf.Value, depth int) {
		if strm.Kind() != lpdf.Stream {
			return
		}
		defer func() {
			if e := recover(); e != nil {
				t.Fatalf("page %d: content stream: %v", page, e)
			}
		}()
		lpdf.Interpret(strm, func(stk *lpdf.Stack, op string) {
			args := make([]lpdf.Value, stk.Len())
			for i := len(args) - 1; i >= 0; i-- {
				args[i] = stk.Pop()
			}
			fn(contentOp{page: page, op: op, args: args, res: res})
			if op == "Do" && len(args) == 1 && depth < 8 {
				if x := res.Key("XObject").Key(args[0].Name()); x.Key("Subtype").Name() == "Form" {
					walk(page, x, x.Key("Resources"), depth+1)
				}
			}
		})
	}
	for i := 1; i <= r.NumPage(); i++ {
		p := r.Page(i)
		c := p.V.Key("Contents")
		if c.Kind() == lpdf.Array {
			for k := 0; k < c.Len(); k++ {
				walk(i, c.Index(k), p.Resources(), 0)
			}
		} else {
			walk(i, c, p.Resources(), 0)
		}
	}
}

// isoOperators are the content stream operators of ISO 32000-1, Annex A.
var isoOperators = strings.Fields(`b B b* B* BDC BI BMC BT BX c cm CS cs d d0 d1 Do DP EI EMC ET EX f F f* G g gs h i ID j J K k l m M MP n q Q re RG rg ri s S SC sc SCN scn sh T* Tc Td TD Tf Tj TJ TL Tm Tr Ts Tw Tz v w W W* y ' "`)

func checkOperators(f *pdfaFile) []error {
	var e errs
	depth, page := 0, 0
	contentOps(f.t, f.data, func(c contentOp) {
		if c.page != page {
			if depth != 0 {
				e.add("page %d ends %d q deep", page, depth)
			}
			depth, page = 0, c.page
		}
		switch {
		case !slices.Contains(isoOperators, c.op):
			e.add("page %d: operator %q", c.page, c.op)
		case c.op == "BI" || c.op == "ID" || c.op == "EI":
			e.add("page %d: an inline image", c.page)
		case c.op == "q":
			if depth++; depth > 28 {
				e.add("page %d: q nested %d deep", c.page, depth)
			}
		case c.op == "Q":
			depth--
		}
	})
	return e
}
