package checks

import (
	"math/rand/v2"
	"sort"
	"testing"
)

// allows remembers the last range it matched and the answers below
// U+0800; whatever order characters come in, it must answer as a plain
// search of the ranges and the extra characters would.
func TestGlyphAllowanceAnswersAsTheRanges(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 1))
	for _, sets := range []string{"basic,latin,punctuation", "basic,punctuation,arabic", "basic,punctuation,hangul",
		"basic,punctuation,cjk,kana", "basic,latin,punctuation,cyrillic", "basic,punctuation,hangul,cjk"} {
		g, err := newGlyphAllowance(sets, "€ ★")
		if err != nil {
			t.Fatal(sets, err)
		}
		if fresh, _ := newGlyphAllowance(sets, ""); fresh.allows(0) {
			t.Fatalf("%s: a fresh allowance allows U+0000", sets) // before any range was remembered
		}
		ranges := append([]runeRange(nil), g.ranges...)
		plain := func(c rune) bool {
			if g.extra[c] {
				return true
			}
			i := sort.Search(len(ranges), func(i int) bool { return ranges[i].hi >= c })
			return i < len(ranges) && ranges[i].lo <= c
		}
		for i := 0; i < 200000; i++ {
			var c rune
			switch r.IntN(4) {
			case 0:
				c = rune(r.IntN(0x800))
			case 1:
				c = 0xAC00 + rune(r.IntN(0x2C00)) // Hangul syllables and beyond
			case 2:
				c = 0x3000 + rune(r.IntN(0x7000)) // CJK punctuation, kana, Han
			default:
				c = rune(r.IntN(0x110000))
			}
			if got, want := g.allows(c), plain(c); got != want {
				t.Fatalf("%s: allows(%U) = %v, the ranges say %v", sets, c, got, want)
			}
		}
	}
}
