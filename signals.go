package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/qikan-dev/qikan/export"
)

// Signals. export stops at once on SIGINT, SIGTERM or SIGHUP (the
// terminal or the ssh session closed): it removes the temporary files in
// flight and exits with 128 + the signal's number (130, 143, 129), so an
// interrupted export leaves nothing behind. batch lets the
// issues in progress finish on the first signal (the rest are reported
// not-done) and on a second stops at once the same way; either way it
// prints its summary and writes its report.

// stopSignals are the signals that stop export and batch.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP}

// exitOnSignal makes a SIGINT, SIGTERM or SIGHUP remove the temporary files of
// temps and end the process, until stop is called.
func exitOnSignal(stderr io.Writer, temps *export.Temps) (stop func()) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, stopSignals...)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-sigs:
			temps.Remove()
			fmt.Fprintf(stderr, "qikan: %s: stopped; no partial file is left\n", signalName(s))
			os.Exit(signalStatus(s))
		case <-done:
		}
	}()
	return func() {
		signal.Stop(sigs)
		close(done)
	}
}

// batchSignals returns a context that the first stop signal cancels
// and a channel that the second closes, after removing the temporary files
// of temps; stop ends the watch.
func batchSignals(parent context.Context, stderr io.Writer, temps *export.Temps) (ctx context.Context, abort <-chan struct{}, stop func()) {
	ctx, cancel := context.WithCancel(parent)
	ab := make(chan struct{})
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, stopSignals...)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-sigs:
			cancel()
			fmt.Fprintf(stderr, "qikan batch: %s: finishing the issues in progress; %s again stops at once\n", signalName(s), signalName(s))
		case <-done:
			return
		}
		select {
		case <-sigs:
			temps.Remove()
			close(ab)
		case <-done:
		}
	}()
	return ctx, ab, func() {
		signal.Stop(sigs)
		close(done)
		cancel()
	}
}

func signalName(s os.Signal) string {
	switch s {
	case syscall.SIGTERM:
		return "SIGTERM"
	case syscall.SIGHUP:
		return "SIGHUP"
	}
	return "SIGINT"
}

// signalStatus is the exit status of a process ended by s, as shells
// report it: 128 + the signal's number.
func signalStatus(s os.Signal) int {
	if n, ok := s.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return 130
}
