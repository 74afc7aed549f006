package checks

import "sync"

// paramMemo remembers what a decoder made of a parameter's raw value: the
// rules read their character lists, pairs and sequences from the packs as
// strings, and decoding them again for every file was about half of a
// clean file's allocations. A run meets a few dozen distinct values (they
// live in the packs, per language), so the value itself is the key: every
// configuration holding it shares one decoding.
//
// What it hands out is shared by every file and worker, so it must never
// be modified: the decoders' callers only read their maps, slices and
// sets. It keeps at most paramMemoSize values and decodes the rest each
// time (a --set of ever-new values cannot make it grow without end).
// TestParamMemoMatchesDecoding holds each memo to its plain decoder.
type paramMemo[T any] struct {
	mu   sync.RWMutex
	seen map[string]T
}

const paramMemoSize = 512

func (m *paramMemo[T]) get(raw string, decode func(string) T) T {
	m.mu.RLock()
	v, hit := m.seen[raw]
	m.mu.RUnlock()
	if hit {
		return v
	}
	v = decode(raw)
	m.mu.Lock()
	if m.seen == nil {
		m.seen = make(map[string]T)
	}
	if len(m.seen) < paramMemoSize {
		m.seen[raw] = v
	}
	m.mu.Unlock()
	return v
}

// decoded is a decoder's answer with its error, as one memo value.
type decoded[T any] struct {
	v   T
	err error
}

var (
	runeSets   paramMemo[*runeSet]
	runeLists  paramMemo[decoded[map[rune]bool]]
	quotePairs paramMemo[decoded[[]quotePair]]
	sequences  paramMemo[[]string]
	doubleds   paramMemo[doubled]
	contexts   paramMemo[map[string]bool]
	weakSets   paramMemo[weakSet]
	styles     paramMemo[quoteStyle]
	quoteSets  paramMemo[*runeSet]
)

// newRuneSet returns the set of the characters of chars (read-only).
func newRuneSet(chars string) *runeSet { return runeSets.get(chars, buildRuneSet) }

// parseRuneList is decodeRuneList remembered: its map is read-only.
func parseRuneList(s string) (map[rune]bool, error) {
	d := runeLists.get(s, func(s string) decoded[map[rune]bool] {
		v, err := decodeRuneList(s)
		return decoded[map[rune]bool]{v, err}
	})
	return d.v, d.err
}

// parseQuotePairs is decodeQuotePairs remembered: its slice is read-only.
func parseQuotePairs(s string) ([]quotePair, error) {
	d := quotePairs.get(s, func(s string) decoded[[]quotePair] {
		v, err := decodeQuotePairs(s)
		return decoded[[]quotePair]{v, err}
	})
	return d.v, d.err
}

// sequenceList is decodeSequences remembered: its slice is read-only.
func sequenceList(v string) []string { return sequences.get(v, decodeSequences) }

// doubledSequences is decodeDoubled remembered (X010): read-only.
func doubledSequences(v string) doubled { return doubleds.get(v, decodeDoubled) }

// contextWords is decodeContextWords remembered (X012): read-only.
func contextWords(v string) map[string]bool { return contexts.get(v, decodeContextWords) }

// weakWords is decodeWeakWords remembered (X015): read-only.
func weakWords(v string) weakSet { return weakSets.get(v, decodeWeakWords) }

// quoteStyleOf is decodeQuoteStyle remembered (X018): read-only.
func quoteStyleOf(v string) quoteStyle { return styles.get(v, decodeQuoteStyle) }

// quoteCharSet is decodeQuoteCharSet remembered: read-only.
func quoteCharSet(v string) *runeSet { return quoteSets.get(v, decodeQuoteCharSet) }
