package textenc

import (
	"math/bits"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/internal/utf8x"
)

// survey reads b once for what decoding and the control survey (E005)
// both need: ascii, the length of its leading run of 7-bit bytes; valid,
// whether b is well-formed UTF-8; and clean, how many of its leading bytes
// are known to hold no control character (see isControl). Before, the
// ASCII prefix, utf8.Valid over the rest and the control test of the rest
// were three passes over a file that is not pure ASCII (every Korean,
// German or French one).
//
// clean is len(b) when b is valid and holds no control, else at most the
// offset of the first control; it is meaningless when valid is false.
func survey(b []byte) (ascii int, valid bool, clean int) {
	ascii = -1
	controls := false // a control has been seen (clean is then final)
	i := 0
	for i < len(b) {
		// Eight ASCII bytes at a time: nearly every byte of a Latin
		// script file, and the spaces and digits of any other.
		for ; i+8 <= len(b); i += 8 {
			t := b[i : i+8] // one bounds check; the eight bytes load as one word
			w := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
				uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
			if h := w & highs; h != 0 {
				// The ASCII bytes before the first byte from 0x80 up are
				// passed together: a French or Spanish word holds an
				// accented letter every few words, and they were read
				// one by one.
				// In an SRT file in Cyrillic, Arabic or CJK script those
				// bytes end the timing line before each text line, so
				// its line feed is taken out before the exact test (not
				// inlined) is called.
				k := bits.TrailingZeros64(h) >> 3
				if a := asciiBytes(w, k); !controls && k > 0 && lowOrDEL(a)&^equalBytes(a, '\n') != 0 && wordHasControl(a) {
					controls, clean = true, i
				}
				i += k
				break
			}
			if controls {
				continue
			}
			// The high bit of each byte under 0x20, and of DEL: bytes
			// stay under 0x80, so adding 0x60 (which reaches 0x80 from
			// 0x20 up) or 1 (from 0x7F) never carries into the next.
			// Written out here: a call per word cost as much as the test.
			below := ^(w + ones*0x60) & highs
			del := (w + ones) & highs
			if below|del == 0 {
				continue
			}
			// A byte under 0x20 is a control unless it is a line end or a
			// tab; line feed, the one of most such words, is tested first.
			rest := below &^ equalBytes(w, '\n')
			if del != 0 || rest != 0 && rest&^(equalBytes(w, '\r')|equalBytes(w, '\t')) != 0 {
				controls, clean = true, i
			}
		}
		if i >= len(b) || b[i] < utf8.RuneSelf {
			break // fewer than eight bytes left, for the loop below
		}
		// A character beyond ASCII at b[i].
		if ascii < 0 {
			ascii = i
		}
		// Two- and three-byte letters (Latin, Cyrillic, Arabic; Hangul,
		// kana, Han) are checked here; the rest, with their exceptions,
		// by runeLen.
		c := b[i]
		if c >= 0xC2 && c < 0xE0 && i+1 < len(b) && continuation(b[i+1]) {
			i += 2
			// A run of letters beyond ASCII follows (Cyrillic, Arabic),
			// not the rest of a Latin word after an accented letter.
			if i+1 < len(b) && (b[i]|b[i+1]) >= utf8.RuneSelf {
				i = letterRun(b, i)
			}
			continue
		}
		if c >= 0xE1 && i+2 < len(b) && c <= 0xEF && continuation(b[i+2]) {
			// After ED the second byte stops at 9F (beyond are surrogates):
			// tested here, as ED leads a fifth of all Hangul syllables.
			top := byte(0xBF)
			if c == 0xED {
				top = 0x9F
			}
			if second := b[i+1]; second >= 0x80 && second <= top {
				i = letterRun(b, i+3)
				continue
			}
			return ascii, false, 0
		}
		size := runeLen(b[i:])
		if size == 0 {
			return ascii, false, 0
		}
		i += size
	}
	// The last bytes, fewer than eight, one by one.
	for i < len(b) {
		c := b[i]
		if c < utf8.RuneSelf {
			if !controls && isControl(c) {
				controls, clean = true, i
			}
			i++
			continue
		}
		if ascii < 0 {
			ascii = i
		}
		size := runeLen(b[i:])
		if size == 0 {
			return ascii, false, 0
		}
		i += size
	}
	if ascii < 0 {
		ascii = len(b)
	}
	if !controls {
		clean = len(b)
	}
	return ascii, true, clean
}

// asciiBytes is w with its bytes from the k-th up (k < 8) made spaces:
// the first k bytes of w, all under 0x80, alone in a word of ASCII.
func asciiBytes(w uint64, k int) uint64 {
	keep := uint64(1)<<(8*k) - 1
	return w&keep | ones*' '&^keep
}

// lowOrDEL has the high bit of each byte of w (eight ASCII bytes) under
// 0x20 or DEL: zero for most words, which wordHasControl (not inlined)
// then need not look at.
func lowOrDEL(w uint64) uint64 { return (^(w + ones*0x60) | (w + ones)) & highs }

