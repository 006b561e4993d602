package layout

import "testing"

func TestNormalizePunct(t *testing.T) {
	tests := []struct {
		in, want string
		n        int
	}{
		{"你好,世界", "你好，世界", 1},
		// Only between Han characters: Korean keeps its ASCII marks and
		// spaces, Japanese text is not Chinese.
		{"천천히 보면, 낡은 책도 (아마) 새롭다.", "천천히 보면, 낡은 책도 (아마) 새롭다.", 0},
		{"ゆっくり, 読む", "ゆっくり, 読む", 0},
		{"韓國作家김영하, 很好", "韓國作家김영하, 很好", 0},
		{"你好, 世界", "你好，世界", 1},
		{"注意:这里;那里?是的!", "注意：这里；那里？是的！", 4},
		{"真的?!", "真的？！", 2},
		{"他说(大概)没事", "他说（大概）没事", 2},
		{"见图(3)说明", "见图（3）说明", 2},
		{"(注意)这是", "（注意）这是", 2},
		{`他说"你好"就走了`, "他说“你好”就走了", 2},
		{`叫'小明'的人`, "叫‘小明’的人", 2},
		{"」,然后", "」，然后", 1},
		// Latin and number contexts are never touched.
		{"3,000元", "3,000元", 0},
		{"12:30开会", "12:30开会", 0},
		{"访问https://example.com/a?b=1,c", "访问https://example.com/a?b=1,c", 0},
		{"Hello, world! How are you?", "Hello, world! How are you?", 0},
		{"函数f(x)的值", "函数f(x)的值", 0},
		{`He said "hi" to me`, `He said "hi" to me`, 0},
		{"don't 中文", "don't 中文", 0},
		{"", "", 0},
		{"纯中文没有标点", "纯中文没有标点", 0},
		{`"unterminated 中文`, `"unterminated 中文`, 0},
	}
	for _, tc := range tests {
		got, n := NormalizePunct(tc.in)
		if got != tc.want || n != tc.n {
			t.Errorf("NormalizePunct(%q) = %q, %d; want %q, %d", tc.in, got, n, tc.want, tc.n)
		}
	}
}

func FuzzNormalizePunct(f *testing.F) {
	for _, s := range []string{"你好,世界", `他说"你好"`, "(a)(中", "3,000", "'x'中'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, n := NormalizePunct(s)
		if again, m := NormalizePunct(got); m != 0 {
			t.Errorf("not idempotent: %q → %q → %q", s, got, again)
		}
		if n == 0 && got != s {
			t.Errorf("no changes reported but %q → %q", s, got)
		}
	})
}
