//go:build race

package main

// raceEnabled: this test binary has the race detector, which makes a
// process take several times the memory it would (see plainQikan).
const raceEnabled = true
