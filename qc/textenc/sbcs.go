package textenc

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// script is the writing system a single-byte code page exists for.
type script uint8

const (
	latin script = iota
	cyrillic
	arabic
)

// Byte kinds in a single-byte model.
const (
	kOther   uint8 = iota // ASCII non-letter: ends a word
	kASCII                // ASCII letter
	kLetter               // non-ASCII letter of the code page's script
	kForeign              // non-ASCII Latin letter in a non-Latin code page
	kMark                 // combining mark (Arabic harakat)
	kPunct                // punctuation text in this script commonly uses
	kNeutral              // invisible or ambiguous: NBSP, soft hyphen, LRM, ordinals
	kSymbol               // other symbol: unusual in subtitles
	kBad                  // C1 control or byte the code page leaves undefined
)

// Letter case flags, or-ed into the byte's info.
const (
	fUpper uint8 = 1 << 6
	fLower uint8 = 1 << 7
	kMask  uint8 = 0x3F
)

// profile is one language's accented letters (lower case).
type profile struct{ core, rare string }

// sbcs is a scoring model and decoder for one single-byte code page.
type sbcs struct {
	name    string
	script  script
	dec     [256]rune
	utf8    [256][4]byte // dec[b] in UTF-8, utf8Len[b] bytes long
	utf8Len [256]uint8
	info    [256]uint8     // kind | case flags
	credit  [][256]float32 // per language profile: credit of each letter byte
}

// The single-byte models, built on first use (legacyCandidates): only a
// file that is not UTF-8 needs them, and building the four of them was
// most of the package's start-up.
func newCP1252() *sbcs {
	return newSBCS(Windows1252, charmap.Windows1252, latin, []profile{
		{"éèàçê", "âîôûùëïüœæÿ"}, // French
		{"áéíóúñ", "ü"},          // Spanish
		{"áàâãçéêíóôõú", "ü"},    // Portuguese
		{"àèéìòù", "íóúî"},       // Italian
		{"äöüß", "éàè"},          // German
		{"éëï", "èöüáó"},         // Dutch
		{"æøå", "éóàü"},          // Danish, Norwegian
		{"åäö", "éü"},            // Swedish, Finnish
		{"áéíóúýþæöð", ""},       // Icelandic
		{"àèéíòóúçï", "ü"},       // Catalan
		{"äöüõšž", ""},           // Estonian
	})
}

func newCP1250() *sbcs {
	return newSBCS(Windows1250, charmap.Windows1250, latin, []profile{
		{"ąćęłńóśźż", ""},         // Polish
		{"áčďéěíňóřšťúůýž", ""},   // Czech
		{"áäčďéíľňóôšťúýž", "ĺŕ"}, // Slovak
		{"áéíóöőúüű", ""},         // Hungarian
		{"čćđšž", ""},             // Croatian, Bosnian, Serbian Latin, Slovene
		{"ăâîşţ", ""},             // Romanian
	})
}

func newCP1251() *sbcs {
	return newSBCS(Windows1251, charmap.Windows1251, cyrillic, []profile{
		{"абвгдежзийклмнопрстуфхцчшщъыьэюяё", ""}, // Russian
		{"абвгґдеєжзиіїйклмнопрстуфхцчшщьюя", ""}, // Ukrainian
		{"абвгдеёжзійклмнопрстуўфхцчшыьэюя", ""},  // Belarusian
		{"абвгдежзийклмнопрстуфхцчшщъьюя", ""},    // Bulgarian
		{"абвгдђежзијклљмнњопрстћуфхцчџш", ""},    // Serbian
		{"абвгдѓежзѕијклљмнњопрстќуфхцчџш", ""},   // Macedonian
	})
}

func newCP1256() *sbcs {
	return newSBCS(Windows1256, charmap.Windows1256, arabic, []profile{
		{"ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي", "ـ"},           // Arabic
		{"آابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنںوہھءےئ", "ةكيىأإؤ"}, // Persian, Urdu
	})
}

// Punctuation that subtitles in these scripts really use, and characters
// that are neither evidence for nor against a code page.
const (
	goodPunct = "‘’‚“”„«»‹›–—…•·¡¿°€£©®™§№،؛؟"
	neutral   = "\u00a0\u00ad\u200c\u200d\u200e\u200fªº´"
)

func newSBCS(name string, cm *charmap.Charmap, sc script, profiles []profile) *sbcs {
	m := &sbcs{name: name, script: sc}
	for b := 0; b < 256; b++ {
		r := cm.DecodeByte(byte(b))
		m.dec[b] = r
		m.utf8Len[b] = uint8(utf8.EncodeRune(m.utf8[b][:], r))
		m.info[b] = classify(r, sc)
	}
	m.credit = make([][256]float32, len(profiles))
	for p, prof := range profiles {
		for b := 0x80; b < 256; b++ {
			r := m.dec[b]
			lr := unicode.ToLower(r)
			switch m.info[b] & kMask {
			case kLetter:
				switch {
				case strings.ContainsRune(prof.core, lr):
					m.credit[p][b] = 1
				case strings.ContainsRune(prof.rare, lr):
					m.credit[p][b] = 0.5
				default:
					m.credit[p][b] = 0.15
				}
			case kForeign:
				m.credit[p][b] = 0.3
			case kMark:
				m.credit[p][b] = 0.5
			}
		}
	}
	return m
}

