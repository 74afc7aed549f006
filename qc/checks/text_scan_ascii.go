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
// in five, a Korean one only its spaces; and most of them are spaces
// before a word, which are sorted out with the letters.

const (
	lowBits  = 0x0101010101010101
	highBits = 0x8080808080808080
)

// scanASCIIInto sorts each word of eight bytes of s (the last one padded,
// its padding left out of valid) and looks at each byte that is neither a
// letter nor outside ASCII. One loop with the sums in registers: a call
// per word cost more than the word's work. It writes the line's facts
// from its bytes into f (the rest of f zero, runes its length in bytes)
// and returns the set of its bytes (with nonASCIIBit) and its ASCII
// letters: the facts go straight to their place, where a returned
// value was copied twice, which cost a tenth of an English line's scan.
func scanASCIIInto(f *lineFacts, s string) (set asciiSet, letters int) {
	var after, afterMk uint32
	var dbl factFlags
	var dots uint16
	var alphas, highs uint64
	run, runEnd := 0, -1 // the run of full stops being read, and where it would go on
	for i := 0; i < len(s); i += 8 {
		var w uint64
		valid := uint64(highBits)
		if i+8 <= len(s) {
			_ = s[i+7]
			w = uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
				uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		} else {
			if len(s) >= 8 {
				// The line's last eight bytes, less those read already:
				// one load instead of a loop over the tail.
				e := len(s) - 8
				w = uint64(s[e]) | uint64(s[e+1])<<8 | uint64(s[e+2])<<16 | uint64(s[e+3])<<24 |
					uint64(s[e+4])<<32 | uint64(s[e+5])<<40 | uint64(s[e+6])<<48 | uint64(s[e+7])<<56
				w >>= 8 * uint(i-e)
			} else {
				for k := len(s) - 1; k >= i; k-- {
					w = w<<8 | uint64(s[k])
				}
			}
			valid &= 1<<(8*(len(s)-i)) - 1
		}
		high := w & valid & highBits
		// Folded to small letters with the high bit cleared, a byte is an
		// ASCII letter when it lies in a..z: adding 0x80-'a' sets its high
		// bit from 'a' up, adding 0x80-('z'+1) from past 'z'. No byte
		// carries into the next, as none exceeds 0x7F.
		x := (w | 0x20*lowBits) &^ highBits
		alpha := (x + (0x80-'a')*lowBits) &^ (x + (0x80-'z'-1)*lowBits) & valid &^ high
		letters += bits.OnesCount64(alpha)
		alphas |= alpha
		highs |= high
		rest := valid &^ (alpha | high)
		// A space before a letter or a byte outside ASCII, inside the
		// word: most of a line's other bytes. It adds the space to the
		// set and "a letter" to afterSpace, and nothing else (a space is
		// no mark, and no space follows it), so all of them at once.
		// The high bit of each byte of y is clear where w has a space.
		y := w ^ ' '*lowBits
		spaces := ^((y&^highBits + ^uint64(highBits)) | y) & rest
		if plain := spaces & ((alpha | high) >> 8); plain != 0 {
			set |= spaceBit
			after |= 1
			rest &^= plain
		}
		for ; rest != 0; rest &= rest - 1 {
			k := i + bits.TrailingZeros64(rest)>>3
			if s[k] == '.' {
				if k != runEnd && run > 0 {
					dots |= 1 << min(run, 15)
					run = 0
				}
				run, runEnd = run+1, k+1
			}
			t := &byteFacts[s[k]]
			set |= t.bit
			if k+1 < len(s) {
				next := &byteFacts[s[k+1]]
				after |= t.space & next.after
				afterMk |= t.mark & next.after
				dbl |= t.blank & next.blank
			}
		}
	}
	if run > 0 {
		dots |= 1 << min(run, 15)
	}
	if alphas != 0 {
		set |= letterBit
	}
	if highs != 0 {
		set |= nonASCIIBit
	}
	*f = lineFacts{ascii: set &^ nonASCIIBit, afterSpace: after, afterMark: afterMk, dots: dots, flags: dbl, runes: uint32(len(s)),
		joined: set&controlBit != 0}
	return set, letters
}
