package fonts

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/go-text/typesetting/font/opentype/tables"
	"github.com/qikan-dev/qikan/assets"
	"github.com/qikan-dev/qikan/internal/safefile"
)

// MaxFontFile bounds the font files Load reads: a full Noto CJK collection
// (.ttc) is about 20 MB.
const MaxFontFile = 64 << 20

// Library loads and caches font faces: each face is parsed once, however
// often it is asked for. A Library is safe for concurrent use; the zero
// value is not usable, call NewLibrary.
type Library struct {
	mu     sync.Mutex
	faces  map[string]*libEntry
	system *SystemFonts // nil unless UseSystemFonts or UseFallbackFonts
}

type libEntry struct {
	once sync.Once
	face *Face
	err  error
}

// NewLibrary returns an empty Library.
func NewLibrary() *Library {
	return &Library{faces: map[string]*libEntry{}}
}

// cached returns the face under key, calling load once per key (and again
// after a failure).
func (l *Library) cached(key string, load func() (*Face, error)) (*Face, error) {
	l.mu.Lock()
	e := l.faces[key]
	if e == nil {
		e = &libEntry{}
		l.faces[key] = e
	}
	l.mu.Unlock()
	e.once.Do(func() { e.face, e.err = load() })
	if e.err != nil {
		// Forget failures: the file may be fixed before the next call.
		l.mu.Lock()
		if l.faces[key] == e {
			delete(l.faces, key)
		}
		l.mu.Unlock()
	}
	return e.face, e.err
}

// The embedded faces (package assets), in the order of the table below.
const (
	serifCJK = iota
	sansCJK
	monoCJK
	serifLatin
	sansLatin
	monoLatin
	symbols
	mathSymbols
	numEmbedded
)

var embedded = [numEmbedded]struct {
	data  []byte
	label string
	rare  []byte // compressed outlines of the rare glyphs (rare.go)
}{
	serifCJK:    {assets.SerifTTF, "embedded serif font", assets.SerifRare},
	sansCJK:     {assets.SansTTF, "embedded sans font", assets.SansRare},
	monoCJK:     {assets.MonoTTF, "embedded monospace font", nil},
	serifLatin:  {assets.SerifLatinTTF, "embedded Latin serif font", nil},
	sansLatin:   {assets.SansLatinTTF, "embedded Latin sans font", nil},
	monoLatin:   {assets.MonoLatinTTF, "embedded Latin monospace font", nil},
	symbols:     {assets.SymbolsTTF, "embedded symbols font", nil},
	mathSymbols: {assets.MathTTF, "embedded mathematical symbols font", nil},
}

// Default returns the embedded default face of the role: Noto Serif CJK
// SC for Body, Noto Sans CJK SC Bold for Heading, Noto Sans Mono CJK SC
// (Latin, kana, punctuation) for Mono.
func (l *Library) Default(role Role) (*Face, error) {
	switch role {
	case Body:
		return l.embeddedFace(serifCJK)
	case Heading:
		return l.embeddedFace(sansCJK)
	case Mono:
		return l.embeddedFace(monoCJK)
	}
	return nil, fmt.Errorf("fonts: unknown role %d", int(role))
}

// embeddedFace returns embedded face i, parsed once.
func (l *Library) embeddedFace(i int) (*Face, error) {
	e := embedded[i]
	return l.cached("\x00embedded:"+strconv.Itoa(i), func() (*Face, error) {
		f, err := parseFace(e.data, e.label)
		if err != nil || len(e.rare) == 0 {
			return f, err
		}
		if f.rare, err = parseRare(e.rare, f.n); err != nil {
			return nil, fmt.Errorf("%s: %v", e.label, err)
		}
		return f, nil
	})
}

// Load loads a face from a font file. spec is a path to a .ttf file, or to
// a .ttc collection followed by "#index" (from 0) or "#face name" (the
// full name, e.g. "a.ttc#Noto Serif CJK SC"); a collection without a
// selector gives its first face. A path that exists as a whole is never
// split at "#". Only TrueType (glyf) outlines are accepted: CFF-flavoured
// .otf/.ttc files get an error that says how to convert them.
func (l *Library) Load(spec string) (*Face, error) {
	if spec == "" {
		return nil, errors.New("fonts: empty font path")
	}
	path, sel := splitSpec(spec)
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	// The spec is cached as well as the face it resolves to, so that a
	// file is read once however often it is asked for, and a face named
	// by index and by name is parsed once.
	return l.cached("\x00spec:"+abs+"#"+sel, func() (*Face, error) {
		data, err := safefile.ReadFile(abs, MaxFontFile)
		var nr *safefile.NotRegularError
		var tl *safefile.TooLargeError
		switch {
		case errors.As(err, &nr):
			return nil, fmt.Errorf("font %s is %s, not a regular file; give the font file itself", path, safefile.Kind(nr.Mode))
		case errors.As(err, &tl):
			return nil, fmt.Errorf("font %s is larger than %s, more than any font; give a .ttf or .ttc file", path, safefile.Size(MaxFontFile))
		case err != nil:
			return nil, fmt.Errorf("font %s: %w", path, unwrapPathError(err))
		}
		key, load, err := faceLoader(data, path, abs, sel)
		if err != nil {
			return nil, err
		}
		return l.cached(key, load)
	})
}

