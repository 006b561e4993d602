//go:build unix

package export

import (
	"errors"
	"os"
	"syscall"
)

// LockDir takes an exclusive lock on the directory dir itself (flock: no
// lock file is left behind) until unlock is called, so that two qikan
// processes writing into one directory write one after the other and an
// issue's EPUB and PDF always come from the same run. When another process
// holds the lock, wait is called once and lockDir waits for it. On a file
// system without locks it goes on unlocked.
func LockDir(dir string, wait func()) (unlock func()) {
	f, err := os.Open(dir)
	if err != nil {
		return func() {}
	}
	fd := int(f.Fd())
	err = syscall.Flock(fd, syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		if wait != nil {
			wait()
		}
		for err = syscall.Flock(fd, syscall.LOCK_EX); errors.Is(err, syscall.EINTR); {
			err = syscall.Flock(fd, syscall.LOCK_EX)
		}
	}
	if err != nil {
		f.Close()
		return func() {}
	}
	return func() {
		syscall.Flock(fd, syscall.LOCK_UN)
		f.Close()
	}
}
