package history

import (
	"database/sql"
	"errors"
	"path/filepath"
	"testing"
)

// A SQLite file of another application (tables, no exportqc mark) is
// refused and left as it was; an empty file and an exportqc database from
// before the mark open.
func TestOpenRefusesAnotherApplicationsDatabase(t *testing.T) {
	dir := t.TempDir()
	foreign := filepath.Join(dir, "photos.db")
	raw, err := sql.Open("sqlite", foreign)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("CREATE TABLE albums (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO albums (name) VALUES ('summer')"); err != nil {
		t.Fatal(err)
	}
	raw.Close()

	db, err := Open(foreign)
	if err == nil {
		db.Close()
		t.Fatal("another application's database was opened as a history")
	}
	if !errors.Is(err, ErrForeign) {
		t.Fatalf("error %v, want ErrForeign", err)
	}
	raw, _ = sql.Open("sqlite", foreign)
	defer raw.Close()
	var tables int
	if err := raw.QueryRow("SELECT count(*) FROM sqlite_master WHERE type = 'table'").Scan(&tables); err != nil || tables != 1 {
		t.Errorf("the foreign database was changed: %d tables (%v)", tables, err)
	}

	// Another application's mark, even with no tables.
	marked := filepath.Join(dir, "marked.db")
	raw2, _ := sql.Open("sqlite", marked)
	if _, err := raw2.Exec("PRAGMA application_id = 1234"); err != nil {
		t.Fatal(err)
	}
	raw2.Close()
	if db, err := Open(marked); !errors.Is(err, ErrForeign) {
		if db != nil {
			db.Close()
		}
		t.Errorf("a database marked by another application: %v", err)
	}

	// An exportqc database written before the mark (schema version 2)
	// opens, and gets the mark.
	old := filepath.Join(dir, "old.sqlite")
	db, err = open(old, 2)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.sql.Exec("PRAGMA application_id = 0"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = Open(old)
	if err != nil {
		t.Fatalf("an earlier exportqc database: %v", err)
	}
	var app int64
	db.sql.QueryRow("PRAGMA application_id").Scan(&app)
	db.Close()
	if app != ApplicationID {
		t.Errorf("application_id %#x after migrating, want %#x", app, ApplicationID)
	}
}

// A run is compared with the previous run of its own scope, not with the
// last run recorded.
func TestPreviousIsOfTheSameScope(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "h.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	record := func(scope string) int64 {
		r, err := db.BeginRun(RunMeta{ToolVersion: "t", Scope: scope})
		if err != nil {
			t.Fatal(err)
		}
		if err := r.Commit(); err != nil {
			t.Fatal(err)
		}
		return r.ID()
	}
	a1 := record("/audits/2025")
	record("/audits/2026")
	a2 := record("/audits/2025")
	b2 := record("/audits/2026")
	if p, err := db.PreviousRun(a2); err != nil || p.ID != a1 || p.Scope != "/audits/2025" {
		t.Errorf("previous of run %d: %+v %v, want run %d", a2, p, err, a1)
	}
	if p, err := db.PreviousRun(b2); err != nil || p.ID != 2 {
		t.Errorf("previous of run %d: %+v %v, want run 2", b2, p, err)
	}
	if _, err := db.PreviousRun(2); !errors.Is(err, ErrNoRun) {
		t.Errorf("the first run of /audits/2026 has a previous run: %v", err)
	}
}
