package issue

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"
)

// astDepth returns how deeply mappings and sequences nest in n.
func astDepth(n ast.Node) int {
	deepest := 0
	var walk func(n ast.Node, d int)
	walk = func(n ast.Node, d int) {
		switch v := n.(type) {
		case *ast.MappingNode:
			for _, mv := range v.Values {
				walk(mv, d+1)
			}
			deepest = max(deepest, d+1)
		case *ast.MappingValueNode:
			if d == 0 { // a single key: value is a mapping of one
				d = 1
				deepest = max(deepest, 1)
			}
			walk(v.Key, d)
			walk(v.Value, d)
		case *ast.SequenceNode:
			for _, x := range v.Values {
				walk(x, d+1)
			}
			deepest = max(deepest, d+1)
		case *ast.AnchorNode:
			walk(v.Value, d)
		case *ast.TagNode:
			walk(v.Value, d)
		}
	}
	walk(n, 0)
	return deepest
}

func TestYAMLBounds(t *testing.T) {
	deepBlock := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(strings.Repeat("  ", i) + "k:\n")
		}
		return b.String()
	}
	tests := []struct {
		name string
		src  string
		want string // "", "depth" or "tokens"
		line int
	}{
		{"flow at the limit", "a: " + strings.Repeat("[", maxYAMLDepth/2-1) + strings.Repeat("]", maxYAMLDepth/2-1), "", 0},
		{"flow beyond", "a: " + strings.Repeat("[", maxYAMLDepth/2) + strings.Repeat("]", maxYAMLDepth/2), "depth", 1},
		{"80 KB of [", "title: x\nhighlights: " + strings.Repeat("[", 40000) + strings.Repeat("]", 40000), "depth", 2},
		{"flow maps", "a: " + strings.Repeat("{b: ", 100), "depth", 1},
		{"block mappings", deepBlock(maxYAMLDepth + 1), "depth", maxYAMLDepth + 1},
		{"block mappings at the limit", deepBlock(maxYAMLDepth), "", 0},
		{"dashes", "a:\n  " + strings.Repeat("- ", 100) + "x", "depth", 2},
		{"flow over lines", "a: [\n" + strings.Repeat("[\n", 100), "depth", 32},
		{"brackets in plain text", "title: a[1] {b} [c]\nx: 'it''s [' \n" + strings.Repeat("y: \"[\\\"[\"\n", 200), "", 0},
		{"brackets in comments", strings.Repeat("# [[[[[[\na: b # {{{{{\n", 100), "", 0},
		{"brackets in a literal", "body: |\n" + strings.Repeat("  [[[[[[[[[[ - - - - - - {{{{\n", 100) + "next: [x]\n", "", 0},
		{"brackets in a folded block", "- body: >-\n" + strings.Repeat("    [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n", 3), "", 0},
		{"quoted over lines", "a: \"[[[\n" + strings.Repeat("  [[[[[[[[\n", 20) + "  \"\n", "", 0},
		{"lone dashes nest in goccy", "a:\n" + strings.Repeat("-\nb:\n", 100), "depth", 65},
		{"lone dashes at rest", "a:\n-\nb:\n  - x\nc: 1\nd: 2\n" + strings.Repeat("e: 3\n", 100), "", 0},
		{"many tokens", strings.Repeat("- x\n", maxYAMLTokens+10), "tokens", maxYAMLTokens/3 + 1},
		{"many flow tokens", "a: [" + strings.Repeat("x,", maxYAMLTokens) + "]", "tokens", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := checkYAMLBounds([]byte(tt.src))
			switch {
			case tt.want == "" && b != nil:
				t.Errorf("bound %+v, want none", *b)
			case tt.want != "" && (b == nil || b.what != tt.want || b.line != tt.line):
				t.Errorf("bound %+v, want %s at line %d", b, tt.want, tt.line)
			}
		})
	}
}

// TestYAMLBoundsReal: no issue.yaml or front matter of the repository or of
// the HelloGitHub corpus comes near the bounds.
func TestYAMLBoundsReal(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "issue.yaml"))
	more, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "articles", "*.md"))
	corpus, _ := filepath.Glob("/work/corpus/hellogithub/*/issue.yaml")
	files = append(append(files, more...), corpus...)
	if len(files) < 3 {
		t.Fatal("no files")
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(f, ".md") {
			if src, _, _, _, _ = splitFrontMatter(src); src == nil {
				continue
			}
		}
		b, depth, tokens := scanYAML(src, maxYAMLDepth, maxYAMLTokens)
		if b != nil || depth > 8 {
			t.Errorf("%s: bound %v, depth %d, %d tokens", f, b, depth, tokens)
		}
	}
}

// FuzzYAMLBounds checks the scan against goccy/go-yaml's parser on any
// text it parses: the scan never counts less nesting than the tree has, so
// the bound holds, nor a third of goccy's tokens. (It may count more, in text such as a plain scalar
// running over lines that start with "- [": TestYAMLBoundsReal checks
// that real issues are nowhere near the bound.)
func FuzzYAMLBounds(f *testing.F) {
	for _, s := range []string{
		minimalYAML, "a: [[[[[]]]]]", "a:\n  - - - [x, {y: [z]}]\n", "a: |\n  [[[\nb: >-\n  {{{\n", "'a': \"b # [\"\n",
		"? [a]\n: [b]\n", "a: &x [1]\nb: *x\n", "- - - -\n  - x\n", strings.Repeat("[", 70) + strings.Repeat("]", 70),
		strings.Repeat(" ", 3) + "a:\n" + strings.Repeat("- ", 40) + "b", "a: 'x''[y'\nb: [\"]\", '[']\n",
		// Regressions found by fuzzing.
		"0:\n-", "[0\n000\"0,{0:[0]}]", "0: [0: []]", "00000000:\n-\n0:", "0: &0 !00\n0: 000", " !00 - - 000",
		"#0\r0:", "0:\n-\x00", "0\n: 0:",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		b, depth, tokens := scanYAML([]byte(src), maxYAMLDepth, maxYAMLTokens)
		file, err := parser.ParseBytes([]byte(src), 0)
		if err != nil || b != nil {
			return
		}
		if got := len(lexer.Tokenize(src)); got > 3*tokens+3 {
			t.Errorf("goccy made %d tokens, the scan counted %d", got, tokens)
		}
		for _, doc := range file.Docs {
			if doc == nil || doc.Body == nil {
				continue
			}
			if got := astDepth(doc.Body); got > depth {
				t.Errorf("the tree nests %d levels, the scan counted %d", got, depth)
			}
		}
	})
}
