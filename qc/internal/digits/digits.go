// Package digits holds the two-digit table that the writers of numbers on
// hot paths (report line and cue numbers, timecodes) write from, two
// digits at a time.
package digits

// Pairs holds 00 to 99, two bytes each: the digits of n < 100 are
// Pairs[2n] and Pairs[2n+1].
const Pairs = "00010203040506070809" +
	"10111213141516171819" +
	"20212223242526272829" +
	"30313233343536373839" +
	"40414243444546474849" +
	"50515253545556575859" +
	"60616263646566676869" +
	"70717273747576777879" +
	"80818283848586878889" +
	"90919293949596979899"
