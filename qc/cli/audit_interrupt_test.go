package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

// An interrupted audit exits 2 saying so, writes no report, records
// nothing in the history database and leaves no temporary file behind.
func TestAuditInterrupted(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	old := auditContext
	auditContext = func() (context.Context, context.CancelFunc) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel() // interrupted before the first file
		return ctx, cancel
	}
	defer func() { auditContext = old }()

	root := filepath.Join(testcorpus.RepoRoot(t), "fixtures", "audit")
	out := t.TempDir()
	cfg := filepath.Join(out, "config.yaml")
	if err := os.WriteFile(cfg, []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db, report := filepath.Join(out, "audit.sqlite"), filepath.Join(out, "audit.json")
	var stdout, stderr bytes.Buffer
	code := Run([]string{"audit", root, "--members", filepath.Join(root, "members.yaml"), "--config", cfg, "-q",
		"--db", db, "--report", "json=" + report}, &stdout, &stderr)
	if code != 2 || !strings.Contains(stderr.String(), "audit interrupted") {
		t.Errorf("exit %d, stderr %q; want 2 and \"audit interrupted\"", code, stderr.String())
	}
	if _, err := os.Stat(report); err == nil {
		t.Error("an interrupted audit wrote its report")
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
	stdout.Reset()
	stderr.Reset()
	if code := Run([]string{"audit", "history", "--db", db, "--config", cfg}, &stdout, &stderr); code != 0 ||
		!strings.Contains(stdout.String(), "no audits recorded") {
		t.Errorf("history after an interrupted audit: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
}
