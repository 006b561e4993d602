package epub

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/qikan-dev/qikan/internal/testtool"
)

// calibre runs a Calibre command in dir with its configuration kept in a
// temporary directory.
func calibre(t *testing.T, dir, prog string, args ...string) {
	t.Helper()
	cmd := exec.Command(prog, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CALIBRE_CONFIG_DIRECTORY="+filepath.Join(dir, "calibre-config"), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s", prog, strings.Join(args, " "), err, out)
	}
}

// TestCalibreKindleFonts converts EPUBs to AZW3 with Calibre's
// ebook-convert (the route most publishers take to Kindle) and unpacks
// the AZW3 with calibre-debug --inspect-mobi: every embedded font must be
// in it byte for byte, and its style sheet must still declare them. (With
// WOFF2 fonts Calibre 6.13 drops them silently, which is why TrueType is
// the default.)
func TestCalibreKindleFonts(t *testing.T) {
	if testing.Short() {
		t.Skip("Calibre conversions take seconds each")
	}
	convert := testtool.Need(t, "ebook-convert")
	debug := testtool.Need(t, "calibre-debug")
	for _, tc := range []struct {
		name string
		opt  Options
	}{
		{"sample", Options{Time: testTime}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			data := write(t, load(t, sampleDir), tc.opt)
			if err := os.WriteFile(filepath.Join(dir, "in.epub"), data, 0o644); err != nil {
				t.Fatal(err)
			}
			calibre(t, dir, convert, "in.epub", "out.azw3")
			calibre(t, dir, debug, "--inspect-mobi", "out.azw3")
			var embedded [][]byte
			var families []string
			c := unpack(t, data)
			for _, name := range c.order {
				if strings.HasPrefix(name, contentDir+"fonts/") {
					embedded = append(embedded, c.files[name])
				}
			}
			sf := readStyle(t, c.files[contentDir+"css/"+cssName])
			for family := range sf.files {
				families = append(families, family)
			}
			got, _ := filepath.Glob(filepath.Join(dir, "decompiled_out", "fonts", "*"))
			flows, _ := filepath.Glob(filepath.Join(dir, "decompiled_out", "flows", "*"))
			var css []byte
			for _, f := range flows {
				b, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				css = append(css, b...)
			}
			if len(got) != len(embedded) {
				t.Fatalf("%d fonts in the EPUB, %d in the AZW3: %v", len(embedded), len(got), got)
			}
			for _, g := range got {
				b, err := os.ReadFile(g)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.ContainsFunc(embedded, func(f []byte) bool { return bytes.Equal(f, b) }) {
					t.Errorf("%s is none of the EPUB's fonts", filepath.Base(g))
				}
			}
			for _, family := range families {
				if !bytes.Contains(css, []byte(`font-family: "`+family+`"`)) {
					t.Errorf("the AZW3's style sheet lost @font-face %s", family)
				}
			}
		})
	}
}
