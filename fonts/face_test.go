package fonts

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qikan-dev/qikan/assets"
	"github.com/qikan-dev/qikan/layout"
)

var _ layout.Face = (*Face)(nil)

// fixture reads a file of testdata/ (regenerate with make-fixtures.py).
func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// writeTemp writes data to a file in a fresh temporary directory.
func writeTemp(t testing.TB, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// makeTTC builds a TrueType collection (version 1.0) from single fonts:
// the header, every font's table directory, then the tables.
func makeTTC(t testing.TB, fonts ...[]byte) []byte {
	t.Helper()
	type face struct {
		version uint32
		tables  []sfntTable
	}
	var faces []face
	dirSize := 0
	for _, f := range fonts {
		v, tabs, err := readTables(f, 0)
		if err != nil {
			t.Fatal(err)
		}
		faces = append(faces, face{v, tabs})
		dirSize += 12 + 16*len(tabs)
	}
	header := 12 + 4*len(fonts)
	out := make([]byte, header+dirSize)
	copy(out, "ttcf")
	binary.BigEndian.PutUint16(out[4:], 1)
	binary.BigEndian.PutUint32(out[8:], uint32(len(fonts)))
	dir := header
	for i, f := range faces {
		binary.BigEndian.PutUint32(out[12+4*i:], uint32(dir))
		binary.BigEndian.PutUint32(out[dir:], f.version)
		binary.BigEndian.PutUint16(out[dir+4:], uint16(len(f.tables)))
		for j, tab := range f.tables {
			rec := out[dir+12+16*j:]
			copy(rec, tab.tag)
			binary.BigEndian.PutUint32(rec[4:], checksum(tab.data))
			binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
			binary.BigEndian.PutUint32(rec[12:], uint32(len(tab.data)))
			out = append(out, tab.data...)
			for len(out)%4 != 0 {
				out = append(out, 0)
			}
		}
		dir += 12 + 16*len(f.tables)
	}
	return out
}

func TestLoadTTF(t *testing.T) {
	lib := NewLibrary()
	tests := []struct {
		file   string
		name   string
		bold   bool
		has    string // characters the face maps
		hasNot string // characters it does not
	}{
		{"serif-mini.ttf", "Noto Serif CJK SC", false, "中文字体测试。，、（）“”《》abcABC 123", "国x𠮷한"},
		{"sans-mini.ttf", "Noto Sans CJK SC Bold", true, "中文字体测试。abc", "国x𠮷"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := lib.Load(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if f.Name() != tt.name {
				t.Errorf("Name() = %q, want %q", f.Name(), tt.name)
			}
			if f.IsBold() != tt.bold {
				t.Errorf("IsBold() = %v, want %v (weight %d)", f.IsBold(), tt.bold, f.Weight())
			}
			for _, r := range tt.has {
				if !f.HasGlyph(r) {
					t.Errorf("HasGlyph(%q) = false", r)
				}
			}
			for _, r := range tt.hasNot {
				if f.HasGlyph(r) {
					t.Errorf("HasGlyph(%q) = true", r)
				}
			}
			if a := f.Advance('中'); a != 1 {
				t.Errorf("Advance('中') = %v, want 1", a)
			}
			if a := f.Advance('a'); a <= 0.3 || a >= 0.8 {
				t.Errorf("Advance('a') = %v, want a proportional Latin width", a)
			}
			if f.Ascent() <= 0.7 || f.Descent() <= 0.05 || f.LineGap() < 0 {
				t.Errorf("Ascent, Descent, LineGap = %v, %v, %v", f.Ascent(), f.Descent(), f.LineGap())
			}
			again, err := lib.Load(filepath.Join("testdata", tt.file))
			if err != nil || again != f {
				t.Errorf("second Load = %p, %v; want the cached face %p", again, err, f)
			}
		})
	}
}

func TestLoadTTC(t *testing.T) {
	serif, sans := fixture(t, "serif-mini.ttf"), fixture(t, "sans-mini.ttf")
	path := writeTemp(t, "two.ttc", makeTTC(t, serif, sans))
	lib := NewLibrary()
	tests := []struct {
		spec string
		want string // face name, or "" for an error
		err  string // part of the error
	}{
		{path, "Noto Serif CJK SC", ""},
		{path + "#0", "Noto Serif CJK SC", ""},
		{path + "#1", "Noto Sans CJK SC Bold", ""},
		{path + "#Noto Sans CJK SC Bold", "Noto Sans CJK SC Bold", ""},
		{path + "#noto serif cjk sc", "Noto Serif CJK SC", ""},
		{path + "#Noto Sans CJK SC", "Noto Sans CJK SC Bold", ""}, // family name
		{path + "#2", "", "no face #2; the collection has 2 faces"},
		{path + "#-1", "", "no face #-1"},
		{path + "#Source Han Serif", "", `no face named "Source Han Serif"; the faces are #0 "Noto Serif CJK SC", #1 "Noto Sans CJK SC Bold"`},
	}
	for _, tt := range tests {
		f, err := lib.Load(tt.spec)
		if tt.want == "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) || !strings.HasPrefix(err.Error(), path) {
				t.Errorf("Load(%q) error = %v, want %q", tt.spec, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("Load(%q): %v", tt.spec, err)
			continue
		}
		if f.Name() != tt.want {
			t.Errorf("Load(%q).Name() = %q, want %q", tt.spec, f.Name(), tt.want)
		}
	}
	byIndex, _ := lib.Load(path + "#1")
	byName, _ := lib.Load(path + "#Noto Sans CJK SC Bold")
	if byIndex != byName {
		t.Error("the same face by index and by name was parsed twice")
	}

	// The extracted face is a valid standalone font holding the same tables.
	ttf := byIndex.TrueType()
	if sum := checksum(ttf); sum != 0xB1B0AFBA {
		t.Errorf("extracted face: file checksum %#x, want 0xB1B0AFBA", sum)
	}
	_, got, err := readTables(ttf, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, want, _ := readTables(sans, 0)
	if len(got) != len(want) {
		t.Fatalf("extracted %d tables, want %d", len(got), len(want))
	}
	for i := range got {
		if got[i].tag != want[i].tag {
			t.Fatalf("table %d is %q, want %q (sorted)", i, got[i].tag, want[i].tag)
		}
		if got[i].tag != "head" && !bytes.Equal(got[i].data, want[i].data) {
			t.Errorf("table %q differs from the source", got[i].tag)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	serif, cff := fixture(t, "serif-mini.ttf"), fixture(t, "cff-mini.otf")
	woff := append([]byte("wOFF"), serif[4:]...)
	tests := []struct {
		name string
		data []byte
		sel  string
		err  string
	}{
		{"cff.otf", cff, "", "CFF (PostScript) outlines; qikan needs TrueType (glyf) outlines: convert with `otf2ttf`"},
		{"cff.ttc", makeTTC(t, cff, serif), "#0", "CFF (PostScript) outlines"},
		{"cff.ttc", makeTTC(t, cff, serif), "#Noto Sans CJK SC", "CFF (PostScript) outlines"},
		{"garbage.ttf", []byte("This is not a font, it is a text file.\n"), "", "not a TrueType or OpenType font"},
		{"empty.ttf", nil, "", "not a font file (0 bytes)"},
		{"truncated.ttf", serif[:200], "", "corrupt font"},
		{"truncated.ttc", makeTTC(t, serif, serif)[:300], "#1", "corrupt font collection"},
		{"web.woff", woff, "", "WOFF web font"},
		{"plain.ttf", serif, "#1", "not a font collection (.ttc)"},
	}
	lib := NewLibrary()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeTemp(t, tt.name, tt.data)
			_, err := lib.Load(path + tt.sel)
			if err == nil {
				t.Fatalf("Load(%s%s) succeeded", tt.name, tt.sel)
			}
			if !strings.HasPrefix(err.Error(), path) || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("error %q\nwant it to start with the file and contain %q", err, tt.err)
			}
		})
	}
	if _, err := lib.Load(filepath.Join(t.TempDir(), "missing.ttf")); err == nil || !strings.Contains(err.Error(), "missing.ttf: no such file") {
		t.Errorf("missing file: error %v", err)
	}
	if _, err := lib.Load(""); err == nil {
		t.Error("empty spec: no error")
	}
}

