package pdf

import (
	"github.com/qikan-dev/qikan/export/cover"
	"github.com/qikan-dev/qikan/export/pdf/pdfw"
)

// The colour table: every colour of the design with the CMYK values a
// print PDF (PDF/X-4) uses instead of its RGB values. Text and rules in
// black are 100 K, so that body text prints on the black plate alone;
// greys are K only; the magazine's red and the tints are brand values a
// printer would give, not a conversion. Colours not in the table (a
// design colour added later) are converted: a grey to K alone, any other
// colour by the textbook formula, which a printer should then check. The
// cover draws with the same colours (TestColourTable checks the table has
// each of them).
var printColours = map[rgb][4]float64{
	black:                 {0, 0, 0, 1},
	gray:                  {0, 0, 0, 0.75},
	light:                 {0, 0.02, 0.05, 0.04},
	white:                 {0, 0, 0, 0},
	accent:                {0.15, 1, 1, 0.1},
	quoteInk:              {0, 0, 0, 0.9},
	quoteBar:              {0.1, 0.25, 0.25, 0},
	codeInk:               {0.3, 0.6, 0.65, 0.55},
	codeTint:              {0, 0.02, 0.05, 0.06},
	markTint:              {0, 0.05, 0.45, 0},
	linkColor:             {0.9, 0.6, 0.2, 0.3},
	headRule:              {0.15, 0.28, 0.28, 0.05},
	contentsRule:          {0.1, 0.17, 0.2, 0},
	rgb(cover.Shade):      {0, 0, 0, 0.9},
	rgb{0x00, 0x00, 0x00}: {0, 0, 0, 1},
}

// cmyk is the print value of a design colour (see printColours).
func cmyk(c rgb) [4]float64 {
	if v, ok := printColours[c]; ok {
		return v
	}
	r, g, b := float64(c.R)/255, float64(c.G)/255, float64(c.B)/255
	if c.R == c.G && c.G == c.B {
		return [4]float64{0, 0, 0, 1 - r}
	}
	k := 1 - max(r, g, b)
	return [4]float64{(1 - r - k) / (1 - k), (1 - g - k) / (1 - k), (1 - b - k) / (1 - k), k}
}

// paint is the colour a design colour is painted with: its RGB value on
// screen and in archives (sRGB output intent), its CMYK value for print.
func (s standard) paint(c rgb) pdfw.Colour {
	if s.print {
		return pdfw.CMYK(cmyk(c))
	}
	return pdfw.RGB{float64(c.R) / 255, float64(c.G) / 255, float64(c.B) / 255}
}
