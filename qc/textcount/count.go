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
// Count never allocates. uniseg is asked only about the code points around
// marks, joiners, emoji, flags and jamo: ASCII runs are counted by a byte
// scan, and runs of letters and punctuation that cluster alone (most Latin,
// Cyrillic, Arabic and CJK text) one cluster per code point. exact_test.go
// checks both against uniseg.
package textcount

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"golang.org/x/text/width"

	"github.com/exportqc/exportqc/qc/internal/utf8x"
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
		var r rune
		n := 0 // > 0: rest starts with the simple code point r, n bytes long
		if rest[0] < utf8.RuneSelf {
			k := asciiPrefix(rest)
			if k == len(rest) {
				narrow += asciiClusters(rest)
				break
			}
			// Every ASCII byte of the run is a cluster of its own (CR LF
			// excepted). So is the last one when a simple code point
			// follows (a simple code point joins nothing before it);
			// otherwise it may take a combining mark or joiner from what
			// follows, and goes to uniseg below.
			if r, n = utf8x.DecodeRune(rest[k:]); simple(r) {
				narrow += asciiClusters(rest[:k])
				rest = rest[k:]
			} else {
				n = 0
				m := k - 1
				if m > 0 && rest[m-1] == '\r' && rest[m] == '\n' {
					m--
				}
				if m > 0 {
					narrow += asciiClusters(rest[:m])
					rest = rest[m:]
					state = -1
				}
			}
		} else if r, n = utf8x.DecodeRune(rest); !simple(r) {
			n = 0
		}
		if n > 0 {
			// rest starts with a simple code point, at a cluster boundary.
			// Two simple code points in a row always have a boundary
			// between them (UAX #29 GB999), and so do a simple code point
			// and ASCII, so such runs need no segmentation. A simple code
			// point followed by anything else goes to uniseg.
			state = -1
			for {
				var r2 rune
				n2 := 0
				if n < len(rest) && rest[n] >= utf8.RuneSelf {
					if r2, n2 = utf8x.DecodeRune(rest[n:]); !simple(r2) {
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

// Simple reports whether r is a cluster of its own between neighbours that
// are ASCII (but CR) or Simple themselves: a line made only of such code
// points counts one per code point at weight 1 (TestSimpleLinesCountCodePoints),
// so that a caller who already decoded the line (the text rules' line
// scan) need not count it again.
func Simple(r rune) bool { return simple(r) }

// simple reports whether r is a code point that joins nothing before it and
// nothing after it but a mark or joiner (Grapheme_Cluster_Break Other, or a
// Hangul syllable, and not Extended_Pictographic): the letters, digits and
// punctuation of Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Thai and
// CJK text. ASCII is handled apart. TestSimpleCodePoints checks every code
// point this accepts against uniseg.
func simple(r rune) bool {
	return r < 0x10000 && simpleBits[r>>6]&(1<<(r&63)) != 0
}

// simpleBits has a bit set for each code point of the Basic Multilingual
// Plane in simpleRanges: one load per code point, where walking the ranges
// was a quarter of Count's time on CJK text. (8 KB, built once from ~40
// ranges, a word at a time: bit by bit, the CJK ranges made it most of the
// package's start-up.)
var simpleBits = func() *[0x10000 / 64]uint64 {
	var b [0x10000 / 64]uint64
	for _, rg := range simpleRanges {
		for r := rg[0]; r <= rg[1]; {
			w, bit := r>>6, r&63
			n := min(64-bit, rg[1]-r+1) // bits of this range in word w
			b[w] |= (^uint64(0) >> (64 - n)) << bit
			r += n
		}
	}
	return &b
}()

// simpleRanges are the simple code points, as inclusive ranges.
var simpleRanges = [][2]rune{
	// Latin-1, Latin Extended A/B, IPA, modifier letters; not the C1
	// controls, the soft hyphen (Control), nor © and ® (pictographs).
	{0xA0, 0xA8}, {0xAA, 0xAC}, {0xAF, 0x2FF},
	// Greek, Cyrillic up to the Cyrillic combining marks (U+0483-0489);
	// the rest of Cyrillic, Cyrillic Supplement, Armenian.
	{0x370, 0x482}, {0x48A, 0x58F},
	// Hebrew letters and punctuation, not the points before them.
	{0x5D0, 0x5F4},
	// Arabic punctuation and letters: not the number signs (Prepend), the
	// marks U+0610-061A and U+064B-065F, the letter mark U+061C (Control)
	// nor the superscript alef U+0670 (a mark).
	{0x60C, 0x60F}, {0x61B, 0x61B}, {0x61D, 0x64A}, {0x660, 0x66F}, {0x671, 0x6D5},
	// Thai, but for its vowel signs and tone marks (U+0E33 is a SpacingMark).
	{0xE01, 0xE30}, {0xE32, 0xE32}, {0xE3F, 0xE46}, {0xE4F, 0xE5B},
	// Latin Extended Additional (Vietnamese), Greek Extended.
	{0x1E00, 0x1FFF},
	// Spaces and general punctuation (dashes, curly quotes, "…"); not the
	// zero-width and direction controls, nor ‼ and ⁉ (pictographs).
	{0x2000, 0x200A}, {0x2010, 0x2027}, {0x2030, 0x203B}, {0x203D, 0x2048}, {0x204A, 0x205E},
	// Currency signs.
	{0x20A0, 0x20C0},
	// CJK space, punctuation and brackets (not the tone marks from U+302A).
	{0x3000, 0x3029},
	// Kana, not the combining voicing marks U+3099-309A.
	{0x3041, 0x3096}, {0x309B, 0x30FF},
	// CJK Unified Ideographs Extension A, CJK Unified Ideographs.
	{0x3400, 0x4DBF}, {0x4E00, 0x9FFF},
	// Precomposed Hangul syllables.
	{0xAC00, 0xD7A3},
	// Fullwidth forms, halfwidth katakana (not its voicing marks U+FF9E-FF9F).
	{0xFF01, 0xFF9D},
}

// Wide counts the code points of s that count fully where half-width
// ones count less. For a line of ASCII (but CR) and Simple code points,
// Count(s, w) is float64(Wide(s)) + float64(n-Wide(s))*w, n its code
// points: what a caller who knows the line is such (the text rules' line
// scan) computes without segmenting it.
func Wide(s string) int {
	wide := 0
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++ // ASCII is never wide
			continue
		}
		r, n := utf8x.DecodeRune(s[i:])
		if wideRune(r) {
			wide++
		}
		i += n
	}
	return wide
}

// isWide reports whether a cluster takes a full CJK cell, judged by its first
// code point (the base; marks and joiners after it do not change its width).
func isWide(cluster string) bool {
	r, _ := utf8.DecodeRuneInString(cluster)
	return wideRune(r)
}

// wideRune applies the width policy in the package comment to one code point.
func wideRune(r rune) bool {
	if 0x4E00 <= r && r <= 0x9FFF || 0x3041 <= r && r <= 0x3096 || 0x3099 <= r && r <= 0x30FF ||
		0xAC00 <= r && r <= 0xD7A3 || 0x3000 <= r && r <= 0x303E || 0xFF01 <= r && r <= 0xFF60 {
		// Han, kana (but the two unassigned U+3097, U+3098, which the
		// tables call narrow), Hangul, CJK punctuation (、。「」),
		// fullwidth forms (，？！): all Wide or Fullwidth; skip the table
		// walk (TestWideRuneIsPolicy).
		return true
	}
	return widePolicy(r)
}

// widePolicy is wideRune by the width tables alone.
func widePolicy(r rune) bool {
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
		t := s[i : i+8] // one bounds check for the eight bytes, which load as one word
		w := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
			uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
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
	if len(s) <= 8 {
		// Short runs (a space between two words of another script) are
		// checked inline: a call to IndexByte costs more than the loop.
		n := len(s)
		for i := 1; i < len(s); i++ {
			if s[i] == '\n' && s[i-1] == '\r' {
				n--
			}
		}
		return n
	}
	if strings.IndexByte(s, '\r') < 0 {
		return len(s)
	}
	return len(s) - strings.Count(s, "\r\n")
}
