//go:build race

package pipeline

// raceEnabled is true under the race detector, which makes the long
// randomised tests several times slower: they then run fewer seeds.
const raceEnabled = true
