package langcheck

import "slices"

// Unpacked and allocating forms of the identifier's packed, in-place
// paths, for the tests to read and compare.

// trigram is three lower-cased code points: a comparable key, so that
// counting a text's trigrams builds no string per trigram.
type trigram [3]rune

// rankTrigrams is whatlanggo's getTrigramsWithPositions: the text's
// trigrams (lower-cased; punctuation, symbols, digits and spaces as one
// space; no trigram centred on a space next to another space) ordered by
// count, most frequent first, ties in descending order of the trigram's
// UTF-8 bytes, which is the order of its code points. A trigram's rank is
// its index.
func rankTrigrams(text string) []trigram {
	packed := new(ranking).rank(text)
	out := make([]trigram, len(packed))
	for i, k := range packed {
		out[i] = unpackTrigram(k)
	}
	return out
}

// distances returns each language's distance (in ix.langs order) from the
// text whose trigrams, packed and most frequent first, are ranked.
func (ix *trigramIndex) distances(ranked []uint64) []int {
	var dist [maxProfiles]int
	ix.distancesInto(&dist, ranked)
	return slices.Clone(dist[:len(ix.langs)])
}

func unpackTrigram(k uint64) trigram {
	const mask = 1<<21 - 1
	return trigram{rune(k >> 42), rune(k >> 21 & mask), rune(k & mask)}
}
