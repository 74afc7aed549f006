package engine

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/exportqc/exportqc/qc/rule"
)

// sortFindings gives what a stable sort in report order gives, for
// findings in any order with many ties (same cue, rule and message: their
// Expected tells them apart, so a lost or swapped tie shows).
func TestSortFindingsIsAStableSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 3, 10, 100, 1000} {
		fs := make([]rule.Finding, n)
		for i := range fs {
			fs[i] = rule.Finding{File: "a.srt", Cue: rng.IntN(8), Line: rng.IntN(3),
				Rule: "T00" + strconv.Itoa(rng.IntN(3)), Message: "m" + strconv.Itoa(rng.IntN(2)),
				Expected: strconv.Itoa(i)}
		}
		want := slices.Clone(fs)
		slices.SortStableFunc(want, compareFindings)
		// What a worker keeps of a file: a sorted copy, the buffer as it was.
		unsorted := slices.Clone(fs)
		copied := sortedCopy(fs)
		if len(copied) != n || n == 0 && copied != nil || !slices.EqualFunc(fs, unsorted, sameFinding) {
			t.Fatalf("n=%d: sortedCopy gave %d findings (nil %v) or changed its input", n, len(copied), copied == nil)
		}
		sortFindings(fs)
		for i := range fs {
			if fs[i].Expected != want[i].Expected {
				t.Fatalf("n=%d: position %d holds finding %s, want %s", n, i, fs[i].Expected, want[i].Expected)
			}
			if copied[i].Expected != want[i].Expected {
				t.Fatalf("n=%d: sortedCopy's position %d holds finding %s, want %s", n, i, copied[i].Expected, want[i].Expected)
			}
		}
	}
}

func sameFinding(a, b rule.Finding) bool { return a.Expected == b.Expected }
