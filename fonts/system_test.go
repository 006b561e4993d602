package fonts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qikan-dev/qikan/internal/testtool"
	"github.com/qikan-dev/qikan/issue"
)

const hanazono = "/usr/share/fonts/truetype/hanazono/"

// TestFallbackFonts: characters none of the embedded faces has come from
// the fallback fonts (HanaMin, fonts-hanazono), per character, and the
// report names the font; the rest stays missing.
func TestFallbackFonts(t *testing.T) {
	a := testtool.NeedFile(t, hanazono+"HanaMinA.ttf", "fonts-hanazono")
	b := testtool.NeedFile(t, hanazono+"HanaMinB.ttf", "fonts-hanazono")
	lib := NewLibrary()
	lib.UseFallbackFonts(a, b)
	set, err := lib.Set("", "")
	if err != nil {
		t.Fatal(err)
	}
	serif, _ := lib.Default(Body)
	// Extension B and C characters the embedded faces lack: 𤔣 only
	// HanaMinB has.
	for _, r := range "𠮷𪚥𤔣𫝆" {
		if serif.HasGlyph(r) {
			t.Errorf("%c is embedded: choose another test character", r)
		}
		f, own, ok := set.Supplier(Body, r)
		if !ok {
			t.Errorf("%c U+%X: no face", r, r)
			continue
		}
		if own && f != serif {
			t.Errorf("%c: supplied by the set's own %s", r, f.Name())
		}
		if !own && !strings.HasPrefix(f.Name(), "HanaMin") {
			t.Errorf("%c: supplied by %s (%s)", r, f.Name(), f.File())
		}
		if want := map[bool]string{true: b, false: a}[r == '𤔣']; f.File() != want {
			t.Errorf("%c: from %s, want %s (the first font that has it)", r, f.File(), want)
		}
	}
	segs := set.Split(Body, "吉𠮷野家")
	if len(segs) != 3 || segs[1].Text != "𠮷" || segs[1].Missing || segs[1].Face.File() == "" {
		t.Errorf("Split = %+v", segs)
	}
	// 𰻞 (U+30EDE, Extension G) is in neither font.
	iss := &issue.Issue{Title: "吉𠮷期刊𰻞"}
	rep := Check(set, iss)
	if len(rep.Supplied) != 1 || rep.Supplied[0].Rune != '𠮷' || !strings.HasPrefix(rep.Supplied[0].Font, "HanaMin") ||
		rep.Supplied[0].File != a {
		t.Errorf("Supplied = %+v", rep.Supplied)
	}
	if len(rep.Missing) != 1 || rep.Missing[0].Rune != '𰻞' || !strings.Contains(rep.Missing[0].Fix, "Extension G") {
		t.Errorf("Missing = %+v", rep.Missing)
	}
	// The supplying face is one of the set's faces now, embeddable.
	hana := segs[1].Face
	found := false
	for _, f := range set.Faces() {
		found = found || f == hana
	}
	if !found {
		t.Error("Faces() lacks the fallback face that supplied 𠮷")
	}
	if sub, err := Subset(hana, []rune("𠮷")); err != nil || len(outlineOf(t, sub, '𠮷')) == 0 {
		t.Errorf("subset of %s: %v", hana.Name(), err)
	}
	// Regional sets use the fallback face's regional forms (none here:
	// the same face).
	if f := set.ForLang("ja").FaceFor(Body, '𠮷'); f.Base() != hana {
		t.Errorf("ja: 𠮷 from %s", f.Name())
	}
}

// TestNoSystemFonts: FONTCONFIG_FILE naming an empty configuration turns
// the system lookup off, as it does for fontconfig.
func TestNoSystemFonts(t *testing.T) {
	t.Setenv("FONTCONFIG_FILE", os.DevNull)
	lib := NewLibrary()
	lib.UseSystemFonts()
	if lib.system != nil {
		t.Fatal("system fonts used with FONTCONFIG_FILE=/dev/null")
	}
	empty := filepath.Join(t.TempDir(), "fonts.conf")
	if err := os.WriteFile(empty, []byte("\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("FONTCONFIG_FILE", empty)
	lib.UseSystemFonts()
	if lib.system != nil {
		t.Fatal("system fonts used with an empty FONTCONFIG_FILE")
	}
}

// TestSystemFonts scans the machine's fonts with fontscan (into a
// temporary index) and finds 𠮷 in HanaMin.
func TestSystemFonts(t *testing.T) {
	testtool.NeedFile(t, hanazono+"HanaMinB.ttf", "fonts-hanazono")
	if testing.Short() {
		t.Skip("scans every installed font")
	}
	t.Setenv("FONTCONFIG_FILE", "")
	lib := NewLibrary()
	lib.UseSystemFonts()
	set, err := lib.Set("", "")
	if err != nil {
		t.Fatal(err)
	}
	f, own, ok := set.Supplier(Body, '𠮷')
	if !ok || own || !strings.HasPrefix(filepath.Base(f.File()), "HanaMin") {
		t.Fatalf("𠮷: %v own=%v ok=%v", f, own, ok)
	}
	// Deterministic: the same face again, from a fresh library too.
	lib2 := NewLibrary()
	lib2.UseSystemFonts()
	set2, _ := lib2.Set("", "")
	if f2 := set2.FaceFor(Body, '𠮷'); f2.File() != f.File() {
		t.Errorf("second lookup: %s, first %s", f2.File(), f.File())
	}
}

func TestEmbeddable(t *testing.T) {
	f, err := NewLibrary().Load(filepath.Join("testdata", "serif-mini.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	if !f.embeddable() {
		t.Error("installable font not embeddable")
	}
	data := append([]byte(nil), f.data...)
	_, tabs, _ := readTables(data, 0)
	for _, tb := range tabs {
		if tb.tag == "OS/2" {
			tb.data[8], tb.data[9] = 0, 2 // Restricted License embedding
		}
	}
	g := *f
	g.data = data
	if g.embeddable() {
		t.Error("restricted font embeddable")
	}
}
