package issue

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// yamlDoc reads one YAML document (issue.yaml or an article's front matter)
// node by node, so that every problem is reported with its own line and
// column and no problem hides the next one.
type yamlDoc struct {
	file    string // file name for problems
	abs     string // absolute path, for positions in the model
	lineOff int    // added to YAML line numbers (front matter starts after "---")
	r       *report
	anchors map[string]ast.Node
	budget  *textBudget // the issue's; nil in tests of one document
}

// maxAliasDepth bounds alias resolution (an alias of an alias of …).
const maxAliasDepth = 16

// parseYAML parses src and returns the body of its single document, or nil
// after reporting a syntax error. An empty document yields a nil node and
// ok == true.
func (d *yamlDoc) parse(src []byte) (body ast.Node, ok bool) {
	defer func() {
		if v := recover(); v != nil {
			d.r.add(d.file, d.lineOff+1, 0, "", "cannot parse YAML: %v", v)
			body, ok = nil, false
		}
	}()
	if b := checkYAMLBounds(src); b != nil {
		if b.what == "depth" {
			d.r.add(d.file, b.line+d.lineOff, b.col, "flatten it; an issue needs about 6 levels", "YAML nests more than %d levels deep", maxYAMLDepth)
		} else {
			d.r.add(d.file, b.line+d.lineOff, b.col, "split the issue into several", "YAML has more than %d items and keys", maxYAMLTokens)
		}
		return nil, false
	}
	f, err := parser.ParseBytes(src, 0)
	if err != nil {
		line, col, msg := 0, 0, err.Error()
		var ye yaml.Error
		if errors.As(err, &ye) {
			msg = ye.GetMessage()
			if tk := ye.GetToken(); tk != nil && tk.Position != nil {
				line, col = tk.Position.Line, tk.Position.Column
			}
		}
		hint := "check the indentation and quote values that contain ': ' or start with a special character"
		if line > 0 && tabIndented(src, line) {
			msg, hint, col = "a tab indents this line", "YAML indents with spaces only: replace the tabs with spaces", 1
		}
		if line > 0 {
			line += d.lineOff
		}
		d.r.add(d.file, line, col, hint, "YAML syntax error: %s", msg)
		return nil, false
	}
	var docs []*ast.DocumentNode
	for _, doc := range f.Docs {
		if doc != nil && doc.Body != nil {
			docs = append(docs, doc)
		}
	}
	if len(docs) > 1 {
		line, col := d.pos(docs[1].Body)
		d.r.add(d.file, line, col, "remove the second document", "more than one YAML document")
	}
	if len(docs) == 0 {
		return nil, true
	}
	d.anchors = map[string]ast.Node{}
	ast.Walk(anchorCollector(d.anchors), docs[0].Body)
	return docs[0].Body, true
}

type anchorCollector map[string]ast.Node

func (a anchorCollector) Visit(n ast.Node) ast.Visitor {
	if an, ok := n.(*ast.AnchorNode); ok && an.Name != nil {
		if _, dup := a[an.Name.String()]; !dup {
			a[an.Name.String()] = an.Value
		}
	}
	return a
}

// pos returns the line and column of n in the file.
func (d *yamlDoc) pos(n ast.Node) (line, col int) {
	if n == nil {
		return 0, 0
	}
	if m, ok := n.(*ast.MappingNode); ok && len(m.Values) > 0 && !m.IsFlowStyle {
		n = m.Values[0].Key
	}
	if mv, ok := n.(*ast.MappingValueNode); ok && mv.Key != nil {
		n = mv.Key
	}
	tk := n.GetToken()
	if tk == nil || tk.Position == nil {
		return 0, 0
	}
	return tk.Position.Line + d.lineOff, tk.Position.Column
}

// at returns the position of n in the model's terms.
func (d *yamlDoc) at(n ast.Node) Pos {
	line, col := d.pos(n)
	return Pos{File: d.abs, Line: line, Col: col}
}

