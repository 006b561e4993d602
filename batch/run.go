package batch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/qikan-dev/qikan/export"
	"github.com/qikan-dev/qikan/fonts"
	"github.com/qikan-dev/qikan/internal/safefile"
	"github.com/qikan-dev/qikan/issue"
)

// Options control a batch run.
type Options struct {
	Jobs    int            // workers; < 1 means 1
	Export  export.Options // per-issue export options; Export.OutDir is the batch's output directory
	Changed bool           // skip issues whose input hash matches the one recorded beside their outputs
	// Build identifies the qikan build (version, and for development builds
	// a hash of the executable); it is part of every input hash, so a new
	// qikan re-exports everything.
	Build string
	// Progress, if not nil, is told when the run starts and when each issue ends.
	Progress Progress
	// Abort, when closed, makes Run return at once: the issues in
	// progress are reported as NotDone (the caller has removed their
	// temporary files through Export.Temps).
	Abort <-chan struct{}
}

// Progress is told about a run as it goes; calls are serialised.
type Progress interface {
	Start(total int)
	Done(r IssueReport)
	Finish()
}

// Status is what happened to one issue.
type Status string

// Statuses.
const (
	Exported Status = "exported"
	Skipped  Status = "skipped"  // unchanged since the last export (--changed)
	Failed   Status = "failed"   // the issue is invalid or an export failed
	NotDone  Status = "not-done" // the run was interrupted before the issue started
)

// Output is one file written for an issue.
type Output struct {
	Path   string `json:"path"`
	Bytes  int64  `json:"bytes"`
	SHA256 string `json:"sha256"`
}

// IssueReport is the outcome of one issue.
type IssueReport struct {
	Input      string   `json:"input"`
	Name       string   `json:"name"`
	Status     Status   `json:"status"`
	Outputs    []Output `json:"outputs,omitempty"`
	DurationMS float64  `json:"duration_ms"`
	Pages      int      `json:"pages,omitempty"`
	Warnings   []string `json:"warnings,omitempty"`
	Error      string   `json:"error,omitempty"`
	InputHash  string   `json:"input_hash,omitempty"`
}

// Report is the outcome of a whole run, issues in Find order.
type Report struct {
	Exported int           `json:"exported"`
	Skipped  int           `json:"skipped"`
	Failed   int           `json:"failed"`
	NotDone  int           `json:"not_done"`
	WallMS   float64       `json:"wall_ms"`
	Issues   []IssueReport `json:"issues"`
}

// OK reports whether every issue was exported or skipped.
func (r *Report) OK() bool { return r.Failed == 0 && r.NotDone == 0 }

// WriteJSON writes the report as indented JSON to path, atomically.
func (r *Report) WriteJSON(path string) error {
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(path, append(data, '\n'))
}

// Run exports every job with opt.Jobs workers sharing lib. Cancelling ctx
// lets the issues in flight finish; the others are reported as NotDone.
// Closing opt.Abort returns at once, the issues in flight NotDone too. The
// output directory is locked against other qikan processes for the run.
func Run(ctx context.Context, jobs []Job, lib *fonts.Library, opt Options) *Report {
	start := time.Now()
	workers := opt.Jobs
	if workers < 1 {
		workers = 1
	}
	if opt.Progress != nil {
		opt.Progress.Start(len(jobs))
	}
	if len(jobs) > 0 {
		defer lockOutput(&opt)()
	}
	results := make([]IssueReport, len(jobs))
	finished := make([]bool, len(jobs))
	next := make(chan int)
	var mu sync.Mutex // guards results and finished, serialises Progress calls
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				r := exportOne(jobs[i], lib, opt)
				mu.Lock()
				results[i], finished[i] = r, true
				if opt.Progress != nil {
					opt.Progress.Done(r)
				}
				mu.Unlock()
			}
		}()
	}
	queued := 0
feed:
	for ; queued < len(jobs); queued++ {
		if ctx.Err() != nil {
			break // select picks at random among ready cases: check first
		}
		select {
		case <-ctx.Done():
			break feed
		case <-opt.Abort:
			break feed
		case next <- queued:
		}
	}
	close(next)
	all := make(chan struct{})
	go func() {
		wg.Wait()
		close(all)
	}()
	select {
	case <-all:
	case <-opt.Abort:
	}
	mu.Lock()
	results = slices.Clone(results)
	for i := range jobs {
		if !finished[i] {
			results[i] = IssueReport{Input: jobs[i].Dir, Name: jobs[i].Name, Status: NotDone}
		}
	}
	mu.Unlock()
	if opt.Progress != nil {
		opt.Progress.Finish()
	}
	return newReport(results, time.Since(start))
}

// lockOutput takes the output directory's lock once for the whole run
// (each issue's export would take it otherwise) and returns its release.
// Without an output directory to lock it does nothing: each export then
// reports the directory's problem.
func lockOutput(opt *Options) (release func()) {
	out := opt.Export.OutDir
	if opt.Export.NoLock || os.MkdirAll(out, 0o755) != nil {
		return func() {}
	}
	release = export.LockDir(out, func() {
		if opt.Export.Wait != nil {
			opt.Export.Wait(out)
		}
	})
	opt.Export.NoLock = true // held for every issue of the run
	return release
}

