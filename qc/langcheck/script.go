package langcheck

import (
	"sync"
	"unicode"
	"unicode/utf8"
)

// script is a writing system the checks tell apart. Kana and Han are
// separate so that Japanese (kana + kanji) can be told from Chinese.
type script uint8

const (
	scNone script = iota // not a letter: digits, punctuation, symbols, combining accents
	scLatin
	scCyrillic
	scGreek
	scArmenian
	scHebrew
	scArabic
	scDevanagari
	scBengali
	scGurmukhi
	scGujarati
	scOriya
	scTamil
	scTelugu
	scKannada
	scMalayalam
	scSinhala
	scThai
	scLao
	scTibetan
	scMyanmar
	scGeorgian
	scHangul
	scEthiopic
	scKhmer
	scKana // Hiragana and Katakana
	scHan
	scOther // a letter of a script not listed
	numScripts
)

var scriptNames = [numScripts]string{"none", "Latin", "Cyrillic", "Greek", "Armenian", "Hebrew", "Arabic",
	"Devanagari", "Bengali", "Gurmukhi", "Gujarati", "Oriya", "Tamil", "Telugu", "Kannada", "Malayalam",
	"Sinhala", "Thai", "Lao", "Tibetan", "Myanmar", "Georgian", "Hangul", "Ethiopic", "Khmer", "kana", "Han", "other"}

func (s script) String() string { return scriptNames[s] }

// iso15924 maps the ISO 15924 codes x/text reports for a language to the
// scripts its text is written in. Jpan is kana plus kanji. Kore is mapped
// to Hangul alone: modern Korean subtitles use hanja so rarely that Han
// text declared Korean is Chinese or Japanese.
var iso15924 = map[string][]script{
	"Latn": {scLatin}, "Cyrl": {scCyrillic}, "Grek": {scGreek}, "Armn": {scArmenian},
	"Hebr": {scHebrew}, "Arab": {scArabic}, "Deva": {scDevanagari}, "Beng": {scBengali},
	"Guru": {scGurmukhi}, "Gujr": {scGujarati}, "Orya": {scOriya}, "Taml": {scTamil},
	"Telu": {scTelugu}, "Knda": {scKannada}, "Mlym": {scMalayalam}, "Sinh": {scSinhala},
	"Thai": {scThai}, "Laoo": {scLao}, "Tibt": {scTibetan}, "Mymr": {scMyanmar},
	"Geor": {scGeorgian}, "Hang": {scHangul}, "Kore": {scHangul}, "Ethi": {scEthiopic},
	"Khmr": {scKhmer}, "Jpan": {scKana, scHan}, "Hira": {scKana}, "Kana": {scKana},
	"Hrkt": {scKana}, "Hans": {scHan}, "Hant": {scHan}, "Hani": {scHan},
}

// classify returns the script of r: a letter (or a combining mark of an
// Indic, Thai or Hebrew-like script, which carry vowels) by its Unicode
// block, scNone for everything else.
func classify(r rune) script {
	if r < runeInfoEnd {
		return script(runeInfoTable()[r] & infoScript)
	}
	return classifyRanges(r)
}

// runeInfoEnd is the end of the code points runeInfo holds: every script
// up to Hangul jamo, general punctuation, and the kana and CJK punctuation
// blocks, where classifyRanges needs unicode.IsLetter (a binary search)
// for almost every code point.
const runeInfoEnd = 0x3100

// A rune's info byte: its script in the low bits, and whether it is an
// upper- or lower-case letter of a script with case.
const (
	infoScript = 0x1F
	infoUpper  = 0x20
	infoLower  = 0x40
)

// The scripts must fit in infoScript.
var _ [infoScript + 1 - numScripts]struct{}

var (
	runeInfoOnce sync.Once
	runeInfo     *[runeInfoEnd]uint8
)

// runeInfoTable is runeInfo, built on first use (about a third of a
// millisecond, which a run that checks no language need not pay).
func runeInfoTable() *[runeInfoEnd]uint8 {
	runeInfoOnce.Do(func() {
		var t [runeInfoEnd]uint8
		for r := range rune(runeInfoEnd) {
			t[r] = infoOf(r)
		}
		runeInfo = &t
	})
	return runeInfo
}

// infoOf computes r's info byte: classifyRanges, and for the scripts with
// case (Latin, Cyrillic, Greek, Armenian) unicode.IsUpper or IsLower.
func infoOf(r rune) uint8 {
	sc := classifyRanges(r)
	info := uint8(sc)
	if sc == scLatin || sc == scCyrillic || sc == scGreek || sc == scArmenian {
		if unicode.IsUpper(r) {
			info |= infoUpper
		} else if unicode.IsLower(r) {
			info |= infoLower
		}
	}
	return info
}