// wordHasControl reports whether a word of eight ASCII bytes holds a
// byte isControl accepts: survey's test of a whole word (see there).
func wordHasControl(w uint64) bool {
	below := ^(w + ones*0x60) & highs
	rest := below &^ (equalBytes(w, '\n') | equalBytes(w, '\r') | equalBytes(w, '\t'))
	return rest|(w+ones)&highs != 0
}

// letterRun returns where the run from b[i] of well-formed two- and
// three-byte characters and of lone ASCII bytes that are not controls
// ends. A line of Korean, Japanese, Chinese, Russian or Arabic subtitle
// text is such a run, spaces and punctuation between its words included:
// this loop reads each character with one load and a test or two, where
// survey's loop would try an ASCII word, then each byte's kind, every few
// characters. It checks what runeLen checks (a lead C2 to DF or E0 to EF,
// continuation bytes after it, and the narrower second byte after E0 and
// ED) and what isControl does, and stops at anything else, or four bytes
// before the end, for survey to read.
func letterRun(b []byte, i int) int {
	for i+4 <= len(b) {
		t := b[i : i+4] // one bounds check; the four bytes load as one word
		x := uint32(t[0]) | uint32(t[1])<<8 | uint32(t[2])<<16 | uint32(t[3])<<24
		if c := byte(x); c < utf8.RuneSelf {
			// A lone ASCII byte (a space between words) is read here;
			// two or more (a line end and a timing line) by survey's
			// loop, eight at a time.
			if isControl(c) || byte(x>>8) < utf8.RuneSelf {
				return i
			}
			i++
			continue
		}
		// Lead 110xxxxx (but C0 and C1, overlong), then 10xxxxxx.
		if x&0xC0E0 == 0x80C0 {
			if byte(x) < 0xC2 {
				return i
			}
			// Most often a second one follows, in a Russian or Arabic
			// word: both are taken.
			if x&0xC0E00000 == 0x80C00000 && byte(x>>16) >= 0xC2 {
				i += 4
				continue
			}
			i += 2
			continue
		}
		if !utf8x.IsThreeByte(x) {
			return i
		}
		// Most often a second one follows, in a Japanese or Chinese line
		// or a Korean word: both are taken, from one load of eight bytes,
		// their second bytes tested by a table (badSecond) instead of a
		// branch on each lead.
		if i+8 <= len(b) {
			w := load64(b[i : i+8])
			if w&0xC0C0F0C0C0F0 == 0x8080E08080E0 && (badSecond>>secondIndex(w)|badSecond>>secondIndex(w>>24))&1 == 0 {
				i += 6
				continue
			}
		}
		i += 3
	}
	return i
}

// badSecond has a bit for each three-byte lead's low nibble and bit 5 of
// the byte after it (secondIndex) that no UTF-8 has: E0 then 80..9F
// (overlong), ED then A0..BF (a surrogate).
const badSecond = 1<<(0x0<<1|0) | 1<<(0xD<<1|1)

// secondIndex is the place in badSecond of the three-byte character that
// w (little-endian) starts with.
func secondIndex(w uint64) uint64 { return w&0x0F<<1 | w>>13&1 }

// load64 is the first eight bytes of t as one little-endian word.
// (binary.LittleEndian.Uint64(b[i:]) in its place made the survey 12 %
// slower: the slice's bounds are checked again.)
func load64(t []byte) uint64 {
	t = t[:8] // one bounds check; the eight bytes load as one word
	return uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
		uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
}

// runeLen is the length of the well-formed UTF-8 sequence that b starts
// with (b[0] ≥ 0x80), or 0 when there is none: a stray continuation byte,
// an overlong form, a surrogate, a code point past U+10FFFF, or a sequence
// cut short.
func runeLen(b []byte) int {
	c := b[0]
	switch {
	case c < 0xC2:
		return 0
	case c < 0xE0:
		if len(b) >= 2 && continuation(b[1]) {
			return 2
		}
	case c < 0xF0:
		if len(b) >= 3 && inRange(b[1], c == 0xE0, c == 0xED) && continuation(b[2]) {
			return 3
		}
	case c < 0xF5:
		if len(b) >= 4 && inRange4(b[1], c) && continuation(b[2]) && continuation(b[3]) {
			return 4
		}
	}
	return 0
}

func continuation(c byte) bool { return c&0xC0 == 0x80 }

// inRange tests the second byte of a three-byte sequence: after E0 it must
// be A0..BF (else overlong), after ED 80..9F (else a surrogate).
func inRange(c byte, afterE0, afterED bool) bool {
	switch {
	case afterE0:
		return c >= 0xA0 && c <= 0xBF
	case afterED:
		return c >= 0x80 && c <= 0x9F
	}
	return continuation(c)
}

// inRange4 tests the second byte of a four-byte sequence led by lead:
// after F0 it must be 90..BF (else overlong), after F4 80..8F (else past
// U+10FFFF).
func inRange4(c, lead byte) bool {
	switch lead {
	case 0xF0:
		return c >= 0x90 && c <= 0xBF
	case 0xF4:
		return c >= 0x80 && c <= 0x8F
	}
	return continuation(c)
}
