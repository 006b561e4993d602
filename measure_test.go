package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// measureQikan runs qikan (this binary with QIKAN_AS_COMMAND=1) with this
// process's arguments and standard files, passes SIGINT, SIGTERM and
// SIGHUP on to it, writes its peak resident memory in KiB to rssFile and
// returns its exit status.
//
// Why a parent of its own: on Linux a child reports in ru_maxrss the peak
// of the process that started it when that one is larger. Go starts
// children with vfork (CLONE_VM), and exec carries the starting memory's
// high-water mark into the child's maximum. Started straight from the test
// binary, which the in-process tests grow to hundreds of MiB, every qikan
// run measured the test binary (418 MiB in CI for an issue refused in
// 0.1 s). Started from this process of a few MiB, ru_maxrss is qikan's own.
func measureQikan(rssFile string) int {
	exe := os.Getenv("QIKAN_EXE")
	if exe == "" {
		var err error
		if exe, err = os.Executable(); err != nil {
			fmt.Fprintln(os.Stderr, "measure:", err)
			return 125
		}
	}
	cmd := exec.Command(exe, os.Args[1:]...)
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "QIKAN_RSS_FILE=") && !strings.HasPrefix(kv, "QIKAN_EXE=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, "QIKAN_AS_COMMAND=1")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "measure:", err)
		return 125
	}
	os.WriteFile(rssFile+".pid", []byte(strconv.Itoa(cmd.Process.Pid)), 0o644)
	go func() {
		for s := range sigs {
			cmd.Process.Signal(s)
		}
	}()
	cmd.Wait()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		os.WriteFile(rssFile, []byte(strconv.FormatInt(ru.Maxrss, 10)), 0o644)
	}
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		signal.Reset()
		syscall.Kill(os.Getpid(), ws.Signal())
		time.Sleep(time.Second) // the signal ends the process before this does
		return 128 + int(ws.Signal())
	}
	return cmd.ProcessState.ExitCode()
}

// waitBusy waits until the qikan run by cmd (made by qikanCommand and
// started) has used cpu of processor time, so that it has set up its
// signal handling and is at work, or until it has ended. A wait on the
// clock instead fails on a loaded machine, where starting two processes
// can take longer than any fixed wait.
func waitBusy(t *testing.T, cmd *exec.Cmd, cpu time.Duration) {
	t.Helper()
	pidFile := rssFile(cmd) + ".pid"
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		time.Sleep(2 * time.Millisecond)
		b, err := os.ReadFile(pidFile)
		pid, _ := strconv.Atoi(string(b))
		if err != nil || pid <= 0 {
			continue // not started yet, or the file is being written
		}
		stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
		if err != nil {
			return // ended (or no /proc: the caller's checks tell)
		}
		// Fields after the command name in parentheses: state is the 3rd
		// field of the stat line, utime and stime the 14th and 15th.
		f := strings.Fields(string(stat[bytes.LastIndexByte(stat, ')')+1:]))
		if len(f) < 13 {
			return
		}
		ut, _ := strconv.Atoi(f[11])
		st, _ := strconv.Atoi(f[12])
		if time.Duration(ut+st)*10*time.Millisecond >= cpu { // USER_HZ is 100 on Linux
			return
		}
	}
	t.Fatal("qikan did not start working within a minute")
}

// peakRSS returns the peak resident memory in KiB of the qikan run by cmd
// (made by qikanCommand, and ended), or 0 where the system does not tell.
func peakRSS(t *testing.T, cmd *exec.Cmd) int64 {
	t.Helper()
	f := rssFile(cmd)
	b, err := os.ReadFile(f)
	if f == "" || err != nil {
		return 0
	}
	n, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil {
		t.Fatalf("peak memory file %s: %v", f, err)
	}
	return n
}

// rssFile is where the measuring parent of cmd (made by qikanCommand)
// writes qikan's peak memory; qikan's process ID is in the same name plus
// ".pid". It is "" for a command qikanCommand did not make.
func rssFile(cmd *exec.Cmd) string {
	for _, kv := range cmd.Env {
		if f, ok := strings.CutPrefix(kv, "QIKAN_RSS_FILE="); ok {
			return f
		}
	}
	return ""
}

// TestPeakRSSIsQikans checks that peakRSS measures qikan and not the test
// binary: after this process has grown past the limit the refused-issue
// tests use, a qikan run that only prints its usage still measures far
// below it.
func TestPeakRSSIsQikans(t *testing.T) {
	ballast := make([]byte, (maxRSSLimit+64<<10)<<10)
	for i := range ballast {
		if i%4096 == 0 {
			ballast[i] = 1
		}
	}
	cmd := qikanCommand(t, "help")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("qikan help: %v\n%s", err, out)
	}
	rss := peakRSS(t, cmd)
	if rss == 0 || rss > maxRSSLimit/2 {
		t.Errorf("qikan help measured %d KiB (the test binary holds %d MiB), want between 1 KiB and %d MiB", rss, len(ballast)>>20, maxRSSLimit>>11)
	}
	ballast[len(ballast)-1] = 1 // keep the ballast alive until after the run
}

// plainQikan is qikan built without the race detector, for the
// subprocess tests of a test binary that has it: the race detector's
// shadow memory made an export of 100 photos peak at 447 MiB instead of
// 156, failing the 300 MB bound that is qikan's. Built once per test
// binary, on first use; path is "" (run this binary) without -race.
type plainQikan struct {
	once sync.Once
	dir  string
	exe  string
	err  error
}

var plain plainQikan

func (p *plainQikan) path(t *testing.T) string {
	t.Helper()
	if !raceEnabled {
		return ""
	}
	p.once.Do(func() {
		if p.dir, p.err = os.MkdirTemp("", "qikan-plain-"); p.err != nil {
			return
		}
		p.exe = filepath.Join(p.dir, "qikan")
		// go test puts its own go first in PATH.
		out, err := exec.Command("go", "build", "-o", p.exe, ".").CombinedOutput()
		if err != nil {
			p.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if p.err != nil {
		t.Fatalf("building qikan without the race detector: %v", p.err)
	}
	return p.exe
}

// remove removes the built binary, if any.
func (p *plainQikan) remove() {
	if p.dir != "" {
		os.RemoveAll(p.dir)
	}
}
