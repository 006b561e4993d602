//go:build !unix

package safefile

// nonBlocking is 0 where the system has no O_NONBLOCK: there Open checks
// the file after opening it, and Check before.
const nonBlocking = 0
