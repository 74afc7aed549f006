package report

import (
	"strconv"

	"github.com/exportqc/exportqc/qc/internal/digits"
)

// appendDecimal appends n in decimal, as strconv.AppendInt(b, n, 10)
// does: a finding's line and cue numbers and source index, several per
// finding, are small non-negative numbers, which it writes two digits at
// a time from a table, without strconv's general path for any base.
func appendDecimal(b []byte, n int) []byte {
	// Numbers below 10,000 (line and cue numbers of a normal episode,
	// source indexes) are appended as their digits at once, with no
	// scratch array to copy from.
	switch {
	case n < 0 || n >= 1e8:
		return strconv.AppendInt(b, int64(n), 10)
	case n < 10:
		return append(b, byte('0'+n))
	case n < 100:
		return append(b, digits.Pairs[n*2], digits.Pairs[n*2+1])
	case n < 1000:
		lo := n % 100 * 2
		return append(b, byte('0'+n/100), digits.Pairs[lo], digits.Pairs[lo+1])
	case n < 10000:
		hi, lo := n/100*2, n%100*2
		return append(b, digits.Pairs[hi], digits.Pairs[hi+1], digits.Pairs[lo], digits.Pairs[lo+1])
	}
	var d [8]byte
	i := len(d)
	for n >= 100 {
		k := n % 100 * 2
		n /= 100
		i -= 2
		d[i], d[i+1] = digits.Pairs[k], digits.Pairs[k+1]
	}
	if n >= 10 {
		i -= 2
		d[i], d[i+1] = digits.Pairs[n*2], digits.Pairs[n*2+1]
	} else {
		i--
		d[i] = byte('0' + n)
	}
	return append(b, d[i:]...)
}
