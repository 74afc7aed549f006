package textcount

import (
	"math/rand"
	"strings"
	"testing"
)

// L001 and T005 pass a line or cue short enough in bytes without counting
// it (checks.widths.bytesBound): that holds only if no text counts more
// than its length in bytes when the half-width weight is at most 1.
func TestCountAtMostBytes(t *testing.T) {
	pieces := []string{"a", " ", ".", "\r\n", "\r", "\n", "\t", "é", "e\u0301", "°", "…", "—", "한", "\u1100\u1161",
		"漢", "ｶ", "ﾞ", "\U0001F468\u200D\U0001F469", "\U0001F1EB\U0001F1F7", "क्ष", "ไม่", "ع", "\u200B", "\uFEFF", "\xff"}
	rng := rand.New(rand.NewSource(5))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := rng.Intn(12); n > 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := b.String()
		for _, w := range []float64{1, 0.5, 0} {
			if n := Count(s, w); n > float64(len(s)) {
				t.Fatalf("Count(%q, %v) = %v, more than its %d bytes", s, w, n, len(s))
			}
		}
	}
}
