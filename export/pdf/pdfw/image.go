package pdfw

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	_ "image/gif" // GIF figures are decoded and written as Flate data
	"image/jpeg"
	_ "image/png" // PNG files the PDF cannot take as they are are decoded
	"io"
)

// Image is an image XObject (PDF 32000-1 §8.9.5) before its colour space
// is chosen: what the file holds and how it is encoded.
type Image struct {
	Width, Height int
	// Components is the number of colour components: 1 (grey), 3 (RGB)
	// or 4 (CMYK).
	Components       int
	BitsPerComponent int
	// Filter and DecodeParms say how Data is encoded: DCTDecode for a
	// JPEG file as it is, FlateDecode (with a PNG predictor for a PNG
	// file's own data) otherwise.
	Filter      Name
	DecodeParms Dict
	// Decode is set for Adobe CMYK JPEGs, which store inverted values.
	Decode Array
	Data   []byte
	// ICC is the colour profile embedded in the file, nil for none.
	ICC []byte
	// SMask is the alpha channel, a grey image, nil for an opaque image.
	SMask *Image
}

// ReadImage reads a JPEG, PNG or GIF file into an image XObject. A JPEG
// is kept as it is (DCTDecode), with its ICC profile; an 8-bit,
// non-interlaced grey or RGB PNG without transparency keeps its
// compressed data (FlateDecode with the PNG predictors), with its ICC
// profile; any other PNG or GIF is decoded and written as 8-bit grey or
// RGB Flate data with its alpha channel as a soft mask. Nothing is
// resampled.
func ReadImage(data []byte, z *Deflater) (*Image, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xff\xd8")):
		return readJPEG(data)
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		if img, ok := pngPassThrough(data); ok {
			return img, nil
		}
	}
	m, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	img := FromImage(m, z)
	if bytes.HasPrefix(data, []byte("\x89PNG")) {
		img.ICC = pngICC(data)
		if img.ICC != nil && iccComponents(img.ICC) != img.Components {
			img.ICC = nil // a grey profile on an image decoded to RGB
		}
	}
	return img, nil
}

// FromImage writes a decoded image as 8-bit grey or RGB Flate data, with
// its alpha channel as a soft mask when it is not opaque.
func FromImage(m image.Image, z *Deflater) *Image {
	b := m.Bounds()
	w, h := b.Dx(), b.Dy()
	gray := isGray(m)
	comps := 3
	if gray {
		comps = 1
	}
	pix := make([]byte, 0, w*h*comps)
	alpha := make([]byte, 0, w*h)
	opaque := true
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.NRGBAModel.Convert(m.At(x, y)).(color.NRGBA)
			if gray {
				pix = append(pix, c.R)
			} else {
				pix = append(pix, c.R, c.G, c.B)
			}
			alpha = append(alpha, c.A)
			opaque = opaque && c.A == 0xff
		}
	}
	img := &Image{Width: w, Height: h, Components: comps, BitsPerComponent: 8, Filter: "FlateDecode", Data: z.Deflate(pix)}
	if !opaque {
		img.SMask = &Image{Width: w, Height: h, Components: 1, BitsPerComponent: 8, Filter: "FlateDecode", Data: z.Deflate(alpha)}
	}
	return img
}

// isGray reports whether an image is stored in a grey colour model.
func isGray(m image.Image) bool {
	switch m.ColorModel() {
	case color.GrayModel, color.Gray16Model:
		return true
	}
	return false
}

// Dict returns the image's XObject dictionary with the colour space cs
// and the soft mask smask (0 for none).
func (img *Image) Dict(cs any, smask Ref) Dict {
	d := D("Type", Name("XObject"), "Subtype", Name("Image"),
		"Width", img.Width, "Height", img.Height,
		"ColorSpace", cs, "BitsPerComponent", img.BitsPerComponent)
	if img.Filter != "" {
		d = d.Set("Filter", img.Filter)
	}
	if len(img.DecodeParms) > 0 {
		d = d.Set("DecodeParms", img.DecodeParms)
	}
	if len(img.Decode) > 0 {
		d = d.Set("Decode", img.Decode)
	}
	if smask > 0 {
		d = d.Set("SMask", smask)
	}
	return d
}

// readJPEG keeps a JPEG file as it is and reads what its dictionary needs:
// size, components (grey, YCbCr or CMYK), the Adobe marker that inverts
// CMYK and an embedded ICC profile.
func readJPEG(data []byte) (*Image, error) {
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	img := &Image{Width: cfg.Width, Height: cfg.Height, BitsPerComponent: 8, Filter: "DCTDecode", Data: data}
	switch cfg.ColorModel {
	case color.GrayModel:
		img.Components = 1
	case color.CMYKModel:
		img.Components = 4
	default:
		img.Components = 3
	}
	icc, adobe := jpegMarkers(data)
	if img.Components == 4 && adobe {
		img.Decode = Array{1, 0, 1, 0, 1, 0, 1, 0}
	}
	if icc != nil && iccComponents(icc) == img.Components {
		img.ICC = icc
	}
	return img, nil
}

