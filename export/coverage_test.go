package export

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/internal/testtool"
	"golang.org/x/text/unicode/norm"
)

// coverageSets are the character lists of export/testdata/coverage,
// written by assets/fonts/build.py from Unihan: 通用规范汉字表 (kTGH), Big5
// (kBigFive), JIS X 0208 and 0213 (kJis0, kJIS0213), KS X 1001 hanja
// (kKSC0), and Latin, IPA, Greek, Cyrillic, punctuation, arrows, check
// marks, stars and enclosed alphanumerics.
var coverageSets = []string{"tgh.txt", "big5.txt", "jis.txt", "ksc.txt", "symbols.txt"}

// rareNames are characters of people's and places' names that earlier
// faces lacked.
const rareNames = "堃喆祎旸瑋䶮龘囧饸饹偸屌ńčćəʌ✓ⁿ"

// markdownText escapes s for a Markdown paragraph: ASCII punctuation gets
// a backslash, so every character is text.
func markdownText(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 && strings.ContainsRune("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// visible reports whether a character must show in the text layer
// (spaces, format characters and soft hyphens need not).
func visible(r rune) bool {
	return r > ' ' && r != 0xA0 && r != 0xAD && !(r >= 0x2000 && r <= 0x200F) && !(r >= 0x2028 && r <= 0x202F) &&
		!(r >= 0x205F && r <= 0x206F)
}

// TestCoverage exports an issue holding every character of the coverage
// sets with the embedded faces alone (no system font): no character is
// missing, and pdftotext gives every one back from the PDF.
func TestCoverage(t *testing.T) {
	if testing.Short() {
		t.Skip("exports 40,000 characters")
	}
	dir := filepath.Join(t.TempDir(), "coverage")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	want := map[rune]string{}
	var arts []string
	for i, name := range append(coverageSets, "rare") {
		var text string
		if name == "rare" {
			text = rareNames
		} else {
			b, err := os.ReadFile(filepath.Join("testdata", "coverage", name))
			if err != nil {
				t.Fatal(err)
			}
			text = string(b)
		}
		var md strings.Builder
		fmt.Fprintf(&md, "---\ntitle: %s\n---\n\n", name)
		for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
			md.WriteString(markdownText(line) + "\n\n")
			for _, r := range norm.NFC.String(line) {
				if visible(r) {
					want[r] = name
				}
			}
		}
		file := fmt.Sprintf("a%d.md", i)
		arts = append(arts, file)
		if err := os.WriteFile(filepath.Join(dir, file), []byte(md.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	yaml := "title: 字符覆盖\nissue: 2025年第1期\ndate: 2025-03-28\nlanguage: zh-CN\nsections:\n  - title: 字表\n    articles: [" +
		strings.Join(arts, ", ") + "]\n"
	if err := os.WriteFile(filepath.Join(dir, "issue.yaml"), []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	res, err := Issue(dir, library(), Options{OutDir: out, Formats: []string{"pdf"}, Strict: true})
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	if len(res.Missing.Missing) > 0 || len(res.Missing.Supplied) > 0 {
		t.Fatalf("missing characters: %s", res.Missing)
	}
	pdftotext := testtool.Need(t, "pdftotext")
	txt, err := exec.Command(pdftotext, "-enc", "UTF-8", filepath.Join(out, "coverage.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	got := map[rune]bool{}
	for _, r := range norm.NFC.String(string(txt)) {
		got[r] = true
	}
	// Characters drawn with the same glyph as another character of the
	// text (– U+2013 and ‒ U+2012 in Noto CJK) share its ToUnicode entry:
	// only ActualText tells them apart.
	base, err := library().Set("", "")
	if err != nil {
		t.Fatal(err)
	}
	faces := base.ForLang("zh-CN") // the issue's language: its regional forms
	type glyph struct {
		f *fonts.Face
		g uint16
	}
	users := map[glyph]int{}
	for r := range want {
		f := faces.FaceFor(fonts.Body, r)
		users[glyph{f, f.GlyphID(r)}]++
	}
	lost := map[string][]string{}
	for r, set := range want {
		f := faces.FaceFor(fonts.Body, r)
		if !got[r] && users[glyph{f, f.GlyphID(r)}] > 1 {
			t.Logf("%c U+%04X shares its glyph with another character: not told apart without ActualText", r, r)
			continue
		}
		if !got[r] {
			lost[set] = append(lost[set], fmt.Sprintf("%c U+%04X", r, r))
		}
	}
	for set, rs := range lost {
		t.Errorf("%s: %d characters not in the PDF's text: %s", set, len(rs), strings.Join(rs[:min(len(rs), 40)], ", "))
	}
}
