package audit_test

import (
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
