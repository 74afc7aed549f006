// Package history is the audit history database: every audit run, every
// member's and delivery's result and coverage, and every finding's
// fingerprint, in one SQLite file
// (modernc.org/sqlite: pure Go, no cgo, so exportqc stays one static
// binary). The next audit asks it what is new, fixed and unchanged per
// member since the previous one, and `exportqc audit history` lists past
// runs.
//
// # Consistency
//
// A run is one write transaction, from BeginRun to Commit. Until Commit
// nothing of the run is visible to other connections, and a run that never
// commits (the process crashed, was killed, or the caller closed the
// database or called Rollback) leaves no trace: the database holds complete
// runs only. The database is in WAL mode, so readers (another `exportqc
// audit history`, a dashboard) read the last committed state while a run
// is being written, and are never blocked by it; a second writer waits for
// the busy timeout and then fails, since only one audit can record at a
// time.
//
// # Schema
//
// The schema is versioned (PRAGMA user_version, plus a schema_migrations
// table recording when each version was applied). Migrations are ordered
// SQL scripts in schema.go, applied in one transaction on Open; opening a
// database written by a newer exportqc, whose schema this build does not
// know, is an error rather than a guess.
//
// Fingerprints are opaque strings computed by the caller; the database
// only compares them, per member, between two runs.
package history
