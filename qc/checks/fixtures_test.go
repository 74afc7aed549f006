package checks_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/audit"
	"github.com/exportqc/exportqc/qc/checks"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
	"github.com/exportqc/exportqc/qc/rule"
)

var update = flag.Bool("update", false, "rewrite the rule fixtures' .want files from the current output")

// Rule fixtures (fixtures/rules/<CODE>/): every case there, a subtitle file
// or a folder (a delivery with its manifest, or loose files), is checked
// by the engine with the shipped packs' defaults; its findings must be
// exactly those in the sidecar <case>.want, one "LINE CUE RULE" per line,
// and include the folder's rule. In a folder case, waivers.yaml is the
// run's waiver file, .variants lists pack variants to apply and .enable
// rules to enable (one a line), when they are there. A case's shot-change
// list (--shot-changes) is its sidecar <case stem>.shotchanges, or
// .shotchanges inside a folder case; a folder case with a
// .note-shot-changes file asks for the note on files without one (T013),
// as exportqc check does. A folder case holding a members.yaml is an
// audit case: the folder is audited as exportqc audit --members does (it
// is the root, members.yaml its members file; .variants and .enable apply,
// waivers.yaml is refused), and the keys are those of every delivery's
// findings in plan order, then the audit's notes: that is how the rules
// about an audit's plan (B001–B004) are tested. Cases
// under fixtures/rules/ok/ must produce no finding at all.
func TestRuleFixtures(t *testing.T) {
	root := filepath.Join(testcorpus.RepoRoot(t), "fixtures", "rules")
	cases, err := filepath.Glob(filepath.Join(root, "*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, c := range cases {
		if strings.HasSuffix(c, ".want") || strings.HasSuffix(c, ".shotchanges") {
			continue
		}
		rel, _ := filepath.Rel(root, c)
		dir := filepath.Dir(rel)
		t.Run(filepath.ToSlash(rel), func(t *testing.T) {
			got := findingKeys(t, c)
			for _, k := range got {
				seen[strings.Fields(k)[2]] = true
			}
			if dir == "ok" {
				if len(got) > 0 {
					t.Errorf("clean case produced findings:\n%s", strings.Join(got, "\n"))
				}
				return
			}
			wantFile := c + ".want"
			if *update {
				os.WriteFile(wantFile, []byte(strings.Join(got, "\n")+"\n"), 0o644)
			}
			data, err := os.ReadFile(wantFile)
			if err != nil {
				t.Fatalf("missing %s (run go test ./qc/checks -run TestRuleFixtures -update, then review it)", wantFile)
			}
			var want []string
			for _, l := range strings.Split(string(data), "\n") {
				if l = strings.TrimSpace(l); l != "" {
					want = append(want, l)
				}
			}
			if g, w := strings.Join(got, " | "), strings.Join(want, " | "); g != w {
				t.Errorf("findings differ\n got: %s\nwant: %s", g, w)
			}
			if !containsRule(got, dir) {
				t.Errorf("case in %s/ does not trigger %s", dir, dir)
			}
		})
	}
	// Every registered rule has a case that triggers it: a rule nobody can
	// make fire is a rule nobody tested.
	for _, r := range checks.All() {
		if !seen[r.Code] {
			t.Errorf("no fixture triggers %s (add fixtures/rules/%s/)", r.ID(), r.Code)
		}
	}
}

func containsRule(keys []string, code string) bool {
	for _, k := range keys {
		if strings.Fields(k)[2] == code {
			return true
		}
	}
	return false
}

// findingKeys checks one case and returns "LINE CUE RULE" for each
// finding, in report order.
func findingKeys(t *testing.T, path string) []string {
	t.Helper()
	var r run
	if p := filepath.Join(path, "waivers.yaml"); exists(p) {
		r.waivers = p
	}
	if data, err := os.ReadFile(filepath.Join(path, ".variants")); err == nil {
		r.variants = strings.Fields(string(data))
	}
	if data, err := os.ReadFile(filepath.Join(path, ".enable")); err == nil {
		// Rules no shipped pack turns on (X017) are enabled as --enable would.
		r.flags.Enable = strings.Fields(string(data))
	}
	for _, p := range []string{strings.TrimSuffix(path, filepath.Ext(path)) + ".shotchanges", filepath.Join(path, ".shotchanges")} {
		if exists(p) {
			r.shotChanges = p
		}
	}
	r.noteShots = exists(filepath.Join(path, ".note-shot-changes"))
	if members := filepath.Join(path, "members.yaml"); exists(members) {
		return auditKeys(t, r, path, members)
	}
	rep := check(t, r, checks.All(), path)
	keys := make([]string, 0, len(rep.Findings))
	failed := false
	for _, f := range rep.Findings {
		keys = append(keys, fmt.Sprintf("%d %d %s", f.Line, f.Cue, f.Rule))
		failed = failed || (f.Waived == nil && f.Severity >= rule.Error)
	}
	if rep.Summary.Passed == failed {
		t.Errorf("verdict passed=%v does not match the findings' severities", rep.Summary.Passed)
	}
	return keys
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// auditKeys audits root with the members file members as exportqc audit
// does (no waivers, no history) and returns "LINE CUE RULE" for each
// finding: the deliveries' in plan order, then the notes.
func auditKeys(t *testing.T, r run, root, members string) []string {
	t.Helper()
	if r.waivers != "" {
		t.Fatal("an audit case takes no waivers.yaml: the harness does not apply waivers to an audit")
	}
	ms, err := audit.LoadMembers(members, root)
	if err != nil {
		t.Fatal(err)
	}
	res, err := audit.Run(context.Background(), audit.Options{Root: root, Members: ms, FailOn: rule.Error,
		Engine: engineOptions(t, r, checks.All()), SpillDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer res.Close()
	var keys []string
	failed := false
	add := func(f *audit.Finding) {
		keys = append(keys, fmt.Sprintf("%d %d %s", f.Line, f.Cue, f.Rule))
		failed = failed || (f.Waived == nil && f.Severity >= rule.Error)
	}
	for i := range res.Audit.Deliveries {
		fs, err := res.Audit.Deliveries[i].FindingList() // from the spill file
		if err != nil {
			t.Fatal(err)
		}
		for j := range fs {
			add(&fs[j])
		}
	}
	for i := range res.Audit.Notes {
		add(&res.Audit.Notes[i])
	}
	if res.Audit.Passed == failed {
		t.Errorf("verdict passed=%v does not match the findings' severities", res.Audit.Passed)
	}
	return keys
}
