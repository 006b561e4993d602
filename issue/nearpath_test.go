package issue

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNearPath(t *testing.T) {
	base := t.TempDir()
	for _, f := range []string{"articles/hello.md", "Images/Photo One.JPG", "cafe\u0301.md", "Caf\u00e9s/x.md"} {
		path := filepath.Join(base, filepath.FromSlash(f))
		os.MkdirAll(filepath.Dir(path), 0o755)
		os.WriteFile(path, nil, 0o644)
	}
	for _, tt := range []struct{ p, want string }{
		{"Articles/Hello.md", `did you mean "articles/hello.md"? file names are case-sensitive`},
		{"images/photo one.jpg", `did you mean "Images/Photo One.JPG"?`},
		{`articles\hello.md`, `write the path with / instead of \: "articles/hello.md"`},
		{`Articles\Hello.md`, `did you mean "articles/hello.md"?`},
		{"caf\u00e9.md", `"cafe\u0301.md" (decomposed, as macOS writes names) where the path has "caf\u00e9.md"`},
		{"CAFE\u0301S/x.md", "did you mean \"Caf\u00e9s/x.md\"?"},
		{"articles/missing.md", ""},
		{"nowhere/hello.md", ""},
	} {
		if got := nearPath(base, tt.p); tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
			t.Errorf("nearPath(%q) = %q, want …%q…", tt.p, got, tt.want)
		}
	}
}
