package fonts

import (
	"encoding/binary"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/fontscan"
)

// Fallback to the fonts installed on the machine. A character that no
// face of a Set has (a rare name character of CJK Extension B–I, a
// symbol) is looked up, character by character, in the fonts of the
// system font directories: Debian/Ubuntu /usr/share/fonts and
// ~/.local/share/fonts, the directories of the fontconfig configuration,
// the macOS and Windows font folders. The directories are scanned with
// github.com/go-text/typesetting/fontscan, which keeps an index of every
// font's character coverage in the user cache directory, so only the
// first lookup on a machine reads the font files.
//
// Nothing is scanned until a character is missing: an issue the
// embedded faces cover pays nothing. Only faces qikan can embed count:
// TrueType (glyf) outlines, the format of the PDF's FontFile2 and of the
// EPUB's fonts (CFF .otf faces and bitmap-only or colour-bitmap emoji
// fonts are skipped), whose OS/2 embedding permissions (fsType) allow
// embedding outlines (not "restricted licence", not "bitmap only").
// Among the faces that have a character, the first in the order of
// (upright text weights before others, file path, index in a collection)
// supplies it, so the choice is the same on every run on a machine.

// SystemFonts is where a Library looks for characters its faces lack.
type SystemFonts struct {
	lib   *Library
	scan  func() ([]fontscan.Footprint, error)
	once  sync.Once
	cands []fontscan.Footprint
	err   error

	mu     sync.Mutex
	byRune map[rune]*Face
	faces  map[string]*Face // spec → face, nil when not embeddable
	used   []*Face          // faces that supplied a character, by file
}

// UseSystemFonts makes the Library look up characters that no face of a
// Set has in the fonts installed on the machine (see the package
// documentation). It does nothing when the environment asks for no
// system fonts: FONTCONFIG_FILE naming an empty configuration (such as
// /dev/null), as fontconfig then knows no fonts either.
func (l *Library) UseSystemFonts() {
	if noFontconfig() {
		return
	}
	l.system = &SystemFonts{lib: l, scan: scanSystem}
}

// UseFallbackFonts makes the Library look up characters that no face of
// a Set has in the given font files (specs as for Load), in order, instead
// of the system fonts.
func (l *Library) UseFallbackFonts(specs ...string) {
	l.system = &SystemFonts{lib: l, scan: func() ([]fontscan.Footprint, error) {
		var out []fontscan.Footprint
		for _, spec := range specs {
			f, err := l.Load(spec)
			if err != nil {
				return nil, err
			}
			var rs fontscan.RuneSet
			for _, r := range f.Runes() {
				rs.Add(r)
			}
			path, sel := splitSpec(spec)
			index := 0
			fmt.Sscan(sel, &index)
			out = append(out, fontscan.Footprint{Location: font.FontID{File: path, Index: uint16(index)}, Runes: rs,
				Family: f.Name(), Aspect: font.Aspect{Weight: font.WeightNormal, Style: font.StyleNormal}})
		}
		return out, nil
	}}
}

// noFontconfig reports whether FONTCONFIG_FILE names an empty file.
func noFontconfig() bool {
	name, ok := os.LookupEnv("FONTCONFIG_FILE")
	if !ok || name == "" {
		return false
	}
	b, err := os.ReadFile(name)
	return err == nil && strings.TrimSpace(string(b)) == ""
}

// scanSystem indexes the system fonts with fontscan, its index cached in
// the user cache directory (else in the temporary directory).
func scanSystem() ([]fontscan.Footprint, error) {
	logger := log.New(io.Discard, "", 0)
	dir, err := os.UserCacheDir()
	if err != nil || dir == "" || !filepath.IsAbs(dir) {
		dir = filepath.Join(os.TempDir(), "qikan-fontscan")
	}
	return fontscan.SystemFonts(logger, dir)
}

// candidates returns the indexed fonts in lookup order.
func (s *SystemFonts) candidates() ([]fontscan.Footprint, error) {
	s.once.Do(func() {
		fps, err := s.scan()
		if err != nil {
			s.err = fmt.Errorf("system fonts: %w", err)
			return
		}
		fps = slices.Clone(fps)
		slices.SortStableFunc(fps, func(a, b fontscan.Footprint) int {
			if ra, rb := aspectRank(a.Aspect), aspectRank(b.Aspect); ra != rb {
				return ra - rb
			}
			if c := strings.Compare(a.Location.File, b.Location.File); c != 0 {
				return c
			}
			return int(a.Location.Index) - int(b.Location.Index)
		})
		s.cands = fps
		s.byRune = map[rune]*Face{}
		s.faces = map[string]*Face{}
	})
	return s.cands, s.err
}

// aspectRank puts upright text weights (350 to 550: regular, book,
// medium) first.
func aspectRank(a font.Aspect) int {
	rank := 0
	if a.Style != font.StyleNormal && a.Style != 0 {
		rank += 2
	}
	if a.Weight != 0 && (a.Weight < 350 || a.Weight > 550) {
		rank++
	}
	return rank
}

// Face returns the first embeddable system face that has a glyph for r,
// nil when none has.
func (s *SystemFonts) Face(r rune) *Face {
	cands, err := s.candidates()
	if err != nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if f, ok := s.byRune[r]; ok {
		return f
	}
	var found *Face
	for _, fp := range cands {
		if !fp.Runes.Contains(r) {
			continue
		}
		if f := s.load(fp); f != nil && f.HasGlyph(r) {
			found = f
			break
		}
	}
	s.byRune[r] = found
	if found != nil && !slices.Contains(s.used, found) {
		s.used = append(s.used, found)
		slices.SortFunc(s.used, func(a, b *Face) int { return strings.Compare(a.File(), b.File()) })
	}
	return found
}

// Used returns the system faces that have supplied characters so far,
// ordered by file.
func (s *SystemFonts) Used() []*Face {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.used)
}

// load loads the face of a footprint once; nil when qikan cannot embed it.
func (s *SystemFonts) load(fp fontscan.Footprint) *Face {
	file := fp.Location.File
	if real, err := filepath.EvalSymlinks(file); err == nil {
		file = real // a font listed twice (Debian's alternatives) loads once, under its own name
	}
	spec := file // a .ttc without selector is its first face
	if fp.Location.Index > 0 {
		spec = fmt.Sprintf("%s#%d", file, fp.Location.Index)
	}
	if f, ok := s.faces[spec]; ok {
		return f
	}
	var f *Face
	if loaded, err := s.lib.Load(spec); err == nil && loaded.embeddable() {
		f = loaded
	}
	s.faces[spec] = f
	return f
}

// embeddable reports whether the face's OS/2 fsType allows embedding its
// outlines: not Restricted License (bit 1) and not Bitmap Embedding Only
// (bit 9).
func (f *Face) embeddable() bool {
	_, tabs, err := readTables(f.data, 0)
	if err != nil {
		return false
	}
	os2 := tableData(tabs, "OS/2")
	if len(os2) < 10 {
		return true
	}
	fsType := binary.BigEndian.Uint16(os2[8:])
	return fsType&0x0002 == 0 && fsType&0x0200 == 0
}
