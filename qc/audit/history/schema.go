package history

// migrations are the schema versions in order: migrations[i] takes the
// database from version i to i+1. Never edit a released migration; add a
// new one.
var migrations = []string{
	// 1: runs, members, deliveries, findings.
	`
CREATE TABLE schema_migrations (
	version    INTEGER PRIMARY KEY,
	applied_at TEXT NOT NULL
);
CREATE TABLE runs (
	id                INTEGER PRIMARY KEY,
	started_at        TEXT NOT NULL,
	finished_at       TEXT NOT NULL,
	tool_version      TEXT NOT NULL,
	profile           TEXT NOT NULL,
	territories       TEXT NOT NULL, -- JSON array of territory codes
	args              TEXT NOT NULL, -- JSON array of command-line arguments
	shard             TEXT NOT NULL, -- "i/n", or "" for a whole audit
	status            TEXT NOT NULL,
	members           INTEGER NOT NULL DEFAULT 0,
	deliveries        INTEGER NOT NULL DEFAULT 0,
	passed_deliveries INTEGER NOT NULL DEFAULT 0,
	findings          INTEGER NOT NULL DEFAULT 0,
	errors            INTEGER NOT NULL DEFAULT 0,
	warnings          INTEGER NOT NULL DEFAULT 0,
	infos             INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX runs_shard ON runs (shard, id);
CREATE TABLE members (
	id                INTEGER PRIMARY KEY,
	run_id            INTEGER NOT NULL REFERENCES runs (id),
	name              TEXT NOT NULL,
	display_name      TEXT NOT NULL DEFAULT '',
	deliveries        INTEGER NOT NULL DEFAULT 0,
	programmes        INTEGER NOT NULL DEFAULT 0,
	episodes          INTEGER NOT NULL DEFAULT 0,
	files             INTEGER NOT NULL DEFAULT 0,
	errors            INTEGER NOT NULL DEFAULT 0,
	warnings          INTEGER NOT NULL DEFAULT 0,
	infos             INTEGER NOT NULL DEFAULT 0,
	passed_deliveries INTEGER NOT NULL DEFAULT 0,
	UNIQUE (run_id, name)
);
CREATE TABLE deliveries (
	id        INTEGER PRIMARY KEY,
	run_id    INTEGER NOT NULL REFERENCES runs (id),
	member_id INTEGER NOT NULL REFERENCES members (id),
	path      TEXT NOT NULL,
	title     TEXT NOT NULL DEFAULT '',
	season    INTEGER NOT NULL DEFAULT 0,
	episodes  INTEGER NOT NULL DEFAULT 0,
	files     INTEGER NOT NULL DEFAULT 0,
	errors    INTEGER NOT NULL DEFAULT 0,
	warnings  INTEGER NOT NULL DEFAULT 0,
	infos     INTEGER NOT NULL DEFAULT 0,
	passed    INTEGER NOT NULL CHECK (passed IN (0, 1)),
	UNIQUE (run_id, path)
);
CREATE INDEX deliveries_member ON deliveries (member_id);
-- member_id repeats the delivery's member so that comparing two runs per
-- member is a walk down one index, with no join and no sort. The ids are
-- not declared as foreign keys: findings are the bulk of the database,
-- the three parent look-ups per row cost a fifth of the insert time, and
-- the package only ever writes ids it has just inserted in the same run.
CREATE TABLE findings (
	run_id      INTEGER NOT NULL,
	member_id   INTEGER NOT NULL,
	delivery_id INTEGER NOT NULL,
	fingerprint TEXT NOT NULL,
	rule        TEXT NOT NULL,
	severity    TEXT NOT NULL,
	file        TEXT NOT NULL DEFAULT '',
	line        INTEGER NOT NULL DEFAULT 0,
	cue         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX findings_compare ON findings (run_id, member_id, fingerprint);
CREATE INDEX findings_delivery ON findings (delivery_id);
`,
	// 2: coverage. Per run, member and delivery, the required track slots
	// (episodes × tracks the territories require) and how many were met:
	// the counts the audit's coverage percentage is computed from, so the
	// figure read back is exactly the one reported. Rows recorded before
	// this version keep NULL: their coverage is unknown, not 0.
	`
ALTER TABLE runs ADD COLUMN covered INTEGER;
ALTER TABLE runs ADD COLUMN slots INTEGER;
ALTER TABLE members ADD COLUMN covered INTEGER;
ALTER TABLE members ADD COLUMN slots INTEGER;
ALTER TABLE deliveries ADD COLUMN covered INTEGER;
ALTER TABLE deliveries ADD COLUMN slots INTEGER;
`,
	// 3: scope. The tree (or member list) a run audited, so that a run is
	// compared with the previous run of the same tree, not with whatever
	// audit was recorded last. Runs recorded before this version have
	// none ('') and are compared with nothing but each other.
	`
ALTER TABLE runs ADD COLUMN scope TEXT NOT NULL DEFAULT '';
CREATE INDEX runs_scope ON runs (scope, shard, id);
`,
}

// ApplicationID is exportqc's mark in the database header (PRAGMA
// application_id, "EQQC"): a SQLite file holding tables without it, or
// with another application's, is not a history database, and exportqc
// does not add its tables to it.
const ApplicationID = 0x45515143

// SchemaVersion is the schema version this build reads and writes.
func SchemaVersion() int { return len(migrations) }
