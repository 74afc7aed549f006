package checks

import "testing"

// A frame count never prints as the threshold it is compared with.
func TestFrameCountNeverReadsAsTheThreshold(t *testing.T) {
	for _, c := range []struct {
		x     float64
		n     int64
		short bool
		want  string
	}{
		{1.77, 2, true, "1.8 frames"},
		{1.96, 2, true, "1.96 frames"},
		{1.9996, 2, true, "1.999 frames"},
		{2.0004, 2, false, "2.001 frames"},
		{1, 2, true, "1 frame"},
		{0, 2, true, "0 frames"},
		{12.3, 12, false, "12.3 frames"},
	} {
		if got := frameCount(c.x, c.n, c.short); got != c.want {
			t.Errorf("frameCount(%v, %d) = %q, want %q", c.x, c.n, got, c.want)
		}
	}
}
