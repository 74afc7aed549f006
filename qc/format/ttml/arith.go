package ttml

import (
	"math/bits"

	"github.com/exportqc/exportqc/qc/cue"
)

// maxTime caps every resolved time. It is about 207 years, comfortably above
// the largest clock value TTML1's own test suite uses (2^32-1 seconds, about
// 136 years), and it leaves headroom so that adding two capped times can
// never overflow int64.
const maxTime cue.Time = 1 << 62

// forever stands for an unresolved ("indefinite") end.
const forever cue.Time = 1<<63 - 1

// mulDivRound returns round(a*b/c) (halves away from zero) with a 128-bit
// intermediate, so that tick and frame times are exact without math/big
// (cue.FromRatio allocates; this runs for every time expression). It
// reports false on overflow or c == 0. Tests check it against cue.FromRatio.
func mulDivRound(a, b, c uint64) (uint64, bool) {
	if c == 0 {
		return 0, false
	}
	hi, lo := bits.Mul64(a, b)
	if hi >= c {
		return 0, false
	}
	q, r := bits.Div64(hi, lo, c)
	if r >= c-r { // 2r >= c without overflowing
		q++
		if q == 0 {
			return 0, false
		}
	}
	return q, true
}

// mulCheck multiplies non-negative values, reporting overflow.
func mulCheck(a, b uint64) (uint64, bool) {
	hi, lo := bits.Mul64(a, b)
	return lo, hi == 0
}

// addTime adds two times, saturating at forever. Times are non-negative
// except below an iTT div or body with a negative begin (itt.go), whose
// magnitude is capped at maxTime, so only two positive terms can overflow.
func addTime(a, b cue.Time) cue.Time {
	if a == forever || b == forever {
		return forever
	}
	s := a + b
	if a > 0 && b > 0 && s < 0 { // two positive int64s wrap to a negative sum
		return forever
	}
	return s
}

func minTime(a, b cue.Time) cue.Time {
	if a < b {
		return a
	}
	return b
}

func maxT(a, b cue.Time) cue.Time {
	if a > b {
		return a
	}
	return b
}
