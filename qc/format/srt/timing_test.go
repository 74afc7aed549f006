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

// canonicalShape says a line is a timing line only when isTimingCandidate
// does: on the canonical line, every byte of it changed to each other
// byte of note, and cut or lengthened.
func TestCanonicalShapeImpliesTimingCandidate(t *testing.T) {
	base := "01:02:03,456 --> 01:02:04,567"
	if !canonicalShape(base) {
		t.Fatal("the canonical line is not of canonical shape")
	}
	lines := []string{base[:28], base + " ", "1" + base[1:] + "9"}
	for i := range len(base) {
		for _, c := range []byte("09:,.-/;+ \x00\x7f\x80\xff<>aA") {
			lines = append(lines, base[:i]+string(c)+base[i+1:])
		}
	}
	shaped := 0
	for _, l := range lines {
		if canonicalShape(l) {
			shaped++
			if !isTimingCandidate(l) {
				t.Errorf("%q: canonical shape, but not a timing candidate", l)
			}
		}
	}
	if shaped < 24*5 || shaped == len(lines) {
		t.Errorf("%d of %d lines of canonical shape: the test does not test", shaped, len(lines))
	}
}

// A line of digits is no timing candidate: classify takes one that
// isNumber accepts for a counter without asking.
func TestDigitsAreNoTimingCandidate(t *testing.T) {
	for n := 1; n <= 13; n++ {
		for _, d := range "019" {
			s := strings.Repeat(string(d), n)
			if isTimingCandidate(s) {
				t.Errorf("%q is a timing candidate", s)
			}
		}
	}
	if classify("123") != kindCounter || classify("1234567890123") != kindText {
		t.Error("a counter of 12 digits at most")
	}
}
