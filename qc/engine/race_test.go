//go:build race

package engine

// raceEnabled: the tests run under the race detector, ten times slower.
const raceEnabled = true