// infoAbove is infoOf for r ≥ runeInfoEnd, the blocks Chinese and Korean
// text is made of answered without a call: letters without case.
func infoAbove(r rune) uint8 {
	switch {
	case r >= 0x4E00 && r < 0xA000:
		return uint8(scHan)
	case r >= 0xAC00 && r < 0xD7A4:
		return uint8(scHangul)
	}
	return infoOf(r)
}

// classifyRanges is classify, by walking the blocks.
func classifyRanges(r rune) script {
	if r < utf8.RuneSelf {
		if r|0x20 >= 'a' && r|0x20 <= 'z' {
			return scLatin
		}
		return scNone
	}
	// The big blocks where every assigned code point is a letter, checked
	// first because CJK text is made of them and unicode.IsLetter is slow.
	switch {
	case r >= 0x4E00 && r < 0xA000:
		return scHan
	case r >= 0xAC00 && r < 0xD7A4:
		return scHangul
	case r >= 0x3041 && r < 0x3097, r >= 0x30A1 && r < 0x30FB, r == 0x30FC:
		return scKana
	}
	switch {
	case r < 0x0250:
		if unicode.IsLetter(r) {
			return scLatin
		}
		return scNone
	case r < 0x0370:
		return scNone // IPA, spacing modifiers, combining diacritics
	}
	if !unicode.IsLetter(r) && !unicode.IsMark(r) {
		return scNone
	}
	switch {
	case r < 0x0400:
		return scGreek
	case r < 0x0530:
		return scCyrillic
	case r < 0x0590:
		return scArmenian
	case r < 0x0600:
		return scHebrew
	case r < 0x0700, r >= 0x0750 && r < 0x0780, r >= 0x0870 && r < 0x0900:
		return scArabic
	case r < 0x0900:
		return scOther // Syriac, Thaana, N'Ko, ...
	case r < 0x0980:
		return scDevanagari
	case r < 0x0A00:
		return scBengali
	case r < 0x0A80:
		return scGurmukhi
	case r < 0x0B00:
		return scGujarati
	case r < 0x0B80:
		return scOriya
	case r < 0x0C00:
		return scTamil
	case r < 0x0C80:
		return scTelugu
	case r < 0x0D00:
		return scKannada
	case r < 0x0D80:
		return scMalayalam
	case r < 0x0E00:
		return scSinhala
	case r < 0x0E80:
		return scThai
	case r < 0x0F00:
		return scLao
	case r < 0x1000:
		return scTibetan
	case r < 0x10A0:
		return scMyanmar
	case r < 0x1100:
		return scGeorgian
	case r < 0x1200:
		return scHangul
	case r < 0x13A0:
		return scEthiopic
	case r >= 0x1780 && r < 0x1800:
		return scKhmer
	case r >= 0x1C90 && r < 0x1CC0:
		return scGeorgian
	case r >= 0x1E00 && r < 0x1F00, r >= 0x2C60 && r < 0x2C80, r >= 0xA720 && r < 0xA800, r >= 0xAB30 && r < 0xAB70:
		return scLatin
	case r >= 0x1F00 && r < 0x2000:
		return scGreek
	case r >= 0x3040 && r < 0x3100, r >= 0x31F0 && r < 0x3200, r >= 0xFF66 && r < 0xFFA0, r >= 0x1B000 && r < 0x1B170:
		return scKana
	case r >= 0x3130 && r < 0x3190, r >= 0xA960 && r < 0xA980, r >= 0xAC00 && r < 0xD800, r >= 0xFFA0 && r < 0xFFE0:
		return scHangul
	case r == 0x3005, r == 0x3007, r >= 0x3021 && r < 0x302A, r >= 0x3400 && r < 0x4DC0, r >= 0x4E00 && r < 0xA000,
		r >= 0xF900 && r < 0xFB00, r >= 0x20000 && r < 0x32400:
		return scHan
	case r >= 0xFB1D && r < 0xFB50:
		return scHebrew
	case r >= 0xFB50 && r < 0xFE00, r >= 0xFE70 && r < 0xFF00:
		return scArabic
	case r >= 0xFF21 && r < 0xFF5B:
		return scLatin // fullwidth Latin letters in CJK text
	}
	return scOther
}

// scriptCounts is how many letters of each script a text has.
type scriptCounts [numScripts]int

// total is the number of letters in any script.
func (c *scriptCounts) total() int {
	n := 0
	for s := scLatin; s < numScripts; s++ {
		n += c[s]
	}
	return n
}

// dominant is the script with the most letters (scNone for no letters).
func (c *scriptCounts) dominant() script {
	best := scNone
	for s := scLatin; s < numScripts; s++ {
		if c[s] > c[best] {
			best = s
		}
	}
	return best
}
