package checks

import (
	"math"
	"strconv"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
)

// Seconds and counts are written without float formatting; what they
// write must stay what the float formatting wrote, which reports and
// their goldens hold.
func TestSecsWritesWhatFloatFormattingWrote(t *testing.T) {
	for _, ms := range []int64{0, 1, 9, 10, 99, 100, 833, 999, 1000, 1001, 59_999, 3_600_000, 86_399_999, 1 << 40,
		-1, -5, -999, -1000, -1234} {
		for _, extra := range []cue.Time{0, cue.Millisecond / 3, -cue.Millisecond / 3} {
			tm := cue.Time(ms)*cue.Millisecond + extra
			want := strconv.FormatFloat(float64(tm.Milliseconds())/1000, 'f', 3, 64) + " s"
			if got := secs(tm); got != want {
				t.Errorf("secs(%d ms%+d) = %q, want %q", ms, extra, got, want)
			}
		}
	}
}

func TestNumWritesWhatFloatFormattingWrote(t *testing.T) {
	for _, f := range []float64{0, math.Copysign(0, -1), 0.5, 1, 1.5, 2.25, 41.5, 42, 43.000001, 1e6 + 0.5, 1 << 51,
		1<<52 - 0.5, 1 << 52, 1e20, -3, -2.5, -0.5, 17.3, math.SmallestNonzeroFloat64} {
		if got, want := num(f), strconv.FormatFloat(f, 'f', -1, 64); got != want {
			t.Errorf("num(%v) = %q, want %q", f, got, want)
		}
	}
}
