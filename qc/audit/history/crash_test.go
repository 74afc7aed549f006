package history

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// TestCrashHelper is not a test: TestKilledRunLeavesNoTrace runs the test
// binary again with HISTORY_CRASH_DB set, and this process records one
// complete run, starts a second, says so, and waits to be killed.
func TestCrashHelper(t *testing.T) {
	path := os.Getenv("HISTORY_CRASH_DB")
	if path == "" {
		t.Skip("helper process for TestKilledRunLeavesNoTrace")
	}
	db, err := Open(path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	record(t, db, RunMeta{ToolVersion: "committed"}, memberFindings{"alpha": {"a1", "a2"}})
	run, err := db.BeginRun(RunMeta{ToolVersion: "killed"})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	for i := 0; i < 200; i++ {
		id, _ := run.AddDelivery(Delivery{Member: fmt.Sprintf("m%d", i%7), Path: fmt.Sprintf("d%d", i)})
		fs := make([]Finding, 500)
		for j := range fs {
			fs[j] = Finding{Fingerprint: fmt.Sprintf("%d-%d", i, j), Rule: "T001", Severity: "error"}
		}
		if err := run.AddFindings(id, fs); err != nil {
			fmt.Println("error", err)
			os.Exit(2)
		}
	}
	fmt.Println("ready") // 100,000 findings written into the open transaction
	select {}            // wait for SIGKILL
}

// A process killed in the middle of recording a run leaves the database
// as it was before the run began, and intact.
func TestKilledRunLeavesNoTrace(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a helper process")
	}
	path := filepath.Join(t.TempDir(), "audit.sqlite")
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashHelper$", "-test.v")
	cmd.Env = append(os.Environ(), "HISTORY_CRASH_DB="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	ready := false
	for sc.Scan() {
		if sc.Text() == "ready" {
			ready = true
			break
		}
		if strings.HasPrefix(sc.Text(), "error") {
			t.Fatal(sc.Text())
		}
	}
	if !ready {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatal("helper ended before starting its run")
	}
	cmd.Process.Kill() // SIGKILL: no deferred cleanup, no rollback
	cmd.Wait()

	db := openTest(t, path)
	var check string
	if err := db.sql.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check: %q, %v", check, err)
	}
	runs, err := db.Runs()
	if err != nil || len(runs) != 1 || runs[0].ToolVersion != "committed" {
		t.Fatalf("runs after the kill: %+v, %v", runs, err)
	}
	for table, want := range map[string]int{"members": 1, "deliveries": 1, "findings": 2} {
		if n := count(t, db, table); n != want {
			t.Errorf("%s: %d rows, want %d", table, n, want)
		}
	}
	// And the database takes the next run normally.
	record(t, db, RunMeta{}, memberFindings{"alpha": {"a2"}})
}

// Two readers on their own connections list and compare runs while a
// writer records more; every run a reader sees is complete.
func TestConcurrentReadersSeeOnlyCompleteRuns(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.sqlite")
	writer := openTest(t, path)
	readers := []*DB{openTest(t, path), openTest(t, path)}
	const runs, deliveries, perDelivery = 6, 20, 300
	var done atomic.Bool
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	var seen atomic.Int64
	for _, rd := range readers {
		wg.Add(1)
		go func(rd *DB) {
			defer wg.Done()
			for !done.Load() {
				list, err := rd.Runs()
				if err != nil {
					errs <- err
					return
				}
				for i, r := range list {
					var n int
					if err := rd.sql.QueryRow("SELECT COUNT(*) FROM findings WHERE run_id = ?", r.ID).Scan(&n); err != nil {
						errs <- err
						return
					}
					if n != r.Findings || r.Findings != deliveries*perDelivery || r.Status != "complete" {
						errs <- fmt.Errorf("run %d seen with %d of %d findings, status %s", r.ID, n, r.Findings, r.Status)
						return
					}
					if i > 0 {
						if _, err := rd.Compare(list[i-1].ID, r.ID); err != nil {
							errs <- err
							return
						}
					}
				}
				seen.Add(int64(len(list)))
			}
		}(rd)
	}
	for k := 0; k < runs; k++ {
		run, err := writer.BeginRun(RunMeta{})
		if err != nil {
			t.Fatal(err)
		}
		for d := 0; d < deliveries; d++ {
			id, err := run.AddDelivery(Delivery{Member: fmt.Sprintf("m%d", d%4), Path: fmt.Sprintf("d%d", d)})
			if err != nil {
				t.Fatal(err)
			}
			fs := make([]Finding, perDelivery)
			for j := range fs {
				fs[j] = Finding{Fingerprint: fmt.Sprintf("%d-%d-%d", k%2, d, j)}
			}
			if err := run.AddFindings(id, fs); err != nil {
				t.Fatal(err)
			}
		}
		if err := run.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	done.Store(true)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if seen.Load() == 0 {
		t.Error("the readers never saw a run")
	}
}
