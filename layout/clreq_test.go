package layout

import (
	"encoding/json"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

type clreqExample struct {
	Name          string             `json:"name"`
	Source        string             `json:"source"`
	Text          string             `json:"text"`
	Width         float64            `json:"width"`
	Style         string             `json:"style"`
	Strict        bool               `json:"strict"`
	HanLatinSpace bool               `json:"hanLatinSpace"`
	Lines         []string           `json:"lines"`
	Prefix        bool               `json:"prefix"`
	NoStart       string             `json:"noStart"`
	NoEnd         string             `json:"noEnd"`
	Widths        map[string]float64 `json:"widths"`
	EvenGaps      bool               `json:"evenGaps"`
}

// TestClreqExamples runs the example paragraphs of testdata/clreq.
func TestClreqExamples(t *testing.T) {
	data, err := os.ReadFile("testdata/clreq/examples.json")
	if err != nil {
		t.Fatal(err)
	}
	var file struct{ Examples []clreqExample }
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatalf("testdata/clreq/examples.json: %v", err)
	}
	if len(file.Examples) == 0 {
		t.Fatal("no examples")
	}
	for _, ex := range file.Examples {
		t.Run(ex.Name, func(t *testing.T) {
			opt := Options{Width: ex.Width, HanLatinSpace: ex.HanLatinSpace, StrictKinsoku: ex.Strict}
			switch ex.Style {
			case "hant":
				opt.Punct = PunctHant
			case "ja":
				opt.Punct = PunctJA
			}
			runs := []Run{{Text: ex.Text, Face: fakeFace{hant: opt.Punct == PunctHant}, Size: 1}}
			lines := Paragraph(runs, opt)
			got := lineTexts(lines)
			checkInvariants(t, runs, opt, lines, 1e-6)
			if ex.Lines != nil {
				cmp := got
				if ex.Prefix && len(cmp) > len(ex.Lines) {
					cmp = cmp[:len(ex.Lines)]
				}
				if !reflect.DeepEqual(cmp, ex.Lines) {
					t.Errorf("lines %q, want %q (%s)", got, ex.Lines, ex.Source)
				}
			}
			for i, s := range got {
				if r, _ := utf8.DecodeRuneInString(s); i > 0 && strings.ContainsRune(ex.NoStart, r) {
					t.Errorf("line %d %q starts with %q (%s)", i, s, r, ex.Source)
				}
				if r, _ := utf8.DecodeLastRuneInString(s); i < len(got)-1 && strings.ContainsRune(ex.NoEnd, r) {
					t.Errorf("line %d %q ends with %q (%s)", i, s, r, ex.Source)
				}
			}
			for key, w := range ex.Widths {
				l, i, _ := strings.Cut(key, ":")
				li, _ := strconv.Atoi(l)
				ii, _ := strconv.Atoi(i)
				if li >= len(lines) || ii >= len(lines[li].Items) {
					t.Errorf("no item %s in %q", key, got)
					continue
				}
				if it := lines[li].Items[ii]; !near(it.Width, w) {
					t.Errorf("item %s %q width %.3f, want %.3f (%s)", key, it.Text, it.Width, w, ex.Source)
				}
			}
			if ex.EvenGaps {
				for li, l := range lines {
					if l.Break == BreakFinal || len(l.Items) < 3 {
						continue
					}
					step := l.Items[1].X - l.Items[0].X
					for k := 2; k < len(l.Items); k++ {
						if d := l.Items[k].X - l.Items[k-1].X; !near(d, step) {
							t.Errorf("line %d: gap %d is %.4f, want %.4f", li, k, d, step)
						}
					}
				}
			}
		})
	}
}
