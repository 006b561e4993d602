package pdf

import (
	"testing"

	"github.com/qikan-dev/qikan/fonts"
	"github.com/signintech/gopdf"
)

// BenchmarkFontEmbed compares handing gopdf the whole embedded serif face
// with handing it a subset of the 2,000 characters an issue typically uses.
func BenchmarkFontEmbed(b *testing.B) {
	f, err := fonts.NewLibrary().Default(fonts.Body)
	if err != nil {
		b.Fatal(err)
	}
	runes := f.Runes()[:2000]
	embed := func(b *testing.B, data []byte) {
		gp := &gopdf.GoPdf{}
		gp.Start(gopdf.Config{PageSize: gopdf.Rect{W: 100, H: 100}, Unit: gopdf.UnitPT})
		gp.AddPage()
		if err := gp.AddTTFFontData("F", data); err != nil {
			b.Fatal(err)
		}
		gp.SetFont("F", "", 10)
		gp.Text(string(runes))
		if _, err := gp.GetBytesPdfReturnErr(); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("whole", func(b *testing.B) {
		for range b.N {
			embed(b, f.TrueType())
		}
	})
	b.Run("subset", func(b *testing.B) {
		for range b.N {
			sub, err := fonts.Subset(f, runes)
			if err != nil {
				b.Fatal(err)
			}
			embed(b, sub)
		}
	})
}