// newReport counts the issues' outcomes.
func newReport(results []IssueReport, wall time.Duration) *Report {
	rep := &Report{Issues: results, WallMS: ms(wall)}
	for _, r := range results {
		switch r.Status {
		case Exported:
			rep.Exported++
		case Skipped:
			rep.Skipped++
		case Failed:
			rep.Failed++
		case NotDone:
			rep.NotDone++
		}
	}
	return rep
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// exportOne exports one issue; it never panics the run: a panic in a
// backend is turned into that issue's failure.
func exportOne(j Job, lib *fonts.Library, opt Options) (rep IssueReport) {
	start := time.Now()
	rep = IssueReport{Input: j.Dir, Name: j.Name}
	defer func() {
		if p := recover(); p != nil {
			rep.Status, rep.Error = Failed, fmt.Sprintf("%s: internal error: %v (please report this as a qikan bug)", j.Dir, p)
		}
		rep.DurationMS = ms(time.Since(start))
	}()
	eo := opt.Export
	eo.Name = j.Name
	manifest := filepath.Join(eo.OutDir, j.Name+".qikan-inputs")
	if opt.Changed {
		hash, err := InputHash(j.Dir, opt.Build, eo)
		if err == nil {
			rep.InputHash = hash
			if prev, err := os.ReadFile(manifest); err == nil && strings.TrimSpace(string(prev)) == hash && outputsExist(eo) {
				rep.Status = Skipped
				return rep
			}
		}
	}
	res, err := export.Issue(j.Dir, lib, eo)
	for _, w := range res.Warnings {
		rep.Warnings = append(rep.Warnings, w.String())
	}
	rep.Pages = res.PDF.Pages
	for _, p := range res.Files {
		o, herr := describe(p)
		if herr != nil && err == nil {
			err = herr
		}
		rep.Outputs = append(rep.Outputs, o)
	}
	if err != nil {
		rep.Status, rep.Error = Failed, err.Error()
		return rep
	}
	rep.Status = Exported
	if opt.Changed || rep.InputHash != "" {
		if rep.InputHash == "" {
			rep.InputHash, _ = InputHash(j.Dir, opt.Build, eo)
		}
		if rep.InputHash != "" {
			if err := writeFileAtomic(manifest, []byte(rep.InputHash+"\n")); err != nil {
				rep.Warnings = append(rep.Warnings, err.Error())
			}
		}
	}
	return rep
}

func outputsExist(eo export.Options) bool {
	for _, f := range eo.Formats {
		if _, err := os.Stat(filepath.Join(eo.OutDir, eo.Name+"."+f)); err != nil {
			return false
		}
	}
	return true
}

func describe(path string) (Output, error) {
	f, err := os.Open(path)
	if err != nil {
		return Output{Path: path}, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	return Output{Path: path, Bytes: n, SHA256: hex.EncodeToString(h.Sum(nil))}, err
}

// InputHash hashes everything an export of the issue in dir depends on:
// every file the issue references (issue.yaml, articles, images, fonts),
// the qikan build and the export options other than the output directory.
// An issue that does not load has no hash (it is exported, and fails, every time).
func InputHash(dir, build string, eo export.Options) (string, error) {
	iss, _, err := issue.Load(dir)
	if err != nil {
		return "", err
	}
	files := iss.Files()
	for _, f := range []string{eo.BodyFont, eo.HeadingFont} {
		if f != "" {
			path, _, _ := strings.Cut(f, "#")
			files = append(files, path)
		}
	}
	sort.Strings(files)
	h := sha256.New()
	fmt.Fprintf(h, "qikan-inputs v1\nbuild %s\n", build)
	eo.OutDir = ""
	opts, err := json.Marshal(eo)
	if err != nil {
		return "", err
	}
	fmt.Fprintf(h, "options %s\n", opts)
	for _, f := range files {
		sum, err := hashFile(f)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "file %q %x\n", f, sum)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// hashFile returns the SHA-256 of the regular file path, read as a stream
// (a pipe or device among an issue's inputs is refused, never read).
func hashFile(path string) ([]byte, error) {
	f, err := safefile.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return nil, err
	}
	return h.Sum(nil), nil
}

// writeFileAtomic writes data to a temporary file beside path and renames it.
func writeFileAtomic(path string, data []byte) (err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err = f.Chmod(0o644); err != nil {
		return err
	}
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(f.Name(), path); err != nil {
		return errors.Join(err, os.Remove(f.Name()))
	}
	return nil
}

// Build identifies this qikan build for input hashes: the version, and for
// development builds (version "dev" or a pseudo-version) also a hash of the
// running executable, which holds the embedded fonts and templates.
func Build(version string) (string, error) {
	if version != "dev" && !strings.Contains(version, "-0.") && !strings.HasSuffix(version, "+dirty") {
		return version, nil
	}
	exe, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("finding qikan's executable to fingerprint this development build: %w", err)
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", fmt.Errorf("fingerprinting this development build: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("fingerprinting this development build: %s: %w", exe, err)
	}
	return version + "+" + hex.EncodeToString(h.Sum(nil))[:16], nil
}