// faceLoader resolves the face sel of the font file data (read from path,
// abs its absolute form) to a cache key and a function that parses it.
func faceLoader(data []byte, path, abs, sel string) (key string, load func() (*Face, error), err error) {
	if !isCollection(data) {
		if sel != "" {
			return "", nil, fmt.Errorf("%s: not a font collection (.ttc), so it has no face %q; drop the \"#%s\"", path, sel, sel)
		}
		return abs, func() (*Face, error) { return parseFileFace(data, path, path) }, nil
	}
	index, err := collectionFace(data, path, sel)
	if err != nil {
		return "", nil, err
	}
	label := fmt.Sprintf("%s#%d", path, index)
	return fmt.Sprintf("%s#%d", abs, index), func() (*Face, error) {
		ttf, err := extractFace(data, index, label)
		if err != nil {
			return nil, err
		}
		return parseFileFace(ttf, label, label)
	}, nil
}

// splitSpec splits "file#selector". A spec naming an existing file is a
// plain path even if it holds '#'.
func splitSpec(spec string) (path, sel string) {
	if _, err := os.Stat(spec); err == nil {
		return spec, ""
	}
	i := strings.LastIndexByte(spec, '#')
	if i < 0 {
		return spec, ""
	}
	return spec[:i], spec[i+1:]
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func isCollection(data []byte) bool {
	return len(data) >= 4 && string(data[:4]) == "ttcf"
}

// collectionFace resolves a selector ("", an index or a face name) to the
// index of a face in the collection.
func collectionFace(data []byte, path, sel string) (index int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: corrupt font collection (%v); %s", path, r, damaged)
		}
	}()
	offs, err := collectionOffsets(data)
	if err != nil {
		return 0, fmt.Errorf("%s: corrupt font collection: %v; %s", path, err, damaged)
	}
	if sel == "" {
		return 0, nil
	}
	if i, err := strconv.Atoi(sel); err == nil {
		if i < 0 || i >= len(offs) {
			return 0, fmt.Errorf("%s: no face #%d; the collection has %d faces (#0 to #%d)", path, i, len(offs), len(offs)-1)
		}
		return i, nil
	}
	var names []string
	for i, off := range offs {
		full, family := collectionNames(data, off)
		if strings.EqualFold(full, sel) || strings.EqualFold(family, sel) {
			return i, nil
		}
		names = append(names, fmt.Sprintf("#%d %q", i, full))
	}
	return 0, fmt.Errorf("%s: no face named %q; the faces are %s", path, sel, strings.Join(names, ", "))
}

// collectionNames returns the full name and the family name of the face
// at off, empty when unreadable.
func collectionNames(data []byte, off uint32) (full, family string) {
	_, tabs, err := readTables(data, off)
	if err != nil {
		return "", ""
	}
	names, _, err := tables.ParseName(tableData(tabs, "name"))
	if err != nil { // no name table, or an unreadable one
		return "", ""
	}
	family = names.Name(16)
	if family == "" {
		family = names.Name(1)
	}
	return faceName(names), family
}

// extractFace writes face index of a collection as a standalone font.
func extractFace(data []byte, index int, label string) (ttf []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			ttf, err = nil, fmt.Errorf("%s: corrupt font collection (%v); %s", label, r, damaged)
		}
	}()
	offs, err := collectionOffsets(data)
	if err != nil {
		return nil, fmt.Errorf("%s: corrupt font collection: %v; %s", label, err, damaged)
	}
	version, tabs, err := readTables(data, offs[index])
	if err != nil {
		return nil, fmt.Errorf("%s: corrupt font collection: %v; %s", label, err, damaged)
	}
	if version == tagOpenType || hasTable(tabs, "CFF ") || hasTable(tabs, "CFF2") {
		return nil, cffError(label)
	}
	// Drop the collection-wide digital signature: it signs the .ttc.
	kept := tabs[:0]
	for _, t := range tabs {
		if t.tag != "DSIG" {
			kept = append(kept, t)
		}
	}
	return writeSFNT(version, kept), nil
}

// parseFileFace parses a face loaded from file (path, with "#index" for a
// face of a collection).
func parseFileFace(data []byte, label, file string) (*Face, error) {
	f, err := parseFace(data, label)
	if err == nil {
		f.file = file
	}
	return f, err
}
