package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/exportqc/exportqc/qc/audit"
	"github.com/exportqc/exportqc/qc/output/progress"
)

// The audit's progress line counts a member done exactly when the engine
// has handed over its last delivery, whatever order deliveries finish in,
// and counts members with nothing to check as done from the start.
func TestAuditProgressCountsMembersByDeliveries(t *testing.T) {
	plan := &audit.Plan{Members: []audit.Member{{Name: "a"}, {Name: "b"}, {Name: "idle"}}}
	sel := []audit.Planned{{Member: "a", Path: "a/1"}, {Member: "b", Path: "b/1"}, {Member: "a", Path: "a/2"}}
	var out bytes.Buffer
	// Drawn as on a terminal, a while into the run, every update.
	ap := newAuditProgress(progress.Forced(&out, "files", time.Now().Add(-10*time.Second)), t.TempDir(), plan, sel)
	ap.members, ap.files = 3, 30
	ap.memberOf = []string{"a", "b", "a"}
	ap.left = map[string]int{"a": 2, "b": 1}
	ap.done = 1

	last := func() string {
		s := out.String()
		return s[strings.LastIndex(s, "\r")+1:]
	}
	ap.update(10, 12)
	if got := last(); !strings.Contains(got, "members 1/3  files 10/30") {
		t.Errorf("after 10 files: %q", got)
	}
	ap.delivered(2) // a's second delivery: a still has one to go
	if got := last(); !strings.Contains(got, "members 1/3") {
		t.Errorf("a member counted done with a delivery left: %q", got)
	}
	ap.delivered(1)
	if got := last(); !strings.Contains(got, "members 2/3") {
		t.Errorf("b done: %q", got)
	}
	ap.update(30, 30)
	ap.delivered(0)
	if got := last(); !strings.Contains(got, "members 3/3  files 30/30") || !strings.Contains(got, "ETA 0s") {
		t.Errorf("the final line: %q", got)
	}
}
