package history

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

var t0 = time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC)

// fixedClock returns times one minute apart, so start and finish times
// are predictable.
func fixedClock() func() time.Time {
	n := 0
	return func() time.Time {
		n++
		return t0.Add(time.Duration(n) * time.Minute)
	}
}

func openTest(t testing.TB, path string) *DB {
	t.Helper()
	db, err := Open(path, WithClock(fixedClock()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func count(t testing.TB, db *DB, table string) int {
	t.Helper()
	var n int
	if err := db.sql.QueryRow("SELECT COUNT(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestOpenMigratesAndReopens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.sqlite")
	db := openTest(t, path)
	if v, err := db.Version(); err != nil || v != SchemaVersion() {
		t.Fatalf("version %d (%v), want %d", v, err, SchemaVersion())
	}
	var mode string
	db.sql.QueryRow("PRAGMA journal_mode").Scan(&mode)
	var fk int
	db.sql.QueryRow("PRAGMA foreign_keys").Scan(&fk)
	if mode != "wal" || fk != 1 {
		t.Errorf("journal_mode %q, foreign_keys %d; want wal and 1", mode, fk)
	}
	if n := count(t, db, "schema_migrations"); n != SchemaVersion() {
		t.Errorf("%d migrations recorded, want %d", n, SchemaVersion())
	}
	db.Close()
	// Reopening applies nothing twice.
	db2 := openTest(t, path)
	if n := count(t, db2, "schema_migrations"); n != SchemaVersion() {
		t.Errorf("after reopen %d migrations recorded, want %d", n, SchemaVersion())
	}
}

func TestOpenPathWithURICharacters(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "audit ?#% 2026")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "history.sqlite")
	db := openTest(t, path)
	record(t, db, RunMeta{}, memberFindings{"a": {"x"}})
	db.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database not at the path given: %v", err)
	}
	if runs, err := openTest(t, path).Runs(); err != nil || len(runs) != 1 {
		t.Fatalf("reopened: %d runs, %v", len(runs), err)
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.sqlite")
	db := openTest(t, path)
	if _, err := db.sql.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()+1)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err := Open(path)
	if !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("opened a database from the future: %v", err)
	}
}

func TestForeignKeysAreEnforced(t *testing.T) {
	db := openTest(t, filepath.Join(t.TempDir(), "a.sqlite"))
	run, err := db.BeginRun(RunMeta{})
	if err != nil {
		t.Fatal(err)
	}
	defer run.Rollback()
	if _, err := run.tx.Exec(`INSERT INTO deliveries (run_id, member_id, path, passed) VALUES (?, 999, 'x', 0)`, run.ID()); err == nil {
		t.Error("a delivery of a member that does not exist was accepted")
	}
	if err := run.AddFindings(12345, []Finding{{Fingerprint: "x"}}); err == nil {
		t.Error("findings of a delivery not in the run were accepted")
	}
}

type memberFindings map[string][]string // member → fingerprints

