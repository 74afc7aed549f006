package checks

import "math/bits"

// The ASCII part of scanLine, eight bytes at a time. Most bytes of a
// subtitle line are letters (ASCII or not): they add nothing to a line's
// facts but the letter bit, a letter count, and "a letter" (bit 0) to
// afterSpace and afterMark, which the byte before them decides. So each
// word of eight bytes is sorted at once into letters, bytes outside ASCII
// and the rest (spaces, marks, digits, controls), and only the rest are
// looked at one by one, with the byte after each: what follows a space or
// a mark, and two spaces in a row. A German line has about one such byte
// in five, a Korean one only its spaces.

// asciiScan is what the bytes of a line tell scanLine.
type asciiScan struct {
	set      asciiSet
	after    uint32 // lineFacts.afterSpace from the ASCII spaces and tabs
	afterMk  uint32 // lineFacts.afterMark
	dbl      factFlags
	letters  int // ASCII letters, as langcheck.IsASCIILetter counts them
	anyAlpha uint64
	anyHigh  uint64
}

const (
	lowBits  = 0x0101010101010101
	highBits = 0x8080808080808080
)

func scanASCII(s string) asciiScan {
	var a asciiScan
	i := 0
	for ; i+8 <= len(s); i += 8 {
		_ = s[i+7]
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		a.word(s, i, w, highBits)
	}
	if n := len(s) - i; n > 0 {
		var w uint64
		for k := len(s) - 1; k >= i; k-- {
			w = w<<8 | uint64(s[k])
		}
		a.word(s, i, w, highBits&(1<<(8*n)-1)) // the padding bytes are not the line's
	}
	if a.anyAlpha != 0 {
		a.set |= letterBit
	}
	if a.anyHigh != 0 {
		a.set |= nonASCIIBit
	}
	return a
}

// word sorts the eight bytes w of s from i (those whose high bit is in
// valid) and looks at each that is neither a letter nor outside ASCII.
func (a *asciiScan) word(s string, i int, w, valid uint64) {
	high := w & valid & highBits
	// Folded to small letters with the high bit cleared, a byte is an
	// ASCII letter when it lies in a..z: adding 0x80-'a' sets its high bit
	// from 'a' up, adding 0x80-('z'+1) from past 'z'. No byte carries into
	// the next, as none exceeds 0x7F.
	x := (w | 0x20*lowBits) &^ highBits
	alpha := (x + (0x80-'a')*lowBits) &^ (x + (0x80-'z'-1)*lowBits) & valid &^ high
	a.letters += bits.OnesCount64(alpha)
	a.anyAlpha |= alpha
	a.anyHigh |= high
	for rest := valid &^ (alpha | high); rest != 0; rest &= rest - 1 {
		k := i + bits.TrailingZeros64(rest)>>3
		t := &byteFacts[s[k]]
		a.set |= t.bit
		if k+1 < len(s) {
			next := &byteFacts[s[k+1]]
			a.after |= t.space & next.after
			a.afterMk |= t.mark & next.after
			a.dbl |= t.blank & next.blank
		}
	}
}
