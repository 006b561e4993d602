package issue

import "testing"

func TestPrintable(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"标题 plain, tab\tnewline\n", "标题 plain, tab\\x09newline\n"},
		{"红\x1b[31m字\x1b[0m", `红\x1b[31m字\x1b[0m`},
		{"清屏\u009b2J", `清屏\u009b2J`},
		{"del\x7f nul\x00", `del\x7f nul\x00`},
		{"甲\u202e乙\u2066丙", `甲\u202e乙\u2066丙`},
		{"非字符\ufffe\uffff\U0001fffe\ufdd0", `非字符\ufffe\uffff\u1fffe\ufdd0`},
		{"bad \xff\xfe utf-8", `bad \xff\xfe utf-8`},
		{"𠮷 é ́ \u200d", "𠮷 é ́ \u200d"},
	} {
		if got := Printable(tt.in); got != tt.want {
			t.Errorf("Printable(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	p := Problem{File: "a\x1b.md", Line: 3, Message: "title \x1b[2J", Hint: "\u202e"}
	if got := p.String(); got != `a\x1b.md:3: title \x1b[2J (\u202e)` {
		t.Errorf("Problem.String = %q", got)
	}
	w := Warning{File: "a.md", Message: "\u009b\x9b"}
	if got := w.String(); got != `a.md: warning: \u009b\x9b` {
		t.Errorf("Warning.String = %q", got)
	}
}
