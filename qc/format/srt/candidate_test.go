package srt

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// searchingCandidate is isTimingCandidate as first written, searching
// each line for its arrow: the definition the quick version must keep.
func searchingCandidate(s string) bool {
	if i := strings.Index(s, "-->"); i >= 0 {
		for k := 0; k < i; k++ {
			if !timestampChar(s[k]) {
				return false
			}
		}
		return true
	}
	t := strings.TrimLeft(s, " \t")
	c := strings.IndexByte(t, ':')
	if c < 1 || c > 2 || !digit(t[0]) || !digit(t[c-1]) || c+1 >= len(t) || !digit(t[c+1]) {
		return false
	}
	gt := strings.IndexByte(t, '>')
	if gt < 0 {
		return false
	}
	after := strings.TrimLeft(t[gt+1:], " \t>")
	return len(after) > 0 && (digit(after[0]) || after[0] == '-')
}

// The quick answer is the searching one on lines built from the
// characters that matter (digits, separators, arrows, spaces, letters).
func TestTimingCandidateQuickIsExact(t *testing.T) {
	lines := []string{"", "-->", "--> 00:00:01,000", "00:00:01,000 --> 00:00:02,000", "- Go --> there",
		"12:30 -> meeting", "12:30 x --> 5", "1:2 > 3", " 00:01 >> -1", "00:00:01,000 -- > 00:00:02,000", "--->"}
	rng := rand.New(rand.NewPCG(3, 4))
	const alphabet = "0123456789:,.- \t>-x"
	for range 200_000 {
		b := make([]byte, rng.IntN(14))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		lines = append(lines, string(b))
	}
	for _, l := range lines {
		if got, want := isTimingCandidate(l), searchingCandidate(l); got != want {
			t.Errorf("isTimingCandidate(%q) = %v, want %v", l, got, want)
		}
	}
}
