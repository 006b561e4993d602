package epub

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// rubyProbe, put at the end of a document's body, measures where
// Chromium draws each <rt> against its base text and writes one line per
// ruby into the document: base, then the centres (x, y) of base and
// reading.
const rubyProbe = `<script>//<![CDATA[
(function () {
  var out = [];
  document.querySelectorAll('ruby').forEach(function (ru) {
    var rt = ru.querySelector('rt');
    var base = Array.prototype.find.call(ru.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim() !== ''; });
    if (!rt || !base) { return; }
    var r = document.createRange();
    r.selectNodeContents(base);
    var b = r.getBoundingClientRect(), t = rt.getBoundingClientRect();
    out.push([base.textContent, (b.left + b.right) / 2, (b.top + b.bottom) / 2, (t.left + t.right) / 2, (t.top + t.bottom) / 2,
      b.left, b.top, b.right, b.bottom].join(' '));
  });
  var pre = document.createElement('pre');
  pre.id = 'ruby-probe';
  pre.textContent = out.join('\n');
  document.body.appendChild(pre);
})();
//]]></script>`

// TestRubyPlacement lays out the ruby of the web-Markdown test issue
// (zhuyin, pinyin and furigana, <ruby> and {base|reading}) in Chromium:
// every reading is drawn above its base in horizontal text and to its
// right in vertical text, within the base's extent along the line.
func TestRubyPlacement(t *testing.T) {
	if testing.Short() {
		t.Skip("Chromium takes seconds per document")
	}
	chromium := chromiumPath(t)
	iss := load(t, "../../testdata/webmix-2025")
	for _, vertical := range []bool{false, true} {
		name := map[bool]string{false: "horizontal", true: "vertical"}[vertical]
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			unzipTo(t, write(t, iss, Options{Time: testTime, Vertical: vertical}), dir)
			docs, _ := filepath.Glob(filepath.Join(dir, "EPUB", "xhtml", "a*.xhtml"))
			n := 0
			for _, doc := range docs {
				data, err := os.ReadFile(doc)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Contains(data, []byte("<ruby>")) {
					continue
				}
				probe := strings.TrimSuffix(doc, ".xhtml") + "-probe.xhtml"
				data = bytes.Replace(data, []byte("</body>"), []byte(rubyProbe+"</body>"), 1)
				if err := os.WriteFile(probe, data, 0o644); err != nil {
					t.Fatal(err)
				}
				for _, r := range probeRuby(t, chromium, probe) {
					n++
					above := r.ry < r.by && r.rx > r.left && r.rx < r.right
					right := r.rx > r.bx && r.ry > r.top && r.ry < r.bottom
					if (vertical && !right) || (!vertical && !above) {
						t.Errorf("%s: the reading of %q is at (%.0f, %.0f), its base at (%.0f, %.0f): not %s", filepath.Base(doc), r.base,
							r.rx, r.ry, r.bx, r.by, map[bool]string{false: "above", true: "to its right"}[vertical])
					}
				}
			}
			if n < 10 {
				t.Errorf("%d rubies measured", n)
			}
		})
	}
}

// rubyBox is where Chromium drew one ruby: the centres of base and
// reading and the base's box.
type rubyBox struct {
	base                     string
	bx, by, rx, ry           float64
	left, top, right, bottom float64
}

// probeRuby loads a document holding rubyProbe in headless Chromium and
// reads back what the probe measured.
func probeRuby(t *testing.T, chromium, doc string) []rubyBox {
	t.Helper()
	cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--no-first-run", "--allow-file-access-from-files", "--window-size=600,800",
		"--dump-dom", "file://"+doc)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	m := regexp.MustCompile(`(?s)<pre id="ruby-probe">(.*?)</pre>`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("%s: the probe wrote nothing", doc)
	}
	var boxes []rubyBox
	for _, line := range strings.Split(strings.TrimSpace(string(m[1])), "\n") {
		f := strings.Fields(line)
		if len(f) != 9 {
			t.Fatalf("probe line %q", line)
		}
		v := make([]float64, 8)
		for i := range v {
			if v[i], err = strconv.ParseFloat(f[i+1], 64); err != nil {
				t.Fatalf("probe line %q: %v", line, err)
			}
		}
		boxes = append(boxes, rubyBox{f[0], v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]})
	}
	return boxes
}

// unzipTo writes the files of a zip archive under dir.
func unzipTo(t *testing.T, data []byte, dir string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		path := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
