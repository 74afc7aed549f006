package history

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// BusyTimeout is how long a connection waits for another writer's lock
// before giving up. An audit holds the write lock for its whole run, so a
// second audit recording into the same file fails after this wait.
const BusyTimeout = 10 * time.Second

// ErrForeign is returned by Open for a SQLite file of another
// application: it holds tables but not exportqc's schema marker.
var ErrForeign = errors.New("not an exportqc history database")

// ErrNewerSchema is returned by Open for a database written by a newer
// exportqc.
var ErrNewerSchema = errors.New("history database has a newer schema than this exportqc knows")

// DB is an open history database. It is safe for concurrent use.
type DB struct {
	sql  *sql.DB
	path string
	now  func() time.Time

	mu   sync.Mutex
	open map[*Run]bool // runs begun and not yet committed or rolled back
}

// Option configures Open.
type Option func(*DB)

// WithClock replaces time.Now as the source of run start and finish
// times (tests inject a fixed clock).
func WithClock(now func() time.Time) Option { return func(d *DB) { d.now = now } }

// Open opens (creating if needed) the history database at path, in WAL
// mode with foreign keys enforced, and brings its schema up to date.
func Open(path string, opts ...Option) (*DB, error) {
	return open(path, len(migrations), opts...)
}

// open is Open bringing the schema up to version target only (tests write
// databases as earlier versions did).
func open(path string, target int, opts ...Option) (*DB, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	// A file: URI with the path escaped, so that '?' or '#' in a folder
	// name cannot be taken for the start of the parameters.
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	q := url.Values{}
	q.Set("_txlock", "immediate") // take the write lock at BeginRun, not at the first insert
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", BusyTimeout.Milliseconds()))
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)") // WAL + NORMAL: durable at checkpoints, never corrupt
	// A 64 MB page cache (an upper bound, grown only as used) holds the
	// findings index of a full audit's run while it is written: with the
	// 2 MB default, index pages spill and are read back, doubling the time.
	q.Add("_pragma", "cache_size(-65536)")
	q.Add("_pragma", "temp_store(MEMORY)")
	// Whose file it is is asked read-only first: opening in WAL mode
	// writes to the file, and another application's must be left as it is.
	if st, err := os.Stat(abs); err == nil && st.Size() > 0 {
		if err := checkOwner(u.String() + "?mode=ro"); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	sqldb, err := sql.Open("sqlite", u.String()+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	d := &DB{sql: sqldb, path: path, now: time.Now, open: map[*Run]bool{}}
	for _, o := range opts {
		o(d)
	}
	if err := d.migrate(context.Background(), target); err != nil {
		sqldb.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return d, nil
}

// migrate applies the migrations the database lacks up to version
// target, all in one transaction: a crash halfway leaves the old version
// intact.
func (d *DB) migrate(ctx context.Context, target int) error {
	tx, err := d.sql.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var version int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	if version > len(migrations) {
		return fmt.Errorf("%w (schema version %d, this build knows up to %d): use a newer exportqc", ErrNewerSchema, version, len(migrations))
	}
	if version >= target {
		return nil
	}
	for v := version; v < target; v++ {
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			return fmt.Errorf("schema migration %d: %w", v+1, err)
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
			v+1, formatTime(d.now())); err != nil {
			return fmt.Errorf("schema migration %d: %w", v+1, err)
		}
		// PRAGMA takes no parameters; the value is our own integer.
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
		return err
	}
	return tx.Commit()
}

// checkOwner refuses a database that is not exportqc's: one marked by
// another application, or holding tables without exportqc's mark. An
// empty file is new; one written before the mark existed (schema version
// 1 or 2, with exportqc's runs and schema_migrations tables) is exportqc's
// and gets the mark with its next migration.
func checkOwner(uri string) error {
	ctx := context.Background()
	db, err := sql.Open("sqlite", uri)
	if err != nil {
		return err
	}
	defer db.Close()
	var app int64
	var version int
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&app); err != nil {
		return err
	}
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	if app == ApplicationID {
		return nil
	}
	if app != 0 {
		return fmt.Errorf("%w: it is marked as another application's (application_id %#x)", ErrForeign, app)
	}
	rows, err := db.QueryContext(ctx, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
	if err != nil {
		return err
	}
	defer rows.Close()
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return err
		}
		tables = append(tables, name)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(tables) == 0 {
		return nil
	}
	if version >= 1 && version <= 2 && slices.Contains(tables, "runs") && slices.Contains(tables, "schema_migrations") {
		return nil // recorded by an exportqc from before the mark
	}
	if len(tables) > 5 {
		tables = append(tables[:5], "...")
	}
	return fmt.Errorf("%w: it holds another application's tables (%s); give exportqc a file of its own",
		ErrForeign, strings.Join(tables, ", "))
}

// Version returns the database's schema version.
func (d *DB) Version() (int, error) {
	var v int
	err := d.sql.QueryRow("PRAGMA user_version").Scan(&v)
	return v, err
}

// Close rolls back any run not yet committed and closes the database.
func (d *DB) Close() error {
	d.mu.Lock()
	runs := make([]*Run, 0, len(d.open))
	for r := range d.open {
		runs = append(runs, r)
	}
	d.mu.Unlock()
	for _, r := range runs {
		r.Rollback()
	}
	return d.sql.Close()
}

// timeLayout is fixed-width UTC, so times sort as text.
const timeLayout = "2006-01-02T15:04:05.000000Z"

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s string) time.Time {
	t, _ := time.Parse(timeLayout, s)
	return t
}
