package audit_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/audit"
	"github.com/exportqc/exportqc/qc/cli"
)

// want is one member's scorecard as fixtures/audit/EXPECTED.md states it.
type want struct {
	display                                  string
	deliveries, passed, programmes, episodes int
	files, cues, errors, warnings            int
	coverage                                 string // "" for none
	top                                      string // "D004×2 D005×1"
	territories                              string // "DE 1/1 FR 2/2"
}

var fixtureWant = map[string]want{
	"northlight": {"Northlight Pictures", 2, 2, 2, 3, 6, 30, 0, 0, "100.0", "", "DE 1/1 FR 2/2"},
	"southbank":  {"Southbank Media", 1, 0, 1, 3, 7, 35, 2, 0, "66.7", "D001×2", "DE 2/3 FR 2/3"},
	"eastgate":   {"Eastgate Studios", 1, 0, 1, 2, 4, 21, 3, 0, "100.0", "D004×2 D005×1", "FR 2/2"},
}

func pct(p *audit.Percent) string {
	if p == nil {
		return ""
	}
	s := p.String()
	return strings.TrimSuffix(s, "%")
}

func TestFixtureAudit(t *testing.T) {
	root := fixtureCopy(t)
	cfg := emptyConfig(t)
	for _, layout := range []string{"folders", "members.yaml"} {
		t.Run(layout, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "audit.json")
			args := []string{"audit", root, "--config", cfg, "-q", "--no-db", "--report", "json=" + out}
			if layout == "members.yaml" {
				args = append(args, "--members", filepath.Join(root, "members.yaml"))
			}
			code, _, stderr := run(t, args...)
			if code != cli.ExitFail {
				t.Fatalf("exit %d, want %d (two deliveries fail): %s", code, cli.ExitFail, stderr)
			}
			a := readAudit(t, out)
			if len(a.Members) != 3 {
				t.Fatalf("%d members, want 3", len(a.Members))
			}
			for name, w := range fixtureWant {
				m := member(t, a, name)
				display := name
				if layout == "members.yaml" {
					display = w.display
				}
				var top []string
				for _, r := range m.TopRules {
					top = append(top, r.Rule+"×"+itoa(r.Count))
				}
				var terr []string
				for _, c := range m.Territories {
					terr = append(terr, c.Territory+" "+itoa(c.Covered)+"/"+itoa(c.Slots))
				}
				got := want{m.DisplayName, m.Deliveries, m.PassedDeliveries, m.Programmes, m.Episodes, m.Files, m.Cues,
					m.Errors, m.Warnings, pct(m.Coverage), strings.Join(top, " "), strings.Join(terr, " ")}
				w.display = display
				if got != w {
					t.Errorf("%s:\n got %+v\nwant %+v", name, got, w)
				}
				if m.FailedDeliveries != m.Deliveries-m.PassedDeliveries {
					t.Errorf("%s: failed %d + passed %d != %d deliveries", name, m.FailedDeliveries, m.PassedDeliveries, m.Deliveries)
				}
			}
			tot := a.Totals
			if tot.Members != 3 || tot.Deliveries != 4 || tot.PassedDeliveries != 2 || pct(tot.PassRate) != "50.0" ||
				tot.Programmes != 4 || tot.Episodes != 8 || tot.Files != 17 || tot.Errors != 5 || pct(tot.Coverage) != "81.8" {
				t.Errorf("body totals: %+v", tot)
			}
			if !reflect.DeepEqual(tot.Ranking, []string{"northlight", "eastgate", "southbank"}) {
				t.Errorf("ranking %v", tot.Ranking)
			}
			// Exports per language: English in every episode of every
			// programme, French in 6 episodes of 3, German in 3 of 2.
			langs := map[string][2]int{}
			for _, l := range tot.Languages {
				langs[l.Language] = [2]int{l.Programmes, l.Episodes}
			}
			if !reflect.DeepEqual(langs, map[string][2]int{"en": {4, 8}, "fr": {3, 6}, "de": {2, 3}}) {
				t.Errorf("languages %v", langs)
			}
			terr := map[string]string{}
			for _, x := range tot.Territories {
				terr[x.Territory] = itoa(x.Programmes) + " prog, " + itoa(x.Episodes) + " ep, " + itoa(x.Covered) + "/" + itoa(x.Slots)
			}
			if !reflect.DeepEqual(terr, map[string]string{"FR": "3 prog, 7 ep, 6/7", "DE": "2 prog, 4 ep, 3/4"}) {
				t.Errorf("territories %v", terr)
			}
			if tot.Families["delivery"] != 5 || len(tot.Families) != 1 {
				t.Errorf("families %v", tot.Families)
			}
		})
	}
}

