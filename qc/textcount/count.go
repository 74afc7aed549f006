// Package textcount counts the characters of a subtitle display line the way
// reading-speed (CPS) and line-length (CPL) rules need them: one count per
// user-perceived character, as Netflix's style guides define it.
//
// A "character" is an extended grapheme cluster (Unicode UAX #29, via
// github.com/rivo/uniseg), so a Thai vowel sign, a Devanagari virama or an
// accent stored as a combining mark adds nothing to the letter it sits on,
// and an emoji ZWJ sequence is one character. Spaces and punctuation count.
//
// Character-based languages (Chinese, Japanese, Korean) count half-width
// characters as a fraction (Netflix: 0.5): a cluster whose first code point
// is East Asian Width Narrow, Halfwidth or Neutral (ASCII, Latin letters,
// half-width katakana, spaces) counts halfWidthWeight, while Wide and
// Fullwidth clusters (Hanzi, kana, Hangul, fullwidth forms, emoji) count 1.
// Ambiguous-width characters are split by what they are: ambiguous
// punctuation and symbols (curly quotes, "…", "—", "°", "※", "①") are wide,
// as UAX #11 resolves them in an East Asian context (CJK fonts draw them
// full-width and CJK subtitles use them as CJK punctuation), while ambiguous
// letters (à é ü ß, Greek, Cyrillic) stay narrow, so "é" counts the same
// whether it is stored precomposed or as e + U+0301. With halfWidthWeight ==
// 1 widths are not looked up at all.
//
// Count never allocates; pure-ASCII lines take a byte-scan fast path.
package textcount

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"golang.org/x/text/width"
)

// Count returns the weighted character count of one display line (markup
// already stripped). halfWidthWeight is the weight of a half-width
// character: 1 for most languages, 0.5 for Chinese/Japanese/Korean.
//
// A line is not expected to contain line breaks; if it does, CR LF counts as
// one character and a lone CR or LF as one, as UAX #29 clusters them.
func Count(s string, halfWidthWeight float64) float64 {
	weighted := halfWidthWeight != 1
	narrow, wide := 0, 0
	state := -1 // uniseg state; -1 = "at a cluster boundary, nothing known"
	rest := s
	for len(rest) > 0 {
		if rest[0] < utf8.RuneSelf {
			k := asciiPrefix(rest)
			if k == len(rest) {
				narrow += asciiClusters(rest)
				break
			}
			// Every ASCII byte of the run is a cluster of its own (CR LF
			// excepted) except the last, which may take a combining mark or
			// joiner from what follows; it goes to uniseg below.
			m := k - 1
			if m > 0 && rest[m-1] == '\r' && rest[m] == '\n' {
				m--
			}
			if m > 0 {
				narrow += asciiClusters(rest[:m])
				rest = rest[m:]
				state = -1
			}
		} else if r, n := utf8.DecodeRuneInString(rest); simple(r) {
			// Two simple code points in a row always have a boundary
			// between them (UAX #29 GB999), and so do a simple code point
			// and ASCII, so such runs need no segmentation. A simple code
			// point followed by anything else goes to uniseg.
			state = -1
			for {
				var r2 rune
				n2 := 0
				if n < len(rest) && rest[n] >= utf8.RuneSelf {
					if r2, n2 = utf8.DecodeRuneInString(rest[n:]); !simple(r2) {
						break // r may take a mark: segment it below
					}
				}
				if weighted && wideRune(r) {
					wide++
				} else {
					narrow++
				}
				rest = rest[n:]
				if n2 == 0 {
					break // end of input or ASCII next
				}
				r, n = r2, n2
			}
			if len(rest) == 0 || rest[0] < utf8.RuneSelf {
				continue
			}
		}
		var cluster string
		cluster, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		if weighted && isWide(cluster) {
			wide++
		} else {
			narrow++
		}
	}
	return float64(wide) + float64(narrow)*halfWidthWeight
}

// simple reports whether r is a code point that never joins what follows it
// unless that is a mark or joiner (Grapheme_Cluster_Break Other, or a Hangul
// syllable, and not Extended_Pictographic): the common letters of Latin,
// Greek, Cyrillic, Hebrew, Arabic and CJK text. ASCII is handled apart.
func simple(r rune) bool {
	switch {
	case r < 0xA0:
		return false // C1 controls
	case r <= 0x2FF: // Latin-1, Latin Extended A/B, IPA, modifier letters
		return r != 0xAD && r != 0xA9 && r != 0xAE // soft hyphen is Control; ©® are pictographic
	case r < 0x370:
		return false // combining diacritics
	case r <= 0x482: // Greek, Cyrillic up to the Cyrillic combining marks
		return true
	case r < 0x48A:
		return false
	case r <= 0x52F: // rest of Cyrillic, Cyrillic Supplement
		return true
	case r < 0x5D0:
		return false
	case r <= 0x5EA: // Hebrew letters
		return true
	case r < 0x620:
		return false
	case r <= 0x64A: // Arabic letters (harakat start at U+064B)
		return true
	case r < 0x3001:
		return false
	case r <= 0x3003, 0x3008 <= r && r <= 0x3011: // 、。〃 and CJK brackets
		return true
	case 0x3041 <= r && r <= 0x3096, 0x309B <= r && r <= 0x30FF: // kana (not the combining voicing marks)
		return true
	case 0x4E00 <= r && r <= 0x9FFF: // CJK Unified Ideographs
		return true
	case 0xAC00 <= r && r <= 0xD7A3: // precomposed Hangul syllables
		return true
	case 0xFF01 <= r && r <= 0xFF5E: // fullwidth ASCII forms
		return true
	}
	return false
}

// simpleNext reports whether the code point starting t is ASCII or simple,
// i.e. whether a simple code point before it ends its cluster.
func simpleNext(t string) bool {
	if t[0] < utf8.RuneSelf {
		return true
	}
	r, _ := utf8.DecodeRuneInString(t)
	return simple(r)
}

// isWide reports whether a cluster takes a full CJK cell, judged by its first
// code point (the base; marks and joiners after it do not change its width).
func isWide(cluster string) bool {
	r, _ := utf8.DecodeRuneInString(cluster)
	return wideRune(r)
}

// wideRune applies the width policy in the package comment to one code point.
func wideRune(r rune) bool {
	if 0x4E00 <= r && r <= 0x9FFF || 0x3041 <= r && r <= 0x30FF || 0xAC00 <= r && r <= 0xD7A3 {
		return true // Han, kana, Hangul: all Wide; skip the table walk
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return true
	case width.EastAsianAmbiguous:
		return !unicode.IsLetter(r)
	}
	return false
}

// asciiPrefix returns the length of the leading run of bytes < 0x80,
// checking eight bytes at a time.
func asciiPrefix(s string) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if w&0x8080808080808080 != 0 {
			break
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= 0x80 {
			return i
		}
	}
	return i
}

// asciiClusters counts the grapheme clusters of an ASCII string: one per
// byte, except that CR LF is a single cluster.
func asciiClusters(s string) int {
	if strings.IndexByte(s, '\r') < 0 {
		return len(s)
	}
	return len(s) - strings.Count(s, "\r\n")
}