// TestLoadRetriesAfterError checks that failures are not cached: a file
// fixed after a failed Load loads on the next call.
func TestLoadRetriesAfterError(t *testing.T) {
	path := writeTemp(t, "later.ttf", []byte("not yet"))
	lib := NewLibrary()
	if _, err := lib.Load(path); err == nil {
		t.Fatal("garbage loaded")
	}
	if err := os.WriteFile(path, fixture(t, "serif-mini.ttf"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Load(path); err != nil {
		t.Fatalf("after fixing the file: %v", err)
	}
}

func TestSpecWithHash(t *testing.T) {
	// A file whose name holds '#' is a path, not a collection selector.
	path := writeTemp(t, "font#1.ttf", fixture(t, "serif-mini.ttf"))
	if _, err := NewLibrary().Load(path); err != nil {
		t.Fatal(err)
	}
}

func TestDefaults(t *testing.T) {
	lib := NewLibrary()
	tests := []struct {
		role Role
		name string
		bold bool
	}{
		{Body, "Noto Serif CJK SC", false},
		{Heading, "Noto Sans CJK SC Bold", true},
	}
	// One character of each documented part of the character set.
	covered := "国爱們說あアン한。、「」《》—…·ÀéüΩЖ①→＠ｱ"
	for _, tt := range tests {
		f, err := lib.Default(tt.role)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name() != tt.name || f.IsBold() != tt.bold {
			t.Errorf("Default(%v) = %q bold %v, want %q bold %v", tt.role, f.Name(), f.IsBold(), tt.name, tt.bold)
		}
		for _, r := range covered {
			if !f.HasGlyph(r) {
				t.Errorf("Default(%v) lacks %q U+%04X", tt.role, r, r)
			}
		}
		if f.HasGlyph('𠮷') {
			t.Errorf("Default(%v) has U+20BB7, outside the documented set", tt.role)
		}
		if !bytes.Equal(f.TrueType(), map[Role][]byte{Body: assets.SerifTTF, Heading: assets.SansTTF}[tt.role]) {
			t.Errorf("Default(%v).TrueType() is not the embedded font", tt.role)
		}
		if again, _ := lib.Default(tt.role); again != f {
			t.Errorf("Default(%v) parsed twice", tt.role)
		}
	}
}

// TestInk checks the ink boxes that punctuation compression relies on, in
// the Simplified Chinese serif (GB/T 15834 positions).
func TestInk(t *testing.T) {
	f, err := NewLibrary().Default(Body)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		r    rune
		side string // "left", "right": the half of the em box holding the ink
	}{
		{'。', "left"}, {'，', "left"}, {'、', "left"}, {'”', "left"}, {'’', "left"},
		{'）', "left"}, {'」', "left"}, {'》', "left"},
		{'（', "right"}, {'“', "right"}, {'「', "right"}, {'《', "right"},
	}
	for _, tt := range tests {
		left, right := f.Ink(tt.r)
		adv := f.Advance(tt.r)
		if adv != 1 {
			t.Errorf("Advance(%q) = %v, want 1 (full width)", tt.r, adv)
		}
		if !(0 <= left && left < right && right <= adv) {
			t.Errorf("Ink(%q) = %v, %v: not inside [0, %v]", tt.r, left, right, adv)
		}
		switch tt.side {
		case "left":
			if right > 0.55 {
				t.Errorf("Ink(%q) = %v, %v: want the ink in the left half", tt.r, left, right)
			}
		case "right":
			if left < 0.45 {
				t.Errorf("Ink(%q) = %v, %v: want the ink in the right half", tt.r, left, right)
			}
		}
	}
	if l, r := f.Ink(' '); l != 0 || r != 0 {
		t.Errorf("Ink(' ') = %v, %v, want 0, 0", l, r)
	}
	if l, r := f.Ink('中'); l <= 0 || r >= 1 || r-l < 0.7 {
		t.Errorf("Ink('中') = %v, %v, want a wide box inside the em", l, r)
	}
}

func TestWriteSFNT(t *testing.T) {
	tables := []sfntTable{
		{"zzzz", []byte{1, 2, 3}},
		{"head", make([]byte, 54)},
		{"abcd", []byte{0xff, 0xff, 0xff, 0xff, 1}},
	}
	out := writeSFNT(tagTrueType, tables)
	if checksum(out) != 0xB1B0AFBA {
		t.Errorf("file checksum %#x", checksum(out))
	}
	v, got, err := readTables(out, 0)
	if err != nil || v != tagTrueType {
		t.Fatal(v, err)
	}
	for i, tag := range []string{"abcd", "head", "zzzz"} {
		if got[i].tag != tag {
			t.Errorf("table %d = %q, want %q", i, got[i].tag, tag)
		}
		off := binary.BigEndian.Uint32(out[12+16*i+8:])
		if off%4 != 0 {
			t.Errorf("table %q at unaligned offset %d", tag, off)
		}
		if got[i].tag != "head" && checksum(got[i].data) != binary.BigEndian.Uint32(out[12+16*i+4:]) {
			t.Errorf("table %q: wrong checksum", tag)
		}
	}
	if es, sr := binary.BigEndian.Uint16(out[8:]), binary.BigEndian.Uint16(out[6:]); es != 1 || sr != 32 {
		t.Errorf("entrySelector, searchRange = %d, %d; want 1, 32 for 3 tables", es, sr)
	}
}

func FuzzLoad(f *testing.F) {
	serif := fixture(f, "serif-mini.ttf")
	f.Add(serif, "")
	f.Add(fixture(f, "cff-mini.otf"), "")
	f.Add(makeTTC(f, serif, fixture(f, "sans-mini.ttf")), "1")
	f.Add(makeTTC(f, serif, serif), "Noto Serif CJK SC")
	f.Add([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x02"), "1")
	f.Fuzz(func(t *testing.T, data []byte, sel string) {
		_, load, err := faceLoader(data, "fuzz.ttf", "/fuzz.ttf", sel)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.ttf") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		face, err := load()
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.ttf") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		for _, r := range "中a。 \U00020BB7" {
			adv := face.Advance(r)
			l, rt := face.Ink(r)
			if l < 0 || rt < l || rt > adv && adv >= 0 {
				t.Fatalf("Ink(%q) = %v, %v with advance %v", r, l, rt, adv)
			}
		}
		Subset(face, []rune("中a。")) // must not panic; errors are fine
	})
}

// TestConcurrent exercises a shared Library from many goroutines (run
// with -race): each face is parsed once and all readers agree.
func TestConcurrent(t *testing.T) {
	lib := NewLibrary()
	path := filepath.Join("testdata", "serif-mini.ttf")
	faces := make([]*Face, 8)
	done := make(chan int)
	for i := range faces {
		go func() {
			defer func() { done <- i }()
			f, err := lib.Load(path)
			if err != nil {
				t.Error(err)
				return
			}
			faces[i] = f
			f.Advance('中')
			f.Ink('。')
			if _, err := Subset(f, []rune("中文")); err != nil {
				t.Error(err)
			}
		}()
	}
	for range faces {
		<-done
	}
	for _, f := range faces[1:] {
		if f != faces[0] {
			t.Fatal("the face was parsed more than once")
		}
	}
}

func TestPostScriptName(t *testing.T) {
	f, err := NewLibrary().Load(filepath.Join("testdata", "composite.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	_, tabs, err := readTables(f.TrueType(), 0)
	if err != nil {
		t.Fatal(err)
	}
	var got string
	for _, tab := range tabs {
		if tab.tag == "name" {
			got = collectName(t, tab.data, 6)
		}
	}
	if want := "Qikan-Composite-Test"; got != want || f.PostScriptName() != want {
		t.Errorf("PostScript name %q in the font, %q of the face, want %q (from %q)", got, f.PostScriptName(), want, f.Name())
	}
	// A font's own PostScript name is the face's.
	set, err := NewLibrary().Set("", "")
	if err != nil {
		t.Fatal(err)
	}
	if ps := set.Face(Body).PostScriptName(); ps != "NotoSerifCJKsc-Regular" {
		t.Errorf("embedded body face: PostScript name %q", ps)
	}
	if sum := checksum(f.TrueType()); sum != 0xB1B0AFBA {
		t.Errorf("file checksum %#x", sum)
	}
	for in, want := range map[string]string{
		"Noto Serif CJK SC":     "Noto-Serif-CJK-SC",
		"思源宋体":                  "QikanFont",
		"a(b)/c%d#e":            "abcde",
		strings.Repeat("x", 80): strings.Repeat("x", 63),
	} {
		if got := PostScriptName(in); got != want {
			t.Errorf("PostScriptName(%q) = %q, want %q", in, got, want)
		}
	}
}

// collectName returns the Windows-platform string of a name ID.
func collectName(t *testing.T, name []byte, id uint16) string {
	t.Helper()
	count := int(binary.BigEndian.Uint16(name[2:]))
	storage := int(binary.BigEndian.Uint16(name[4:]))
	for i := range count {
		rec := name[6+12*i:]
		if binary.BigEndian.Uint16(rec) != 3 || binary.BigEndian.Uint16(rec[6:]) != id {
			continue
		}
		n, off := int(binary.BigEndian.Uint16(rec[8:])), storage+int(binary.BigEndian.Uint16(rec[10:]))
		var s []rune
		for j := off; j+1 < off+n; j += 2 {
			s = append(s, rune(binary.BigEndian.Uint16(name[j:])))
		}
		return string(s)
	}
	return ""
}
