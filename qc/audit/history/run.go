package history

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
)

// RunMeta describes an audit run as it starts.
type RunMeta struct {
	StartedAt   time.Time // zero: the database's clock at BeginRun
	ToolVersion string
	Profile     string
	Territories []string
	Args        []string
	Shard       string // "i/n" for one shard of a sharded audit, "" for a whole audit
	// Scope names what was audited (the root's absolute path, with the
	// members file's when one was given): a run is compared with the
	// previous run of the same scope only.
	Scope string
}

// Coverage is how much of what the territories require was delivered:
// Slots required (episode, track) pairs, Covered of them met. The audit's
// coverage percentage is Covered/Slots (none when Slots is 0); keeping the
// counts rather than the percentage lets a run's figure be summed from its
// deliveries and read back exactly.
type Coverage struct {
	Covered int
	Slots   int
}

// Member is one member company's figures in a run. Name is its stable key
// across runs (the folder name); DisplayName is for people.
type Member struct {
	Name             string
	DisplayName      string
	Deliveries       int
	Programmes       int
	Episodes         int
	Files            int
	Errors           int
	Warnings         int
	Infos            int
	PassedDeliveries int
	// Coverage is nil when not known: members of runs recorded before
	// the database kept coverage read back so.
	Coverage *Coverage
}

// Delivery is one delivery's result in a run.
type Delivery struct {
	Member   string // Member.Name
	Path     string // unique within the run
	Title    string
	Season   int
	Episodes int
	Files    int
	Errors   int
	Warnings int
	Infos    int
	Passed   bool
	// Coverage is nil when not known; the run's coverage is the sum of its
	// deliveries', and unknown if any delivery's is.
	Coverage *Coverage
}

// Finding is what the history keeps of a finding: enough to say whether it
// is new, fixed or unchanged next time (the fingerprint) and where it was.
type Finding struct {
	Fingerprint string
	Rule        string
	Severity    string
	File        string
	Line        int
	Cue         int
}

// DeliveryID identifies a delivery recorded in a run.
type DeliveryID int64

// ErrRunClosed is returned by a Run after Commit or Rollback.
var ErrRunClosed = errors.New("audit run already committed or rolled back")

// batchRows is how many findings one INSERT carries: 128 rows of 9 values
// stays far below SQLite's 32,766-parameter limit, and cuts the per-row
// statement overhead a hundredfold.
const batchRows = 128

const findingCols = 9

// Run is an audit run being recorded: one transaction. Its methods are
// safe for concurrent use, though a single writer goroutine is fastest.
type Run struct {
	id   int64
	meta RunMeta
	db   *DB

	mu       sync.Mutex
	tx       *sql.Tx
	members  map[string]int64
	memberOf map[DeliveryID]int64
	insMem   *sql.Stmt
	updMem   *sql.Stmt
	insDel   *sql.Stmt
	insOne   *sql.Stmt
	insBatch *sql.Stmt
	pending  []any // up to batchRows findings' values, flattened
	totals   struct {
		deliveries, passed, findings, errors, warnings, infos int
		covered, slots                                        int
		coverageUnknown                                       bool
	}
}

// BeginRun starts recording a run. It takes the database's write lock
// until Commit or Rollback.
func (d *DB) BeginRun(meta RunMeta) (*Run, error) {
	ctx := context.Background()
	if meta.StartedAt.IsZero() {
		meta.StartedAt = d.now()
	}
	terr, _ := json.Marshal(nonNil(meta.Territories))
	args, _ := json.Marshal(nonNil(meta.Args))
	tx, err := d.sql.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO runs (started_at, finished_at, tool_version, profile, territories, args, shard, status, scope)
		VALUES (?, '', ?, ?, ?, ?, ?, 'running', ?)`,
		formatTime(meta.StartedAt), meta.ToolVersion, meta.Profile, string(terr), string(args), meta.Shard, meta.Scope)
	if err != nil {
		tx.Rollback()
		return nil, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		tx.Rollback()
		return nil, err
	}
	r := &Run{id: id, meta: meta, db: d, tx: tx, members: map[string]int64{}, memberOf: map[DeliveryID]int64{},
		pending: make([]any, 0, batchRows*findingCols)}
	if err := r.prepare(ctx); err != nil {
		tx.Rollback()
		return nil, err
	}
	d.mu.Lock()
	d.open[r] = true
	d.mu.Unlock()
	return r, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (r *Run) prepare(ctx context.Context) error {
	var err error
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var s *sql.Stmt
		s, err = r.tx.PrepareContext(ctx, q)
		return s
	}
	r.insMem = prep(`INSERT INTO members (run_id, name) VALUES (?, ?)`)
	r.updMem = prep(`UPDATE members SET display_name = ?, deliveries = ?, programmes = ?, episodes = ?, files = ?,
		errors = ?, warnings = ?, infos = ?, passed_deliveries = ?, covered = ?, slots = ? WHERE id = ?`)
	r.insDel = prep(`INSERT INTO deliveries (run_id, member_id, path, title, season, episodes, files, errors, warnings, infos, passed,
		covered, slots) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	// OR ROLLBACK: nothing in a findings row can violate a constraint,
	// and saying that any violation ends the run spares SQLite a
	// statement journal (a copy of every page a batch touches).
	const ins = `INSERT OR ROLLBACK INTO findings (run_id, member_id, delivery_id, fingerprint, rule, severity, file, line, cue) VALUES `
	const row = "(?, ?, ?, ?, ?, ?, ?, ?, ?)"
	r.insOne = prep(ins + row)
	r.insBatch = prep(ins + strings.Repeat(row+", ", batchRows-1) + row)
	return err
}

