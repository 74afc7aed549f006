package checks

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/langcheck"
)

// scanBytes is scanASCII one byte at a time, as scanLine read lines before
// it took eight bytes at once: the reference the word scan must match.
func scanBytes(s string) asciiScan {
	var a asciiScan
	var space, mark uint32
	var blank factFlags
	for i := 0; i < len(s); i++ {
		t := &byteFacts[s[i]]
		a.set |= t.bit
		a.after |= space & t.after
		space = t.space
		a.afterMk |= mark & t.after
		mark = t.mark
		a.dbl |= blank & t.blank
		blank = t.blank
		if langcheck.IsASCIILetter(s[i]) {
			a.letters++
		}
	}
	return a
}

func sameScan(t *testing.T, s string) {
	t.Helper()
	got, want := scanASCII(s), scanBytes(s)
	if d := dotRunBits(s); got.dots != d {
		t.Fatalf("%q: word scan's runs of full stops %b, dotRunBits %b", s, got.dots, d)
	}
	if got.set != want.set || got.after != want.after || got.afterMk != want.afterMk || got.dbl != want.dbl ||
		got.letters != want.letters {
		t.Fatalf("%q: word scan set %x after %x afterMark %x double %x letters %d; byte scan %x %x %x %x %d",
			s, got.set, got.after, got.afterMk, got.dbl, got.letters,
			want.set, want.after, want.afterMk, want.dbl, want.letters)
	}
}

// Every byte and every pair of bytes, at each place in a word and across
// the boundary between two words, and random lines of subtitle pieces and
// of random bytes: the word scan gives what the byte scan gives.
func TestScanASCIIMatchesBytes(t *testing.T) {
	pad := "abcdefghi"
	for b := 0; b < 256; b++ {
		for c := 0; c < 256; c += 1 + b%7 {
			for k := 0; k <= 9; k++ {
				sameScan(t, pad[:k]+string([]byte{byte(b), byte(c)}))
				sameScan(t, pad[:k]+string([]byte{byte(b), byte(c)})+pad)
			}
		}
	}
	r := rand.New(rand.NewPCG(7, 11))
	for range 20000 {
		sameScan(t, randomLine(r))
		raw := make([]byte, r.IntN(40))
		for i := range raw {
			const some = " .!?,-a\t\xc3\xa9\xea\xb0\x80Z0"
			raw[i] = some[r.IntN(len(some))]
			if r.IntN(8) == 0 {
				raw[i] = byte(r.IntN(256))
			}
		}
		sameScan(t, string(raw))
	}
}

// dotRunBits finds the runs of full stops for lineFacts.dots the way the
// line scan did before scanASCII took them on its way: its reference.
func dotRunBits(s string) uint16 {
	var bits uint16
	for i := strings.IndexByte(s, '.'); i >= 0; {
		j := i + 1
		for j < len(s) && s[j] == '.' {
			j++
		}
		bits |= 1 << min(j-i, 15)
		k := strings.IndexByte(s[j:], '.')
		if k < 0 {
			break
		}
		i = j + k
	}
	return bits
}
