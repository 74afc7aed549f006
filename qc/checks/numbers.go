package checks

import (
	"strconv"

	"github.com/exportqc/exportqc/qc/cue"
)

// How rule messages write numbers: one way for every rule, so that
// "0.833 s" and "17.5 characters per second" read alike across reports.

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// secs formats a time as seconds with millisecond precision: "0.833 s".
func secs(t cue.Time) string {
	var buf [32]byte // one allocation, the string: messages are built per finding
	return string(append(strconv.AppendFloat(buf[:0], float64(t.Milliseconds())/1000, 'f', 3, 64), " s"...))
}

// num formats a count that may be fractional (half-width characters count 0.5).
func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// rate formats a rate f found over max: one decimal, or more (up to three)
// when one would read as the limit itself ("17.0 is over the limit of 17"
// for 17.04).
func rate(f, max float64) string {
	for prec := 1; prec < 3; prec++ {
		s := strconv.FormatFloat(f, 'f', prec, 64)
		if v, _ := strconv.ParseFloat(s, 64); v > max {
			return s
		}
	}
	return strconv.FormatFloat(f, 'f', 3, 64)
}
