package engine

import (
	"cmp"
	"math"
	"slices"

	"github.com/exportqc/exportqc/qc/rule"
)

// oneFileOrder is reportOrder for the usual case, the findings of one
// file whose cue and line numbers fit in 32 bits (ok is false otherwise,
// and the general comparison is used). Report order is then cue, line,
// rule, message: cue and line are packed into one number sorted beside
// each finding's index, so most comparisons (findings of different cues)
// read neither the findings nor their strings. A dense file's sort was
// most of the cost of handing its result over.
func oneFileOrder(fs []rule.Finding) ([]int32, bool) {
	if len(fs) == 0 || len(fs) > math.MaxInt32 {
		return nil, false
	}
	keys := make([]cueLineKey, len(fs))
	file := fs[0].File
	for i := range fs {
		f := &fs[i]
		if f.File != file || f.Cue != int(int32(f.Cue)) || f.Line != int(int32(f.Line)) {
			return nil, false
		}
		keys[i] = cueLineKey{at: packCueLine(f.Cue, f.Line), i: int32(i)}
	}
	slices.SortFunc(keys, func(a, b cueLineKey) int {
		if a.at != b.at {
			return cmp.Compare(a.at, b.at)
		}
		x, y := &fs[a.i], &fs[b.i]
		if c := cmp.Compare(x.Rule, y.Rule); c != 0 {
			return c
		}
		if c := cmp.Compare(x.Message, y.Message); c != 0 {
			return c
		}
		return cmp.Compare(a.i, b.i) // ties keep their order: the sort is stable
	})
	order := make([]int32, len(fs))
	for k := range keys {
		order[k] = keys[k].i
	}
	return order, true
}

// cueLineKey is one finding's place in the order: cue and line, then index.
type cueLineKey struct {
	at uint64
	i  int32
}

// packCueLine orders (cue, line) pairs of 32-bit signed numbers as one
// unsigned number: flipping the sign bit makes each half sort as unsigned.
func packCueLine(c, line int) uint64 {
	return uint64(uint32(c)^1<<31)<<32 | uint64(uint32(line)^1<<31)
}
