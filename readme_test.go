package main

import (
	"os"
	"regexp"
	"testing"
)

// TestCIRunsTheReadmeTestCommand: .ci/run runs exactly the test command the
// README's set-up section gives, so CI checks what users are told to run.
func TestCIRunsTheReadmeTestCommand(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	ci, err := os.ReadFile(".ci/run")
	if err != nil {
		t.Fatal(err)
	}
	cmd := regexp.MustCompile(`(?m)^(go test[^#\n]*?)\s*(#.*)?$`)
	r, c := cmd.FindSubmatch(readme), cmd.FindSubmatch(ci)
	if r == nil || c == nil {
		t.Fatalf("no go test command in README.md (%q) or .ci/run (%q)", r, c)
	}
	if string(r[1]) != string(c[1]) {
		t.Errorf("README.md says %q, .ci/run runs %q", r[1], c[1])
	}
}
