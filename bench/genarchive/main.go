package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

func main() {
	src := flag.String("src", "testdata/dangyuanzhiyou-2025-03", "sample issue directory to copy")
	n := flag.Int("n", 100, "number of issues to generate")
	out := flag.String("out", "", "output directory (created; must not exist)")
	flag.Parse()
	if *out == "" || *n < 1 {
		fmt.Fprintln(os.Stderr, "usage: genarchive -src DIR -n N -out DIR")
		os.Exit(2)
	}
	if _, err := os.Stat(*out); err == nil {
		fmt.Fprintf(os.Stderr, "genarchive: %s exists; remove it or choose another -out\n", *out)
		os.Exit(1)
	}
	for i := 0; i < *n; i++ {
		year, month := 2015+i/12, i%12+1
		dir := filepath.Join(*out, fmt.Sprint(year), fmt.Sprintf("%02d", month))
		if err := copyIssue(*src, dir, i, year, month); err != nil {
			fmt.Fprintln(os.Stderr, "genarchive:", err)
			os.Exit(1)
		}
	}
}

var (
	labelRE = regexp.MustCompile(`(?m)^issue:.*$`)
	dateRE  = regexp.MustCompile(`(?m)^date:.*$`)
)

func copyIssue(src, dst string, i, year, month int) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		switch {
		case rel == "issue.yaml":
			data = labelRE.ReplaceAll(data, []byte(fmt.Sprintf("issue: %d年第%d期", year, month)))
			data = dateRE.ReplaceAll(data, []byte(fmt.Sprintf("date: %d-%02d-01", year, month)))
		case strings.HasSuffix(rel, ".md"):
			data = rotateBody(data, i)
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// rotateBody rotates the body paragraphs (after the front matter) by k.
func rotateBody(data []byte, k int) []byte {
	parts := bytes.SplitN(data, []byte("\n---\n"), 2)
	if len(parts) != 2 {
		return data
	}
	paras := bytes.Split(bytes.TrimSpace(parts[1]), []byte("\n\n"))
	if len(paras) < 2 {
		return data
	}
	k %= len(paras)
	rotated := append(append([][]byte{}, paras[k:]...), paras[:k]...)
	return append(append(parts[0], []byte("\n---\n\n")...), append(bytes.Join(rotated, []byte("\n\n")), '\n')...)
}
