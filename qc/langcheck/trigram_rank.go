package langcheck

import "slices"

// rank returns the text's trigrams as whatlanggo's getTrigramsWithPositions
// ranks them (lower-cased; punctuation, symbols, digits and spaces as one
// space; no trigram centred on a space next to another space; most
// frequent first, ties in descending order of the trigram's code points;
// a trigram's rank is its index), each packed (packTrigram), in rk's
// memory: the result is valid until rk's next use.
//
// The trigrams are counted by sorting them, packed into one integer each,
// instead of in a map, and the counts then order them in one more pass:
// the map and a sort calling a comparison were nearly half of a sample's
// identifier run. They stay packed: the index is looked up by packed
// trigram (postingTable.find).
func (rk *ranking) rank(text string) []uint64 {
	keys := slices.Grow(rk.keys[:0], len(text)+1)
	r1, r2 := ' ', rune(-1)
	for _, r := range text {
		r3 := trigramRune(r)
		if r2 >= 0 && !(r2 == ' ' && (r1 == ' ' || r3 == ' ')) {
			keys = append(keys, packTrigram(r1, r2, r3))
		}
		if r2 >= 0 {
			r1 = r2
		}
		r2 = r3
	}
	if r2 >= 0 && r2 != ' ' {
		keys = append(keys, packTrigram(r1, r2, ' ')) // the text ends with a space
	}
	rk.keys = keys
	slices.Sort(keys)
	// The different trigrams, in ascending order, and their counts.
	counts := slices.Grow(rk.counts[:0], len(keys))
	distinct := keys[:0]
	maxCount := int32(0)
	for i := 0; i < len(keys); {
		j := i + 1
		for j < len(keys) && keys[j] == keys[i] {
			j++
		}
		distinct = append(distinct, keys[i])
		counts = append(counts, int32(j-i))
		maxCount = max(maxCount, int32(j-i))
		i = j
	}
	rk.counts = counts
	// Most frequent first; within a count, descending: each count's
	// trigrams start after those of every higher count.
	next := slices.Grow(rk.next[:0], int(maxCount)+2)[:maxCount+2]
	clear(next)
	rk.next = next
	for _, n := range counts {
		next[n]++
	}
	at := 0
	for n := maxCount; n >= 1; n-- {
		at, next[n] = at+next[n], at
	}
	out := slices.Grow(rk.out[:0], len(distinct))[:len(distinct)]
	rk.out = out
	for k := len(distinct) - 1; k >= 0; k-- {
		n := counts[k]
		out[next[n]] = distinct[k]
		next[n]++
	}
	return out
}