// where records in w, under prefix+key, the position of the value of every
// key of f that is present (and of each item of a list value).
func (f *fields) where(w Where, prefix string) {
	if f == nil {
		return
	}
	for key, e := range f.values {
		if e.Value == nil {
			continue
		}
		w[prefix+key] = f.d.at(e.Value)
		if seq, ok := f.d.resolve(e.Value).(*ast.SequenceNode); ok {
			for i, item := range seq.Values {
				w[fmt.Sprintf("%s%s[%d]", prefix, key, i)] = f.d.at(item)
			}
		}
	}
}

func (d *yamlDoc) errorf(n ast.Node, hint, format string, args ...any) {
	line, col := d.pos(n)
	d.r.add(d.file, line, col, hint, format, args...)
}

// resolve looks through tags, anchors and aliases.
func (d *yamlDoc) resolve(n ast.Node) ast.Node {
	for range maxAliasDepth {
		switch v := n.(type) {
		case *ast.TagNode:
			n = v.Value
		case *ast.AnchorNode:
			n = v.Value
		case *ast.AliasNode:
			if v.Value == nil {
				return nil
			}
			target, ok := d.anchors[v.Value.String()]
			if !ok {
				return nil
			}
			n = target
		default:
			return n
		}
	}
	return nil
}

// isSequence reports whether n is a list.
func (d *yamlDoc) isSequence(n ast.Node) bool {
	_, ok := d.resolve(n).(*ast.SequenceNode)
	return ok
}

// isNull reports whether n is absent or an explicit null / empty value.
func (d *yamlDoc) isNull(n ast.Node) bool {
	n = d.resolve(n)
	if n == nil {
		return true
	}
	_, ok := n.(*ast.NullNode)
	return ok
}

// kind names a node's YAML type for messages.
func kind(n ast.Node) string {
	switch n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case nil, *ast.NullNode:
		return "empty"
	default:
		return "a single value"
	}
}

// scalar returns the text of a scalar node: strings unquoted, other scalars
// (numbers, booleans, dates) as written. ok is false for mappings and lists.
func (d *yamlDoc) scalar(n ast.Node) (s string, ok bool) {
	switch v := d.resolve(n).(type) {
	case nil, *ast.NullNode:
		return "", true
	case *ast.StringNode:
		return v.Value, true
	case *ast.LiteralNode:
		if v.Value == nil {
			return "", true
		}
		return v.Value.Value, true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		tk := v.GetToken()
		if tk == nil {
			return "", true
		}
		return tk.Value, true
	default:
		return "", false
	}
}

// text returns a scalar as trimmed text, reporting a problem when n is not a
// scalar. what names the field for the message.
func (d *yamlDoc) text(n ast.Node, what string) string {
	s, ok := d.scalar(n)
	if !ok {
		d.errorf(n, "write it as a single line of text", "%s must be text, not %s", what, kind(d.resolve(n)))
		return ""
	}
	d.spend(n, s)
	return strings.TrimSpace(s)
}

// spend counts s, the text of node n, against the issue's text budget.
func (d *yamlDoc) spend(n ast.Node, s string) {
	if !d.budget.spend(len(s)) {
		d.errorf(n, overHint, "%s", overMessage)
	}
}

// list returns the items of a sequence. A single scalar is taken as a
// one-item list when single is true; otherwise it is reported.
func (d *yamlDoc) list(n ast.Node, what string, single bool) []ast.Node {
	r := d.resolve(n)
	switch v := r.(type) {
	case nil, *ast.NullNode:
		return nil
	case *ast.SequenceNode:
		return v.Values
	default:
		if single {
			if _, ok := d.scalar(r); ok {
				return []ast.Node{n}
			}
		}
		d.errorf(n, "start each item on its own line with \"- \"", "%s must be a list, not %s", what, kind(r))
		return nil
	}
}

// fields is one YAML mapping whose keys have been checked against the known
// keys.
type fields struct {
	d      *yamlDoc
	node   ast.Node // the mapping, for the position of "missing" problems
	values map[string]*ast.MappingValueNode
	// misspelt holds known keys suggested for unknown ones: their absence
	// is not reported again.
	misspelt map[string]bool
}

