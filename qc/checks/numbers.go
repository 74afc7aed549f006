package checks

import (
	"math"
	"strconv"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// How rule messages write numbers: one way for every rule, so that
// "0.833 s" and "17.5 characters per second" read alike across reports.
// They are written into rule.Text's shared chunks: a finding-dense file
// has hundreds of findings, each with a few numbers. The append forms
// let a rule write a whole message, numbers included, as one text.

func itoa(n int64) string {
	if n >= 0 && n < 100 {
		return strconv.FormatInt(n, 10) // strconv has these without allocating
	}
	return rule.Text(func(b []byte) []byte { return strconv.AppendInt(b, n, 10) })
}

// secs formats a time as seconds with millisecond precision: "0.833 s".
func secs(t cue.Time) string {
	return rule.Text(func(b []byte) []byte { return appendSecs(b, t) })
}

// appendSecs appends secs(t). A time is a whole number of milliseconds
// once rounded, so it is written as integers: what formatting ms/1000 as
// a float with three decimals writes, without the float conversion.
func appendSecs(b []byte, t cue.Time) []byte {
	ms := t.Milliseconds()
	if ms < 0 {
		b = append(b, '-')
		ms = -ms
	}
	b = strconv.AppendInt(b, ms/1000, 10)
	frac := ms % 1000
	return append(b, '.', byte('0'+frac/100), byte('0'+frac/10%10), byte('0'+frac%10), ' ', 's')
}

// timecode is t.String() ("00:01:02.345"), written as a rule.Text.
func timecode(t cue.Time) string {
	return rule.Text(func(b []byte) []byte { return t.AppendTimecode(b) })
}

// num formats a count that may be fractional (half-width characters count 0.5).
func num(f float64) string {
	return rule.Text(func(b []byte) []byte { return appendNum(b, f) })
}

// appendNum appends num(f): the shortest decimal that reads back as f.
// Counts are mostly whole or halves, written without float formatting.
func appendNum(b []byte, f float64) []byte {
	if f >= 0 && f < 1<<52 && !math.Signbit(f) {
		if whole := float64(int64(f)); whole == f {
			return strconv.AppendInt(b, int64(f), 10)
		} else if f-whole == 0.5 {
			return append(strconv.AppendInt(b, int64(f), 10), '.', '5')
		}
	}
	return strconv.AppendFloat(b, f, 'f', -1, 64)
}

// rate formats a rate f found over max: one decimal, or more (up to three)
// when one would read as the limit itself ("17.0 is over the limit of 17"
// for 17.04).
func rate(f, max float64) string {
	return rule.Text(func(b []byte) []byte { return appendRate(b, f, max) })
}

// rateMargin is how far over the limit a rate must be for its first
// decimal to read as over it surely: the 0.05 of rounding and room to
// spare for the float error of any rate a subtitle can have.
const rateMargin = 0.0625

// appendRate appends rate(f, max), each try written in place and cut
// back when it reads as max or less.
func appendRate(b []byte, f, max float64) []byte {
	// One decimal moves the value shown at most 0.05 from f, so a rate
	// more than that over the limit reads as over it without the trial
	// parse below: most findings are well over (21.6 against 12).
	if f-max > rateMargin {
		return strconv.AppendFloat(b, f, 'f', 1, 64)
	}
	start := len(b)
	for prec := 1; ; prec++ {
		b = strconv.AppendFloat(b[:start], f, 'f', prec, 64)
		if prec == 3 {
			return b
		}
		if v, _ := strconv.ParseFloat(string(b[start:]), 64); v > max {
			return b
		}
	}
}
