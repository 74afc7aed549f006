package report

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// appendDecimal writes what strconv.AppendInt writes: around each power
// of ten, at the ends of the fast range and past them, and at random.
func TestAppendDecimalMatchesStrconv(t *testing.T) {
	ns := []int{math.MinInt, -1e8, -1, 0, 1e8 - 1, 1e8, math.MaxInt}
	for p := 1; p <= 1e17; p *= 10 {
		ns = append(ns, p-1, p, p+1, -p)
	}
	rng := rand.New(rand.NewPCG(11, 12))
	for range 100_000 {
		ns = append(ns, rng.IntN(1e9)-1e7, rng.IntN(100_000))
	}
	for _, n := range ns {
		if got, want := string(appendDecimal([]byte("x"), n)), "x"+strconv.Itoa(n); got != want {
			t.Fatalf("appendDecimal(%d) = %q, want %q", n, got, want)
		}
	}
}
