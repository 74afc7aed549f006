package checks

import (
	"math/rand/v2"
	"sort"
	"testing"
)

// allows answers from a table for the Basic Multilingual Plane; for every
// code point it must answer as a plain search of the ranges and the extra
// characters would.
func TestGlyphAllowanceAnswersAsTheRanges(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 1))
	for _, sets := range []string{"basic,latin,punctuation", "basic,punctuation,arabic", "basic,punctuation,hangul",
		"basic,punctuation,cjk,kana", "basic,latin,punctuation,cyrillic", "basic,punctuation,hangul,cjk"} {
		g, err := newGlyphAllowance(sets, "€ ★ U+1F600")
		if err != nil {
			t.Fatal(sets, err)
		}
		if fresh, _ := newGlyphAllowance(sets, ""); fresh.allows(0) {
			t.Fatalf("%s: a fresh allowance allows U+0000", sets)
		}
		ranges := append([]runeRange(nil), g.ranges...)
		plain := func(c rune) bool {
			if g.extra[c] {
				return true
			}
			i := sort.Search(len(ranges), func(i int) bool { return ranges[i].hi >= c })
			return i < len(ranges) && ranges[i].lo <= c
		}
		for c := rune(0); c < 0x10000; c++ {
			if got, want := g.allows(c), plain(c); got != want {
				t.Fatalf("%s: allows(%U) = %v, the ranges say %v", sets, c, got, want)
			}
		}
		for i := 0; i < 20000; i++ {
			c := 0x10000 + rune(r.IntN(0x100000))
			if i == 0 {
				c = 0x1F600 // the extra one above the plane
			}
			if got, want := g.allows(c), plain(c); got != want {
				t.Fatalf("%s: allows(%U) = %v, the ranges say %v", sets, c, got, want)
			}
		}
		if !g.allows(0x1F600) || !g.allows('€') {
			t.Fatalf("%s: the extra characters are not allowed", sets)
		}
	}
}

// One allowance per pair of values serves the whole run, and a bad value
// stays an error every time it is asked for.
func TestGlyphAllowanceForIsShared(t *testing.T) {
	a, err := glyphAllowanceFor("basic,latin", "€")
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := glyphAllowanceFor("basic,latin", "€"); b != a {
		t.Error("the same values built a second allowance")
	}
	if b, _ := glyphAllowanceFor("basic,latin", ""); b == a {
		t.Error("different extra characters share an allowance")
	}
	for i := 0; i < 2; i++ {
		if _, err := glyphAllowanceFor("basic,klingon", ""); err == nil {
			t.Fatal("an unknown glyph set is not an error")
		}
	}
}
