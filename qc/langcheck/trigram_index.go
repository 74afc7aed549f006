package langcheck

import (
	"slices"
	"strings"
	"unicode"
	_ "unsafe" // go:linkname, to read whatlanggo's trigram profiles

	"github.com/abadojack/whatlanggo"
)

// The identifier's algorithm (whatlanggo's Detect) ranks a text's trigrams
// by frequency and scores each language of the text's script by comparing
// that ranking with the language's 300-trigram profile: for each profile
// trigram, the distance between its two ranks, or 300 when the text lacks
// it. Done as whatlanggo does it, that is a map look-up for every trigram of
// every profile: 48 Latin profiles × 300 = 14,400 look-ups per sample,
// whatever the sample holds.
//
// The same distance is 300 × (profile length) minus, over the profile
// trigrams the text does have, (300 − rank distance). So an index from each
// trigram to the profiles holding it (and at which rank) gives every
// language's distance from one look-up per distinct trigram of the text
// (~150 for a 200-letter sample). The profiles are whatlanggo's own, read
// from the library, so distances are identical by construction
// (trigram_index_test.go checks them, and the verdicts, against whatlanggo).
//
// One difference, on purpose: whatlanggo walks its profiles in Go map
// order, so when two languages are at exactly the same distance its answer
// varies from run to run; here a tie goes to the lower language constant,
// so the verdict is deterministic.

//go:linkname wlLatin github.com/abadojack/whatlanggo.latinLangs
var wlLatin map[whatlanggo.Lang][]string

//go:linkname wlCyrillic github.com/abadojack/whatlanggo.cyrillicLangs
var wlCyrillic map[whatlanggo.Lang][]string

//go:linkname wlArabic github.com/abadojack/whatlanggo.arabicLangs
var wlArabic map[whatlanggo.Lang][]string

//go:linkname wlDevanagari github.com/abadojack/whatlanggo.devanagariLangs
var wlDevanagari map[whatlanggo.Lang][]string

//go:linkname wlEthiopic github.com/abadojack/whatlanggo.ethiopicLangs
var wlEthiopic map[whatlanggo.Lang][]string

//go:linkname wlHebrew github.com/abadojack/whatlanggo.hebrewLangs
var wlHebrew map[whatlanggo.Lang][]string

// whatlanggo's constants (its constants.go).
const (
	maxTrigramDistance = 300
	maxTotalDistance   = 90000
)

// posting says that a trigram is at rank in the profile of langs[lang].
type posting struct {
	lang int16
	rank int16
}

// trigramIndex is one script's profiles, inverted.
type trigramIndex struct {
	langs    []whatlanggo.Lang // sorted: the tie-break order
	base     []int             // maxTrigramDistance × profile length, per language
	postings map[string][]posting
}

func newTrigramIndex(profiles map[whatlanggo.Lang][]string) *trigramIndex {
	ix := &trigramIndex{postings: map[string][]posting{}}
	for l := range profiles {
		ix.langs = append(ix.langs, l)
	}
	slices.Sort(ix.langs)
	for i, l := range ix.langs {
		ix.base = append(ix.base, maxTrigramDistance*len(profiles[l]))
		for rank, tg := range profiles[l] {
			ix.postings[tg] = append(ix.postings[tg], posting{lang: int16(i), rank: int16(rank)})
		}
	}
	return ix
}

var scriptIndexes = map[*unicode.RangeTable]*trigramIndex{
	unicode.Latin:      newTrigramIndex(wlLatin),
	unicode.Cyrillic:   newTrigramIndex(wlCyrillic),
	unicode.Arabic:     newTrigramIndex(wlArabic),
	unicode.Devanagari: newTrigramIndex(wlDevanagari),
	unicode.Ethiopic:   newTrigramIndex(wlEthiopic),
	unicode.Hebrew:     newTrigramIndex(wlHebrew),
}

// detectLanguage is whatlanggo.DetectWithOptions (whitelist only, the one
// option used here) computed through the trigram index.
func detectLanguage(text string, whitelist map[whatlanggo.Lang]bool) whatlanggo.Info {
	script := whatlanggo.DetectScript(text)
	ix := scriptIndexes[script]
	if script == nil || ix == nil {
		// No trigram profiles: whatlanggo names the script's language.
		return whatlanggo.DetectWithOptions(text, whatlanggo.Options{Whitelist: whitelist})
	}
	lang, conf := ix.detect(text, whitelist)
	return whatlanggo.Info{Lang: lang, Script: script, Confidence: conf}
}

// distances returns each language's distance (in ix.langs order) from the
// text whose trigram ranks are given.
func (ix *trigramIndex) distances(ranks map[string]int) []int {
	dist := slices.Clone(ix.base)
	for tg, n := range ranks {
		for _, p := range ix.postings[tg] {
			d := n - int(p.rank)
			if d < 0 {
				d = -d
			}
			dist[p.lang] -= maxTrigramDistance - d
		}
	}
	return dist
}

func (ix *trigramIndex) detect(text string, whitelist map[whatlanggo.Lang]bool) (whatlanggo.Lang, float64) {
	ranks := trigramRanks(text)
	dist := ix.distances(ranks)
	// The best and second-best language, ties to the lower constant
	// (ix.langs is sorted).
	best, second, n := -1, -1, 0
	for i, l := range ix.langs {
		if _, ok := whitelist[l]; len(whitelist) != 0 && !ok {
			continue
		}
		n++
		switch {
		case best < 0 || dist[i] < dist[best]:
			best, second = i, best
		case second < 0 || dist[i] < dist[second]:
			second = i
		}
	}
	switch n {
	case 0:
		return -1, 0
	case 1:
		return ix.langs[best], 1
	}
	// whatlanggo's calculateConfidence, unchanged.
	score1 := maxTotalDistance - dist[best]
	score2 := maxTotalDistance - dist[second]
	if score1 == 0 {
		return -1, 0
	}
	if score2 == 0 {
		return ix.langs[best], min(float64(score1/500.0), 1.0)
	}
	rate := float64(score1-score2) / float64(score2)
	confidentRate := 12.0/float64(len(ranks)) + 0.05
	if rate > confidentRate {
		return ix.langs[best], 1
	}
	return ix.langs[best], rate / confidentRate
}

// trigramRanks is whatlanggo's getTrigramsWithPositions: the text's
// trigrams (lower-cased; punctuation, symbols, digits and spaces as one
// space; no trigram centred on a space next to another space) ranked by
// count, most frequent first, ties in byte order of the trigram.
func trigramRanks(text string) map[string]int {
	counts := map[string]int{}
	txt := make([]rune, 0, len(text)+1)
	for _, r := range text {
		if unicode.IsSymbol(r) || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsDigit(r) {
			r = ' '
		}
		txt = append(txt, unicode.ToLower(r))
	}
	txt = append(txt, ' ')
	r1, r2 := ' ', txt[0]
	var tg [3]rune
	for _, r3 := range txt[1:] {
		if !(r2 == ' ' && (r1 == ' ' || r3 == ' ')) {
			tg = [3]rune{r1, r2, r3}
			counts[string(tg[:])]++
		}
		r1, r2 = r2, r3
	}
	type tc struct {
		tg string
		n  int
	}
	list := make([]tc, 0, len(counts))
	for tg, n := range counts {
		list = append(list, tc{tg, n})
	}
	slices.SortFunc(list, func(a, b tc) int {
		if a.n != b.n {
			return b.n - a.n
		}
		return strings.Compare(b.tg, a.tg)
	})
	ranks := make(map[string]int, len(list))
	for i, t := range list {
		ranks[t.tg] = i
	}
	return ranks
}
