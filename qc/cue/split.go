package cue

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unsafe"
)

// appendLines appends the spans of the lines of src from start to lines,
// split as LineScanner splits them (LF, CRLF, lone CR). It walks the text
// once, eight bytes at a time, and stops only at the bytes below 0x0E of
// a word (line ends; tabs and other controls are rare): finding one
// line's end does not restart a search per line, which on subtitle lines
// of 2 to 40 bytes cost more than the search itself. The loop is written
// for the compiler to keep its state in registers (no closure, no slice
// expression per word): it runs once per eight bytes of every file read.
func appendLines(lines []lineSpan, src string, start int) []lineSpan {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	base := unsafe.Pointer(unsafe.StringData(src)) // read only
	n := len(src)
	from := start // where the current line starts
	i := start
	for i+8 <= n {
		// A word of src: i+8 <= n, so the eight bytes are within it.
		x := binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(base, i))[:])
		// The high bit of each byte below 0x0E, and perhaps of bytes
		// after one (the subtraction's borrow): each is checked below.
		m := (x - 0x0E*ones) &^ x & highs
		for ; m != 0; m &= m - 1 {
			p := i + bits.TrailingZeros64(m)>>3
			from, lines = endLine(lines, src, start, from, p)
		}
		i += 8
	}
	for ; i < n; i++ {
		if src[i] < 0x0E {
			from, lines = endLine(lines, src, start, from, i)
		}
	}
	if from < n {
		lines = append(lines, lineSpan{int32(from), int32(n - from)})
	}
	return lines
}

// appendLFLines is appendLines for a text without CRs, where every line
// ends at an LF: each word is tested for LFs alone, not for every byte
// below 0x0E, and a line ends without the tests of a CRLF's LF.
func appendLFLines(lines []lineSpan, src string, start int) []lineSpan {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	base := unsafe.Pointer(unsafe.StringData(src)) // read only
	n := len(src)
	from := start // where the current line starts
	i := start
	for i+8 <= n {
		x := binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(base, i))[:])
		// The high bit of each LF byte (zero in y), and perhaps of a
		// 0x0B after one (the subtraction's borrow): tested below.
		y := x ^ '\n'*ones
		for m := (y - ones) &^ y & highs; m != 0; m &= m - 1 {
			if p := i + bits.TrailingZeros64(m)>>3; src[p] == '\n' {
				lines = append(lines, lineSpan{int32(from), int32(p - from)})
				from = p + 1
			}
		}
		i += 8
	}
	for ; i < n; i++ {
		if src[i] == '\n' {
			lines = append(lines, lineSpan{int32(from), int32(i - from)})
			from = i + 1
		}
	}
	if from < n {
		lines = append(lines, lineSpan{int32(from), int32(n - from)})
	}
	return lines
}

// endLine handles the byte at p, one below 0x0E (or a false alarm of
// appendLines' test): it ends the line begun at from at an LF or a CR,
// except for the LF of a CRLF, whose CR ended the line already. It
// returns where the next line starts.
func endLine(lines []lineSpan, src string, start, from, p int) (int, []lineSpan) {
	switch src[p] {
	case '\n':
		if p == from && p > start && src[p-1] == '\r' {
			return p + 1, lines // a CRLF's LF
		}
	case '\r':
	default:
		return from, lines
	}
	return p + 1, append(lines, lineSpan{int32(from), int32(p - from)})
}

// MarkupBytes are the bytes that make a line need a markup decoder: '<'
// (a tag), '&' (a character reference), '{' (an override block) and NUL
// (which a WebVTT reader replaces). Readers that find plain lines their
// own way (SRT's usual walk) look for these, so that they take as plain
// exactly the lines markLines leaves unmarked.
const MarkupBytes = "<&{\x00"

// markLines sets in marks the bit of each line of src (split in lines)
// that holds '<', '&' or '{' (a tag, a character reference or an override
// block, which a markup decoder must read) or a NUL (which a WebVTT
// reader replaces). Every line left unmarked is its own display text,
// which readers then take as it is instead of walking its bytes again.
// The search is strings.IndexByte's, many bytes at a time; a file without
// markup costs four searches, one with markup a search and a step of a
// cursor per marked line. It also reports whether src holds a NUL, which
// a WebVTT reader would otherwise search the text for once more.
func markLines(lines []lineSpan, marks []uint64, src string) (_ []uint64, nul bool) {
	for i := range len(MarkupBytes) {
		c := MarkupBytes[i]
		li := 0 // the line the cursor is on
		for from := 0; from < len(src); {
			j := strings.IndexByte(src[from:], c)
			if j < 0 {
				break
			}
			nul = nul || c == 0
			p := from + j
			li = lineAt(lines, li, p)
			if li >= len(lines) || p < int(lines[li].off) {
				break // no line holds p (before the first: a BOM holds no c)
			}
			marks = mark(marks, li, cap(lines))
			from = int(lines[li].off+lines[li].n) + 1 // the line is marked: on to the next
		}
	}
	return marks, nul
}

// lineAt returns the last line from li on that starts at or before p
// (li when none after it does): steps of 1, 2, 4... from li, then a
// binary search within the last step, so a marked line far from the
// previous one costs a few tests, not one per line between them.
func lineAt(lines []lineSpan, li, p int) int {
	step := 1
	for li+step < len(lines) && int(lines[li+step].off) <= p {
		li += step
		step *= 2
	}
	// The line is in [li, li+step): lines[li+step] starts after p or is
	// past the end.
	lo, hi := li, min(li+step, len(lines))
	for hi-lo > 1 {
		mid := int(uint(lo+hi) >> 1)
		if int(lines[mid].off) <= p {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

// mark sets bit line of marks, growing it as needed: at the first mark,
// to room for every line the index has room for (its line array's
// capacity: counted before the split for a new document, kept from the
// last file for a recycled one).
func mark(marks []uint64, line, room int) []uint64 {
	w := line / 64
	if w >= cap(marks) {
		grown := make([]uint64, len(marks), max(w+1, (room+63)/64))
		copy(grown, marks)
		marks = grown
	}
	for len(marks) <= w {
		marks = append(marks, 0) // within cap: no allocation
	}
	marks[w] |= 1 << (line % 64)
	return marks
}
