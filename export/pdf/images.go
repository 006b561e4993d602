package pdf

import (
	"fmt"
	"image"
	"os"
	"runtime"
	"strconv"
	"sync"

	_ "image/jpeg" // CMYK JPEGs are decoded for PDF/A

	"github.com/qikan-dev/qikan/assets"
	"github.com/qikan-dev/qikan/export/pdf/pdfw"
	"github.com/qikan-dev/qikan/internal/safefile"
	"github.com/qikan-dev/qikan/issue"
)

// The images of the PDF are read while the pages are painted (a page that
// shows an image with a soft mask gets a transparency group) and written
// after the pages, with the resources. Memory stays bounded however many
// images an issue has: the files being read take at most readingBytes at
// once, and between the painting and the writing the writer keeps at most
// heldImageBytes of what it has read; an image beyond that is read again
// when it is written. (Keeping them all took 369 MiB for 100 photos of
// 3.4 MB.)
const (
	readingBytes   = 128 << 20
	heldImageBytes = 32 << 20
)

// embeddedImage is one image file, read once however often it is drawn
// (twice when it was not kept).
type embeddedImage struct {
	src  *issue.Image
	name pdfw.Name // resource name, Im1 …
	ref  pdfw.Ref
	done chan struct{}
	// Once done is closed: whether the image has a soft mask, the image
	// if it was kept, and the error reading it.
	smask bool
	img   *pdfw.Image
	err   error
}

// readImages starts reading every image file drawn, once each, in
// parallel with the painting of the pages.
func (wr *writer) readImages() {
	wr.images = map[string]*embeddedImage{}
	for _, p := range wr.doc.pages {
		for _, it := range p.items {
			if it.kind != imageItem || wr.images[it.img.Path] != nil {
				continue
			}
			im := &embeddedImage{src: it.img, done: make(chan struct{}),
				name: pdfw.Name("Im" + strconv.Itoa(len(wr.imgs)+1))}
			wr.images[it.img.Path] = im
			wr.imgs = append(wr.imgs, im)
		}
	}
	wr.reading = newBudget(readingBytes)
	held := newBudget(heldImageBytes)
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for _, im := range wr.imgs {
		go func() {
			sem <- struct{}{}
			defer func() { <-sem; close(im.done) }()
			img, err := wr.readImage(im)
			if err != nil {
				im.err = err
				return
			}
			im.smask = img.SMask != nil
			if held.take(imageBytes(img), false) {
				im.img = img
			}
		}()
	}
}

// readImage reads an image file into an image XObject, within the budget
// of the files being read.
func (wr *writer) readImage(im *embeddedImage) (*pdfw.Image, error) {
	size := int64(issue.MaxImageFile)
	if info, err := os.Stat(im.src.Path); err == nil {
		size = min(info.Size(), size)
	}
	cost := readingCost(im.src, size)
	wr.reading.take(cost, true)
	defer wr.reading.give(cost)
	data, err := safefile.ReadFile(im.src.Path, issue.MaxImageFile)
	if err != nil {
		return nil, fmt.Errorf("image %s: %w", im.src.Rel, err)
	}
	img, err := pdfw.ReadImage(data, wr.z)
	if err != nil {
		return nil, fmt.Errorf("image %s: %w", im.src.Rel, err)
	}
	return img, nil
}

// readingCost estimates the memory reading img takes: its file of size
// bytes, and for an image that is decoded, its decoding (the estimate
// export checks against its limit), at most readingBytes.
func readingCost(img *issue.Image, size int64) int64 {
	cost := size
	if !img.Plain {
		cost += img.DecodeBytes + 5*int64(img.Width)*int64(img.Height)
	}
	return min(cost, readingBytes)
}

// imageBytes is the memory an image XObject holds.
func imageBytes(img *pdfw.Image) int64 {
	n := len(img.Data) + len(img.ICC)
	if img.SMask != nil {
		n += len(img.SMask.Data)
	}
	return int64(n)
}

// writeImage writes an image XObject (read again if it was not kept) with
// the colour space the standard allows: its own ICC profile when it has
// one; else DeviceGray for grey, DeviceRGB for RGB (sRGB for print, which
// allows no device RGB), and DeviceCMYK for CMYK in print and unclaimed
// files, while a PDF/A file (sRGB output intent) gets the CMYK image
// converted to RGB.
func (wr *writer) writeImage(im *embeddedImage, icc map[string]pdfw.Ref) error {
	<-im.done
	if im.err != nil {
		return im.err
	}
	img := im.img
	im.img = nil // let it go once written
	if img == nil {
		var err error
		if img, err = wr.readImage(im); err != nil {
			return err
		}
	}
	if img.Components == 4 && img.ICC == nil && wr.std.pdfa != "" {
		m, err := decodeFile(im.src.Path)
		if err != nil {
			return fmt.Errorf("image %s: %w", im.src.Rel, err)
		}
		img = pdfw.FromImage(m, wr.z)
	}
	profile := img.ICC
	if profile == nil && img.Components == 3 && wr.std.print {
		profile = assets.SRGB
	}
	var cs any = pdfw.Name(map[int]string{1: "DeviceGray", 3: "DeviceRGB", 4: "DeviceCMYK"}[img.Components])
	if profile != nil {
		cs = pdfw.Array{pdfw.Name("ICCBased"), wr.iccStream(profile, img.Components, icc)}
	}
	var smask pdfw.Ref
	if img.SMask != nil {
		smask = wr.pw.AddStream(img.SMask.Dict(pdfw.Name("DeviceGray"), 0), img.SMask.Data)
	}
	wr.pw.Stream(im.ref, img.Dict(cs, smask), img.Data)
	return nil
}

// decodeFile decodes an image file.
func decodeFile(path string) (image.Image, error) {
	f, err := safefile.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, _, err := image.Decode(f)
	return m, err
}

// budget is a count of bytes that goroutines take from and give back.
type budget struct {
	mu   sync.Mutex
	cond sync.Cond
	free int64
}

func newBudget(n int64) *budget {
	b := &budget{free: n}
	b.cond.L = &b.mu
	return b
}

// take takes n bytes, waiting for them if wait is set (n must not exceed
// the budget then), and reports whether it took them.
func (b *budget) take(n int64, wait bool) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	for wait && b.free < n {
		b.cond.Wait()
	}
	if b.free < n {
		return false
	}
	b.free -= n
	return true
}

// give gives back n bytes taken.
func (b *budget) give(n int64) {
	b.mu.Lock()
	b.free += n
	b.mu.Unlock()
	b.cond.Broadcast()
}
