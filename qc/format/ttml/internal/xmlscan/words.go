package xmlscan

import "math/bits"

// Character data is mostly plain: letters, digits, spaces and punctuation
// that text has no reason to stop at. text skips it eight bytes at a time,
// with the byte loop left for the few bytes it must look at.

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
	low7  = 0x7f7f7f7f7f7f7f7f
)

// Load64 reads s[i:i+8] as a little-endian number (one load on the
// machines Go targets).
func Load64(s string, i int) uint64 {
	_ = s[i+7]
	return uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
		uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
}

// inRange sets the high bit of each byte of t (every byte below 0x80) that
// is in [lo, hi). No sum carries into the next byte, so each byte is
// judged alone and the flags are exact.
func inRange(t uint64, lo, hi byte) uint64 {
	return (t + (0x80-uint64(lo))*ones) &^ (t + (0x80-uint64(hi))*ones) & highs
}

// stops flags, by the high bit of its byte, every byte of v that text may
// not pass over as plain: the bytes of textClass's special and check
// classes, which are below 0x20 (tab and LF too, which the byte loop then
// takes as plain), 0x22-0x27 (the two quotes, '&', and the rare '#', '$', '%'),
// 0x3C-0x3E ('<', '=', '>') and from 0x80 up.
func stops(v uint64) uint64 {
	t := v & low7
	below := ^(t + (0x80-0x20)*ones) & highs
	return v&highs | below | inRange(t, 0x22, 0x28) | inRange(t, 0x3c, 0x3f)
}

// plainRun returns the offset of the first byte at or after i that stops
// text (see stops), or the start of the last few bytes of src that do not
// fill a word.
func plainRun(src string, i int) int {
	for i+8 <= len(src) {
		if m := stops(Load64(src, i)); m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
		i += 8
	}
	return i
}

// plainRunUTF8 is plainRun passing over bytes from 0x80 up as well: text
// takes it once it has met one, since the whole text is then validated
// as UTF-8 anyway.
func plainRunUTF8(src string, i int) int {
	for i+8 <= len(src) {
		if m := stops(Load64(src, i)) &^ Load64(src, i); m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
		i += 8
	}
	return i
}
