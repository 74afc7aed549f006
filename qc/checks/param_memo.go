package checks

import "github.com/exportqc/exportqc/qc/internal/memo"

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
type paramMemo[T any] = memo.Bounded[string, T]

const paramMemoSize = 512

// decoded is a decoder's answer with its error, as one memo value.
type decoded[T any] struct {
	v   T
	err error
}

var (
	runeSets  = paramMemo[*runeSet]{Limit: paramMemoSize}
	runeLists = paramMemo[decoded[map[rune]bool]]{Limit: paramMemoSize}
	quotes    = paramMemo[quoteParams]{Limit: paramMemoSize}
	sequences = paramMemo[[]string]{Limit: paramMemoSize}
	doubleds  = paramMemo[doubled]{Limit: paramMemoSize}
	contexts  = paramMemo[map[string]bool]{Limit: paramMemoSize}
	weakSets  = paramMemo[weakSet]{Limit: paramMemoSize}
)

// newRuneSet returns the set of the characters of chars (read-only).
func newRuneSet(chars string) *runeSet { return runeSets.Get(chars, buildRuneSet) }

// parseRuneList is decodeRuneList remembered: its map is read-only.
func parseRuneList(s string) (map[rune]bool, error) {
	d := runeLists.Get(s, func(s string) decoded[map[rune]bool] {
		v, err := decodeRuneList(s)
		return decoded[map[rune]bool]{v, err}
	})
	return d.v, d.err
}

// quoteParamsOf is decodeQuoteParams remembered: read-only.
func quoteParamsOf(s string) quoteParams { return quotes.Get(s, decodeQuoteParams) }

// parseQuotePairs is decodeQuotePairs remembered: its slice is read-only.
func parseQuotePairs(s string) ([]quotePair, error) {
	q := quoteParamsOf(s)
	return q.pairs, q.err
}

// sequenceList is decodeSequences remembered: its slice is read-only.
func sequenceList(v string) []string { return sequences.Get(v, decodeSequences) }

// doubledSequences is decodeDoubled remembered (X010): read-only.
func doubledSequences(v string) doubled { return doubleds.Get(v, decodeDoubled) }

// contextWords is decodeContextWords remembered (X012): read-only.
func contextWords(v string) map[string]bool { return contexts.Get(v, decodeContextWords) }

// weakWords is decodeWeakWords remembered (X015): read-only.
func weakWords(v string) weakSet { return weakSets.Get(v, decodeWeakWords) }

// quoteStyleOf is what X018 accepts of a pairs value, remembered: read-only.
func quoteStyleOf(v string) quoteStyle { return quoteParamsOf(v).style }

// quoteCharSet is the set of a pairs value's marks and doubleQuotes,
// remembered: read-only.
func quoteCharSet(v string) *runeSet { return quoteParamsOf(v).chars }
