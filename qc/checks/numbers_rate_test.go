package checks

import "testing"

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
