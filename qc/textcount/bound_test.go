package textcount

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

// L001 and T005 pass a line or cue short enough in code points without
// counting it (checks.widths.bounded): that holds only if no text counts
// more than its code points (an invalid byte is one, as utf8 decodes it),
// nor therefore than its bytes, when the half-width weight is at most 1.
func TestCountAtMostCodePoints(t *testing.T) {
	pieces := []string{"a", " ", ".", "\r\n", "\r", "\n", "\t", "é", "e\u0301", "°", "…", "—", "한", "\u1100\u1161",
		"漢", "ｶ", "ﾞ", "\U0001F468\u200D\U0001F469", "\U0001F1EB\U0001F1F7", "क्ष", "ไม่", "ع", "\u200B", "\uFEFF", "\xff",
		"\xe2\x80", "\xed\xa0\x80", "\xf0\x9f\x98", "\u0301", "\u20DD", "\U000E0041", "\u0E33", "\u0BCD"}
	rng := rand.New(rand.NewSource(5))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := rng.Intn(12); n > 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := b.String()
		for _, w := range []float64{1, 0.5, 0} {
			if n, most := Count(s, w), utf8.RuneCountInString(s); n > float64(most) {
				t.Fatalf("Count(%q, %v) = %v, more than its %d code points", s, w, n, most)
			}
		}
	}
}
