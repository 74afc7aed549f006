package checks

import (
	"math/rand/v2"
	"strconv"
	"testing"
)

// A reading speed over the limit never reads as the limit itself: 17.04
// cps over 17 was shown as "17.0 ... is over the limit of 17".
func TestRateNeverReadsAsTheLimit(t *testing.T) {
	for _, c := range []struct {
		f, max float64
		want   string
	}{
		{17.8, 17, "17.8"}, {17.045, 17, "17.05"}, {17.0004, 17, "17.000"}, {20.96, 20, "21.0"}, {12.5, 12, "12.5"},
	} {
		if got := rate(c.f, c.max); got != c.want {
			t.Errorf("rate(%v, %v) = %q, want %q", c.f, c.max, got, c.want)
		}
	}
}

// appendRate's shortcut for rates well over the limit gives what the
// trial of each precision gives, on rates around the margin and far
// from it, over limits whole and fractional.
func TestRateShortcutMatchesTrials(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for range 200_000 {
		max := float64(rng.IntN(40))
		if rng.IntN(3) == 0 {
			max += rng.Float64()
		}
		over := rng.Float64() * 0.2 // around the margin
		if rng.IntN(4) == 0 {
			over = rng.Float64() * 50
		}
		f := max + over
		if got, want := string(appendRate(nil, f, max)), string(appendRateByTrials(nil, f, max)); got != want {
			t.Fatalf("appendRate(%v, %v) = %q, the trials give %q", f, max, got, want)
		}
	}
}

// appendRateByTrials is appendRate without its shortcut: one decimal,
// then more until the number shown reads as over max.
func appendRateByTrials(b []byte, f, max float64) []byte {
	start := len(b)
	for prec := 1; ; prec++ {
		b = strconv.AppendFloat(b[:start], f, 'f', prec, 64)
		if v, _ := strconv.ParseFloat(string(b[start:]), 64); prec == 3 || v > max {
			return b
		}
	}
}
