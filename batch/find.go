package batch

import (
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Job is one issue found below a root.
type Job struct {
	Dir  string // the issue directory, as found (root joined with Rel)
	Rel  string // slash-separated path of Dir relative to its root ("." for the root itself)
	Name string // output base name: Rel with "/" turned into "-", or the root's base name
}

// Find walks every root and returns a Job for each directory holding an
// issue.yaml, sorted by output name. Symbolic links to directories are not
// followed, so a link loop cannot make the walk endless. Two issues that
// would write to the same output name are an error.
func Find(roots []string) ([]Job, error) {
	var jobs []Job
	for _, root := range roots {
		info, err := os.Stat(root)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", root, err)
		}
		if !info.IsDir() {
			return nil, fmt.Errorf("%s: not a directory; batch takes directories that contain issues", root)
		}
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			if d.IsDir() && path != root && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir // .git, .cache, …
			}
			if d.IsDir() || d.Name() != "issue.yaml" {
				return nil
			}
			dir := filepath.Dir(path)
			rel, err := filepath.Rel(root, dir)
			if err != nil {
				return err
			}
			rel = filepath.ToSlash(rel)
			name := strings.ReplaceAll(rel, "/", "-")
			if rel == "." {
				abs, err := filepath.Abs(dir)
				if err != nil {
					return err
				}
				name = filepath.Base(abs)
			}
			jobs = append(jobs, Job{Dir: dir, Rel: rel, Name: name})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Slice(jobs, func(i, j int) bool {
		return jobs[i].Name < jobs[j].Name || jobs[i].Name == jobs[j].Name && jobs[i].Dir < jobs[j].Dir
	})
	for i := 1; i < len(jobs); i++ {
		if jobs[i].Name == jobs[i-1].Name {
			return nil, fmt.Errorf("%s and %s would both be exported as %q: pass them in separate runs with different --out directories", jobs[i-1].Dir, jobs[i].Dir, jobs[i].Name)
		}
	}
	return jobs, nil
}

// Shard selects a stable part of the jobs: shard K of N (1 ≤ K ≤ N). A job
// belongs to the shard given by a hash of its output name, so the split does
// not change when other issues are added to or removed from the archive.
type Shard struct{ K, N int }

// ParseShard parses "K/N".
func ParseShard(s string) (Shard, error) {
	k, n, ok := strings.Cut(s, "/")
	ki, err1 := strconv.Atoi(k)
	ni, err2 := strconv.Atoi(n)
	if !ok || err1 != nil || err2 != nil || ni < 1 || ki < 1 || ki > ni {
		return Shard{}, fmt.Errorf("--shard %q: want K/N with 1 ≤ K ≤ N, e.g. 2/4", s)
	}
	return Shard{K: ki, N: ni}, nil
}

// Has reports whether the job falls in the shard. The zero Shard holds every job.
func (s Shard) Has(j Job) bool {
	if s.N <= 1 {
		return true
	}
	h := fnv.New32a()
	h.Write([]byte(j.Name))
	return int(h.Sum32()%uint32(s.N)) == s.K-1
}
