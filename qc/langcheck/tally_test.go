package langcheck

import (
	"testing"
	"unicode/utf8"
)

// Count with ClassOf's class counts every code point outside ASCII as
// Letter does: the same script, the same answer.
func TestCountMatchesLetter(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= utf8.MaxRune; r++ {
		a, b := NewTally(0), NewTally(0)
		got, want := a.Count(ClassOf(r)), b.Letter(r)
		if got != want || a.scripts != b.scripts {
			t.Fatalf("%U: Count(ClassOf) %v %v, Letter %v %v", r, got, a.scripts, want, b.scripts)
		}
	}
}
