package pdfw

import "strconv"

// Content builds a content stream (PDF 32000-1 §7.8.2, operators of
// Annex A): graphics, text shown by glyph ID with positioning chosen by
// the caller, colours in any colour space, and marked content for tagged
// PDF. Operands are written with at most four decimals. The zero value is
// an empty stream.
type Content struct {
	b []byte
}

// Bytes returns the stream built so far.
func (c *Content) Bytes() []byte { return c.b }

// Len is the length of the stream built so far.
func (c *Content) Len() int { return len(c.b) }

func (c *Content) nums(vs ...float64) {
	for _, v := range vs {
		c.b = AppendNum(c.b, v)
		c.b = append(c.b, ' ')
	}
}

func (c *Content) op(s string) {
	c.b = append(c.b, s...)
	c.b = append(c.b, '\n')
}

// Save and Restore push and pop the graphics state (q, Q).
func (c *Content) Save()    { c.op("q") }
func (c *Content) Restore() { c.op("Q") }

// Transform concatenates a matrix to the current transformation (cm).
func (c *Content) Transform(a, b, cc, d, e, f float64) {
	c.nums(a, b, cc, d, e, f)
	c.op("cm")
}

// Rect appends a rectangle to the path (re).
func (c *Content) Rect(x, y, w, h float64) {
	c.nums(x, y, w, h)
	c.op("re")
}

// MoveTo and LineTo build a path (m, l).
func (c *Content) MoveTo(x, y float64) { c.nums(x, y); c.op("m") }
func (c *Content) LineTo(x, y float64) { c.nums(x, y); c.op("l") }

// Fill fills the path (f), Stroke strokes it (S), Clip makes it the
// clipping path and ends it (W n).
func (c *Content) Fill()   { c.op("f") }
func (c *Content) Stroke() { c.op("S") }
func (c *Content) Clip()   { c.op("W n") }

// LineWidth sets the line width (w).
func (c *Content) LineWidth(w float64) { c.nums(w); c.op("w") }

// Dash sets the dash pattern (d); no lengths is a solid line.
func (c *Content) Dash(phase float64, lengths ...float64) {
	c.b = append(c.b, '[')
	for i, l := range lengths {
		if i > 0 {
			c.b = append(c.b, ' ')
		}
		c.b = AppendNum(c.b, l)
	}
	c.b = append(c.b, "] "...)
	c.nums(phase)
	c.op("d")
}

// Colour is a colour in a colour space: Gray, RGB, CMYK or Tint.
type Colour interface {
	appendColour(b []byte, stroke bool) []byte
}

// Gray is a DeviceGray level, 0 black to 1 white (g, G).
type Gray float64

// RGB is a DeviceRGB colour, components 0 to 1 (rg, RG).
type RGB [3]float64

// CMYK is a DeviceCMYK colour, components 0 to 1 (k, K).
type CMYK [4]float64

// Tint is a tint of a colour space named in the page's resources: a
// Separation (one component) or an ICCBased space (cs, scn).
type Tint struct {
	Space Name
	Value []float64
}

func appendOp(b []byte, vs []float64, op string) []byte {
	for _, v := range vs {
		b = AppendNum(b, v)
		b = append(b, ' ')
	}
	b = append(b, op...)
	return append(b, '\n')
}

func (g Gray) appendColour(b []byte, stroke bool) []byte {
	if stroke {
		return appendOp(b, []float64{float64(g)}, "G")
	}
	return appendOp(b, []float64{float64(g)}, "g")
}

func (c RGB) appendColour(b []byte, stroke bool) []byte {
	if stroke {
		return appendOp(b, c[:], "RG")
	}
	return appendOp(b, c[:], "rg")
}

func (c CMYK) appendColour(b []byte, stroke bool) []byte {
	if stroke {
		return appendOp(b, c[:], "K")
	}
	return appendOp(b, c[:], "k")
}

func (t Tint) appendColour(b []byte, stroke bool) []byte {
	b = appendName(b, t.Space)
	if stroke {
		b = append(b, " CS\n"...)
		return appendOp(b, t.Value, "SCN")
	}
	b = append(b, " cs\n"...)
	return appendOp(b, t.Value, "scn")
}

// FillColour and StrokeColour set the colour of fills and strokes (and of
// text, which is filled, and stroked in render mode 2).
func (c *Content) FillColour(col Colour)   { c.b = col.appendColour(c.b, false) }
func (c *Content) StrokeColour(col Colour) { c.b = col.appendColour(c.b, true) }

// XObject paints the image or form XObject named in the resources (Do).
func (c *Content) XObject(name Name) {
	c.b = appendName(c.b, name)
	c.op(" Do")
}

// BeginText and EndText bracket a text object (BT, ET).
func (c *Content) BeginText() { c.op("BT") }
func (c *Content) EndText()   { c.op("ET") }

// Font sets the font named in the resources and its size (Tf).
func (c *Content) Font(name Name, size float64) {
	c.b = appendName(c.b, name)
	c.b = append(c.b, ' ')
	c.nums(size)
	c.op("Tf")
}

// TextMatrix sets the text matrix and the line matrix (Tm).
func (c *Content) TextMatrix(a, b, cc, d, e, f float64) {
	c.nums(a, b, cc, d, e, f)
	c.op("Tm")
}

// CharSpacing sets the space added after every glyph (Tc).
func (c *Content) CharSpacing(v float64) { c.nums(v); c.op("Tc") }

// RenderMode sets the text rendering mode (Tr): 0 fill, 2 fill then
// stroke, 3 invisible.
func (c *Content) RenderMode(m int) {
	c.b = strconv.AppendInt(c.b, int64(m), 10)
	c.op(" Tr")
}

// Glyph is a glyph to show with a two-byte code (a CID of a Type 0 font
// with Identity-H encoding) and the adjustment after it, in thousandths of
// the font size: positive moves the next glyph left, as in TJ.
type Glyph struct {
	Code   uint16
	Adjust float64
}

// Show shows glyphs with their adjustments (TJ): runs of glyphs without
// adjustment are one hex string.
func (c *Content) Show(glyphs []Glyph) {
	c.b = append(c.b, '[')
	open := false
	for _, g := range glyphs {
		if !open {
			c.b = append(c.b, '<')
			open = true
		}
		c.b = append(c.b, hexDigit[g.Code>>12], hexDigit[g.Code>>8&15], hexDigit[g.Code>>4&15], hexDigit[g.Code&15])
		if a := AppendNum(nil, g.Adjust); string(a) != "0" {
			c.b = append(c.b, '>')
			c.b = append(c.b, a...)
			open = false
		}
	}
	if open {
		c.b = append(c.b, '>')
	}
	c.op("]TJ")
}

const hexDigit = "0123456789ABCDEF"

// BeginTag begins a marked-content sequence of a structure element, with
// its marked-content identifier (BDC with /MCID).
func (c *Content) BeginTag(tag Name, mcid int) {
	c.b = appendName(c.b, tag)
	c.b = append(c.b, " <</MCID "...)
	c.b = strconv.AppendInt(c.b, int64(mcid), 10)
	c.op(">> BDC")
}

// BeginMarked begins a marked-content sequence with a property list
// (BDC): a Span with ActualText or Lang, an Artifact with its type.
func (c *Content) BeginMarked(tag Name, props Dict) {
	c.b = appendName(c.b, tag)
	c.b = append(c.b, ' ')
	c.b = AppendValue(c.b, props)
	c.op(" BDC")
}

// EndMarked ends the innermost marked-content sequence (EMC).
func (c *Content) EndMarked() { c.op("EMC") }
