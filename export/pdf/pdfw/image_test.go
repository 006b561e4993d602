package pdfw

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/qikan-dev/qikan/internal/pdfcheck"
)

func TestReadImage(t *testing.T) {
	z := &Deflater{}
	for _, tt := range []struct {
		file        string
		comps       int
		filter      Name
		passThrough bool // the file's own data is kept
		smask, icc  bool
		decode      bool
	}{
		{"rgb.png", 3, "FlateDecode", false, false, false, false},
		{"gray.png", 1, "FlateDecode", false, false, false, false},
		{"alpha.png", 3, "FlateDecode", false, true, false, false},
		{"palette.png", 3, "FlateDecode", false, true, false, false},
		{"icc.png", 3, "FlateDecode", false, false, true, false},
		{"photo.jpg", 3, "DCTDecode", true, false, false, false},
		{"icc.jpg", 3, "DCTDecode", true, false, true, false},
		{"cmyk.jpg", 4, "DCTDecode", true, false, false, true},
		{"anim.gif", 3, "FlateDecode", false, false, false, false},
	} {
		data, err := os.ReadFile(filepath.Join("testdata", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		img, err := ReadImage(data, z)
		if err != nil {
			t.Errorf("%s: %v", tt.file, err)
			continue
		}
		if img.Components != tt.comps || img.Filter != tt.filter || (img.SMask != nil) != tt.smask ||
			(img.ICC != nil) != tt.icc || (img.Decode != nil) != tt.decode || img.BitsPerComponent != 8 {
			t.Errorf("%s: %d components, %s, smask %v, icc %v, decode %v", tt.file, img.Components, img.Filter,
				img.SMask != nil, img.ICC != nil, img.Decode)
		}
		if tt.passThrough && !bytes.Equal(img.Data, data) {
			t.Errorf("%s: data not passed through", tt.file)
		}
		if img.Width != 40 && img.Width != 20 {
			t.Errorf("%s: width %d", tt.file, img.Width)
		}
	}
	// An opaque 8-bit RGB PNG keeps its compressed data, with the PNG
	// predictors as decode parameters.
	img, _ := ReadImage(pngFile(t, false), z)
	if img.DecodeParms.Get("Predictor") != 15 || img.DecodeParms.Get("Columns") != 40 {
		t.Errorf("PNG pass-through parameters %v", img.DecodeParms)
	}
	if _, err := ReadImage([]byte("not an image"), z); err == nil {
		t.Error("garbage read as an image")
	}
}

// TestImagesValidate: a page showing every kind of image validates.
func TestImagesValidate(t *testing.T) {
	z := &Deflater{}
	var buf bytes.Buffer
	w := NewWriter(&buf, "1.7", z)
	catalog, pages, page := w.Alloc(), w.Alloc(), w.Alloc()
	xobjs := D()
	var c Content
	for i, f := range []string{"rgb.png", "gray.png", "alpha.png", "palette.png", "icc.png", "photo.jpg", "icc.jpg", "cmyk.jpg", "anim.gif"} {
		data, _ := os.ReadFile(filepath.Join("testdata", f))
		img, err := ReadImage(data, z)
		if err != nil {
			t.Fatal(err)
		}
		var smask Ref
		if img.SMask != nil {
			smask = w.AddStream(img.SMask.Dict(Name("DeviceGray"), 0), img.SMask.Data)
		}
		cs := any(map[int]Name{1: "DeviceGray", 3: "DeviceRGB", 4: "DeviceCMYK"}[img.Components])
		if img.ICC != nil {
			cs = Array{Name("ICCBased"), w.AddStream(D("N", img.Components, "Filter", Name("FlateDecode")), z.Deflate(img.ICC))}
		}
		name := Name("Im" + string(rune('a'+i)))
		xobjs = append(xobjs, Entry{name, w.AddStream(img.Dict(cs, smask), img.Data)})
		c.Save()
		c.Transform(40, 0, 0, 30, float64(10+45*i), 100)
		c.XObject(name)
		c.Restore()
	}
	contents := w.AddStream(nil, c.Bytes())
	w.Object(page, D("Type", Name("Page"), "Parent", pages, "MediaBox", Array{0, 0, 500, 200},
		"Resources", D("XObject", xobjs), "Contents", contents))
	w.Object(pages, D("Type", Name("Pages"), "Kids", Array{page}, "Count", 1))
	w.Object(catalog, D("Type", Name("Catalog"), "Pages", pages))
	if err := w.Close(catalog, 0); err != nil {
		t.Fatal(err)
	}
	if err := pdfcheck.Validate(buf.Bytes()); err != nil {
		t.Error(err)
	}
	out := tool(t, buf.Bytes(), "pdfimages", "-list", "%")
	if n := bytes.Count([]byte(out), []byte("\n")) - 2; n != 9+2 { // nine images, two soft masks (alpha and palette)
		t.Errorf("pdfimages lists %d images:\n%s", n, out)
	}
}

func FuzzReadImage(f *testing.F) {
	for _, name := range []string{"rgb.png", "alpha.png", "icc.png", "icc.jpg", "cmyk.jpg", "anim.gif"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	z := &Deflater{}
	f.Fuzz(func(t *testing.T, data []byte) {
		img, err := ReadImage(data, z)
		if err != nil {
			return
		}
		if img.Width <= 0 || img.Height <= 0 || img.Components < 1 || len(img.Data) == 0 {
			t.Fatalf("image %dx%d, %d components, %d bytes", img.Width, img.Height, img.Components, len(img.Data))
		}
		if img.ICC != nil && iccComponents(img.ICC) != img.Components {
			t.Fatalf("a %d-component profile on a %d-component image", iccComponents(img.ICC), img.Components)
		}
	})
}
