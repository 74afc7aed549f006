package checks

import (
	"strings"
	"unicode"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// invisibleRepair is what X002's fix does with an invisible character:
// its replacement, and whether it is fixed at all. Only characters with no
// function where the pack did not allow them are touched:
//   - tab and the line and paragraph separators become a space (they
//     separate words), or go when a space is already next to them;
//   - the soft hyphen, zero-width space and a byte-order mark inside the
//     text are deleted;
//   - bidirectional controls are deleted only in a cue without a letter of a
//     right-to-left script, where they place nothing.
//
// Not fixed: the joiners U+200C/U+200D (they select letter forms in the
// scripts that use them), the word joiner U+2060 (it forbids a break), C1
// controls and U+FFFD (a character lost by an earlier decoding: deleting it
// loses it for good), private-use code points and noncharacters (which
// character was meant needs a person). No-break spaces (U+00A0, U+202F)
// are not X002's and are never touched by it.
func invisibleRepair(r rune, rtl bool) (with string, ok bool) {
	switch {
	case r == '\t' || r == 0x2028 || r == 0x2029:
		return " ", true
	case r == 0x00AD || r == 0x200B || r == 0xFEFF:
		return "", true
	case r == 0x200E || r == 0x200F || r == 0x061C || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069):
		return "", !rtl
	}
	return "", false
}

// invisibleFix removes or replaces character r everywhere in cue c (X002
// reports each character once per cue).
func invisibleFix(p *rule.Pass, c *cue.Cue, r rune) []rule.SuggestedFix {
	if !p.Fixing() {
		return nil
	}
	with, ok := invisibleRepair(r, hasRTL(c))
	if !ok {
		return nil
	}
	return textFix(p, c, -1, "remove "+codePoint(r)+cueLabel(c), func(_ int, t string) []textEdit {
		return replaceRunes(t, func(i int, x rune) (string, bool) {
			if x != r {
				return "", false
			}
			// A space next to it already separates the words.
			if next := runeAt(t, i+len(string(x))); with == " " && (isSpaceRune(runeBefore(t, i)) || isSpaceRune(next) || i == 0 || next == 0) {
				return "", true
			}
			return with, true
		})
	})
}

func runeAt(t string, i int) rune {
	for _, r := range t[i:] {
		return r
	}
	return 0
}

// hasRTL reports a letter of a right-to-left script in the cue.
func hasRTL(c *cue.Cue) bool {
	for _, l := range c.Lines {
		for _, r := range l.Text {
			if unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko) {
				return true
			}
		}
	}
	return false
}

// latinHomoglyph maps the Cyrillic and Greek letters drawn exactly like a
// Latin letter to it. Letters that only resemble one (Greek α, Cyrillic п)
// are not listed: which letter was meant is then a guess.
var latinHomoglyph = map[rune]rune{
	'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'і': 'i', 'ј': 'j', 'ѕ': 's', 'һ': 'h', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w',
	'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T', 'Х': 'X', 'І': 'I', 'Ј': 'J', 'Ѕ': 'S', 'Ү': 'Y',
	'ο': 'o', 'ν': 'v', 'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N', 'Ο': 'O', 'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X',
}

// homoglyphIn maps a letter to the identical letter of script s (an index
// of homoglyphScripts): Cyrillic and Greek to Latin by latinHomoglyph, a
// Latin letter to the Cyrillic or Greek one drawn like it, and a Cyrillic
// letter to a Greek one (or back) through their common Latin twin.
func homoglyphIn(r rune, s int) (rune, bool) {
	if l, ok := latinHomoglyph[r]; ok {
		r = l
	}
	if s == 0 {
		return r, scriptOf(r) == 0
	}
	for from, l := range latinHomoglyph {
		if l == r && scriptOf(from) == s {
			return from, true
		}
	}
	return 0, false
}

