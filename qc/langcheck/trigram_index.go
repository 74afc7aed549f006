package langcheck

import (
	"slices"
	"sync"
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
	postings postingTable
}

// newTrigramIndex inverts profiles. It runs once per script, on the first
// sample in that script (scriptIndex), not at start-up: the Latin index
// alone is 14,400 profile trigrams, and a run that identifies nothing
// (version, --help) pays for no script, one whose text is all Latin for
// Latin only. The build makes no map and a handful of allocations: every
// profile trigram packed once, in (language, rank) order, which is the
// order of each trigram's postings.
func newTrigramIndex(profiles map[whatlanggo.Lang][]string) *trigramIndex {
	if len(profiles) > maxProfiles {
		panic("langcheck: more trigram profiles in a script than maxProfiles")
	}
	ix := &trigramIndex{langs: make([]whatlanggo.Lang, 0, len(profiles)), base: make([]int, 0, len(profiles))}
	total := 0
	for l, p := range profiles {
		ix.langs = append(ix.langs, l)
		total += len(p)
	}
	slices.Sort(ix.langs)
	keys := make([]uint64, 0, total)
	postings := make([]posting, 0, total)
	for i, l := range ix.langs {
		ix.base = append(ix.base, maxTrigramDistance*len(profiles[l]))
		for rank, tg := range profiles[l] {
			keys = append(keys, packProfileTrigram(tg))
			postings = append(postings, posting{lang: int16(i), rank: int16(rank)})
		}
	}
	ix.postings = newPostingTable(keys, postings)
	return ix
}

// notTrigram packs a profile entry that is not three code points: a
// text's trigrams always are, so it could never match one (none is). No
// packed trigram (63 bits) is all ones.
const notTrigram = ^uint64(0)

func packProfileTrigram(tg string) uint64 {
	var rs [3]rune
	n := 0
	for _, r := range tg {
		if n == len(rs) {
			return notTrigram
		}
		rs[n] = r
		n++
	}
	if n != len(rs) {
		return notTrigram
	}
	return packTrigram(rs[0], rs[1], rs[2])
}

// scriptIndexes are the scripts with trigram profiles, each index built on
// first use.
var scriptIndexes = map[*unicode.RangeTable]func() *trigramIndex{
	unicode.Latin:      lazyIndex(&wlLatin),
	unicode.Cyrillic:   lazyIndex(&wlCyrillic),
	unicode.Arabic:     lazyIndex(&wlArabic),
	unicode.Devanagari: lazyIndex(&wlDevanagari),
	unicode.Ethiopic:   lazyIndex(&wlEthiopic),
	unicode.Hebrew:     lazyIndex(&wlHebrew),
}

// lazyIndex takes the profile table's address: whatlanggo fills it in its
// own init, which may not have run when this package's variables are set.
func lazyIndex(profiles *map[whatlanggo.Lang][]string) func() *trigramIndex {
	return sync.OnceValue(func() *trigramIndex { return newTrigramIndex(*profiles) })
}

// scriptIndex is the index of script's profiles, nil when whatlanggo has
// none for it.
func scriptIndex(script *unicode.RangeTable) *trigramIndex {
	if build := scriptIndexes[script]; build != nil {
		return build()
	}
	return nil
}

// sample is one piece of text as the identifier sees it, ranked once:
// identifyChunks asks about a sample twice (all languages, then the
// detected one against the declared), and the second answer comes from
// the same distances.
type sample struct {
	text     string
	script   *unicode.RangeTable
	ix       *trigramIndex    // nil: whatlanggo has no trigram profiles for the script
	dist     [maxProfiles]int // each language's distance, in ix.langs order
	distinct int              // the text's different trigrams
}

// maxProfiles bounds the languages of one script (Latin has 48): a
// sample's distances are an array of its own, not memory to allocate.
const maxProfiles = 64

// newSample ranks text and measures its distances.
func newSample(text string) *sample {
	s := new(sample)
	s.measure(text)
	return s
}

// measure makes s the sample of text, in place: identifyChunks measures
// piece after piece in one sample, which allocates nothing and is not
// copied (its distances are half a kilobyte).
func (s *sample) measure(text string) {
	s.text, s.script, s.ix, s.distinct = text, detectScript(text), nil, 0
	if s.script != nil {
		s.ix = scriptIndex(s.script)
	}
	if s.ix != nil {
		rk := rankings.Get().(*ranking)
		ranked := rk.rank(text)
		s.ix.distancesInto(&s.dist, ranked)
		s.distinct = len(ranked)
		if cap(rk.keys) <= maxKeptRanking { // a rare huge sample's memory is not pooled
			rankings.Put(rk)
		}
	}
}

// ranking is rankTrigrams' memory, reused from sample to sample (a pool
// shared by the workers): the packed trigrams alone take eight bytes per
// byte of the sample, and a file has several samples. Nothing of it
// outlives the sample's distances.
type ranking struct {
	keys   []uint64
	counts []int32
	next   []int
	out    []uint64
}

var rankings = sync.Pool{New: func() any { return new(ranking) }}

// maxKeptRanking is the most trigrams a pooled ranking keeps room for: a
// sample is cut at a few thousand letters.
const maxKeptRanking = 1 << 14

// identify is whatlanggo.DetectWithOptions (whitelist only, the one
// option used here) computed through the trigram index.
func (s *sample) identify(whitelist map[whatlanggo.Lang]bool) whatlanggo.Info {
	if s.ix == nil {
		// No trigram profiles: whatlanggo names the script's language.
		return whatlanggo.DetectWithOptions(s.text, whatlanggo.Options{Whitelist: whitelist})
	}
	lang, conf := s.ix.pick(s.dist[:len(s.ix.langs)], s.distinct, whitelist)
	return whatlanggo.Info{Lang: lang, Script: s.script, Confidence: conf}
}

