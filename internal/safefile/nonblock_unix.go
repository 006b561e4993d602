//go:build unix

package safefile

import "syscall"

// nonBlocking makes opening a named pipe return at once instead of waiting
// for a writer; it has no effect on a regular file.
const nonBlocking = syscall.O_NONBLOCK