// TestHistoryAcrossTwoAudits records an audit, changes the tree the way a
// member's redelivery would, audits again, and checks what is new, fixed
// and unchanged per member, and what `audit history` lists.
func TestHistoryAcrossTwoAudits(t *testing.T) {
	root := fixtureCopy(t)
	cfg := emptyConfig(t)
	out := t.TempDir()
	first, second := filepath.Join(out, "first.json"), filepath.Join(out, "second.json")
	// The database goes beside the config file by default, never in or
	// next to the audited tree (issue 13).
	if code, _, stderr := run(t, "audit", root, "--config", cfg, "-q", "--report", "json="+first); code != cli.ExitFail {
		t.Fatalf("first audit: exit %d: %s", code, stderr)
	}
	db := filepath.Join(filepath.Dir(cfg), "audit.sqlite")
	if _, err := os.Stat(db); err != nil {
		t.Fatalf("no database beside the config: %v", err)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(root), "audit.sqlite")); err == nil {
		t.Error("a database was written next to the audited tree")
	}
	a1 := readAudit(t, first)
	if a1.Previous != nil || a1.Members[0].Change != nil || len(a1.Trend) != 1 {
		t.Errorf("first audit has a past: previous %+v, trend %d", a1.Previous, len(a1.Trend))
	}

	// eastgate redelivers episode 1's French file as hashed: its D004 is
	// fixed; episode 2 stays altered (D004 and D005 unchanged).
	ep1 := filepath.Join(root, "eastgate", "night-ferry-s1", "S01E01", "NightFerry_S01E01.fr.srt")
	fixed := strings.Replace(readFile(t, ep1), "Prtaons", "Partons", 1)
	// northlight's English file of episode 1 gets overlapping cues: a new
	// T003, and, the file having changed after hashing, a new D004.
	nl := filepath.Join(root, "northlight", "long-river-s1", "S01E01", "LongRiver_S01E01.en.vtt")
	overlapped := strings.Replace(readFile(t, nl), "00:00:06.000 --> 00:00:09.480", "00:00:04.000 --> 00:00:09.480", 1)
	for p, s := range map[string]string{ep1: fixed, nl: overlapped} {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// southbank renamed nothing and fixed nothing: both D001 unchanged.
	code, stdout, stderr := run(t, "audit", root, "--config", cfg, "-q", "--report", "json="+second, "--report", "text=-")
	if code != cli.ExitFail {
		t.Fatalf("second audit: exit %d: %s", code, stderr)
	}
	a2 := readAudit(t, second)
	wantChange := map[string]audit.Change{
		"northlight": {New: 2, Fixed: 0, Unchanged: 0},
		"southbank":  {New: 0, Fixed: 0, Unchanged: 2},
		"eastgate":   {New: 0, Fixed: 1, Unchanged: 2},
	}
	for name, w := range wantChange {
		m := member(t, a2, name)
		if m.Change == nil || *m.Change != w {
			t.Errorf("%s: change %+v, want %+v", name, m.Change, w)
		}
	}
	if c := a2.Totals.Change; c == nil || *c != (audit.Change{New: 2, Fixed: 1, Unchanged: 4}) {
		t.Errorf("body change %+v", c)
	}
	if p := a2.Previous; p == nil || p.Run != 1 || p.Deliveries != 4 || p.PassedDeliveries != 2 || p.Errors != 5 {
		t.Errorf("previous %+v", p)
	}
	if len(a2.Trend) != 2 || a2.Trend[0].Run != 1 || a2.Trend[1].Run != 0 || pct(a2.Trend[1].PassRate) != "25.0" {
		t.Errorf("trend %+v", a2.Trend)
	}
	if !strings.Contains(stdout, "since audit #1") || !strings.Contains(stdout, "2 new, 1 fixed, 4 unchanged") {
		t.Errorf("text report does not say what changed:\n%s", stdout)
	}

	code, stdout, stderr = run(t, "audit", "history", root, "--config", cfg)
	if code != 0 {
		t.Fatalf("audit history: exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[1], "1 ") || !strings.HasPrefix(lines[2], "2 ") ||
		!strings.Contains(lines[1], "2 (50.0%)  81.8%") || !strings.Contains(lines[2], "1 (25.0%)  "+pct(a2.Totals.Coverage)+"%") {
		t.Errorf("audit history:\n%s", stdout)
	}
}

// TestAuditExitCodes: the audit fails like check (1 on findings at or above
// --fail-on, 0 when none, 2 for usage errors).
func TestAuditExitCodes(t *testing.T) {
	root := fixtureCopy(t)
	cfg := emptyConfig(t)
	clean := filepath.Join(t.TempDir(), "clean")
	if err := os.MkdirAll(clean, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(root, "northlight"), filepath.Join(clean, "northlight")); err != nil {
		t.Fatal(err)
	}
	badMembers := filepath.Join(t.TempDir(), "members.yaml")
	if err := os.WriteFile(badMembers, []byte("members_version: 1\nmembers:\n  - name: x\n    delivery: [a]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		args []string
		want int
	}{
		{"clean member passes", []string{clean}, cli.ExitPass},
		{"defects fail", []string{root}, cli.ExitFail},
		{"disabled rules pass", []string{root, "--disable", "D001,D004,D005"}, cli.ExitPass},
		{"severity lowered passes", []string{root, "--severity", "D001=warning", "--severity", "D004=warning", "--severity", "D005=info"}, cli.ExitPass},
		{"lowered fails at fail-on warning", []string{root, "--severity", "D001=warning", "--severity", "D004=warning", "--severity", "D005=info", "--fail-on", "warning"}, cli.ExitFail},
		{"no root", []string{}, cli.ExitUsage},
		{"no such root", []string{filepath.Join(root, "nope")}, cli.ExitUsage},
		{"bad members file", []string{root, "--members", badMembers}, cli.ExitUsage},
		{"bad shard", []string{root, "--shard", "3/2", "--report", "json=-"}, cli.ExitUsage},
		{"bad report format", []string{root, "--report", "pdf=x.pdf"}, cli.ExitUsage},
		{"unknown territory", []string{root, "--territory", "XX-NOPE"}, cli.ExitUsage},
	} {
		t.Run(c.name, func(t *testing.T) {
			args := append([]string{"audit", "--config", cfg, "-q", "--no-db"}, c.args...)
			if code, _, stderr := run(t, args...); code != c.want {
				t.Errorf("exit %d, want %d: %s", code, c.want, stderr)
			}
		})
	}
}

// TestAuditWaivers: a waiver file accepts findings as in check (they stay,
// marked, and count as waived, not as errors), by rule and file glob or by
// the fingerprint the audit report prints, and an unused waiver is a note.
func TestAuditWaivers(t *testing.T) {
	root := fixtureCopy(t)
	cfg := emptyConfig(t)
	first := filepath.Join(t.TempDir(), "first.json")
	run(t, "audit", root, "--config", cfg, "-q", "--no-db", "--report", "json="+first)
	var fp string
	for _, d := range readAudit(t, first).Deliveries {
		for _, f := range d.Findings {
			if f.Rule == "D001" && strings.Contains(f.Message, "episode 2") {
				fp = f.Fingerprint
			}
		}
	}
	if fp == "" {
		t.Fatal("no D001 for southbank's episode 2")
	}
	waivers := filepath.Join(t.TempDir(), "waivers.yaml")
	src := "waivers:\n" +
		"  - rule: size-mismatch\n    file: \"night-ferry-s1/manifest.yaml\"\n    reason: manifest size corrected in the delivery note\n" +
		"  - rule: T001\n    reason: nothing to waive here\n" +
		"  - fingerprint: " + fp + "\n    reason: French subtitles of episode 2 follow next month\n    expires: 2999-12-31\n"
	if err := os.WriteFile(waivers, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "audit.json")
	code, _, stderr := run(t, "audit", root, "--config", cfg, "-q", "--no-db", "--waivers", waivers, "--report", "json="+out)
	if code != cli.ExitFail {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	a := readAudit(t, out)
	east, south := member(t, a, "eastgate"), member(t, a, "southbank")
	if east.Errors != 2 || east.Waived != 1 || south.Errors != 1 || south.Waived != 1 || a.Totals.Waived != 2 || a.Totals.Errors != 3 {
		t.Errorf("eastgate %d errors %d waived, southbank %d errors %d waived, body %d/%d",
			east.Errors, east.Waived, south.Errors, south.Waived, a.Totals.Errors, a.Totals.Waived)
	}
	for _, r := range east.TopRules {
		if r.Rule == "D005" {
			t.Error("a waived finding counts in the top rules")
		}
	}
	var reasons []string
	for _, d := range a.Deliveries {
		for _, f := range d.Findings {
			if f.Waived != nil {
				reasons = append(reasons, f.Rule+": "+f.Waived.Reason+" @"+filepath.Base(f.Waived.Source))
			}
		}
	}
	want := []string{"D005: manifest size corrected in the delivery note @waivers.yaml:2",
		"D001: French subtitles of episode 2 follow next month @waivers.yaml:7"}
	if strings.Join(reasons, "|") != strings.Join(want, "|") {
		t.Errorf("waived findings %q", reasons)
	}
	if len(a.Notes) != 1 || a.Notes[0].Rule != "W001" || a.Notes[0].Line != 5 {
		t.Errorf("notes %+v, want the unused waiver of line 5", a.Notes)
	}
	// Waiving eastgate's two D004 too leaves it passing.
	more := src + "  - rule: D004\n    file: \"eastgate/**\"\n    reason: redelivered files\n"
	if err := os.WriteFile(waivers, []byte(more), 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, "audit", root, "--config", cfg, "-q", "--no-db", "--waivers", waivers, "--report", "json="+out)
	if east := member(t, readAudit(t, out), "eastgate"); east.PassedDeliveries != 1 || east.Errors != 0 || east.Waived != 3 {
		t.Errorf("eastgate with every finding waived: %+v", east)
	}
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(bad, []byte("waivers:\n  - rule: D004\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, "audit", root, "--config", cfg, "-q", "--no-db", "--waivers", bad); code != cli.ExitUsage || !strings.Contains(stderr, "bad.yaml:2") {
		t.Errorf("a waiver without a reason: exit %d, %q", code, stderr)
	}
}
