package report

import (
	"math/rand/v2"
	"reflect"
	"strconv"
	"testing"

	"github.com/exportqc/exportqc/qc/rule"
)

// The text digest's per-file line, verdict, counts and closing per-rule
// table, built from one tally per file, are what the plain passes over
// the findings give: random files of findings with rules interleaved and
// in runs, names sometimes missing, More positive and negative, and
// severities past error.
func TestRuleTallyMatchesPlainPasses(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	for round := range 300 {
		var got, want digestCounts
		plain := plainDigest{index: map[string]int{}}
		for file := range 1 + rng.IntN(6) {
			path := "f" + strconv.Itoa(file) + ".srt"
			var fs []rule.Finding
			for len(fs) < 1+rng.IntN(40) {
				code := "T00" + strconv.Itoa(rng.IntN(5))
				for range 1 + rng.IntN(4) {
					f := rule.Finding{Rule: code, File: path, Severity: rule.Severity(rng.IntN(4)), More: rng.IntN(5) - 1}
					if rng.IntN(3) > 0 {
						f.Name = "name-" + code + "-" + strconv.Itoa(rng.IntN(2))
					}
					fs = append(fs, f)
				}
			}
			var c rule.Counts
			failed := false
			for i := range fs {
				c.AddFinding(&fs[i])
				failed = failed || fs[i].Severity >= rule.Warning
			}
			got.tally = tallyRules(got.tally, fs)
			gotC, worst := tallyCounts(got.tally)
			if gotC != c || (worst >= rule.Warning) != failed {
				t.Fatalf("round %d file %d: counts %+v worst %v, want %+v failed %v", round, file, gotC, worst, c, failed)
			}
			if g, w := severityCountsByRule(got.tally), plainSeverityCountsByRule(fs); g != w {
				t.Fatalf("round %d file %d: %q, want %q", round, file, g, w)
			}
			for _, limit := range []int{0, 1, 3, 5, len(fs)} {
				shown := firstFindings(fs, limit)
				gn, grc := notShownByRule(got.tally, fs, shown)
				wn, wrc := notShownCounts(fs, shown)
				if gn != wn || !reflect.DeepEqual(grc, wrc) {
					t.Fatalf("round %d file %d limit %d: %d not shown %v, want %d %v", round, file, limit, gn, grc, wn, wrc)
				}
			}
			got.addRules(path, gotC, got.tally)
			want.add(path, c, fs) // the same tally, through the entry the other writers use
			plain.add(fs)
		}
		if g, w := got.ruleStats(), plain.ruleStats(); !reflect.DeepEqual(g, w) || !reflect.DeepEqual(want.ruleStats(), w) {
			t.Fatalf("round %d: rule table\n%+v\nwant\n%+v", round, g, w)
		}
	}
}

// plainSeverityCountsByRule is the per-file line as first written: one
// pass for the counts, then one filtered count by rule per severity.
func plainSeverityCountsByRule(fs []rule.Finding) string {
	var n [3]int
	for i := range fs {
		n[sevIndex(fs[i].Severity)] += fs[i].Problems()
	}
	out := ""
	for _, k := range []int{2, 1, 0} {
		if n[k] == 0 {
			continue
		}
		one, many := [3]string{"info", "warning", "error"}[k], [3]string{"info", "warnings", "errors"}[k]
		rc := countRulesWhere(fs, func(_ int, f *rule.Finding) bool { return sevIndex(f.Severity) == k })
		if out != "" {
			out += ", "
		}
		out += count(n[k], one, many) + " (" + ruleCountsPhrase(rc, 0) + ")"
	}
	return out
}

// plainDigest is the per-rule table as first written: two map look-ups
// for each finding.
type plainDigest struct {
	rules []ruleStat
	index map[string]int
}

func (d *plainDigest) add(fs []rule.Finding) {
	seen := map[string]bool{}
	for _, f := range fs {
		k, ok := d.index[f.Rule]
		if !ok {
			k = len(d.rules)
			d.index[f.Rule] = k
			d.rules = append(d.rules, ruleStat{Code: f.Rule, Name: f.Name, Severity: f.Severity})
		}
		s := &d.rules[k]
		s.Count += 1 + f.More
		s.Severity = max(s.Severity, f.Severity)
		if s.Name == "" {
			s.Name = f.Name
		}
		if !seen[f.Rule] {
			seen[f.Rule] = true
			s.Files++
		}
	}
}

func (d *plainDigest) ruleStats() []ruleStat {
	out := append([]ruleStat(nil), d.rules...)
	sortRuleStats(out)
	return out
}
