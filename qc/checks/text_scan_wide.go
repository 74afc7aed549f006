package checks

import (
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/internal/utf8x"
	"github.com/exportqc/exportqc/qc/langcheck"
)

// A Russian, Arabic, Chinese or Korean line is mostly bytes outside ASCII,
// with a space or a mark between its words. scan would read it twice:
// scanASCII's words, whose only ASCII bytes are those few, then
// scanOther's characters. scanWide reads it once, character by
// character: an ASCII byte as scanBytes does (its bit, what follows a
// space or a mark, runs of full stops), a character outside ASCII from
// its page. Both give the same facts; the word scan is the faster one
// where most bytes are ASCII (English, French, German).

// isWide reports whether a line looks mostly outside ASCII, from two of
// its bytes: the fourth or fifth, and the sixth or seventh (the first or
// last of a shorter line). A Russian, Arabic, Chinese or Korean line's
// are, a dash and a space before its first word or a short first word
// included; a Latin line's are both only when its first words are
// accented all through (a few lines in a hundred of Turkish or
// Portuguese, which scanWide reads as well, a little slower).
func isWide(s string) bool {
	if len(s) >= 7 {
		return (s[3]|s[4])&(s[5]|s[6]) >= utf8.RuneSelf
	}
	return len(s) > 0 && s[0]|s[len(s)-1] >= utf8.RuneSelf
}

// The CJK Unified Ideographs, most of a Chinese line, all have the class
// of the first (TestHanClassesAlike): no flag, the block's bit, Han.
const hanFirst, hanLast = 0x4E00, 0x9FFF

var hanClass = *classOf(hanFirst)

// loneSpace marks, in a wide line's blocksLow while it is read, a space
// the word loop took: bit 0 (U+0000–U+001F) is no block of a character
// outside ASCII, and a spare bit leaves one register more for the loop.
const loneSpace = 1

// scanWide is scan for a line isWide reports, in one pass over it.
func (f *lineFacts) scanWide(s string, tally *langcheck.Tally) {
	var (
		set            asciiSet
		after, afterMk uint32
		flags          factFlags // of the characters outside ASCII, and doubleSpace
		low            uint64
		high           uint32
		dots           uint16
		run            int // full stops in a row before i
		cont           int // continuation bytes: each makes the line a code point shorter than its bytes
		letters        int // ASCII letters
		others         int // letters outside ASCII the tally counted
	)
	low2 := lowClasses()
	// The byte before, for what follows a space or a mark and for two
	// spaces in a row; one register for the three (a byte outside ASCII
	// is neither a space nor a mark).
	prev := &byteFacts[utf8.RuneSelf]
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			t := &byteFacts[b]
			set |= t.bit
			after |= prev.space & t.after
			afterMk |= prev.mark & t.after
			flags |= prev.blank & t.blank
			prev = t
			letters += int(t.letter)
			if b == '.' {
				run++
			} else if run > 0 {
				dots |= 1 << min(run, 15)
				run = 0
			}
			i++
			continue
		}
		// After a space or a mark a character outside ASCII counts as
		// "any other" (bit 0), as its lead byte does in scanBytes.
		after |= prev.space & 1
		afterMk |= prev.mark & 1
		prev = &byteFacts[utf8.RuneSelf]
		if run > 0 {
			dots |= 1 << min(run, 15)
			run = 0
		}
		// The words: characters outside ASCII, and single spaces between them,
		// up to the next other ASCII byte.
		for {
			var c *runeClass
			switch {
			case b >= 0xC2 && b < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
				r := rune(b&0x1F)<<6 | rune(s[i+1]&0x3F)
				c = &low2[r&0x7FF]
				low |= 1 << (r >> 5)
				i += 2
				cont++
			case i+2 < len(s) && utf8x.IsThreeByte(uint32(b)|uint32(s[i+1])<<8|uint32(s[i+2])<<16):
				r := rune(b&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
				if uint32(r-hanFirst) <= hanLast-hanFirst {
					c = &hanClass // every ideograph of the block alike: no page to look up
				} else {
					p := runePages[r>>8].Load() // classOf, written out: pageOf is too large to inline
					if p == nil {
						p = buildPage(r >> 8)
					}
					c = &p[r&0xFF]
				}
				high |= 1 << c.block
				i += 3
				cont += 2
			default:
				r, n := utf8x.DecodeRune(s[i:])
				c = classOf(r)
				if r < 0x800 {
					low |= 1 << (r >> 5)
				} else {
					high |= 1 << c.block
				}
				i += n
				cont += n - 1
			}
			flags |= c.flags
			if c.flags&spaceRune != 0 && i < len(s) {
				after |= afterBit(s[i])
			}
			if tally != nil && tally.Count(c.class) {
				others++
			}
			if i >= len(s) {
				break
			}
			if b = s[i]; b < utf8.RuneSelf {
				// A lone space between two words outside ASCII adds only
				// itself and "any other" after a space: taken here, the
				// word loop goes on over a Korean or Arabic line's words.
				if b != ' ' || i+1 >= len(s) || s[i+1] < utf8.RuneSelf {
					break
				}
				low |= loneSpace
				i++
				b = s[i]
			}
		}
	}
	if low&loneSpace != 0 {
		set |= spaceBit
		after |= 1
		low &^= loneSpace
	}
	if run > 0 {
		dots |= 1 << min(run, 15)
	}
	*f = lineFacts{ascii: set, afterSpace: after, afterMark: afterMk, dots: dots, blocksLow: low, blocksHigh: high,
		flags: nonASCII | unprintable | flags&^(spaceRune|joinsCluster), runes: uint32(len(s) - cont),
		joined: flags&joinsCluster != 0 || set&controlBit != 0}
	f.finish(s, set|nonASCIIBit, letters, others, tally)
}
