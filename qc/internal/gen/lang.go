package gen

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/exportqc/exportqc/qc/textcount"
)

// language is what the generator knows about one subtitle language: its
// dialogue, how to write a dialogue dash, and the limits a clean cue must
// respect. The limits are the Netflix values of the shipped rule packs
// (rules/platforms/netflix.yaml and rules/languages/*.yaml; a test checks
// they agree), because a generated file must be clean under the default
// profile except for the defects we seed on purpose.
type language struct {
	Tag       string
	MaxChars  float64 // L001 max_chars
	MaxCPS    float64 // T005 max_cps (adult)
	HalfWidth float64 // weight of a half-width character (0.5 for CJK)
	// Territory is a territory whose pack (rules/territories) requires this
	// language and no other, so that a missing file of it raises exactly
	// one D001; "" when no shipped pack requires the language.
	Territory string
	Dash      string // dialogue dash with its spacing (the pack's X005 convention)
	Sep       string // what joins two sentences on one line
	// NoItalics is set where the language pack forbids italics (X011).
	NoItalics bool
	// WeakEnds are the words a broken line must not end with (the pack's
	// X015 words): a break there is advice a clean file does not draw.
	WeakEnds string
	phrases  []string
	short    []string

	once    sync.Once
	counted []sentence // phrases with their counts and two-line breaks
	shorts  []sentence
}

// sentence is a phrase with its weighted character count and, when it can
// be broken over two lines, the break.
type sentence struct {
	text         string
	chars        float64
	first, rest  string // two-line break, "" when none fits
	firstN, rstN float64
}

var languages = []*language{
	{Tag: "en", MaxChars: 42, MaxCPS: 20, HalfWidth: 1, Territory: "GB", Dash: "-", WeakEnds: "a an the of to in on at for from with by and but or nor as into onto about", Sep: " ", phrases: phrasesEN, short: shortEN},
	{Tag: "fr", MaxChars: 42, MaxCPS: 17, HalfWidth: 1, Territory: "FR", Dash: "- ", WeakEnds: "le la les un une des du de au aux à et ou mais donc car ni que qui dans sur pour par avec sans", Sep: " ", phrases: phrasesFR, short: shortFR},
	{Tag: "de", MaxChars: 42, MaxCPS: 17, HalfWidth: 1, Territory: "DE", Dash: "-", WeakEnds: "der die das den dem des ein eine einen einem einer und oder aber denn in an auf mit von zu für bei aus nach", Sep: " ", phrases: phrasesDE, short: shortDE},
	{Tag: "es", MaxChars: 42, MaxCPS: 17, HalfWidth: 1, Territory: "ES", Dash: "-", WeakEnds: "el la los las un una unos unas de del al a en con por para y o e u ni pero que", Sep: " ", phrases: phrasesES, short: shortES},
	{Tag: "it", MaxChars: 42, MaxCPS: 17, HalfWidth: 1, Territory: "IT", Dash: "- ", Sep: " ", phrases: phrasesIT, short: shortIT},
	{Tag: "pt-BR", MaxChars: 42, MaxCPS: 17, HalfWidth: 1, Territory: "BR", Dash: "- ", Sep: " ", phrases: phrasesPT, short: shortPT},
	{Tag: "ru", MaxChars: 39, MaxCPS: 17, HalfWidth: 1, Territory: "RU", Dash: "-", Sep: " ", phrases: phrasesRU, short: shortRU},
	{Tag: "tr", MaxChars: 42, MaxCPS: 17, HalfWidth: 1, Territory: "", Dash: "-", Sep: " ", phrases: phrasesTR, short: shortTR},
	{Tag: "ar", MaxChars: 42, MaxCPS: 20, HalfWidth: 1, Territory: "MENA", Dash: "- ", Sep: " ", NoItalics: true, phrases: phrasesAR, short: shortAR},
	{Tag: "ja", MaxChars: 13, MaxCPS: 4, HalfWidth: 0.5, Territory: "JP", Dash: "－", Sep: "", phrases: phrasesJA, short: shortJA},
	{Tag: "ko", MaxChars: 16, MaxCPS: 12, HalfWidth: 0.5, Territory: "KR", Dash: "- ", Sep: " ", NoItalics: true, phrases: phrasesKO, short: shortKO},
	{Tag: "zh-Hans", MaxChars: 16, MaxCPS: 9, HalfWidth: 0.5, Territory: "CN", Dash: "－", Sep: "", NoItalics: true, phrases: phrasesZH, short: shortZH},
}

// Languages lists the language tags the generator can write.
func Languages() []string {
	out := make([]string, len(languages))
	for i, l := range languages {
		out[i] = l.Tag
	}
	return out
}

func lookupLanguage(tag string) (*language, error) {
	for _, l := range languages {
		if strings.EqualFold(l.Tag, tag) {
			l.once.Do(l.prepare)
			return l, nil
		}
	}
	known := Languages()
	sort.Strings(known)
	return nil, fmt.Errorf("no built-in text for language %q (have %s)", tag, strings.Join(known, ", "))
}

// weakEnd reports whether a first line would end with one of WeakEnds.
func (l *language) weakEnd(first []rune) bool {
	line := string(first)
	last := line[strings.LastIndexByte(line, ' ')+1:]
	for _, w := range strings.Fields(l.WeakEnds) {
		if strings.EqualFold(last, w) {
			return true
		}
	}
	return false
}

func (l *language) count(s string) float64 { return textcount.Count(s, l.HalfWidth) }

// prepare counts every phrase once, so that building 700 cues costs no
// grapheme segmentation at all.
func (l *language) prepare() {
	l.counted = make([]sentence, len(l.phrases))
	for i, p := range l.phrases {
		s := sentence{text: p, chars: l.count(p)}
		s.first, s.rest = l.breakLine(p)
		if s.first != "" {
			s.firstN, s.rstN = l.count(s.first), l.count(s.rest)
		}
		l.counted[i] = s
	}
	l.shorts = make([]sentence, len(l.short))
	for i, p := range l.short {
		l.shorts[i] = sentence{text: p, chars: l.count(p)}
	}
}

// breakLine splits a sentence into two lines of similar length, at the
// space nearest the middle (or, in languages written without spaces, after
// the punctuation or character nearest the middle), both within MaxChars.
// Sentences too short to be worth breaking give "", "".
func (l *language) breakLine(p string) (string, string) {
	if l.count(p) < l.MaxChars*0.6 {
		return "", ""
	}
	runes := []rune(p)
	mid := len(runes) / 2
	best, bestDist := -1, len(runes)
	for i := 1; i < len(runes)-1; i++ {
		// Break at a space, or in languages written without spaces after
		// punctuation: never inside a word.
		if l.Sep == " " && runes[i] != ' ' || l.Sep == "" && !strings.ContainsRune("、，。！？", runes[i-1]) {
			continue
		}
		if l.weakEnd(runes[:i]) {
			continue
		}
		d := i - mid
		if d < 0 {
			d = -d
		}
		if d < bestDist {
			best, bestDist = i, d
		}
	}
	if best < 0 {
		return "", ""
	}
	first := string(runes[:best])
	rest := string(runes[best:])
	if l.Sep == " " {
		rest = string(runes[best+1:])
	}
	if l.count(first) > l.MaxChars || l.count(rest) > l.MaxChars || rest == "" {
		return "", ""
	}
	return first, rest
}
