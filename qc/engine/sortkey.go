package engine

import (
	"cmp"
	"math"
	"slices"

	"github.com/exportqc/exportqc/qc/rule"
)

// oneFileOrder is reportOrder for the usual case, the findings of one
// file whose cue and line numbers are not negative and fit packedOrder's
// fields (ok is false otherwise, and the general comparison is used). Report order is then cue, line,
// rule, message: cue and line are packed into one number sorted beside
// each finding's index, so most comparisons (findings of different cues)
// read neither the findings nor their strings. A dense file's sort was
// most of the cost of handing its result over.
func (o *orderBufs) oneFileOrder(fs []rule.Finding) ([]int32, bool) {
	if len(fs) == 0 || len(fs) > math.MaxInt32 {
		return nil, false
	}
	file := fs[0].File
	packs := len(fs) <= packedIndexMask+1
	for i := range fs {
		f := &fs[i]
		if f.File != file {
			return nil, false
		}
		packs = packs && uint(f.Cue) <= packedCueMax && uint(f.Line) <= packedLineMax
	}
	if !packs {
		return nil, false // negative or huge numbers: the general comparison
	}
	return o.packedOrder(fs), true
}

// How packedOrder shares 64 bits: cue, line, then the finding's index.
// The cue field holds the largest cue number a file can have (the cue
// limit, a million); a file with more lines or findings takes the
// general comparison.
const (
	packedIndexBits = 20
	packedLineBits  = 24
	packedIndexMask = 1<<packedIndexBits - 1
	packedLineMax   = 1<<packedLineBits - 1
	packedCueMax    = 1<<(64-packedLineBits-packedIndexBits) - 1
)

// packedOrder is oneFileOrder for findings whose cue and line numbers are
// not negative and, with their count, small enough to share one number
// with each finding's index: the numbers then sort as plain integers, with
// no comparison function, and only findings at the same cue and line (a
// few at a time) are put in rule and message order afterwards.
func (o *orderBufs) packedOrder(fs []rule.Finding) []int32 {
	keys := o.keysOf(len(fs))
	for i := range fs {
		f := &fs[i]
		keys[i] = (uint64(f.Cue)<<packedLineBits|uint64(f.Line))<<packedIndexBits | uint64(i)
	}
	slices.Sort(keys)
	order := o.orderOf(len(fs))
	for k, key := range keys {
		order[k] = int32(key & packedIndexMask)
	}
	for start := 0; start < len(keys); {
		end := start + 1
		for end < len(keys) && keys[end]>>packedIndexBits == keys[start]>>packedIndexBits {
			end++
		}
		if end-start > 1 {
			slices.SortFunc(order[start:end], func(a, b int32) int {
				x, y := &fs[a], &fs[b]
				if c := cmp.Compare(x.Rule, y.Rule); c != 0 {
					return c
				}
				if c := cmp.Compare(x.Message, y.Message); c != 0 {
					return c
				}
				return cmp.Compare(a, b) // ties keep their order: the sort is stable
			})
		}
		start = end
	}
	return order
}
