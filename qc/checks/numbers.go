package checks

import (
	"strconv"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// How rule messages write numbers: one way for every rule, so that
// "0.833 s" and "17.5 characters per second" read alike across reports.
// They are written into rule.Text's shared chunks: a finding-dense file
// has hundreds of findings, each with a few numbers.

func itoa(n int64) string {
	if n >= 0 && n < 100 {
		return strconv.FormatInt(n, 10) // strconv has these without allocating
	}
	return rule.Text(func(b []byte) []byte { return strconv.AppendInt(b, n, 10) })
}

// secs formats a time as seconds with millisecond precision: "0.833 s".
func secs(t cue.Time) string {
	return rule.Text(func(b []byte) []byte {
		return append(strconv.AppendFloat(b, float64(t.Milliseconds())/1000, 'f', 3, 64), " s"...)
	})
}

// timecode is t.String() ("00:01:02.345"), written as a rule.Text.
func timecode(t cue.Time) string {
	return rule.Text(func(b []byte) []byte { return t.AppendTimecode(b) })
}

// num formats a count that may be fractional (half-width characters count 0.5).
func num(f float64) string {
	return rule.Text(func(b []byte) []byte { return strconv.AppendFloat(b, f, 'f', -1, 64) })
}

// rate formats a rate f found over max: one decimal, or more (up to three)
// when one would read as the limit itself ("17.0 is over the limit of 17"
// for 17.04).
func rate(f, max float64) string {
	prec := 1
	for ; prec < 3; prec++ {
		var buf [32]byte
		s := strconv.AppendFloat(buf[:0], f, 'f', prec, 64)
		if v, _ := strconv.ParseFloat(string(s), 64); v > max {
			break
		}
	}
	return rule.Text(func(b []byte) []byte { return strconv.AppendFloat(b, f, 'f', prec, 64) })
}
