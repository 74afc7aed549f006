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
