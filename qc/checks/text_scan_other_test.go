package checks

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/internal/utf8x"
	"github.com/exportqc/exportqc/qc/langcheck"
	"github.com/exportqc/exportqc/qc/textcount"
)

// scanOtherRef is scanOther as it was before the page tables: each code
// point classified on its own (otherFlags, addBlock, Tally.Letter).
func (f *lineFacts) scanOtherRef(s string, tally *langcheck.Tally) (letters int) {
	f.flags |= nonASCII | unprintable
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8x.DecodeRune(s[i:])
		k := otherFlags(r)
		f.flags |= k &^ spaceRune
		f.addBlock(r)
		i += n
		f.runes -= uint32(n - 1)
		if k&spaceRune != 0 && i < len(s) {
			f.afterSpace |= afterBit(s[i])
		}
		if tally.Letter(r) {
			letters++
		}
		if !textcount.Simple(r) {
			f.joined = true
		}
	}
	return letters
}

func sameOther(t *testing.T, s string) {
	t.Helper()
	got, want := lineFacts{runes: uint32(len(s))}, lineFacts{runes: uint32(len(s))}
	n := got.scanOther(s, langcheck.NewTally(1))
	m := want.scanOtherRef(s, langcheck.NewTally(1))
	if got != want || n != m {
		t.Fatalf("%q: scanOther %+v, %d letters; one code point at a time %+v, %d", s, got, n, want, m)
	}
}

// Every code point, between ASCII and beside another, every broken
// sequence of up to three bytes, and random lines: the tables give the
// facts and the letters classifying each code point gives.
func TestScanOtherMatchesRunes(t *testing.T) {
	for r := rune(0x80); r <= utf8.MaxRune; r++ {
		if r >= 0xD800 && r < 0xE000 {
			continue
		}
		c := string(r)
		sameOther(t, "a"+c+"b")
		if r%97 == 0 {
			sameOther(t, c+"\u00A0!"+c+"\u202F")
		}
	}
	for b := 0x80; b < 0x100; b++ {
		for c := 0; c < 0x100; c++ {
			sameOther(t, string([]byte{byte(b), byte(c)}))
			sameOther(t, string([]byte{byte(b), byte(c), 0xBF}))
			sameOther(t, string([]byte{byte(b), byte(c), 0x41}))
		}
	}
	// ASCII runs of every length up to past two words before, between
	// and after characters outside ASCII (whole, broken, at the end),
	// which scanOther steps over eight bytes at a time.
	for _, x := range []string{"é", "日", "\U0001F600", "\xe6\x97", "\xff", "\u00A0"} {
		for n := range 20 {
			for m := range 20 {
				a, b := strings.Repeat("a", n), strings.Repeat(" ", m)
				sameOther(t, a+x+b)
				sameOther(t, x+a+x+b+x)
			}
		}
	}
	r := rand.New(rand.NewPCG(5, 9))
	for range 20000 {
		sameOther(t, randomLine(r))
	}
}
