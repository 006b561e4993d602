package fonts

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"sync"
)

// Compressed storage of rare outlines. The embedded CJK faces hold about
// 62,000 glyphs: every Han character of the CJK Unified Ideographs block
// and Extension A, all of Hangul, and the Traditional Chinese, Hong Kong,
// Japanese and Korean forms of each. Stored as plain TrueType they would
// not fit the binary budget, so assets/fonts/build.py puts the glyphs of
// the common repertoire (GB 2312, Big5 level 1, JIS X 0208 level 1, KS X
// 1001 Hangul, punctuation and symbols, about 13,800 glyphs) first and
// keeps their outlines in the font's glyf table, where they are used in
// place like any font's; the outlines of the other glyphs are cut out
// (their loca entries are empty) and stored beside the font in chunks of
// 64 glyphs, each compressed with zlib (a .rare file; format in
// build.py's rare_file). The outlines stay TrueType, byte for byte.
//
// A face decompresses a chunk the first time one of its glyphs is asked
// for (ink, subsetting) and keeps it. An issue written in common
// characters touches none of them and pays nothing; a rare name costs one
// chunk of about 30 KB.

// rareOutlines is the rare-outline file of a face.
type rareOutlines struct {
	first, count, per int
	dir               []uint32 // offset, length of each chunk (pairs)
	data              []byte   // compressed chunks

	mu     sync.Mutex
	chunks map[int][]byte // decompressed chunks: (per+1) offsets, then outlines
}

// parseRare reads a rare-outline file for a face of numGlyphs glyphs.
func parseRare(b []byte, numGlyphs int) (*rareOutlines, error) {
	be := binary.BigEndian
	if len(b) < 20 || string(b[:4]) != "QKRG" || be.Uint16(b[4:]) != 1 {
		return nil, errors.New("not a version 1 rare-outline file")
	}
	r := &rareOutlines{per: int(be.Uint16(b[6:])), first: int(be.Uint32(b[8:])), count: int(be.Uint32(b[12:])),
		chunks: map[int][]byte{}}
	n := int(be.Uint32(b[16:]))
	if r.per == 0 || r.first+r.count != numGlyphs || n != (r.count+r.per-1)/r.per || len(b) < 20+8*n {
		return nil, errors.New("rare-outline file does not match the font")
	}
	r.dir = make([]uint32, 2*n)
	for i := range r.dir {
		r.dir[i] = be.Uint32(b[20+4*i:])
	}
	r.data = b[20+8*n:]
	for i := 0; i < n; i++ {
		if uint64(r.dir[2*i])+uint64(r.dir[2*i+1]) > uint64(len(r.data)) {
			return nil, errors.New("rare-outline file is cut short")
		}
	}
	return r, nil
}

// has reports whether glyph g's outline is stored here.
func (r *rareOutlines) has(g int) bool { return r != nil && g >= r.first && g < r.first+r.count }

// outline returns the outline of glyph g (which has must report).
func (r *rareOutlines) outline(g int) ([]byte, error) {
	i := (g - r.first) / r.per
	r.mu.Lock()
	chunk, ok := r.chunks[i]
	r.mu.Unlock()
	if !ok {
		off, n := r.dir[2*i], r.dir[2*i+1]
		zr, err := zlib.NewReader(bytes.NewReader(r.data[off : off+n]))
		if err != nil {
			return nil, err
		}
		if chunk, err = io.ReadAll(zr); err != nil {
			return nil, err
		}
		k := min(r.per, r.count-i*r.per)
		if len(chunk) < 4*(k+1) {
			return nil, errors.New("rare-outline chunk is cut short")
		}
		r.mu.Lock()
		r.chunks[i] = chunk
		r.mu.Unlock()
	}
	j := (g - r.first) % r.per
	k := min(r.per, r.count-i*r.per)
	start, end := binary.BigEndian.Uint32(chunk[4*j:]), binary.BigEndian.Uint32(chunk[4*j+4:])
	base := uint32(4 * (k + 1))
	if start > end || uint64(base)+uint64(end) > uint64(len(chunk)) {
		return nil, errors.New("rare-outline chunk is corrupt")
	}
	return chunk[base+start : base+end], nil
}