// mapping checks that n is a mapping with only known keys. Unknown keys are
// reported with the closest known key as a suggestion. It returns nil (after
// reporting) when n is not a mapping.
func (d *yamlDoc) mapping(n ast.Node, what string, known ...string) *fields {
	r := d.resolve(n)
	var entries []*ast.MappingValueNode
	switch v := r.(type) {
	case *ast.MappingNode:
		entries = v.Values
	case *ast.MappingValueNode:
		entries = []*ast.MappingValueNode{v}
	case nil, *ast.NullNode:
		d.errorf(n, "", "%s is empty", what)
		return nil
	default:
		d.errorf(n, "write it as key: value lines", "%s must be a mapping, not %s", what, kind(r))
		return nil
	}
	f := &fields{d: d, node: n, values: map[string]*ast.MappingValueNode{}, misspelt: map[string]bool{}}
	for _, e := range entries {
		if e == nil || e.Key == nil {
			continue
		}
		if _, merge := e.Key.(*ast.MergeKeyNode); merge {
			d.errorf(e.Key, "write the keys out", "merge keys (<<) are not supported in %s", what)
			continue
		}
		key, _ := d.scalar(e.Key)
		if !slices.Contains(known, key) {
			hint := "known keys: " + strings.Join(sorted(known), ", ")
			if s := suggest(key, known); s != "" {
				hint = fmt.Sprintf("did you mean %q?", s)
				f.misspelt[s] = true
			}
			d.errorf(e.Key, hint, "unknown key %q in %s", key, what)
			continue
		}
		f.values[key] = e
	}
	return f
}

// get returns the value node of key, or nil.
func (f *fields) get(key string) ast.Node {
	if f == nil {
		return nil
	}
	e, ok := f.values[key]
	if !ok || f.d.isNull(e.Value) {
		return nil
	}
	return e.Value
}

// keyNode returns the node of key itself (for positions), or the mapping.
func (f *fields) keyNode(key string) ast.Node {
	if e, ok := f.values[key]; ok {
		return e.Key
	}
	return f.node
}

// str returns the text of key. A required key that is missing or empty is
// reported at the mapping (or at the key when it is present but empty).
func (f *fields) str(key, what string, required bool) string {
	if f == nil {
		return ""
	}
	v := f.get(key)
	if v == nil {
		if required && !f.misspelt[key] {
			if _, present := f.values[key]; present {
				f.d.errorf(f.keyNode(key), "", "%s: %s is empty", what, key)
			} else {
				f.d.errorf(f.node, fmt.Sprintf("add a line %s: …", key), "%s: missing required key %s", what, key)
			}
		}
		return ""
	}
	s := f.d.text(v, what+": "+key)
	if s == "" && required {
		f.d.errorf(v, "", "%s: %s is empty", what, key)
	}
	f.d.checkLength(v, what, key, s)
	return s
}

func sorted(list []string) []string {
	out := append([]string(nil), list...)
	sort.Strings(out)
	return out
}

// suggest returns the known key closest to key by edit distance, or "" when
// none is close enough to be a likely misspelling.
func suggest(key string, known []string) string {
	best, bestDist := "", 0
	low := strings.ToLower(key)
	for _, k := range known {
		d := editDistance(low, k)
		if best == "" || d < bestDist {
			best, bestDist = k, d
		}
	}
	limit := 2
	if n := len([]rune(key)); n <= 3 {
		limit = 1
	}
	if best == "" || bestDist > limit {
		return ""
	}
	return best
}

// editDistance is the Damerau–Levenshtein (optimal string alignment)
// distance of a and b, counting an adjacent transposition as one edit.
func editDistance(a, b string) int {
	s, t := []rune(a), []rune(b)
	if len(s) > 64 || len(t) > 64 {
		return 1 << 20
	}
	d := make([][]int, len(s)+1)
	for i := range d {
		d[i] = make([]int, len(t)+1)
		d[i][0] = i
	}
	for j := range t {
		d[0][j+1] = j + 1
	}
	for i := 1; i <= len(s); i++ {
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(s)][len(t)]
}
