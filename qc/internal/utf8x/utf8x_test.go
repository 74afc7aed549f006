package utf8x

import (
	"testing"
	"unicode/utf8"
)

// DecodeRune agrees with utf8.DecodeRuneInString on every two- and
// three-byte prefix (well-formed, overlong, surrogate, truncated, with bad
// continuation bytes) followed by each kind of next byte, and on every
// code point encoded.
func TestDecodeRuneMatchesUTF8(t *testing.T) {
	check := func(s string) {
		t.Helper()
		r, n := DecodeRune(s)
		wr, wn := utf8.DecodeRuneInString(s)
		if r != wr || n != wn {
			t.Fatalf("DecodeRune(%q) = %U, %d; utf8 says %U, %d", s, r, n, wr, wn)
		}
	}
	tails := []string{"", "a", "\x80", "\xbf", "\xc0", "\xff"}
	for b0 := 0x80; b0 <= 0xff; b0++ {
		for b1 := 0; b1 <= 0xff; b1++ {
			for _, tail := range tails {
				check(string([]byte{byte(b0), byte(b1)}) + tail)
			}
			for _, b2 := range []byte{0x00, 0x41, 0x7f, 0x80, 0x9f, 0xa0, 0xbf, 0xc0, 0xff} {
				check(string([]byte{byte(b0), byte(b1), b2}))
			}
		}
		check(string([]byte{byte(b0)}))
	}
	var buf [utf8.UTFMax]byte
	for r := rune(0); r <= utf8.MaxRune; r++ {
		n := utf8.EncodeRune(buf[:], r)
		check(string(buf[:n]) + "x")
	}
}
