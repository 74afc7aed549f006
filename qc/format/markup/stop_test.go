package markup

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// nextStop finds the first '<', '&', '{' or LF from i, as a byte by byte
// search does: random texts of letters, UTF-8, controls and those bytes
// (alone and in runs, which flag bytes above them in nextStop's test),
// from every start.
func TestNextStopIsTheFirstStop(t *testing.T) {
	byBytes := func(s string, i int) int {
		if k := strings.IndexAny(s[i:], "<&{\n"); k >= 0 {
			return i + k
		}
		return len(s)
	}
	pieces := []string{"a", "word ", "é", "한국어", "\x00", "\x01", "<", "&", "{", "\n", "<<", "\n\n", ";", "=", "|", "%", "'", "z", "\x7f\xff"}
	rng := rand.New(rand.NewPCG(14, 11))
	stops := 0
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		for i := 0; i <= len(s); i++ {
			got, want := nextStop(s, i), byBytes(s, i)
			if got != want {
				t.Fatalf("%q from %d: %d, the first stop is at %d", s, i, got, want)
			}
			if got < len(s) {
				stops++
			}
		}
	}
	if stops < 10000 {
		t.Fatalf("only %d stops found: the texts test little", stops)
	}
}
