// Package pdfcheck reads and validates PDF files in tests with
// github.com/pdfcpu/pdfcpu, a PDF library independent of qikan's own
// writer: `pdfcpu validate -mode strict` semantics through its API, and
// its object model to inspect what was written. Only tests import it; the
// qikan binary never links pdfcpu.
package pdfcheck

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

var once sync.Once

// config is pdfcpu's configuration without its configuration directory
// (a test must not write to the user's home).
func config(mode int) *model.Configuration {
	once.Do(api.DisableConfigDir)
	c := model.NewDefaultConfiguration()
	c.ValidationMode = mode
	return c
}

// Validate validates a PDF in pdfcpu's strict mode (PDF 32000-1:2008).
func Validate(pdf []byte) error {
	return api.Validate(bytes.NewReader(pdf), config(model.ValidationStrict))
}

// Doc is a PDF read by pdfcpu.
type Doc struct {
	Ctx *model.Context
}

// Read reads a PDF without validating it.
func Read(pdf []byte) (*Doc, error) {
	ctx, err := api.ReadContext(bytes.NewReader(pdf), config(model.ValidationRelaxed))
	if err != nil {
		return nil, err
	}
	if err := ctx.EnsurePageCount(); err != nil {
		return nil, err
	}
	return &Doc{ctx}, nil
}

// Text is the text of a string object (literal or hex, PDFDocEncoding or
// UTF-16), "" when o is none.
func (d *Doc) Text(o types.Object) string {
	s, err := types.StringOrHexLiteral(d.Resolve(o))
	if err != nil || s == nil {
		return ""
	}
	return *s
}

// Catalog is the document catalog.
func (d *Doc) Catalog() (types.Dict, error) { return d.Ctx.XRefTable.Catalog() }

// ID is the file identifier of the trailer.
func (d *Doc) ID() (types.Array, error) {
	if d.Ctx.XRefTable.ID == nil {
		return nil, fmt.Errorf("no file identifier")
	}
	return d.Ctx.XRefTable.ID, nil
}

// Resolve returns the object o refers to (o itself when it is direct).
func (d *Doc) Resolve(o types.Object) types.Object {
	r, err := d.Ctx.XRefTable.Dereference(o)
	if err != nil {
		return nil
	}
	return r
}

// Dict returns the dictionary o is or refers to (a stream's dictionary
// for a stream), nil when it is none.
func (d *Doc) Dict(o types.Object) types.Dict {
	switch v := d.Resolve(o).(type) {
	case types.Dict:
		return v
	case types.StreamDict:
		return v.Dict
	}
	return nil
}

// Stream returns the decoded data of the stream o is or refers to.
func (d *Doc) Stream(o types.Object) ([]byte, types.Dict, error) {
	sd, _, err := d.Ctx.XRefTable.DereferenceStreamDict(o)
	if err != nil || sd == nil {
		return nil, nil, fmt.Errorf("not a stream: %v", err)
	}
	if err := sd.Decode(); err != nil {
		return nil, nil, err
	}
	return sd.Content, sd.Dict, nil
}

// Pages returns the page dictionaries in order.
func (d *Doc) Pages() ([]types.Dict, error) {
	var out []types.Dict
	for i := 1; i <= d.Ctx.PageCount; i++ {
		p, _, _, err := d.Ctx.XRefTable.PageDict(i, false)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// PageContent returns the decoded content of page i (from 1), its
// streams joined.
func (d *Doc) PageContent(i int) ([]byte, error) {
	b, err := d.Ctx.XRefTable.PageContent(d.pageDict(i), i)
	return b, err
}

func (d *Doc) pageDict(i int) types.Dict {
	p, _, _, err := d.Ctx.XRefTable.PageDict(i, false)
	if err != nil {
		return nil
	}
	return p
}

// Objects calls f for every object of the file, with its number.
func (d *Doc) Objects(f func(n int, o types.Object)) {
	for n, e := range d.Ctx.XRefTable.Table {
		if n == 0 || e == nil || e.Free {
			continue
		}
		o, err := d.Ctx.XRefTable.Dereference(*types.NewIndirectRef(n, 0))
		if err != nil || o == nil {
			continue
		}
		f(n, o)
	}
}
