package audit_test

import (
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/audit"
	"github.com/exportqc/exportqc/qc/internal/nonroot"
)

// auditJSON runs an audit of root with args and returns its exit code and
// JSON report.
func auditJSON(t *testing.T, root string, args ...string) (int, *audit.Audit) {
	t.Helper()
	args = append([]string{"audit", root, "--no-db", "-q", "--format", "json", "--config", emptyConfig(t)}, args...)
	code, out, stderr := run(t, args...)
	if code == 2 {
		t.Fatalf("audit failed to run: %s", stderr)
	}
	var a audit.Audit
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return code, &a
}

func notesOf(a *audit.Audit, code string) []audit.Finding {
	var out []audit.Finding
	for _, n := range a.Notes {
		if n.Rule == code {
			out = append(out, n)
		}
	}
	return out
}

func writeMembers(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "members.yaml")
	if err := os.WriteFile(p, []byte("members_version: 1\nmembers:\n"+body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// An audit whose members match nothing checks nothing and fails: B001 for
// the audit, B002 at each pattern that matched no folder; the delivery
// folders nobody claims are listed (B003).
func TestAuditOfNothingFails(t *testing.T) {
	root := fixtureCopy(t)
	members := writeMembers(t, "  - name: ghost\n    deliveries: [\"nowhere/*\"]\n")
	code, a := auditJSON(t, root, "--members", members)
	if code != 1 || a.Passed {
		t.Fatalf("an audit of nothing: exit %d, passed %v", code, a.Passed)
	}
	if n := notesOf(a, "B001"); len(n) != 1 || n[0].Severity.String() != "error" {
		t.Errorf("B001 notes: %+v", n)
	}
	if n := notesOf(a, "B002"); len(n) != 1 || n[0].Line != 3 || !strings.Contains(n[0].Message, `"nowhere/*"`) {
		t.Errorf("B002 notes: %+v", n)
	}
	var unclaimed []string
	for _, n := range notesOf(a, "B003") {
		unclaimed = append(unclaimed, n.File)
	}
	want := "eastgate/night-ferry-s1 northlight/harbour-lights northlight/long-river-s1 southbank/salt-roads-s2"
	if strings.Join(unclaimed, " ") != want {
		t.Errorf("unclaimed folders %v, want %s", unclaimed, want)
	}
}

// Members that claim some deliveries: the others are listed as unclaimed,
// a pattern matching nothing fails the audit, and a matched folder that
// holds no delivery fails as a delivery (B004).
func TestAuditUnclaimedAndEmpty(t *testing.T) {
	root := fixtureCopy(t)
	if err := os.MkdirAll(filepath.Join(root, "northlight", "notes"), 0o755); err != nil {
		t.Fatal(err)
	}
	members := writeMembers(t, "  - name: northlight\n    deliveries: [\"northlight/*\"]\n"+
		"  - name: southbank\n    deliveries: [\"southbank/*\", \"south-bank/*\"]\n")
	code, a := auditJSON(t, root, "--members", members)
	if code != 1 || a.Passed {
		t.Fatalf("exit %d, passed %v", code, a.Passed)
	}
	if n := notesOf(a, "B003"); len(n) != 1 || n[0].File != "eastgate/night-ferry-s1" || n[0].Severity.String() != "warning" {
		t.Errorf("B003 notes: %+v", n)
	}
	if n := notesOf(a, "B002"); len(n) != 1 || !strings.Contains(n[0].Message, `"south-bank/*"`) {
		t.Errorf("B002 notes: %+v", n)
	}
	if len(notesOf(a, "B001")) != 0 {
		t.Error("B001 on an audit with deliveries")
	}
	found := false
	for _, d := range a.Deliveries {
		if d.Path == "northlight/notes" {
			found = true
			if d.Passed || len(d.Findings) != 1 || d.Findings[0].Rule != "B004" {
				t.Errorf("empty delivery folder: %+v", d)
			}
		}
	}
	if !found {
		t.Error("northlight/notes not planned")
	}
}

// The plan's rules are rules like any other: --disable drops their
// findings and --severity changes them, and with them the verdict. B003
// (a warning by default) fails the audit as an error; an empty delivery
// folder (B004) passes once its rule is disabled.
func TestPlanRulesAreConfigurable(t *testing.T) {
	root := fixtureCopy(t)
	if err := os.MkdirAll(filepath.Join(root, "northlight", "notes"), 0o755); err != nil {
		t.Fatal(err)
	}
	// Only northlight is claimed: its deliveries pass, its empty "notes"
	// folder is B004, eastgate's and southbank's folders are B003.
	members := writeMembers(t, "  - name: northlight\n    deliveries: [\"northlight/*\"]\n")
	severities := func(a *audit.Audit, code string) []string {
		var out []string
		for _, n := range notesOf(a, code) {
			out = append(out, n.Severity.String())
		}
		for _, d := range a.Deliveries {
			for _, f := range d.Findings {
				if f.Rule == code {
					out = append(out, f.Severity.String())
				}
			}
		}
		return out
	}
	for _, c := range []struct {
		args       []string
		b003, b004 string
		passed     bool
	}{
		{nil, "warning warning", "error", false},
		{[]string{"--disable", "B004"}, "warning warning", "", true},
		{[]string{"--disable", "B004,audit-folder-unclaimed"}, "", "", true},
		{[]string{"--disable", "B004", "--severity", "B003=error"}, "error error", "", false},
		{[]string{"--severity", "audit-delivery-empty=info"}, "warning warning", "info", true},
	} {
		code, a := auditJSON(t, root, append([]string{"--members", members}, c.args...)...)
		b003, b004 := strings.Join(severities(a, "B003"), " "), strings.Join(severities(a, "B004"), " ")
		if b003 != c.b003 || b004 != c.b004 || a.Passed != c.passed || (code == 0) != c.passed {
			t.Errorf("%v: B003 %q B004 %q passed %v (exit %d); want B003 %q B004 %q passed %v",
				c.args, b003, b004, a.Passed, code, c.b003, c.b004, c.passed)
		}
	}
}

// A member folder that cannot be read is a failed delivery of that member
// with an E000 at the folder, not a member with nothing delivered; in a
// members file too. Run as an unprivileged user.
func TestAuditUnreadableMemberFolder(t *testing.T) {
	if nonroot.Reexec(t) {
		return
	}
	root := fixtureCopy(t)
	locked := filepath.Join(root, "eastgate")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(locked, 0o755)
	members := writeMembers(t, "  - name: eastgate\n    deliveries: [\"eastgate/*\"]\n"+
		"  - name: southbank\n    deliveries: [\"southbank/*\"]\n")
	for _, args := range [][]string{nil, {"--members", members}} {
		code, a := auditJSON(t, root, args...)
		if code != 1 || a.Passed {
			t.Fatalf("%v: exit %d, passed %v", args, code, a.Passed)
		}
		var got *audit.Delivery
		for i := range a.Deliveries {
			if a.Deliveries[i].Path == "eastgate" {
				got = &a.Deliveries[i]
			}
		}
		if got == nil || got.Member != "eastgate" || got.Passed || len(got.Findings) != 1 ||
			got.Findings[0].Rule != "E000" || !strings.Contains(got.Findings[0].Message, "permission denied") {
			t.Errorf("%v: unreadable member folder: %+v", args, got)
		}
	}
}

// merge checks each shard's numbers against what it lists: a shard whose
// totals or delivery counts were edited is refused, naming the shard.
func TestMergeRefusesShardTotalsThatDoNotAddUp(t *testing.T) {
	root := fixtureCopy(t)
	cfg := emptyConfig(t)
	out := t.TempDir()
	var shards []string
	for _, s := range []string{"1/2", "2/2"} {
		p := filepath.Join(out, "s"+s[:1]+".json")
		if code, _, stderr := run(t, "audit", root, "--config", cfg, "-q", "--shard", s, "--report", "json="+p); code > 1 {
			t.Fatalf("shard %s: exit %d: %s", s, code, stderr)
		}
		shards = append(shards, p)
	}
	merge := func(files ...string) (int, string) {
		code, _, stderr := run(t, append([]string{"merge", "--config", cfg, "--report", "json=" + filepath.Join(out, "m.json")}, files...)...)
		return code, stderr
	}
	if code, stderr := merge(shards...); code > 1 {
		t.Fatalf("untouched shards: exit %d: %s", code, stderr)
	}
	tamper := func(name string, edit func(a map[string]any)) string {
		data, err := os.ReadFile(shards[1])
		if err != nil {
			t.Fatal(err)
		}
		var a map[string]any
		if err := json.Unmarshal(data, &a); err != nil {
			t.Fatal(err)
		}
		edit(a)
		data, _ = json.Marshal(a)
		p := filepath.Join(out, name+".json")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, c := range []struct {
		name string
		edit func(a map[string]any)
		want string
	}{
		{"totals", func(a map[string]any) { a["totals"].(map[string]any)["errors"] = 99999 }, "totals claim 99999 errors"},
		{"delivery counts", func(a map[string]any) {
			d := a["deliveries"].([]any)[0].(map[string]any)
			d["errors"] = 99999
			d["findings"] = []any{}
		}, "claims 99999 errors"},
		{"verdict", func(a map[string]any) {
			for _, d := range a["deliveries"].([]any) {
				if d := d.(map[string]any); d["passed"] == false {
					d["passed"] = true
					return
				}
			}
			t.Fatal("no failed delivery in shard 2/2 to alter")
		}, "claims passed=true"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, stderr := merge(shards[0], tamper(strings.ReplaceAll(c.name, " ", "-"), c.edit))
			if code != 2 || !strings.Contains(stderr, c.want) || !strings.Contains(stderr, "shard 2/2") {
				t.Errorf("exit %d, stderr %q; want exit 2 naming shard 2/2 and %q", code, stderr, c.want)
			}
		})
	}
}

// Sibling trees sharing a database are not compared with each other: each
// audit's previous is the previous audit of its own root, and 'audit
// history' lists the roots (only ROOT's audits when ROOT is given).
func TestHistoryComparesTheSameRoot(t *testing.T) {
	cfg := emptyConfig(t)
	db := filepath.Join(t.TempDir(), "shared.sqlite")
	y2025 := fixtureCopy(t)
	y2026 := fixtureCopy(t)
	// 2026 differs: one delivery fewer.
	if err := os.RemoveAll(filepath.Join(y2026, "southbank")); err != nil {
		t.Fatal(err)
	}
	auditOf := func(root string) *audit.Audit {
		t.Helper()
		p := filepath.Join(t.TempDir(), "a.json")
		if code, _, stderr := run(t, "audit", root, "--config", cfg, "-q", "--db", db, "--report", "json="+p); code > 1 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		return readAudit(t, p)
	}
	auditOf(y2025)
	if a := auditOf(y2026); a.Previous != nil {
		t.Errorf("the first audit of %s compared with run %d of another root", y2026, a.Previous.Run)
	}
	a := auditOf(y2025)
	if a.Previous == nil || a.Previous.Run != 1 {
		t.Fatalf("second audit of %s: previous %+v, want run 1", y2025, a.Previous)
	}
	if c := a.Totals.Change; c == nil || c.New != 0 || c.Fixed != 0 {
		t.Errorf("an unchanged tree shows change %+v", c)
	}
	if len(a.Trend) != 2 || a.Trend[0].Run != 1 {
		t.Errorf("trend mixes roots: %+v", a.Trend)
	}

	code, out, stderr := run(t, "audit", "history", "--db", db, "--config", cfg)
	if code != 0 || !strings.Contains(out, "ROOT") || strings.Count(out, y2025) != 2 || strings.Count(out, y2026) != 1 {
		t.Errorf("audit history: exit %d %s\n%s", code, stderr, out)
	}
	code, out, stderr = run(t, "audit", "history", y2026, "--db", db, "--config", cfg)
	if lines := strings.Split(strings.TrimSpace(out), "\n"); code != 0 || len(lines) != 2 || !strings.HasPrefix(lines[1], "2 ") {
		t.Errorf("audit history %s: exit %d %s\n%s", y2026, code, stderr, out)
	}
}

// --db naming another application's SQLite file is refused (exit 2) and
// the file is left alone.
func TestAuditRefusesAForeignDatabase(t *testing.T) {
	root := fixtureCopy(t)
	cfg := emptyConfig(t)
	foreign := filepath.Join(t.TempDir(), "foreign.db")
	raw, err := sql.Open("sqlite", foreign)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)"); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	before, _ := os.ReadFile(foreign)
	code, _, stderr := run(t, "audit", root, "--config", cfg, "-q", "--db", foreign)
	if code != 2 || !strings.Contains(stderr, "not an exportqc history database") {
		t.Errorf("exit %d, %s", code, stderr)
	}
	if after, _ := os.ReadFile(foreign); string(after) != string(before) {
		t.Error("the foreign database was modified")
	}
}

// A member folder whose name is not UTF-8 is printed quoted (%q) in the
// audit's text, its bytes kept, not replaced by U+FFFD.
func TestAuditTextEscapesNonUTF8Names(t *testing.T) {
	root := fixtureCopy(t)
	if err := os.Rename(filepath.Join(root, "eastgate"), filepath.Join(root, "east\xffgate")); err != nil {
		t.Skipf("the file system refuses a name that is not UTF-8: %v", err)
	}
	code, out, stderr := run(t, "audit", root, "--no-db", "-q", "--config", emptyConfig(t), "--format", "text")
	if code > 1 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Contains(out, "\uFFFD") || !strings.Contains(out, `"east\xffgate"`) {
		t.Errorf("the member's name is not printed escaped:\n%s", out)
	}
}
