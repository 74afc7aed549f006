package cue

import (
	"encoding/binary"
	"unsafe"
)

// ReadClock reads s[:12] as "HH:MM:SS" sep "mmm", the form nearly every
// SRT (sep ',') and WebVTT (sep '.') timestamp is written in: twelve
// bytes at fixed places, minutes and seconds under 60. It reports false
// for anything else, which the readers then read digit by digit. Both
// read every timing line of a file; this reads its twelve bytes as two
// words and tests all their digits at once instead of one at a time.
func ReadClock(s string, sep byte) (Time, bool) {
	if len(s) < 12 {
		return 0, false
	}
	b := unsafe.Slice(unsafe.StringData(s), 12) // read only
	hms := binary.LittleEndian.Uint64(b[:8])    // "HH:MM:SS", byte 0 lowest
	frac := binary.LittleEndian.Uint32(b[8:])   // sep "mmm"
	const (
		ones   = 0x0101010101010101
		highs  = 0x8080808080808080
		digits = 0xFFFF00FFFF00FFFF // bytes 0-1, 3-4, 6-7 of "HH:MM:SS"
		colons = ':'<<16 | ':'<<40  // bytes 2 and 5
		// Added to a digit's value (its byte less '0'), the largest
		// value allowed (9, or 5 for the tens of minutes and seconds in
		// bytes 3 and 6) reaches 0x7F: a larger one sets the high bit.
		limits     = 0x767A00767A007676
		fracLimits = 0x76767600
	)
	if hms&^digits != colons || byte(frac) != sep {
		return 0, false
	}
	// Each digit's value (the colons become 10), or a byte of 0x80 or
	// more for a byte below '0' (whose borrow may change the byte above
	// it, which no longer matters: the whole is refused). A byte of 0x8A
	// or more may carry out of the sum: its own high bit refuses it.
	d := hms - '0'*ones
	f := frac - '0'*0x01010100
	if (d|(d+limits))&highs&digits != 0 || (f|(f+fracLimits))&0x80808000 != 0 {
		return 0, false
	}
	// Each pair of digits as one number, in its first byte: tens*10 +
	// units fits a byte, so no byte carries into the next.
	pairs := d*10 + d>>8
	h, m, sec := Time(byte(pairs)), Time(byte(pairs>>24)), Time(byte(pairs>>48))
	ms := Time(byte(f>>8))*100 + Time(byte(f>>16))*10 + Time(byte(f>>24))
	return h*Hour + m*Minute + sec*Second + ms*Millisecond, true
}
