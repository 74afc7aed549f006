package engine

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/exportqc/exportqc/qc/rule"
)

// fileResult.add counts each rule's kept findings only when the rule
// changes; the plain count, one map entry per finding, must agree on
// which findings are kept and how many of each rule are dropped, for
// rules reported in runs (as they are) and interleaved (as nothing
// forbids).
func TestAddKeepsWhatAPlainCountKeeps(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for round := range 300 {
		perRule := 1 + rng.IntN(6)
		var fs []rule.Finding
		for len(fs) < rng.IntN(80) {
			code := "T00" + strconv.Itoa(rng.IntN(4))
			if round%3 == 0 {
				code = "" // a finding without a code counts like any other
			}
			for range 1 + rng.IntN(12) {
				fs = append(fs, rule.Finding{Rule: code, Expected: strconv.Itoa(len(fs)), More: rng.IntN(3)})
			}
		}
		got := fileResult{perRule: perRule}
		for _, f := range fs {
			got.add(f)
		}
		wantKept, wantDropped := plainAdd(fs, perRule)
		if !slices.EqualFunc(got.findings, wantKept, sameFinding) {
			t.Fatalf("round %d: kept %d findings, the plain count keeps %d", round, len(got.findings), len(wantKept))
		}
		if len(got.over) != len(wantDropped) {
			t.Fatalf("round %d: %d rules over the cap, want %d", round, len(got.over), len(wantDropped))
		}
		for _, o := range got.over {
			if o.dropped != wantDropped[o.last.Rule] {
				t.Fatalf("round %d: rule %q dropped %d, want %d", round, o.last.Rule, o.dropped, wantDropped[o.last.Rule])
			}
		}
	}
}

// plainAdd is the per-rule cap as first written: a map look-up and
// update for every finding.
func plainAdd(fs []rule.Finding, perRule int) ([]rule.Finding, map[string]int) {
	kept, dropped := map[string]int{}, map[string]int{}
	var out []rule.Finding
	for _, f := range fs {
		if kept[f.Rule] >= perRule {
			dropped[f.Rule] += 1 + f.More
			continue
		}
		kept[f.Rule]++
		out = append(out, f)
	}
	return out, dropped
}

// dropRepeatedNotes moves findings only from the first one it drops; what
// it keeps, across several files sharing one record of notes given, is
// what a plain filter appending each kept finding keeps.
func TestDropRepeatedNotesMatchesAPlainFilter(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	once := []string{"S000", "S009"}
	for round := range 400 {
		seen, plainSeen := map[string]bool{}, map[string]bool{}
		for file := range 1 + rng.IntN(4) {
			var fs []rule.Finding
			for i := range rng.IntN(30) {
				code := []string{"T001", "S000", "S009", "L001"}[rng.IntN(4)]
				fs = append(fs, rule.Finding{Rule: code, Message: "m" + strconv.Itoa(rng.IntN(3)), Expected: strconv.Itoa(i)})
			}
			want := plainDrop(once, slices.Clone(fs), plainSeen)
			got := dropRepeatedNotes(once, fs, seen)
			if !slices.EqualFunc(got, want, sameFinding) || !slices.EqualFunc(got, want, func(a, b rule.Finding) bool { return a.Rule == b.Rule && a.Message == b.Message }) {
				t.Fatalf("round %d file %d: kept %d findings, the plain filter keeps %d", round, file, len(got), len(want))
			}
			for i := len(got); i < len(fs); i++ {
				if fs[i].Rule != "" || fs[i].Message != "" || fs[i].Expected != "" {
					t.Fatalf("round %d file %d: dropped slot %d still holds a finding", round, file, i)
				}
			}
		}
	}
}

func plainDrop(once []string, fs []rule.Finding, seen map[string]bool) []rule.Finding {
	var kept []rule.Finding
	for _, f := range fs {
		if slices.Contains(once, f.Rule) {
			if seen[f.Rule+"\x00"+f.Message] {
				continue
			}
			seen[f.Rule+"\x00"+f.Message] = true
		}
		kept = append(kept, f)
	}
	return kept
}
