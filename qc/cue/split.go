package cue

import (
	"encoding/binary"
	"math/bits"
	"unsafe"
)

// appendLines appends the spans of the lines of src from start to lines,
// split as LineScanner splits them (LF, CRLF, lone CR). It walks the text
// once, eight bytes at a time, and stops only at the bytes below 0x0E of
// a word (line ends; tabs and other controls are rare): finding one
// line's end does not restart a search per line, which on subtitle lines
// of 2 to 40 bytes cost more than the search itself.
func appendLines(lines []lineSpan, src string, start int) []lineSpan {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	b := unsafe.Slice(unsafe.StringData(src), len(src)) // read only
	// from is where the current line starts.
	from := start
	// at handles the byte at p, one below 0x0E (or a false alarm, see
	// below): it ends a line at an LF or a CR, except for the LF of a
	// CRLF, whose CR ended the line already.
	at := func(p int) {
		switch b[p] {
		case '\n':
			if p == from && p > start && b[p-1] == '\r' {
				from = p + 1 // a CRLF's LF
				return
			}
		case '\r':
		default:
			return
		}
		lines = append(lines, lineSpan{int32(from), int32(p - from)})
		from = p + 1
	}
	i := start
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		// The high bit of each byte below 0x0E, and perhaps of bytes
		// after one (the subtraction's borrow): at checks each.
		m := (x - 0x0E*ones) &^ x & highs
		for m != 0 {
			at(i + bits.TrailingZeros64(m)/8)
			m &= m - 1
		}
	}
	for ; i < len(b); i++ {
		if b[i] < 0x0E {
			at(i)
		}
	}
	if from < len(b) {
		lines = append(lines, lineSpan{int32(from), int32(len(b) - from)})
	}
	return lines
}