// jpegMarkers walks the markers of a JPEG file up to the start of scan:
// the ICC profile of its APP2 ICC_PROFILE chunks (in sequence order; nil
// when chunks are missing) and whether it has an Adobe APP14 marker.
func jpegMarkers(data []byte) (icc []byte, adobe bool) {
	chunks := map[int][]byte{}
	total := 0
	for i := 2; i+4 <= len(data); {
		if data[i] != 0xff {
			break
		}
		marker := data[i+1]
		if marker == 0xff { // fill byte
			i++
			continue
		}
		if marker == 0xda || marker == 0xd9 { // start of scan, end of image
			break
		}
		if marker >= 0xd0 && marker <= 0xd7 || marker == 0x01 { // no length
			i += 2
			continue
		}
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if n < 2 || i+2+n > len(data) {
			break
		}
		seg := data[i+4 : i+2+n]
		switch {
		case marker == 0xe2 && len(seg) >= 14 && string(seg[:12]) == "ICC_PROFILE\x00":
			chunks[int(seg[12])] = seg[14:]
			total = int(seg[13])
		case marker == 0xee && len(seg) >= 5 && string(seg[:5]) == "Adobe":
			adobe = true
		}
		i += 2 + n
	}
	if total == 0 || len(chunks) != total {
		return nil, adobe
	}
	for k := 1; k <= total; k++ {
		c, ok := chunks[k]
		if !ok {
			return nil, adobe
		}
		icc = append(icc, c...)
	}
	return icc, adobe
}

// iccComponents is the number of components of an ICC profile's data
// colour space: 1 for GRAY, 3 for RGB, 4 for CMYK, 0 otherwise (or for a
// profile too short to say).
func iccComponents(icc []byte) int {
	if len(icc) < 128 || string(icc[36:40]) != "acsp" {
		return 0
	}
	switch string(icc[16:20]) {
	case "GRAY":
		return 1
	case "RGB ":
		return 3
	case "CMYK":
		return 4
	}
	return 0
}

// pngChunks calls f for each chunk of a PNG file whose CRC is right, in
// order, until f returns false; it reports whether the file ended
// cleanly with IEND.
func pngChunks(data []byte, f func(typ string, body []byte) bool) bool {
	for i := 8; i+12 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[i:]))
		if n < 0 || n > len(data)-i-12 {
			return false
		}
		typ := string(data[i+4 : i+8])
		body := data[i+8 : i+8+n]
		if crc32.ChecksumIEEE(data[i+4:i+8+n]) != binary.BigEndian.Uint32(data[i+8+n:]) {
			return false
		}
		if typ == "IEND" {
			return true
		}
		if !f(typ, body) {
			return false
		}
		i += 12 + n
	}
	return false
}

// pngPassThrough keeps the compressed data of an 8-bit, non-interlaced
// grey or RGB PNG without transparency (the PNG predictors are a PDF
// decode parameter); ok is false for any other PNG.
func pngPassThrough(data []byte) (img *Image, ok bool) {
	var idat [][]byte
	size := 0
	good := true
	ended := pngChunks(data, func(typ string, body []byte) bool {
		switch typ {
		case "IHDR":
			if len(body) != 13 || body[8] != 8 || body[10] != 0 || body[11] != 0 || body[12] != 0 {
				good = false
				return false
			}
			img = &Image{Width: int(binary.BigEndian.Uint32(body)), Height: int(binary.BigEndian.Uint32(body[4:])), BitsPerComponent: 8}
			switch body[9] {
			case 0:
				img.Components = 1
			case 2:
				img.Components = 3
			default:
				good = false // palette, or an alpha channel
			}
		case "tRNS":
			good = false
		case "iCCP":
			if img != nil {
				img.ICC = inflateICCP(body)
			}
		case "IDAT":
			idat = append(idat, body)
			size += len(body)
		}
		return good
	})
	if !ended || !good || img == nil || img.Width <= 0 || img.Height <= 0 || size == 0 {
		return nil, false
	}
	if img.ICC != nil && iccComponents(img.ICC) != img.Components {
		img.ICC = nil
	}
	img.Data = make([]byte, 0, size)
	for _, d := range idat {
		img.Data = append(img.Data, d...)
	}
	img.Filter = "FlateDecode"
	img.DecodeParms = D("Predictor", 15, "Colors", img.Components, "BitsPerComponent", 8, "Columns", img.Width)
	return img, true
}

// pngICC is the ICC profile of a PNG file's iCCP chunk, nil for none.
func pngICC(data []byte) []byte {
	var icc []byte
	pngChunks(data, func(typ string, body []byte) bool {
		if typ == "iCCP" {
			icc = inflateICCP(body)
			return false
		}
		return typ != "IDAT"
	})
	return icc
}

// inflateICCP decompresses the profile of an iCCP chunk (name, NUL,
// method 0, zlib data), nil when it is damaged or over 4 MiB.
func inflateICCP(body []byte) []byte {
	k := bytes.IndexByte(body, 0)
	if k < 0 || k+2 > len(body) || body[k+1] != 0 {
		return nil
	}
	zr, err := zlib.NewReader(bytes.NewReader(body[k+2:]))
	if err != nil {
		return nil
	}
	icc, err := io.ReadAll(io.LimitReader(zr, 4<<20+1))
	if err != nil || len(icc) > 4<<20 || iccComponents(icc) == 0 {
		return nil
	}
	return icc
}
