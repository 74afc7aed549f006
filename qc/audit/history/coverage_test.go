package history

import (
	"path/filepath"
	"reflect"
	"testing"
)

// writeVersion1Run records a run the way an exportqc of schema version 1
// did: its columns only, no coverage anywhere.
func writeVersion1Run(t *testing.T, db *DB) {
	t.Helper()
	tx, err := db.sql.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	for _, q := range []string{
		`INSERT INTO runs (id, started_at, finished_at, tool_version, profile, territories, args, shard, status,
			members, deliveries, passed_deliveries, findings, errors)
			VALUES (1, '2026-08-01T08:00:00.000000Z', '2026-08-01T08:05:00.000000Z', '0.9.0', 'netflix', '["FR"]', '[]', '',
			'complete', 1, 1, 0, 2, 2)`,
		`INSERT INTO members (id, run_id, name, display_name, deliveries, programmes, episodes, files, errors)
			VALUES (1, 1, 'alpha', 'Alpha Films', 1, 1, 3, 9, 2)`,
		`INSERT INTO deliveries (id, run_id, member_id, path, title, season, episodes, files, errors, passed)
			VALUES (1, 1, 1, 'alpha/show_s01', 'Show', 1, 3, 9, 2, 0)`,
		`INSERT INTO findings (run_id, member_id, delivery_id, fingerprint, rule, severity) VALUES
			(1, 1, 1, 'a1', 'D001', 'error'), (1, 1, 1, 'a2', 'D001', 'error')`,
	} {
		if _, err := tx.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

// TestMigrateVersion1KeepsPastCoverageUnknown opens a database written at
// schema version 1, lets Open migrate it, and records a run: the old run
// reads back with no coverage (NULL, not 0), the new one with its own, and
// findings still match across the migration.
func TestMigrateVersion1KeepsPastCoverageUnknown(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.sqlite")
	old, err := open(path, 1, WithClock(fixedClock()))
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := old.Version(); v != 1 {
		t.Fatalf("built a version %d database, want 1", v)
	}
	writeVersion1Run(t, old)
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}

	db := openTest(t, path)
	if v, err := db.Version(); err != nil || v != SchemaVersion() || SchemaVersion() < 2 {
		t.Fatalf("after Open: version %d (%v), want %d (≥ 2)", v, err, SchemaVersion())
	}
	if n := count(t, db, "schema_migrations"); n != SchemaVersion() {
		t.Errorf("%d migrations recorded, want %d", n, SchemaVersion())
	}
	for _, table := range []string{"runs", "members", "deliveries"} {
		var nulls int
		if err := db.sql.QueryRow(`SELECT COUNT(*) FROM ` + table + ` WHERE covered IS NULL AND slots IS NULL`).Scan(&nulls); err != nil {
			t.Fatal(err)
		}
		if nulls != 1 {
			t.Errorf("%s: the version-1 row's coverage is not NULL", table)
		}
	}

	run, err := db.BeginRun(RunMeta{ToolVersion: "1.0.0"})
	if err != nil {
		t.Fatal(err)
	}
	id, err := run.AddDelivery(Delivery{Member: "alpha", Path: "alpha/show_s01", Episodes: 3, Errors: 2,
		Coverage: &Coverage{Covered: 5, Slots: 6}})
	if err != nil {
		t.Fatal(err)
	}
	if err := run.AddFindings(id, []Finding{{Fingerprint: "a2"}, {Fingerprint: "a3"}}); err != nil {
		t.Fatal(err)
	}
	if err := run.AddMember(Member{Name: "alpha", Deliveries: 1, Errors: 2, Coverage: &Coverage{Covered: 5, Slots: 6}}); err != nil {
		t.Fatal(err)
	}
	prev, err := run.Previous()
	if err != nil || prev.ID != 1 || prev.Coverage != nil || prev.Errors != 2 {
		t.Errorf("Previous: %+v, %v; want run 1, 2 errors, no coverage", prev, err)
	}
	if err := run.Commit(); err != nil {
		t.Fatal(err)
	}

	runs, err := db.Runs()
	if err != nil || len(runs) != 2 {
		t.Fatalf("Runs: %d, %v", len(runs), err)
	}
	if runs[0].Coverage != nil || runs[0].ToolVersion != "0.9.0" || runs[0].Deliveries != 1 {
		t.Errorf("the version-1 run reads back as %+v, coverage %v; want its figures and no coverage", runs[0], runs[0].Coverage)
	}
	if c := runs[1].Coverage; c == nil || *c != (Coverage{Covered: 5, Slots: 6}) {
		t.Errorf("the new run's coverage %+v, want 5 of 6", c)
	}
	oldMembers, err := db.Members(1)
	if err != nil || len(oldMembers) != 1 || oldMembers[0].Coverage != nil || oldMembers[0].DisplayName != "Alpha Films" {
		t.Errorf("version-1 members: %+v, %v", oldMembers, err)
	}
	newMembers, err := db.Members(runs[1].ID)
	if err != nil || len(newMembers) != 1 || !reflect.DeepEqual(newMembers[0].Coverage, &Coverage{Covered: 5, Slots: 6}) {
		t.Errorf("new members: %+v, %v", newMembers, err)
	}
	changes, err := db.Compare(1, runs[1].ID)
	if want := []MemberChange{{Member: "alpha", New: 1, Fixed: 1, Unchanged: 1}}; err != nil || !reflect.DeepEqual(changes, want) {
		t.Errorf("Compare across the migration: %+v, %v; want %+v", changes, err, want)
	}
}

// TestRunCoverageIsTheSumOfItsDeliveries: a run's coverage adds up its
// deliveries' slots; a run with nothing required has 0 of 0 (known, no
// rate); one delivery of unknown coverage makes the run's unknown rather
// than a smaller figure.
func TestRunCoverageIsTheSumOfItsDeliveries(t *testing.T) {
	db := openTest(t, filepath.Join(t.TempDir(), "audit.sqlite"))
	recordCoverage := func(cs ...*Coverage) *Coverage {
		t.Helper()
		run, err := db.BeginRun(RunMeta{})
		if err != nil {
			t.Fatal(err)
		}
		for i, c := range cs {
			if _, err := run.AddDelivery(Delivery{Member: "m", Path: string(rune('a' + i)), Coverage: c}); err != nil {
				t.Fatal(err)
			}
		}
		if err := run.Commit(); err != nil {
			t.Fatal(err)
		}
		r, err := db.Run(run.ID())
		if err != nil {
			t.Fatal(err)
		}
		return r.Coverage
	}
	for name, c := range map[string]struct {
		deliveries []*Coverage
		want       *Coverage
	}{
		"summed":            {[]*Coverage{{Covered: 2, Slots: 2}, {Covered: 1, Slots: 3}, {}}, &Coverage{Covered: 3, Slots: 5}},
		"nothing required":  {[]*Coverage{{}, {}}, &Coverage{}},
		"no deliveries":     {nil, &Coverage{}},
		"one unknown":       {[]*Coverage{{Covered: 2, Slots: 2}, nil}, nil},
		"all unknown":       {[]*Coverage{nil}, nil},
		"everything needed": {[]*Coverage{{Covered: 0, Slots: 4}}, &Coverage{Covered: 0, Slots: 4}},
	} {
		if got := recordCoverage(c.deliveries...); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: run coverage %+v, want %+v", name, got, c.want)
		}
	}
}
