package fonts

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/qikan-dev/qikan/issue"
)

func TestSplit(t *testing.T) {
	lib := NewLibrary()
	// A user body face that only has a few characters, the default heading.
	set, err := lib.Set(filepath.Join("testdata", "serif-mini.ttf"), "")
	if err != nil {
		t.Fatal(err)
	}
	mini := set.Face(Body)
	serif, _ := lib.Default(Body)
	sans, _ := lib.Default(Heading)
	if set.Face(Heading) != sans {
		t.Fatal("empty heading spec did not give the embedded sans")
	}
	names := map[*Face]string{mini: "mini", serif: "serif", sans: "sans"}
	tests := []struct {
		role Role
		text string
		want string // segments as face:text|face:text
	}{
		{Body, "中文abc", "mini:中文abc"},
		{Body, "中文国家", "mini:中文|sans:国家"},                     // body → heading before defaults
		{Body, "中𠮷文", "mini:中|mini(missing):𠮷|mini:文"},        // uncovered: the role's face, marked
		{Body, "𠮷 文", "mini(missing):𠮷|mini: 文"},              // a space after it is not missing
		{Body, "国 家", "sans:国 家"},                             // a space does not split
		{Body, "中\u200d国\ufe0f", "mini:中\u200d|sans:国\ufe0f"}, // joiner, selector cling
		{Heading, "国家中文", "sans:国家中文"},
		{Heading, "𠮷", "sans(missing):𠮷"},
		{Body, "", ""},
	}
	for _, tt := range tests {
		var got []string
		joined := ""
		for _, s := range set.Split(tt.role, tt.text) {
			name := names[s.Face]
			if s.Missing {
				name += "(missing)"
			}
			got = append(got, name+":"+s.Text)
			joined += s.Text
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("Split(%v, %q) = %s, want %s", tt.role, tt.text, g, tt.want)
		}
		if joined != tt.text {
			t.Errorf("Split(%v, %q) lost text: %q", tt.role, tt.text, joined)
		}
	}

	// With a user heading face, the heading chain tries it first, then the body.
	set2, err := lib.Set("", filepath.Join("testdata", "sans-mini.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	sansMini := set2.Face(Heading)
	names[sansMini] = "sansmini"
	var got []string
	for _, s := range set2.Split(Heading, "中文国家") {
		got = append(got, names[s.Face]+":"+s.Text)
	}
	if g := strings.Join(got, "|"); g != "sansmini:中文|serif:国家" {
		t.Errorf("heading chain: %s", g)
	}
}

func TestSetErrors(t *testing.T) {
	_, err := NewLibrary().Set(filepath.Join("testdata", "cff-mini.otf"), "")
	if err == nil || !strings.HasPrefix(err.Error(), "body font: testdata/cff-mini.otf: CFF") {
		t.Errorf("error = %v", err)
	}
	_, err = NewLibrary().Set("", "nope.ttf")
	if err == nil || !strings.HasPrefix(err.Error(), "heading font: font nope.ttf:") {
		t.Errorf("error = %v", err)
	}
}

func TestCheck(t *testing.T) {
	set, err := NewLibrary().Set("", "")
	if err != nil {
		t.Fatal(err)
	}
	dir := "/magazines/2025-03"
	iss := &issue.Issue{
		Dir:        dir,
		File:       dir + "/issue.yaml",
		Title:      "吉𠮷期刊",
		Highlights: []string{"本期看点 😀"},
		Colophon:   []issue.ColophonRow{{Label: "主编", Value: "张三"}},
		Sections: []*issue.Section{{
			Title: "栏目",
			Articles: []*issue.Article{
				{
					ID: "a001", File: dir + "/articles/01.md", Title: "吉野家",
					Authors: []string{"李四"},
					Blocks: []issue.Block{
						&issue.Paragraph{Inlines: []issue.Inline{{Text: "𠮷野家的𠮷\n"}, {Text: "🍣\ufe0f", Style: issue.Strong}}},
						&issue.Quote{Blocks: []issue.Block{&issue.List{Items: [][]issue.Block{{&issue.Paragraph{Inlines: []issue.Inline{{Text: "列表\u3000项 😀"}}}}}}}},
					},
				},
				{
					ID: "a002", File: dir + "/articles/02.md", Title: "表格",
					Blocks: []issue.Block{
						&issue.Table{Rows: [][][]issue.Inline{{{{Text: "单元格𠮷"}}}}},
						&issue.Figure{Caption: "图说 😀"},
						&issue.Code{Text: "fmt.Println(\"hi\")\t// ok"},
					},
				},
			},
		}},
	}
	rep := Check(set, iss)
	type want struct {
		r      rune
		count  int
		places []string
	}
	wants := []want{
		{0x20BB7, 4, []string{"issue.yaml", "《吉野家》 (articles/01.md)", "《表格》 (articles/02.md)"}},
		{'😀', 3, []string{"issue.yaml", "《吉野家》 (articles/01.md)", "《表格》 (articles/02.md)"}},
		{'🍣', 1, []string{"《吉野家》 (articles/01.md)"}},
	}
	if len(rep.Missing) != len(wants) {
		t.Fatalf("Missing = %+v, want %d characters", rep.Missing, len(wants))
	}
	for i, w := range wants {
		m := rep.Missing[i]
		if m.Rune != w.r || m.Count != w.count || strings.Join(m.Articles, "; ") != strings.Join(w.places, "; ") {
			t.Errorf("Missing[%d] = %q ×%d in %q; want %q ×%d in %q", i, m.Rune, m.Count, m.Articles, w.r, w.count, w.places)
		}
	}
	s := rep.String()
	for _, part := range []string{"3 characters are in none of the fonts (Noto Serif CJK SC, Noto Sans CJK SC Bold, Noto Serif Regular, Noto Sans Bold, Noto Sans Symbols2 Regular, Noto Sans Math Regular)",
		"𠮷 U+20BB7 ×4 in issue.yaml, 《吉野家》 (articles/01.md), 《表格》 (articles/02.md); install a font with CJK Extension B–F, such as HanaMin (Debian/Ubuntu: apt install fonts-hanazono)", "hint:"} {
		if !strings.Contains(s, part) {
			t.Errorf("String() lacks %q:\n%s", part, s)
		}
	}
	if rep.OK() || rep.Error() != strings.TrimSuffix(s, "\n") {
		t.Error("a report with missing characters must be an error")
	}

	// A character only the heading face has is covered for body text too.
	body, _ := NewLibrary().Load(filepath.Join("testdata", "serif-mini.ttf"))
	sans, _ := NewLibrary().Default(Heading)
	small := NewSet(body, sans)
	rep = Check(small, &issue.Issue{Title: "中文国家"})
	if !rep.OK() {
		t.Errorf("heading fallback not used: %s", rep)
	}
	rep = Check(NewSet(body, body), &issue.Issue{Title: "中文国家"})
	if got := string(rep.Runes()); got != "国家" {
		t.Errorf("missing %q, want 国家", got)
	}
}

func TestUsage(t *testing.T) {
	lib := NewLibrary()
	set, err := lib.Set(filepath.Join("testdata", "serif-mini.ttf"), "")
	if err != nil {
		t.Fatal(err)
	}
	mini, sans := set.Face(Body), set.Face(Heading)
	serif, _ := lib.Default(Body)
	u := NewUsage(set)
	u.Add(Body, "中文国家中")
	u.Add(Heading, "标题")
	u.Add(Body, "𠮷")
	if got := u.Faces(); len(got) != 2 || got[0] != mini || got[1] != sans {
		t.Errorf("Faces() = %v", got)
	}
	if got := string(u.Runes(mini)); got != "中文" { // 𠮷 is drawn by no face
		t.Errorf("Runes(body) = %q", got)
	}
	if got := string(u.Runes(sans)); got != "国家标题" {
		t.Errorf("Runes(heading) = %q, want 国家标题 in code point order", got)
	}
	if got := u.Runes(serif); len(got) != 0 {
		t.Errorf("Runes(unused face) = %q", string(got))
	}
}
