package xmlscan

import (
	"math/rand/v2"
	"testing"
)

// stopsByte is stops for one byte, as its comment defines it.
func stopsByte(c byte) bool {
	return c < 0x20 || 0x22 <= c && c <= 0x27 || 0x3c <= c && c <= 0x3e || c >= 0x80
}

// Every byte the text loop must see (textClass special or check) stops
// the word skip, and plainRun stops exactly at the first byte stopsByte
// names, whatever the bytes around it: random words over all 256 values,
// and every value in every lane among plain letters.
func TestPlainRunStopsWhereTheByteLoopMust(t *testing.T) {
	for c := 0; c < 256; c++ {
		if textClass[c] != plain && !stopsByte(byte(c)) {
			t.Fatalf("byte %#x needs the byte loop but does not stop the word skip", c)
		}
	}
	// plainRun stops at the first stop in the whole words from 0, or
	// where they end: the last bytes short of a word are the byte loop's.
	check := func(s string) {
		t.Helper()
		want := len(s) - len(s)%8
		for i := 0; i < want; i++ {
			if stopsByte(s[i]) {
				want = i
				break
			}
		}
		if got := plainRun(s, 0); got != want {
			t.Fatalf("plainRun(%q) = %d, want %d", s, got, want)
		}
	}
	for c := 0; c < 256; c++ {
		for lane := 0; lane < 16; lane++ {
			b := []byte("abcdefghijklmnopqrstuvw")
			b[lane] = byte(c)
			check(string(b))
		}
	}
	rng := rand.New(rand.NewPCG(7, 11))
	for round := 0; round < 20000; round++ {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			if rng.IntN(4) == 0 {
				b[i] = byte(rng.IntN(256))
			} else {
				b[i] = byte(0x28 + rng.IntN(0x14)) // plain punctuation and digits
			}
		}
		check(string(b))
	}
}

// plainRunUTF8 stops where plainRun does but at the bytes from 0x80 up:
// at every byte below 0x80 the byte loop must see, in every lane, among
// letters and among multi-byte characters.
func TestPlainRunUTF8StopsWherePlainRunDoesButAtNonASCII(t *testing.T) {
	check := func(s string) {
		t.Helper()
		want := len(s) - len(s)%8
		for i := 0; i < want; i++ {
			if stopsByte(s[i]) && s[i] < 0x80 {
				want = i
				break
			}
		}
		if got := plainRunUTF8(s, 0); got != want {
			t.Fatalf("plainRunUTF8(%q) = %d, want %d", s, got, want)
		}
	}
	for c := 0; c < 256; c++ {
		for lane := 0; lane < 16; lane++ {
			for _, base := range []string{"abcdefghijklmnopqrstuvw", "дом под горой дом под горой"} {
				b := []byte(base)
				b[lane] = byte(c)
				check(string(b))
			}
		}
	}
	rng := rand.New(rand.NewPCG(5, 9))
	for round := 0; round < 20000; round++ {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			switch rng.IntN(4) {
			case 0:
				b[i] = byte(rng.IntN(256))
			case 1:
				b[i] = byte(0x80 + rng.IntN(0x80))
			default:
				b[i] = byte(0x28 + rng.IntN(0x14))
			}
		}
		check(string(b))
	}
}

// validUTF8Chars agrees with invalidChar (the reference: rune by rune,
// encoding/xml's ranges) on every text without C0 controls: the
// characters at the edges of XML's ranges, broken sequences, and random
// bytes weighted to the lead bytes of those edges.
func TestValidUTF8CharsIsInvalidChar(t *testing.T) {
	check := func(s string) {
		t.Helper()
		for i := 0; i < len(s); i++ {
			if s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' {
				return // controls take invalidChar's walk, not this test
			}
		}
		if got, want := validUTF8Chars(s), invalidChar(s) == ""; got != want {
			t.Fatalf("validUTF8Chars(%q) = %v, invalidChar says %q", s, got, invalidChar(s))
		}
	}
	edges := []string{"\uD7FF", "\xed\xa0\x80", "\xed\xbf\xbf", "\uE000", "\uFFFD", "\xef\xbf\xbe", "\xef\xbf\xbf",
		"\U00010000", "\U0010FFFF", "\xf4\x90\x80\x80", "\xef\xbf", "\xef", "\xc0\xaf", "\xff", "\uFF0C", "\uFFEE", "é", "漢字"}
	for _, a := range edges {
		for _, b := range edges {
			check(a + b)
			check("x" + a + " y" + b + "z")
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	pool := []byte{0xef, 0xbf, 0xbe, 0xbd, 0xed, 0xa0, 0xf4, 0x90, 0x80, 0xc3, 0xa9, 'a', ' ', '\n'}
	for round := 0; round < 50000; round++ {
		b := make([]byte, rng.IntN(12))
		for i := range b {
			if rng.IntN(3) == 0 {
				b[i] = byte(rng.IntN(256))
			} else {
				b[i] = pool[rng.IntN(len(pool))]
			}
		}
		check(string(b))
	}
}