// homoglyphFix writes each odd letter of word in line j (X003) as the
// identical letter of script, the one the word was meant in (meantScript):
// Cyrillic а in a Latin word becomes a, Latin o in a Russian word becomes
// о. The caller offers it only when every odd letter has a twin there.
func homoglyphFix(p *rule.Pass, c *cue.Cue, j int, word string, script int) []rule.SuggestedFix {
	if !p.Fixing() {
		return nil
	}
	swap := map[rune]rune{}
	for _, r := range word {
		if s := scriptOf(r); s >= 0 && s != script {
			twin, ok := homoglyphIn(r, script)
			if !ok {
				return nil
			}
			swap[r] = twin
		}
	}
	return textFix(p, c, j, "write "+word+" in "+homoglyphScripts[script].name+" letters"+cueLabel(c), func(_ int, t string) []textEdit {
		var out []textEdit
		for at := 0; ; {
			k := strings.Index(t[at:], word)
			if k < 0 {
				return out
			}
			k += at
			at = k + len(word)
			// Only the whole word: not inside a longer one.
			if unicode.IsLetter(runeBefore(t, k)) || unicode.IsLetter(runeAt(t, at)) {
				continue
			}
			for _, e := range replaceRunes(word, func(_ int, r rune) (string, bool) {
				twin, ok := swap[r]
				return string(twin), ok
			}) {
				out = append(out, textEdit{k + e.from, k + e.to, e.s})
			}
		}
	})
}

// sdhBracketFix writes [ ] for the ( ) or { } pairs that stand as labels
// in line j (X013: labelPairs, at the line's start or its end after a
// sentence). A
// line whose brackets of a kind are nested or unclosed ("(whispering
// (softly)") is left for a person: which bracket is missing is the
// author's call; so is a pair inside a sentence ("(555) 123-4567").
func sdhBracketFix(p *rule.Pass, c *cue.Cue, j int) []rule.SuggestedFix {
	return textFix(p, c, j, "put the SDH labels in [ ]"+cueLabel(c), func(_ int, t string) []textEdit {
		var out []textEdit
		for _, br := range [][2]byte{{'(', ')'}, {'{', '}'}} {
			if !bracketsPair(t, br[0], br[1]) {
				continue
			}
			for _, l := range labelPairs(t, br[0], br[1]) {
				out = append(out, textEdit{l[0], l[0] + 1, "["}, textEdit{l[1], l[1] + 1, "]"})
			}
		}
		return out
	})
}

// italicsFix deletes the italic tags of cue c (X011): <i> and </i> in SRT
// and WebVTT, and SRT's {\i1} and {\i0} overrides when they are a whole
// block. Other markup stays.
func italicsFix(p *rule.Pass, c *cue.Cue) []rule.SuggestedFix {
	if !p.Fixing() || (p.Doc.Format != "srt" && p.Doc.Format != "webvtt") {
		return nil
	}
	base, _, ok := p.File.Fix.Span(c.TextSrc, false)
	if !ok {
		return nil
	}
	s := string(p.File.Fix.Bytes(c.TextSrc, false))
	var edits []rule.TextEdit
	for i := 0; i < len(s); i++ {
		end := -1
		switch {
		case s[i] == '<':
			if name, _, e := readTag(s, i); e > 0 && strings.EqualFold(name, "i") {
				end = e
			}
		case p.Doc.Format == "srt" && (strings.HasPrefix(s[i:], `{\i1}`) || strings.HasPrefix(s[i:], `{\i0}`)):
			end = i + len(`{\i1}`)
		}
		if end > 0 {
			edits = append(edits, rule.TextEdit{Start: base + int64(i), End: base + int64(end)})
			i = end - 1
		}
	}
	return fixOf("remove the italics"+cueLabel(c), edits)
}

// LatinHomoglyph returns the Latin letter drawn like the Cyrillic or Greek
// r, if any (the fix tests fold the copies' text with it: X003's fix swaps
// such twins).
func LatinHomoglyph(r rune) (rune, bool) {
	l, ok := latinHomoglyph[r]
	return l, ok
}
