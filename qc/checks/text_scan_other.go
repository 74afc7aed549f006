package checks

import (
	"math/bits"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/internal/utf8x"
	"github.com/exportqc/exportqc/qc/langcheck"
	"github.com/exportqc/exportqc/qc/textcount"
)

// The characters outside ASCII of a line, each with one load of a table:
// what a code point adds to a line's facts (its flags and its block) and
// to G002's tally (its script) is worked out once per process, for the
// 256 code points of its page (U+AC00–U+ACFF, ...) when a line first
// holds one of them. A Korean or Chinese file touches a few dozen pages,
// a Russian or German one one or two.

// runeClass is what a code point outside ASCII adds to a line's facts and
// to the tally.
type runeClass struct {
	flags factFlags // otherFlags, and joinsCluster
	block uint8     // for a code point ≥ U+0800, its bit in blocksHigh (highBlockOf)
	class uint8     // langcheck.ClassOf
}

type runePage = [256]runeClass

// runePages[p] is the page of U+pp00–U+ppFF, nil until a line holds one.
// Two workers that build the same page at once store the same classes.
var runePages [(utf8.MaxRune + 1) >> 8]atomic.Pointer[runePage]

// classOf is r's entry.
func classOf(r rune) *runeClass { return &pageOf(r >> 8)[r&0xFF] }

// pageOf is the page of U+pp00–U+ppFF (pp = page), built when first asked.
func pageOf(page rune) *runePage {
	if p := runePages[page].Load(); p != nil {
		return p
	}
	return buildPage(page)
}

// lowClasses are the pages of U+0080–U+07FF, the two-byte characters, in
// one array: the Cyrillic, Greek, Arabic and Hebrew letters and Latin's
// accented ones, each with one load and no page to look up.
var lowClasses = sync.OnceValue(func() *[0x800]runeClass {
	var t [0x800]runeClass
	for page := rune(0); page < 8; page++ {
		copy(t[page<<8:], pageOf(page)[:])
	}
	return &t
})

func buildPage(page rune) *runePage {
	p := new(runePage)
	for i := range p {
		r := page<<8 | rune(i)
		if r < utf8.RuneSelf {
			continue // never asked: ASCII is scanASCII's
		}
		p[i] = runeClass{flags: otherFlags(r), class: langcheck.ClassOf(r)}
		if !textcount.Simple(r) {
			p[i].flags |= joinsCluster
		}
		if r >= 0x800 {
			p[i].block = uint8(bits.TrailingZeros32(highBlockOf(r)))
		}
	}
	runePages[page].Store(p)
	return p
}

// scanOther decodes the characters outside ASCII of a line that has some,
// and returns how many of them are letters tally counted. The two- and
// three-byte forms are decoded here, without a call; a broken sequence or
// a four-byte one by utf8x.DecodeRune.
func (f *lineFacts) scanOther(s string, tally *langcheck.Tally) (letters int) {
	f.flags |= nonASCII | unprintable
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			// The ASCII between the accented letters of a French or German
			// line, eight bytes at a time, to the next byte outside ASCII.
			if i+8 <= len(s) {
				t := s[i : i+8]
				w := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
					uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
				if h := w & highBits; h != 0 {
					i += bits.TrailingZeros64(h) >> 3
				} else {
					i += 8
				}
				continue
			}
			i++
			continue
		}
		r, n := rune(0), 0
		switch {
		case b >= 0xC2 && b < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			r, n = rune(b&0x1F)<<6|rune(s[i+1]&0x3F), 2
		case b >= 0xE0 && b < 0xF0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			r, n = rune(b&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
			if r < 0x800 || r >= 0xD800 && r < 0xE000 {
				r, n = utf8x.DecodeRune(s[i:]) // overlong, or a surrogate: invalid
			}
		default:
			r, n = utf8x.DecodeRune(s[i:])
		}
		c := classOf(r)
		f.flags |= c.flags &^ spaceRune
		if r < 0x800 {
			f.blocksLow |= 1 << (r >> 5)
		} else {
			f.blocksHigh |= 1 << c.block
		}
		i += n
		f.runes -= uint32(n - 1)
		if c.flags&spaceRune != 0 && i < len(s) {
			f.afterSpace |= afterBit(s[i])
		}
		if tally != nil && tally.Count(c.class) {
			letters++
		}
	}
	if f.flags&joinsCluster != 0 {
		f.flags &^= joinsCluster
		f.joined = true
	}
	return letters
}
