package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/exportqc/exportqc/qc/audit"
	"github.com/exportqc/exportqc/qc/audit/history"
	"github.com/exportqc/exportqc/qc/output"
	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
)

// Reports and the history record land together or not at all: an
// interrupt after the reports are rendered leaves neither a report nor a
// recorded run (issue 16), and an uninterrupted finish gives both.
func TestFinishAuditIsAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	db, err := history.Open(filepath.Join(dir, "audit.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	res := audit.Assemble(audit.Header{Tool: report.Tool{Name: "exportqc", Version: "test"}, FailOn: rule.Error}, nil, nil, nil)
	specs := []output.Spec{{Format: "json", Path: filepath.Join(dir, "out", "audit.json")}, {Format: "text", Path: "-"}}
	a := newApp(&bytes.Buffer{}, &bytes.Buffer{})

	run, err := audit.Record(db, res, history.RunMeta{ToolVersion: "test"})
	if err != nil {
		t.Fatal(err)
	}
	interrupted, cancel := context.WithCancel(context.Background())
	cancel()
	if err := a.finishAudit(interrupted, res, specs, run); err != errAuditInterrupted {
		t.Fatalf("err %v, want the interrupt", err)
	}
	if _, err := os.Stat(specs[0].Path); err == nil {
		t.Error("an interrupted finish left its report")
	}
	if left, _ := os.ReadDir(filepath.Join(dir, "out")); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
	if runs, _ := db.Runs(); len(runs) != 0 {
		t.Errorf("an interrupted finish recorded %d runs", len(runs))
	}
	if a.stdout.(*bytes.Buffer).Len() != 0 {
		t.Error("an interrupted finish printed its text report")
	}

	run, err = audit.Record(db, res, history.RunMeta{ToolVersion: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.finishAudit(context.Background(), res, specs, run); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(specs[0].Path); err != nil {
		t.Error("no report after a finished audit")
	}
	if runs, _ := db.Runs(); len(runs) != 1 {
		t.Errorf("%d runs recorded, want 1", len(runs))
	}
}
