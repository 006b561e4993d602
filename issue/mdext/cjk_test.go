package mdext

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark"
)

func render(t testing.TB, md goldmark.Markdown, src string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := md.Convert([]byte(src), &buf); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(buf.String())
}

func TestCJKFriendlySpec(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(CJKFriendly))
	for _, tt := range cjkSpecCases {
		if got := render(t, md, tt.src); got != tt.want {
			t.Errorf("%s: %s\ngot  %s\nwant %s", tt.file, tt.src, got, tt.want)
		}
	}
}

func TestCJKFriendly(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(CJKFriendly))
	tests := []struct{ src, want string }{
		// The examples of the specification's README.
		{"**该星号不会被识别，而是直接显示。**这是因为它没有被识别为强调符号。", "<p><strong>该星号不会被识别，而是直接显示。</strong>这是因为它没有被识别为强调符号。</p>"},
		{"**이 별표는 강조 표시로 인식되지 않고 그대로 표시됩니다(이 괄호 때문에)**이 문장 때문에.", "<p><strong>이 별표는 강조 표시로 인식되지 않고 그대로 표시됩니다(이 괄호 때문에)</strong>이 문장 때문에.</p>"},
		// The case of the issue: a book title in strong text.
		{"叫做**《动物农场》**的书", "<p>叫做<strong>《动物农场》</strong>的书</p>"},
		{"*“引号”*里", "<p><em>“引号”</em>里</p>"},
		// Strikethrough takes two tildes; one is a range.
		{"价格~~一百~~五十元，3~5天", "<p>价格<del>一百</del>五十元，3~5天</p>"},
		{"~一~", "<p>~一~</p>"},
		{"文~~~三~~~", "<p>文~~~三~~~</p>"},
		// CommonMark as it was, around Latin text.
		{"*foo bar*", "<p><em>foo bar</em></p>"},
		{"a * foo bar*", "<p>a * foo bar*</p>"},
		{"foo*bar*", "<p>foo<em>bar</em></p>"},
		{"_foo_bar", "<p>_foo_bar</p>"},
		{"**foo \"*bar*\" foo**", "<p><strong>foo &quot;<em>bar</em>&quot; foo</strong></p>"},
		{"*(*foo*)*", "<p><em>(<em>foo</em>)</em></p>"},
		{"__foo, __bar__, baz__", "<p><strong>foo, <strong>bar</strong>, baz</strong></p>"},
		{"a**\"foo\"**", "<p>a**&quot;foo&quot;**</p>"},
	}
	for _, tt := range tests {
		if got := render(t, md, tt.src); got != tt.want {
			t.Errorf("%s\ngot  %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

func TestIsCJK(t *testing.T) {
	tests := []struct {
		r    rune
		want bool
	}{
		{'中', true}, {'あ', true}, {'ア', true}, {'한', true}, {'ᄀ', true}, {'，', true}, {'。', true},
		{'「', true}, {'〰', true}, {'〽', true}, {'㊗', true}, {0x1F202, true}, {0x20BB7, true}, {0x2A6D6, true},
		{'a', false}, {'"', false}, {'“', false}, {'—', false}, {0x1F600, false}, {0x1F004, false}, {'«', false},
	}
	for _, tt := range tests {
		if got := isCJK(tt.r); got != tt.want {
			t.Errorf("isCJK(%U %c) = %v", tt.r, tt.r, got)
		}
	}
}

// FuzzCJKFriendlyCommonMark checks the amendments' promise: text without
// CJK characters (and without ~, which plain goldmark leaves alone) parses
// exactly as CommonMark does.
func FuzzCJKFriendlyCommonMark(f *testing.F) {
	for _, s := range []string{"*a*", "**a**b", "_a_b", "a*\"b\"*c", "***a** b*", "*(*a*)*", "__a, __b__, c__", "«*a*»", "∇**a**"} {
		f.Add(s)
	}
	plain := goldmark.New()
	cjk := goldmark.New(goldmark.WithExtensions(CJKFriendly))
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsRune(s, '~') {
			return
		}
		for _, r := range s {
			if isCJK(r) || isGeneralVS(r) || isIVS(r) {
				return
			}
		}
		if got, want := render(t, cjk, s), render(t, plain, s); got != want {
			t.Errorf("%q:\ncjk   %s\nplain %s", s, got, want)
		}
	})
}