// ID is the run's id (assigned at BeginRun; other connections see it only
// after Commit).
func (r *Run) ID() int64 { return r.id }

// member returns the id of the named member in this run, adding a row for
// it on first use.
func (r *Run) member(ctx context.Context, name string) (int64, error) {
	if id, ok := r.members[name]; ok {
		return id, nil
	}
	res, err := r.insMem.ExecContext(ctx, r.id, name)
	if err != nil {
		return 0, fmt.Errorf("member %q: %w", name, err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	r.members[name] = id
	return id, nil
}

// AddMember records a member's figures; calling it again for the same
// name replaces them (the figures are usually known only once all its
// deliveries are done).
func (r *Run) AddMember(m Member) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.tx == nil {
		return ErrRunClosed
	}
	ctx := context.Background()
	id, err := r.member(ctx, m.Name)
	if err != nil {
		return err
	}
	covered, slots := coverageArgs(m.Coverage)
	_, err = r.updMem.ExecContext(ctx, m.DisplayName, m.Deliveries, m.Programmes, m.Episodes, m.Files,
		m.Errors, m.Warnings, m.Infos, m.PassedDeliveries, covered, slots, id)
	return err
}

// coverageArgs are the covered and slots column values: NULL for unknown.
func coverageArgs(c *Coverage) (covered, slots any) {
	if c == nil {
		return nil, nil
	}
	return c.Covered, c.Slots
}

// AddDelivery records a delivery's result (its member is created if not
// yet added) and returns the id its findings are filed under.
func (r *Run) AddDelivery(d Delivery) (DeliveryID, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.tx == nil {
		return 0, ErrRunClosed
	}
	ctx := context.Background()
	mid, err := r.member(ctx, d.Member)
	if err != nil {
		return 0, err
	}
	passed := 0
	if d.Passed {
		passed = 1
		r.totals.passed++
	}
	covered, slots := coverageArgs(d.Coverage)
	res, err := r.insDel.ExecContext(ctx, r.id, mid, d.Path, d.Title, d.Season, d.Episodes, d.Files,
		d.Errors, d.Warnings, d.Infos, passed, covered, slots)
	if err != nil {
		return 0, fmt.Errorf("delivery %q: %w", d.Path, err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	r.totals.deliveries++
	r.totals.errors += d.Errors
	r.totals.warnings += d.Warnings
	r.totals.infos += d.Infos
	if d.Coverage == nil {
		r.totals.coverageUnknown = true
	} else {
		r.totals.covered += d.Coverage.Covered
		r.totals.slots += d.Coverage.Slots
	}
	r.memberOf[DeliveryID(id)] = mid
	return DeliveryID(id), nil
}

// AddFindings records findings of a delivery added to this run. They are
// written in batches; Commit writes the last partial batch.
func (r *Run) AddFindings(delivery DeliveryID, fs []Finding) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.tx == nil {
		return ErrRunClosed
	}
	mid, ok := r.memberOf[delivery]
	if !ok {
		return fmt.Errorf("delivery %d was not added to run %d", delivery, r.id)
	}
	ctx := context.Background()
	for i := range fs {
		f := &fs[i]
		r.pending = append(r.pending, r.id, mid, int64(delivery), f.Fingerprint, f.Rule, f.Severity, f.File, f.Line, f.Cue)
		if len(r.pending) == batchRows*findingCols {
			if _, err := r.insBatch.ExecContext(ctx, r.pending...); err != nil {
				r.abort()
				return err
			}
			r.pending = r.pending[:0]
		}
	}
	r.totals.findings += len(fs)
	return nil
}

func (r *Run) flush(ctx context.Context) error {
	for len(r.pending) > 0 {
		if _, err := r.insOne.ExecContext(ctx, r.pending[:findingCols]...); err != nil {
			r.abort()
			return err
		}
		r.pending = r.pending[findingCols:]
	}
	return nil
}

// Commit writes the run's totals and finish time and makes the run
// visible, all at once.
func (r *Run) Commit() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.tx == nil {
		return ErrRunClosed
	}
	ctx := context.Background()
	if err := r.flush(ctx); err != nil {
		return err // the run is already rolled back
	}
	t := &r.totals
	var covered, slots any = t.covered, t.slots
	if t.coverageUnknown {
		covered, slots = nil, nil
	}
	_, err := r.tx.ExecContext(ctx, `UPDATE runs SET finished_at = ?, status = 'complete', members = ?, deliveries = ?,
		passed_deliveries = ?, findings = ?, errors = ?, warnings = ?, infos = ?, covered = ?, slots = ? WHERE id = ?`,
		formatTime(r.db.now()), len(r.members), t.deliveries, t.passed, t.findings, t.errors, t.warnings, t.infos,
		covered, slots, r.id)
	if err == nil {
		err = r.tx.Commit()
	} else {
		r.tx.Rollback()
	}
	r.close()
	return err
}

// Rollback abandons the run: nothing of it is kept. Rolling back a run
// already committed or rolled back does nothing.
func (r *Run) Rollback() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.tx == nil {
		return nil
	}
	err := r.tx.Rollback()
	r.close()
	return err
}

// abort ends a run whose transaction failed (SQLite may already have
// rolled it back): every later call says the run is closed.
func (r *Run) abort() {
	r.tx.Rollback()
	r.close()
}

func (r *Run) close() {
	r.tx = nil
	r.pending = nil
	r.db.mu.Lock()
	delete(r.db.open, r)
	r.db.mu.Unlock()
}
