package audit_test

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/gen"
	"github.com/exportqc/exportqc/qc/rule"
)

// TestGeneratedTreeDefectsAllFound audits a small generated tree and
// compares, member by member and rule by rule, what the audit found with
// the defects the generator seeded (EXPECTED.json): every seeded defect is
// found, exactly once, and nothing else fails.
func TestGeneratedTreeDefectsAllFound(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and audits a tree")
	}
	root := filepath.Join(t.TempDir(), "audit")
	exp, err := gen.AuditTree(root, gen.AuditOptions{Members: 4, Episodes: 150, Programmes: 10,
		Languages: 4, Seed: 1, DefectRate: 0.08, Cues: 80, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	for kind, n := range exp.Totals.Defects.ByKind() {
		if n == 0 {
			t.Fatalf("no %s defect seeded: the test needs every kind (change the seed)", kind)
		}
	}
	out := filepath.Join(t.TempDir(), "audit.json")
	code, _, stderr := run(t, "audit", root, "--config", emptyConfig(t), "-q", "--no-db", "--report", "json="+out)
	if code > 1 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	a := readAudit(t, out)

	// Found, per member and rule, not counting what the generator does not
	// seed (info-level advisories such as T006). The generator counts a
	// missing language once per episode; D001 reports it once per territory
	// requiring it (English for GB and SG), so D001s count by episode and
	// language, the part of the message before the territory.
	found := map[string]map[string]int{}
	for _, d := range a.Deliveries {
		if found[d.Member] == nil {
			found[d.Member] = map[string]int{}
		}
		missing := map[string]bool{}
		for _, f := range d.Findings {
			if f.Severity < rule.Warning {
				continue
			}
			if f.Rule == "D001" {
				what, _, _ := strings.Cut(f.Message, ", which territory")
				if missing[what] {
					continue
				}
				missing[what] = true
			}
			found[d.Member][f.Rule]++
		}
	}
	for _, m := range exp.Members {
		want := map[string]int{}
		for kind, n := range m.Totals.Defects.ByKind() {
			if n > 0 {
				want[gen.DefectRules[kind]] += n
			}
		}
		got := found[m.Slug]
		if got == nil {
			got = map[string]int{}
		}
		codes := map[string]bool{}
		for c := range want {
			codes[c] = true
		}
		for c := range got {
			codes[c] = true
		}
		var diffs []string
		for c := range codes {
			if got[c] != want[c] {
				diffs = append(diffs, c+": found "+itoa(got[c])+", seeded "+itoa(want[c]))
			}
		}
		sort.Strings(diffs)
		if len(diffs) > 0 {
			t.Errorf("member %s:\n  %s", m.Slug, strings.Join(diffs, "\n  "))
		}
		// A delivery passes at --fail-on error when its only seeded defects
		// are reading speeds (T005 is a warning in the netflix profile).
		passing := 0
		for _, d := range m.Deliveries {
			if d.Defects.Total() == d.Defects.TooFast {
				passing++
			}
		}
		s := member(t, a, m.Slug)
		if s.Deliveries != m.Totals.Deliveries || s.Episodes != m.Totals.Episodes || s.Files != m.Totals.FilesOnDisk ||
			s.Programmes != m.Totals.Programmes || s.PassedDeliveries != passing {
			t.Errorf("member %s scorecard %d deliveries/%d programmes/%d episodes/%d files/%d passed, generator says %+v",
				m.Slug, s.Deliveries, s.Programmes, s.Episodes, s.Files, s.PassedDeliveries, m.Totals)
		}
	}
	if a.Totals.Episodes != exp.Totals.Episodes || a.Totals.Files != exp.Totals.FilesOnDisk {
		t.Errorf("body: %d episodes, %d files; generator: %d, %d", a.Totals.Episodes, a.Totals.Files,
			exp.Totals.Episodes, exp.Totals.FilesOnDisk)
	}
}
