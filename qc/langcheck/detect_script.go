package langcheck

import (
	"unicode"

	"github.com/abadojack/whatlanggo"
)

// detectScript is whatlanggo.DetectScript, answer for answer, without its
// cost: whatlanggo tests every character against all 23 script tables
// (a Unicode table search each), which was a third of a sample's time.
// Unicode scripts are disjoint, so at most one table holds a character;
// below U+0800 which one is read from a table built once, and above it
// the tables are asked in whatlanggo's order until one answers. The
// counting, the reordering after each match (a script found moves one
// place forward, which decides ties) and the early answer once a script
// has more characters than half the text's bytes are whatlanggo's.
func detectScript(text string) *unicode.RangeTable {
	halfLen := len(text) / 2
	var order [len(detectScripts)]uint8 // indexes into detectScripts, in whatlanggo's current order
	for i := range order {
		order[i] = uint8(i)
	}
	var count [len(detectScripts)]int
	for _, r := range text {
		var s int
		if r >= 0 && r < rune(len(lowScriptIndex)) {
			s = int(lowScriptIndex[r])
		} else {
			s = scriptIndexAbove(r, int(order[0])) // the script met most so far is asked first
		}
		if s < 0 {
			continue // a stop character (symbol, space, punctuation, digit) or no script of the list
		}
		i := 0
		for int(order[i]) != s {
			i++
		}
		count[s]++
		if count[s] > halfLen {
			return detectScripts[s]
		}
		if i > 0 {
			order[i], order[i-1] = order[i-1], order[i]
		}
	}
	jpCount, max := 0, 0
	var maxScript *unicode.RangeTable
	for _, s := range order {
		if count[s] > max {
			max, maxScript = count[s], detectScripts[s]
			if maxScript == hiraganaKatakana {
				jpCount = max
			}
		}
	}
	switch {
	case max == 0:
		return nil
	case maxScript == unicode.Han && jpCount > 0:
		return hiraganaKatakana // whatlanggo's rule: kana with Han is Japanese
	}
	return maxScript
}

// hiraganaKatakana is whatlanggo's own table for Japanese kana, which it
// returns as the script of Japanese text.
var hiraganaKatakana = whatlanggo.DetectScript("かな")

// detectScripts are whatlanggo's scripts in the order DetectScript starts from.
var detectScripts = [...]*unicode.RangeTable{
	unicode.Latin, unicode.Cyrillic, unicode.Arabic, unicode.Devanagari, hiraganaKatakana, unicode.Ethiopic,
	unicode.Hebrew, unicode.Bengali, unicode.Georgian, unicode.Han, unicode.Hangul, unicode.Greek, unicode.Kannada,
	unicode.Tamil, unicode.Thai, unicode.Gujarati, unicode.Gurmukhi, unicode.Telugu, unicode.Malayalam, unicode.Oriya,
	unicode.Myanmar, unicode.Sinhala, unicode.Khmer,
}

// scriptIndexAbove is the index in detectScripts of r's script, or -1
// for a character whatlanggo skips or counts for no script; the table at
// index first is asked before the others.
func scriptIndexAbove(r rune, first int) int {
	if unicode.IsSymbol(r) || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsDigit(r) {
		return -1 // whatlanggo's stop characters
	}
	if unicode.Is(detectScripts[first], r) {
		return first
	}
	for i, t := range detectScripts {
		if unicode.Is(t, r) {
			return i
		}
	}
	return -1
}

// lowScriptIndex (low_tables.go) is scriptIndexAbove's answer below
// U+0800, as computeLowScriptIndex gives it: generated, so start-up does
// not walk the Unicode tables for 2,048 characters.
func computeLowScriptIndex() (t [0x800]int8) {
	for r := range t {
		t[r] = int8(scriptIndexAbove(rune(r), 0))
	}
	return t
}
