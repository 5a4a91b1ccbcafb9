//go:build race

package search

// raceEnabled shrinks the 10,000-page tests, which the race detector makes
// several times slower.
const raceEnabled = true
