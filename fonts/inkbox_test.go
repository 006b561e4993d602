package fonts

import "testing"

// TestInkY: the em dash of the embedded faces sits about the middle of
// the x-height, thinner than a tenth of an em; a space has no ink.
func TestInkY(t *testing.T) {
	lib := NewLibrary()
	for _, role := range []Role{Body, Heading} {
		f, err := lib.Default(role)
		if err != nil {
			t.Fatal(err)
		}
		b, top, ok := f.InkY('—')
		if !ok || b < 0.1 || top > 0.5 || top-b <= 0 || top-b > 0.1 {
			t.Errorf("%s: em dash ink %.3f…%.3f (%v)", f.Name(), b, top, ok)
		}
		if _, _, ok := f.InkY(' '); ok {
			t.Errorf("%s: a space has ink", f.Name())
		}
	}
}