// outline returns the glyf data of glyph g (empty for a glyph without
// outline, or on corrupt data).
func (f *Face) outline(g uint16) []byte {
	if f.rare.has(int(g)) {
		o, err := f.rare.outline(int(g))
		if err != nil {
			return nil
		}
		return o
	}
	i := int(g)
	if f.locaTable == nil || i >= f.n {
		return nil
	}
	start, end := f.locaOffset(i), f.locaOffset(i+1)
	if end <= start || uint64(end) > uint64(len(f.glyf)) {
		return nil
	}
	return f.glyf[start:end]
}

// program returns a TrueType font with the outlines of glyphs in place:
// the face's own font file when they are all stored uncompressed, else a
// copy whose glyf holds the outlines of glyphs (and of the components of
// composite ones) only, the rest left empty: enough for a subsetter, which
// copies just those, and far smaller than the whole glyf. A subsetter
// passes every glyph it will copy (vertical and regional alternates it
// keeps included; Alternates lists the regional ones).
func (f *Face) program(glyphs []uint16) ([]byte, error) {
	if f.rare == nil || !slices.ContainsFunc(glyphs, func(g uint16) bool { return f.rare.has(int(g)) }) {
		return f.data, nil
	}
	n := f.n
	need := make([]bool, n)
	todo := slices.Clone(glyphs)
	for len(todo) > 0 {
		g := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if int(g) >= n || need[g] {
			continue
		}
		need[g] = true
		if f.rare.has(int(g)) {
			if _, err := f.rare.outline(int(g)); err != nil {
				return nil, fmt.Errorf("glyph %d: %v", g, err)
			}
		}
		forComponents(f.outline(g), func(_ int, c uint16) { todo = append(todo, c) })
	}
	version, tabs, err := readTables(f.data, 0)
	if err != nil {
		return nil, err
	}
	var glyf []byte
	loca := make([]byte, 4*(n+1))
	for g := range n {
		if need[g] {
			glyf = append(glyf, f.outline(uint16(g))...)
			for len(glyf)%4 != 0 {
				glyf = append(glyf, 0)
			}
		}
		binary.BigEndian.PutUint32(loca[4*(g+1):], uint32(len(glyf)))
	}
	for i := range tabs {
		switch tabs[i].tag {
		case "glyf":
			tabs[i].data = glyf
		case "loca":
			tabs[i].data = loca
		case "head":
			head := slices.Clone(tabs[i].data)
			if len(head) >= 52 {
				binary.BigEndian.PutUint16(head[50:], 1) // long loca offsets
			}
			tabs[i].data = head
		}
	}
	return writeSFNT(version, tabs), nil
}

// Alternates maps each glyph of the face to the glyphs the regional
// (locl) substitutions of its language systems (ZHS, ZHT, ZHH, JAN, KOR)
// give it, read once: what a subset that keeps the 'locl' lookups for
// reading systems must also keep.
func (f *Face) Alternates() map[uint16][]uint16 {
	sh := f.shared
	if sh == nil {
		return nil
	}
	sh.altOnce.Do(func() {
		sh.alts = map[uint16][]uint16{}
		for _, sys := range []string{"ZHS", "ZHT", "ZHH", "JAN", "KOR"} {
			subst := loclSubstitutions(f.gsub, sys)
			keys := make([]uint16, 0, len(subst))
			for g := range subst {
				keys = append(keys, g)
			}
			slices.Sort(keys)
			for _, g := range keys {
				sh.alts[g] = append(sh.alts[g], subst[g])
			}
		}
	})
	return sh.alts
}
