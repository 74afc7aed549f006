package engine

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
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

// The order built from packed cue and line numbers (one file, numbers that
// fit the packed fields) and the general one agree with a stable sort,
// including for negative numbers, numbers past the fields and findings of
// several files, which the general comparison orders.
func TestReportOrderPackedAndGeneral(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	big := []int{-1 << 40, -1 << 31, -5, -1, 0, 1, 2, 7, 1<<31 - 1, 1 << 31, 1 << 40}
	cases := map[string]func(i int) rule.Finding{
		"one file, small": func(i int) rule.Finding {
			return rule.Finding{File: "a.srt", Cue: rng.IntN(6), Line: rng.IntN(3)}
		},
		"one file, signed 32-bit": func(i int) rule.Finding {
			return rule.Finding{File: "a.srt", Cue: big[1+rng.IntN(len(big)-4)], Line: big[1+rng.IntN(len(big)-4)]}
		},
		"one file, past 32 bits": func(i int) rule.Finding {
			return rule.Finding{File: "a.srt", Cue: big[rng.IntN(len(big))], Line: rng.IntN(3)}
		},
		"one file, at the packed key's bounds": func(i int) rule.Finding {
			return rule.Finding{File: "a.srt", Cue: []int{0, 1, packedCueMax - 1, packedCueMax}[rng.IntN(4)],
				Line: []int{0, 2, packedLineMax - 1, packedLineMax}[rng.IntN(4)]}
		},
		"one file, past the packed key's bounds": func(i int) rule.Finding {
			return rule.Finding{File: "a.srt", Cue: []int{0, packedCueMax, packedCueMax + 1}[rng.IntN(3)],
				Line: []int{0, packedLineMax, packedLineMax + 1}[rng.IntN(3)]}
		},
		"one file, packed": func(i int) rule.Finding {
			return rule.Finding{File: "a.srt", Cue: rng.IntN(4), Line: []int{0, 1, packedLineMax}[rng.IntN(3)]}
		},
		"several files": func(i int) rule.Finding {
			return rule.Finding{File: []string{"b.srt", "a.srt", "c.srt"}[rng.IntN(3)], Cue: rng.IntN(4), Line: rng.IntN(2)}
		},
	}
	for name, gen := range cases {
		fs := make([]rule.Finding, 300)
		for i := range fs {
			fs[i] = gen(i)
			fs[i].Rule = "T00" + strconv.Itoa(rng.IntN(3))
			fs[i].Message = "m" + strconv.Itoa(rng.IntN(2))
			fs[i].Expected = strconv.Itoa(i)
		}
		want := slices.Clone(fs)
		slices.SortStableFunc(want, compareFindings)
		orders := map[string][]int32{"reportOrder": reportOrder(fs)}
		if strings.Contains(name, "packed") && !strings.Contains(name, "past") {
			orders["packedOrder"] = (*orderBufs)(nil).packedOrder(fs) // what reportOrder takes for them
		}
		for by, order := range orders {
			for k, i := range order {
				if fs[i].Expected != want[k].Expected {
					t.Fatalf("%s, %s: position %d holds finding %s, want %s", name, by, k, fs[i].Expected, want[k].Expected)
				}
			}
		}
	}
}

// BenchmarkSortedCopy hands over a dense file's findings as its rules
// produce them: each rule in cue order, the rules one after another.
func BenchmarkSortedCopy(b *testing.B) {
	var fs []rule.Finding
	for r, code := range []string{"T001", "T005", "L001", "T003"} {
		for c := r; c < 600; c += 3 {
			fs = append(fs, rule.Finding{Rule: code, File: "season1/episode001.de.srt", Cue: c, Line: 4*c + 1,
				Message: "cue is on screen for 0.501 s, less than the minimum 0.833 s"})
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		sortedCopy(fs)
	}
}

// sortedCopy is sortedInto a new array: the tests' way to order a file's
// findings.
func sortedCopy(fs []rule.Finding) []rule.Finding { return sortedInto(nil, fs, nil) }
