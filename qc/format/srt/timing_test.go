package srt

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// The fast path for "HH:MM:SS,mmm --> HH:MM:SS,mmm" reads exactly what the
// general parser reads, and leaves every other line to it: random
// canonical lines, and each of them with one byte changed (a '.', a
// space, a 6 where minutes become 60 or more, a letter, a '-').
func TestCanonicalTimingReadsAsTheGeneralParser(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 29))
	digits := func(b []byte, n int) []byte {
		for range n {
			b = append(b, byte('0'+rng.IntN(10)))
		}
		return b
	}
	stamp := func(b []byte) []byte {
		b = digits(b, 2)
		b = append(b, ':', byte('0'+rng.IntN(6)))
		b = digits(b, 1)
		b = append(b, ':', byte('0'+rng.IntN(6)))
		b = digits(b, 1)
		b = append(b, ',')
		return digits(b, 3)
	}
	fast := 0
	for range 20000 {
		line := stamp(nil)
		line = append(line, " --> "...)
		line = stamp(line)
		if rng.IntN(2) == 0 {
			line[rng.IntN(len(line))] = ".: -6a9,"[rng.IntN(8)]
		}
		s := string(line)
		want, wantErr := parseTimingLine(s)
		got, ok := canonicalTiming(s)
		if !ok {
			continue
		}
		fast++
		if wantErr != "" || got != want {
			t.Fatalf("%q: fast path read %+v, the general parser %+v (error %q)", s, got, want, wantErr)
		}
	}
	if fast < 9000 {
		t.Errorf("the fast path read only %d of 20,000 lines, half of them canonical", fast)
	}
}

// trim's shortcut for lines that start and end with a character it keeps
// gives what the general trims give, on lines of spaces of every kind,
// BOMs, letters beyond ASCII and bytes that are no UTF-8.
func TestTrimMatchesTheGeneralTrims(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 86))
	pieces := []string{" ", "\t", "\u00a0", "\u3000", "\u2003", "\ufeff", "\u0085", "a", "1", "한국어", "Привет",
		"\xff", "\xc2", "\xe2\x80", ".", "é"}
	for range 20000 {
		s := ""
		for range rng.IntN(6) {
			s += pieces[rng.IntN(len(pieces))]
		}
		if got, want := trim(s), strings.Trim(strings.TrimSpace(s), "\ufeff"); got != want {
			t.Fatalf("trim(%q) = %q, want %q", s, got, want)
		}
	}
}