// classify gives a code point's kind (and case) within a code page of
// script sc.
func classify(r rune, sc script) uint8 {
	var k uint8
	switch {
	case r < utf8.RuneSelf:
		if 'a' <= r && r <= 'z' {
			return kASCII | fLower
		}
		if 'A' <= r && r <= 'Z' {
			return kASCII | fUpper
		}
		return kOther
	case r == utf8.RuneError || unicode.IsControl(r):
		return kBad
	case strings.ContainsRune(neutral, r):
		return kNeutral
	case strings.ContainsRune(goodPunct, r):
		return kPunct
	case unicode.IsMark(r):
		return kMark
	case r == 'ƒ': // the florin sign, not a letter anyone writes
		return kSymbol
	case r == '\u0640': // tatweel (Script=Common), an Arabic elongation letter
		if sc == arabic {
			return kLetter
		}
		return kSymbol
	case unicode.IsLetter(r):
		k = kLetter
		switch {
		case unicode.Is(unicode.Latin, r):
			if sc != latin {
				k = kForeign
			}
		case unicode.Is(unicode.Cyrillic, r):
			if sc != cyrillic {
				k = kSymbol // never happens in the code pages used here
			}
		case unicode.Is(unicode.Arabic, r):
			if sc != arabic {
				k = kSymbol
			}
		default:
			k = kSymbol // ƒ-like oddities of other scripts
		}
		if k == kSymbol {
			return k
		}
		if unicode.IsUpper(r) {
			k |= fUpper
		} else if unicode.IsLower(r) {
			k |= fLower
		}
		return k
	}
	return kSymbol
}

// wordState accumulates the shape of the current word.
type wordState struct {
	ascii, high    int // ASCII letters; non-ASCII letters and marks
	script         int // letters of the code page's own script (non-ASCII)
	foreign        int // non-ASCII Latin letters in a non-Latin code page
	seenLower      bool
	caseFlip       bool // a lower-case letter was followed by an upper-case one
	orphanMark     bool // a mark that does not follow a letter of the script
	prevScriptBase bool // previous byte was a script letter or mark
}

// implausible applies the word-shape tests of the package comment.
func (w *wordState) implausible(sc script) bool {
	if w.caseFlip || w.orphanMark {
		return true
	}
	switch sc {
	case latin:
		return w.high >= 2 && w.ascii == 0
	case cyrillic:
		return w.script > 0 && w.ascii > 0
	case arabic:
		return w.script > 0 && (w.ascii > 0 || w.foreign > 0) ||
			w.foreign >= 2 && w.ascii == 0
	}
	return false
}

// score returns the mean plausibility credit per non-ASCII byte of sample
// read in this code page, and how many non-ASCII bytes there were.
func (m *sbcs) score(sample []byte) (float64, int) {
	var hist [256]int32
	var w wordState
	badLetters := 0
	endWord := func() {
		if w.high > 0 && w.implausible(m.script) {
			badLetters += w.high
		}
		w = wordState{}
	}
	for _, b := range sample {
		inf := m.info[b]
		if b >= utf8.RuneSelf {
			hist[b]++
		}
		switch inf & kMask {
		case kASCII, kLetter, kForeign:
			switch inf & kMask {
			case kASCII:
				w.ascii++
				w.prevScriptBase = false
			case kLetter:
				w.high++
				w.script++
				w.prevScriptBase = m.script != latin
			case kForeign:
				w.high++
				w.foreign++
				w.prevScriptBase = false
			}
			if inf&fUpper != 0 && w.seenLower {
				w.caseFlip = true
			}
			if inf&fLower != 0 {
				w.seenLower = true
			}
		case kMark:
			w.high++
			if !w.prevScriptBase {
				w.orphanMark = true
			}
		default:
			endWord()
		}
	}
	endWord()

	n := 0
	var punct, symbol, bad int
	for b := 0x80; b < 256; b++ {
		c := int(hist[b])
		if c == 0 {
			continue
		}
		n += c
		switch m.info[b] & kMask {
		case kPunct:
			punct += c
		case kSymbol:
			symbol += c
		case kBad:
			bad += c
		}
	}
	if n == 0 {
		return 0, 0
	}
	best := 0.0
	for p := range m.credit {
		sum := 0.0
		for b := 0x80; b < 256; b++ {
			if hist[b] != 0 {
				sum += float64(hist[b]) * float64(m.credit[p][b])
			}
		}
		if sum > best {
			best = sum
		}
	}
	total := best + 0.5*float64(punct) - 0.5*float64(symbol) - 2*float64(bad) - 1.5*float64(badLetters)
	return total / float64(n), n
}

// decode converts all of data through the code page table; undefined bytes
// become U+FFFD and are counted.
func (m *sbcs) decode(data []byte) (string, int) {
	size, bad := 0, 0
	for _, b := range data {
		size += int(m.utf8Len[b])
		if m.info[b]&kMask == kBad && m.dec[b] == utf8.RuneError {
			bad++
		}
	}
	out := make([]byte, size)
	j := 0
	for _, b := range data {
		if b < utf8.RuneSelf {
			out[j] = b
			j++
		} else {
			j += copy(out[j:], m.utf8[b][:m.utf8Len[b]])
		}
	}
	return bytesToString(out), bad
}
