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

// A line of ASCII but CR and Simple code points, and nothing else, counts
// one per code point at weight 1: what lets the line scan's code point
// count stand for Count.
func TestSimpleLinesCountCodePoints(t *testing.T) {
	pieces := []string{"a", " ", ".", "\t", "\n", "é", "°", "…", "—", "한", "漢", "ｶ", "ع", "ไ", "Ж", "«", "\u00A0", "\u3000",
		"。", "\uFF01", "\u0301", "\r", "\u200D", "\U0001F600", "\u0E33", "\xff", "\uFFFD", "\u1100", "ﾞ"}
	forSimpleLines(t, 9, pieces, func(s string) {
		if n, want := Count(s, 1), utf8.RuneCountInString(s); n != float64(want) {
			t.Fatalf("Count(%q, 1) = %v, not its %d code points, all of them Simple or ASCII", s, n, want)
		}
	})
}

// forSimpleLines calls check with each of 50,000 random lines made of
// pieces that holds only ASCII but CR and Simple code points, and fails
// the test when fewer than 5,000 do (it would check little).
func forSimpleLines(t *testing.T, seed int64, pieces []string, check func(s string)) {
	t.Helper()
	rng := rand.New(rand.NewSource(seed))
	simpleLines := 0
	for i := 0; i < 50000; i++ {
		var b strings.Builder
		for n := rng.Intn(12); n > 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := b.String()
		alone := !strings.Contains(s, "\r")
		for _, r := range s {
			if r >= utf8.RuneSelf && !Simple(r) {
				alone = false
			}
		}
		if alone {
			simpleLines++
			check(s)
		}
	}
	if simpleLines < 5000 {
		t.Fatalf("only %d lines of Simple code points: the test checks little", simpleLines)
	}
}

// wideRune's shortcuts (Han, kana, Hangul, CJK punctuation, the
// fullwidth forms) must answer as the width tables do, for every code
// point around them.
func TestWideRuneIsPolicy(t *testing.T) {
	for r := rune(0x2F00); r <= 0xFFFF; r++ {
		if wideRune(r) != widePolicy(r) {
			t.Fatalf("wideRune(%U) = %v by its shortcut, the width tables say %v", r, wideRune(r), widePolicy(r))
		}
	}
	if widePolicy(0x303F) || widePolicy(0xFF61) {
		t.Fatal("the code points just past the shortcuts are narrow by the tables: the test checks the wrong ranges")
	}
}

// A line of ASCII (but CR) and Simple code points counts Wide(s) fully
// and the rest at the half-width weight: what lets the line scan's code
// point count and Wide stand for Count in CJK languages.
func TestSimpleLinesCountWide(t *testing.T) {
	pieces := []string{"a", " ", ".", "\t", "é", "°", "…", "—", "한", "漢", "ｶ", "ع", "Ж", "«", "\u00A0", "\u3000", "。", "、",
		"「", "」", "\uFF01", "\uFF0C", "\uFF1F", "ー", "・", "※", "①", "“", "’", "\u0301", "\r", "\U0001F600", "\xff"}
	forSimpleLines(t, 11, pieces, func(s string) {
		wide, n := Wide(s), utf8.RuneCountInString(s)
		for _, w := range []float64{0.5, 0, 0.25, 1} {
			if got, want := float64(wide)+float64(n-wide)*w, Count(s, w); got != want {
				t.Fatalf("%q at weight %v: %d wide of %d code points give %v, Count %v", s, w, wide, n, got, want)
			}
		}
	})
}
