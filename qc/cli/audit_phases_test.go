package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/exportqc/exportqc/qc/audit"
	"github.com/exportqc/exportqc/qc/audit/history"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
	"github.com/exportqc/exportqc/qc/output"
	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
)

// An interrupt while the audit is being recorded (after every delivery is
// checked, before any report is written) exits 2 with no report and
// nothing recorded, like one while checking.
func TestAuditInterruptedWhileRecording(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	var cancel context.CancelFunc
	oldCtx, oldClock := auditContext, auditClock
	auditContext = func() (context.Context, context.CancelFunc) {
		ctx, c := context.WithCancel(context.Background())
		cancel = c
		return ctx, c
	}
	var once sync.Once
	checked := false
	auditClock = func() time.Time {
		// The database asks the time when the run begins to be recorded
		// (the waivers' clock is asked before the run, with none given
		// here never): interrupt there.
		if checked {
			once.Do(func() { cancel() })
		}
		return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	defer func() { auditContext, auditClock = oldCtx, oldClock }()

	root := filepath.Join(testcorpus.RepoRoot(t), "fixtures", "audit")
	out := t.TempDir()
	cfg := filepath.Join(out, "config.yaml")
	if err := os.WriteFile(cfg, []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db, report := filepath.Join(out, "audit.sqlite"), filepath.Join(out, "audit.json")
	// The database is created (and its schema dated) before the run.
	d, err := history.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	d.Close()
	checked = true
	var stdout, stderr bytes.Buffer
	code := Run([]string{"audit", root, "--config", cfg, "-q", "--db", db, "--report", "json=" + report,
		"--report", "text=-"}, &stdout, &stderr)
	if code != 2 || !strings.Contains(stderr.String(), "audit interrupted") {
		t.Errorf("exit %d, stderr %q; want 2 and \"audit interrupted\"", code, stderr.String())
	}
	if _, err := os.Stat(report); err == nil {
		t.Error("an audit interrupted while recording wrote its report")
	}
	if stdout.Len() != 0 {
		t.Errorf("an audit interrupted while recording printed:\n%s", stdout.String())
	}
	d, err = history.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if runs, _ := d.Runs(); len(runs) != 0 {
		t.Errorf("%d runs recorded by an interrupted audit", len(runs))
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

// A commit that fails (a full disk, a database gone read-only) leaves no
// report: the reports are renamed into place only after the run is
// recorded.
func TestFailedCommitLeavesNoReport(t *testing.T) {
	dir := t.TempDir()
	db, err := history.Open(filepath.Join(dir, "audit.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	res := audit.Assemble(audit.Header{Tool: report.Tool{Name: "exportqc", Version: "test"}, FailOn: rule.Error}, nil, nil, nil)
	specs := []output.Spec{{Format: "json", Path: filepath.Join(dir, "out", "audit.json")}, {Format: "text", Path: "-"}}
	var stdout bytes.Buffer
	a := newApp(&stdout, &bytes.Buffer{})
	run, err := audit.Record(db, res, history.RunMeta{ToolVersion: "test"})
	if err != nil {
		t.Fatal(err)
	}
	run.Rollback() // the commit cannot succeed now
	if err := a.finishAudit(context.Background(), res, specs, run); err == nil {
		t.Fatal("a failed commit was not an error")
	}
	if _, err := os.Stat(specs[0].Path); err == nil {
		t.Error("a failed commit left a report")
	}
	if left, _ := os.ReadDir(filepath.Join(dir, "out")); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
	if stdout.Len() != 0 {
		t.Error("a failed commit printed its text report")
	}
}
