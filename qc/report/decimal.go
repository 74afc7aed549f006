package report

import "strconv"

// appendDecimal appends n in decimal, as strconv.AppendInt(b, n, 10)
// does: a finding's line and cue numbers and source index, several per
// finding, are small non-negative numbers, which it writes two digits at
// a time from a table, without strconv's general path for any base.
func appendDecimal(b []byte, n int) []byte {
	if n < 0 || n >= 1e8 {
		return strconv.AppendInt(b, int64(n), 10)
	}
	var d [8]byte
	i := len(d)
	for n >= 100 {
		k := n % 100 * 2
		n /= 100
		i -= 2
		d[i], d[i+1] = digitPairs[k], digitPairs[k+1]
	}
	if n >= 10 {
		i -= 2
		d[i], d[i+1] = digitPairs[n*2], digitPairs[n*2+1]
	} else {
		i--
		d[i] = byte('0' + n)
	}
	return append(b, d[i:]...)
}

// digitPairs holds 00 to 99, two bytes each.
const digitPairs = "00010203040506070809" +
	"10111213141516171819" +
	"20212223242526272829" +
	"30313233343536373839" +
	"40414243444546474849" +
	"50515253545556575859" +
	"60616263646566676869" +
	"70717273747576777879" +
	"80818283848586878889" +
	"90919293949596979899"