func record(t *testing.T, db *DB, meta RunMeta, data memberFindings) int64 {
	t.Helper()
	run, err := db.BeginRun(meta)
	if err != nil {
		t.Fatal(err)
	}
	for m, fps := range data {
		id, err := run.AddDelivery(Delivery{Member: m, Path: m + "/show_s01", Title: "Show", Season: 1, Episodes: 3,
			Files: 9, Errors: len(fps), Passed: len(fps) == 0})
		if err != nil {
			t.Fatal(err)
		}
		fs := make([]Finding, len(fps))
		for i, fp := range fps {
			fs[i] = Finding{Fingerprint: fp, Rule: "T003", Severity: "error", File: "S01E01/a.srt", Line: i + 1, Cue: i + 1}
		}
		if err := run.AddFindings(id, fs); err != nil {
			t.Fatal(err)
		}
		if err := run.AddMember(Member{Name: m, DisplayName: "Company " + m, Deliveries: 1, Programmes: 1,
			Episodes: 3, Files: 9, Errors: len(fps)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := run.Commit(); err != nil {
		t.Fatal(err)
	}
	return run.ID()
}

func TestCompareTwoRuns(t *testing.T) {
	db := openTest(t, filepath.Join(t.TempDir(), "audit.sqlite"))
	first := record(t, db, RunMeta{ToolVersion: "1.0.0", Profile: "netflix", Territories: []string{"FR"}}, memberFindings{
		"alpha": {"a1", "a2", "a3", "a4", "a5"},
		"beta":  {"b1", "b2", "b3"},
		"gamma": {"g1", "g1", "g2"}, // g1 twice: two identical findings
		"delta": {},
	})
	second := record(t, db, RunMeta{ToolVersion: "1.0.1", Profile: "netflix"}, memberFindings{
		"alpha":   {"a3", "a4", "a5", "a6", "a7"},
		"gamma":   {"g1", "g2", "g2", "g3"},
		"delta":   {"d1"},
		"epsilon": {"e1", "e2"},
	})
	got, err := db.Compare(first, second)
	if err != nil {
		t.Fatal(err)
	}
	want := []MemberChange{
		{Member: "alpha", New: 2, Fixed: 2, Unchanged: 3},
		{Member: "beta", New: 0, Fixed: 3, Unchanged: 0}, // gone from the second audit
		{Member: "delta", New: 1, Fixed: 0, Unchanged: 0},
		{Member: "epsilon", New: 2, Fixed: 0, Unchanged: 0},
		{Member: "gamma", New: 2, Fixed: 1, Unchanged: 2},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Compare:\n got %+v\nwant %+v", got, want)
	}
	// The other way round, new and fixed swap.
	back, _ := db.Compare(second, first)
	for i := range back {
		if back[i].New != want[i].Fixed || back[i].Fixed != want[i].New || back[i].Unchanged != want[i].Unchanged {
			t.Errorf("reverse %s: %+v", back[i].Member, back[i])
		}
	}
	prev, err := db.PreviousRun(second)
	if err != nil || prev.ID != first {
		t.Errorf("PreviousRun(%d) = %d, %v; want %d", second, prev.ID, err, first)
	}
	if _, err := db.PreviousRun(first); !errors.Is(err, ErrNoRun) {
		t.Errorf("PreviousRun of the first run: %v, want ErrNoRun", err)
	}
	if _, err := db.Compare(first, 999); !errors.Is(err, ErrNoRun) {
		t.Errorf("Compare with a missing run: %v", err)
	}

	runs, err := db.Runs()
	if err != nil || len(runs) != 2 {
		t.Fatalf("Runs: %d, %v", len(runs), err)
	}
	r := runs[0]
	if r.ID != first || r.ToolVersion != "1.0.0" || r.Profile != "netflix" || !reflect.DeepEqual(r.Territories, []string{"FR"}) ||
		r.Status != "complete" || r.Members != 4 || r.Deliveries != 4 || r.PassedDeliveries != 1 || r.Findings != 11 || r.Errors != 11 {
		t.Errorf("first run summary %+v", r)
	}
	if !r.FinishedAt.After(r.StartedAt) || r.StartedAt.Before(t0) {
		t.Errorf("times from the injected clock: started %v finished %v", r.StartedAt, r.FinishedAt)
	}
	ms, err := db.Members(second)
	if err != nil || len(ms) != 4 || ms[0].Name != "alpha" || ms[0].DisplayName != "Company alpha" || ms[0].Errors != 5 {
		t.Errorf("Members: %+v, %v", ms, err)
	}
}

// A run can be compared with the previous one before it commits, from
// inside its own transaction.
func TestCompareWhileRecording(t *testing.T) {
	db := openTest(t, filepath.Join(t.TempDir(), "audit.sqlite"))
	first := record(t, db, RunMeta{}, memberFindings{"alpha": {"a1", "a2"}})
	record(t, db, RunMeta{Shard: "1/2"}, memberFindings{"alpha": {"zz"}}) // another shard: not "previous"
	run, err := db.BeginRun(RunMeta{})
	if err != nil {
		t.Fatal(err)
	}
	defer run.Rollback()
	id, _ := run.AddDelivery(Delivery{Member: "alpha", Path: "alpha/x"})
	run.AddFindings(id, []Finding{{Fingerprint: "a2"}, {Fingerprint: "a9"}})
	prev, err := run.Previous()
	if err != nil || prev.ID != first {
		t.Fatalf("Previous = %d, %v; want %d", prev.ID, err, first)
	}
	got, err := run.Compare(prev.ID)
	want := []MemberChange{{Member: "alpha", New: 1, Fixed: 1, Unchanged: 1}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("Run.Compare = %+v, %v; want %+v", got, err, want)
	}
}

func TestRollbackAndCloseLeaveNoTrace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.sqlite")
	db := openTest(t, path)
	keep := record(t, db, RunMeta{}, memberFindings{"alpha": {"a1"}})

	run, _ := db.BeginRun(RunMeta{})
	id, _ := run.AddDelivery(Delivery{Member: "beta", Path: "beta/x"})
	run.AddFindings(id, make([]Finding, 1000))
	if err := run.Rollback(); err != nil {
		t.Fatal(err)
	}
	if _, err := run.AddDelivery(Delivery{Member: "x"}); !errors.Is(err, ErrRunClosed) {
		t.Errorf("AddDelivery after Rollback: %v", err)
	}

	// Closing the database in the middle of a run abandons the run.
	run2, _ := db.BeginRun(RunMeta{})
	id2, _ := run2.AddDelivery(Delivery{Member: "gamma", Path: "gamma/x"})
	run2.AddFindings(id2, make([]Finding, 5000))
	run2.AddMember(Member{Name: "gamma"})
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db2 := openTest(t, path)
	runs, _ := db2.Runs()
	if len(runs) != 1 || runs[0].ID != keep {
		t.Fatalf("runs after rollback and close: %+v", runs)
	}
	for table, want := range map[string]int{"members": 1, "deliveries": 1, "findings": 1} {
		if n := count(t, db2, table); n != want {
			t.Errorf("%s: %d rows, want %d", table, n, want)
		}
	}
	if err := run2.Commit(); !errors.Is(err, ErrRunClosed) {
		t.Errorf("Commit after Close: %v", err)
	}
}