// detectLanguage identifies one text (a sample asked once).
func detectLanguage(text string, whitelist map[whatlanggo.Lang]bool) whatlanggo.Info {
	return newSample(text).identify(whitelist)
}

// distancesInto is distances into dist.
func (ix *trigramIndex) distancesInto(dist *[maxProfiles]int, ranked []uint64) {
	copy(dist[:], ix.base)
	for n, k := range ranked {
		for _, p := range ix.postings.find(k) {
			d := n - int(p.rank)
			if d < 0 {
				d = -d
			}
			dist[p.lang] -= maxTrigramDistance - d
		}
	}
}

// pick is the best language of the whitelist (all when empty) and
// whatlanggo's confidence in it, from the distances of a text with
// distinct different trigrams.
func (ix *trigramIndex) pick(dist []int, distinct int, whitelist map[whatlanggo.Lang]bool) (whatlanggo.Lang, float64) {
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
	confidentRate := 12.0/float64(distinct) + 0.05
	if rate > confidentRate {
		return ix.langs[best], 1
	}
	return ix.langs[best], rate / confidentRate
}

// packTrigram puts a trigram's code points (21 bits each) into one
// integer whose order is the trigram's: first code point first.
func packTrigram(a, b, c rune) uint64 { return uint64(a)<<42 | uint64(b)<<21 | uint64(c) }

// trigramRune is what the identifier reads for r: a space for a symbol,
// space, punctuation mark or digit, else r lower-cased. Below U+0800 the
// answer comes from a table instead of five Unicode table walks.
func trigramRune(r rune) rune {
	if r >= 0 && r < rune(len(trigramLow)) {
		return trigramLow[r]
	}
	return trigramRuneTables(r)
}

func trigramRuneTables(r rune) rune {
	if unicode.IsSymbol(r) || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsDigit(r) {
		return ' '
	}
	return unicode.ToLower(r)
}

// trigramLow (low_tables.go) is trigramRuneTables below U+0800, as
// computeTrigramLow gives it: generated, so start-up does not walk the
// Unicode tables for 2,048 characters.
func computeTrigramLow() (t [0x800]rune) {
	for r := range t {
		t[r] = trigramRuneTables(rune(r))
	}
	return t
}

// postingTable is the index's trigram → postings look-up: an open
// addressing table keyed by the packed trigram (packTrigram), probed
// linearly. A sample looks up each of its ~150 trigrams, and a Go map
// keyed by three runes (twelve bytes hashed, then the key compared)
// was most of the distances' cost. A slot holds its key and where its
// postings are side by side: a look-up that finds its key reads one
// cache line of the table (the Latin one is 256 KB, mostly out of cache
// in a run that does other work between samples).
type postingTable struct {
	slots []postingSlot
	list  []posting
	shift uint // 64 - log2(len(slots))
}

type postingSlot struct {
	key      uint64 // packed trigram + 1; 0: an empty slot
	from, to int32  // its postings: list[from:to]
}

// newPostingTable indexes postings[i] under keys[i] (notTrigram: under
// none). Each key's postings keep their order in postings.
//
// The keys are first counted in a scratch table with room for every key
// (no sort, no map), which gives the number of different keys and so the
// table's size: at most half full, for short probes.
func newPostingTable(keys []uint64, postings []posting) postingTable {
	scratch, distinct := newEmptyTable(len(keys)), 0
	for _, k := range keys {
		if k != notTrigram {
			h, added := scratch.claim(k)
			scratch.slots[h].to++
			distinct += added
		}
	}
	t := newEmptyTable(distinct)
	for _, sl := range scratch.slots {
		if sl.key != 0 {
			i, _ := t.claim(sl.key - 1)
			t.slots[i].to = sl.to
		}
	}
	// The counts become spans of one list, filled in postings' order.
	at := int32(0)
	for h := range t.slots {
		sl := &t.slots[h]
		sl.from, sl.to, at = at, at, at+sl.to
	}
	t.list = make([]posting, at)
	for i, k := range keys {
		if k != notTrigram {
			h, _ := t.claim(k)
			t.list[t.slots[h].to] = postings[i]
			t.slots[h].to++
		}
	}
	return t
}

// newEmptyTable is a table with room for n keys.
func newEmptyTable(n int) postingTable {
	size, bits := 1, uint(0)
	for size < 2*n {
		size, bits = size*2, bits+1
	}
	return postingTable{slots: make([]postingSlot, size), shift: 64 - bits}
}

// claim is the slot of packed trigram k, taken for it (added 1) if it had
// none.
func (t *postingTable) claim(k uint64) (h uint64, added int) {
	mask := uint64(len(t.slots) - 1)
	for h = t.slot(k); ; h = (h + 1) & mask {
		switch t.slots[h].key {
		case k + 1:
			return h, 0
		case 0:
			t.slots[h].key = k + 1
			return h, 1
		}
	}
}

func (t *postingTable) slot(k uint64) uint64 { return (k * 0x9E3779B97F4A7C15) >> t.shift }

// find is the postings of packed trigram k, nil when no profile has it.
func (t *postingTable) find(k uint64) []posting {
	k++
	mask := uint64(len(t.slots) - 1)
	for h := t.slot(k - 1); ; h = (h + 1) & mask {
		switch sl := &t.slots[h]; sl.key {
		case k:
			return t.list[sl.from:sl.to]
		case 0:
			return nil
		}
	}
}
