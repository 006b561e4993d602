package batch

import (
	"fmt"
	"io"
	"time"

	"github.com/qikan-dev/qikan/issue"
	"github.com/schollz/progressbar/v3"
)

// NewBar returns a Progress that draws a progress bar with the last issue's
// name, elapsed time and ETA on w, a terminal.
func NewBar(w io.Writer) Progress { return &bar{w: w} }

type bar struct {
	w   io.Writer
	bar *progressbar.ProgressBar
}

func (b *bar) Start(total int) {
	b.bar = progressbar.NewOptions(total,
		progressbar.OptionSetWriter(b.w),
		progressbar.OptionSetDescription("exporting"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowElapsedTimeOnFinish(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionFullWidth(),
		progressbar.OptionThrottle(100*time.Millisecond),
	)
}

func (b *bar) Done(r IssueReport) {
	b.bar.Describe(fmt.Sprintf("%-24s", issue.Printable(r.Name)))
	if r.Status == Failed {
		// Keep failures visible above the bar.
		fmt.Fprintf(b.w, "\r\x1b[K%s\n", issue.Printable(r.Name+": failed: "+r.Error))
	}
	_ = b.bar.Add(1)
}

func (b *bar) Finish() {
	_ = b.bar.Finish()
	fmt.Fprintln(b.w)
}

// NewLog returns a Progress that writes one line per issue to w, for logs
// that are not terminals (CI): position, name, status, time and ETA.
func NewLog(w io.Writer) Progress { return &logger{w: w} }

type logger struct {
	w           io.Writer
	total, done int
	start       time.Time
}

func (l *logger) Start(total int) { l.total, l.start = total, time.Now() }

func (l *logger) Done(r IssueReport) {
	l.done++
	elapsed := time.Since(l.start)
	eta := time.Duration(float64(elapsed) / float64(l.done) * float64(l.total-l.done))
	line := fmt.Sprintf("[%d/%d] %s: %s in %.2fs (elapsed %s, eta %s)", l.done, l.total, r.Name, r.Status,
		r.DurationMS/1000, elapsed.Round(time.Millisecond), eta.Round(time.Second))
	if r.Error != "" {
		line += ": " + r.Error
	}
	fmt.Fprintln(l.w, issue.Printable(line))
}

func (l *logger) Finish() {}

// Summary writes the run's final summary: counts, then every failure.
func Summary(w io.Writer, r *Report) {
	fmt.Fprintf(w, "%d exported, %d skipped, %d failed", r.Exported, r.Skipped, r.Failed)
	if r.NotDone > 0 {
		fmt.Fprintf(w, ", %d not done (interrupted)", r.NotDone)
	}
	fmt.Fprintf(w, " in %.2fs\n", r.WallMS/1000)
	for _, i := range r.Issues {
		if i.Status == Failed {
			fmt.Fprintln(w, issue.Printable("failed: "+i.Input+": "+i.Error))
		}
	}
}
