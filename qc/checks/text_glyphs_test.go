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

// X001 passes a line whose blocks its allowance holds whole: every
// character of such a line must be allowed, and lines of one allowed
// script must pass (or the shortcut never helps).
func TestWholeBlocksHoldOnlyAllowedLines(t *testing.T) {
	for i, a := range highBlocks {
		if i >= 31 {
			t.Fatal("more high blocks than bits")
		}
		for _, b := range highBlocks[i+1:] {
			if a.lo <= b.hi && b.lo <= a.hi {
				t.Fatalf("blocks %X-%X and %X-%X overlap", a.lo, a.hi, b.lo, b.hi)
			}
		}
	}
	r := rand.New(rand.NewPCG(15, 2))
	for _, c := range []struct{ sets, line string }{{"basic,latin,punctuation", "Ça va, Müller? — “Sí!”…"},
		{"basic,punctuation,hangul,cjk", "그녀 없이는 안 가. 「좋아」"}, {"basic,punctuation,cjk,kana", "日本語のテキスト、です。"},
		{"basic,latin,punctuation,cyrillic", "Привет, Tom! Как дела?"}, {"basic,punctuation,cjk", "你好，世界！"},
		{"basic,punctuation,thai", "สวัสดี ครับ"}, {"basic,punctuation,devanagari", "नमस्ते दोस्त"}} {
		g, err := newGlyphAllowance(c.sets, "")
		if err != nil {
			t.Fatal(err)
		}
		if f := scanLine(c.line, nil); !g.whole.holds(&f) {
			t.Errorf("%s: %q is not passed whole", c.sets, c.line)
		}
		for i := 0; i < 20000; i++ {
			line := randomLine(r)
			if i%5 == 0 {
				line += string(rune(r.IntN(0x20))) // a control character, allowed by no set
			}
			f := scanLine(line, nil)
			if !g.whole.holds(&f) {
				continue
			}
			for _, ch := range line {
				if !g.allows(ch) {
					t.Fatalf("%s: %q passed whole, but %U is not allowed", c.sets, line, ch)
				}
			}
		}
	}
}
