// Package utf8x decodes UTF-8 faster where the per-file text passes spend
// their time: character counting (qc/textcount) and language measurement
// (qc/langcheck) decode every code point of every subtitle line, and on
// Cyrillic, Arabic or CJK lines the call into utf8.DecodeRuneInString was a
// third of their time.
package utf8x

import "unicode/utf8"

// DecodeRune is utf8.DecodeRuneInString, with the well-formed two- and
// three-byte sequences (the letters of every script but rare Han) decoded
// inline. Anything else, invalid bytes included, goes to the general
// decoder, so the result is always the same as utf8.DecodeRuneInString's.
func DecodeRune(s string) (rune, int) {
	if len(s) >= 2 {
		c0, c1 := s[0], s[1]
		switch {
		case 0xC2 <= c0 && c0 <= 0xDF:
			if c1&0xC0 == 0x80 {
				return rune(c0&0x1F)<<6 | rune(c1&0x3F), 2
			}
		case 0xE0 <= c0 && c0 <= 0xEF && len(s) >= 3:
			// The second byte's range excludes overlong forms (after E0)
			// and surrogates (after ED).
			lo, hi := byte(0x80), byte(0xBF)
			if c0 == 0xE0 {
				lo = 0xA0
			} else if c0 == 0xED {
				hi = 0x9F
			}
			if c2 := s[2]; lo <= c1 && c1 <= hi && c2&0xC0 == 0x80 {
				return rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F), 3
			}
		}
	}
	return utf8.DecodeRuneInString(s)
}

// IsThreeByte reports whether the three bytes of x (the first in the low
// byte) are a well-formed three-byte character: a lead 1110xxxx, two
// continuation bytes 10xxxxxx, and after E0 a second byte from A0 (else
// overlong), after ED one below A0 (else a surrogate). One test of the
// word for the bit patterns instead of a branch per byte.
func IsThreeByte(x uint32) bool {
	if x&0xC0C0F0 != 0x8080E0 {
		return false
	}
	lead := byte(x)
	return lead != 0xE0 && lead != 0xED || (lead == 0xE0) == (x&0x2000 != 0)
}
