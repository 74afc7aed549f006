package history

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// ErrNoRun is returned when an asked-for run does not exist (or is not
// committed yet).
var ErrNoRun = errors.New("no such audit run")

// RunSummary is one committed run, as `exportqc audit history` lists it.
type RunSummary struct {
	ID               int64
	StartedAt        time.Time
	FinishedAt       time.Time
	ToolVersion      string
	Profile          string
	Territories      []string
	Args             []string
	Shard            string
	Scope            string // RunMeta.Scope; '' for runs recorded before schema version 3
	Status           string
	Members          int
	Deliveries       int
	PassedDeliveries int
	Findings         int
	Errors           int
	Warnings         int
	Infos            int
	// Coverage is the sum of the run's deliveries' coverage; nil for runs
	// recorded before the database kept coverage (schema version 2).
	Coverage *Coverage
}

// querier is what *sql.DB and *sql.Tx share: queries run either on the
// committed database or inside a run's own transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

const runColumns = `id, started_at, finished_at, tool_version, profile, territories, args, shard, status,
	members, deliveries, passed_deliveries, findings, errors, warnings, infos, covered, slots, scope`

type scanner interface{ Scan(dest ...any) error }

func scanRun(s scanner) (RunSummary, error) {
	var r RunSummary
	var started, finished, terr, args string
	var covered, slots sql.NullInt64
	err := s.Scan(&r.ID, &started, &finished, &r.ToolVersion, &r.Profile, &terr, &args, &r.Shard, &r.Status,
		&r.Members, &r.Deliveries, &r.PassedDeliveries, &r.Findings, &r.Errors, &r.Warnings, &r.Infos, &covered, &slots, &r.Scope)
	if err != nil {
		return r, err
	}
	r.Coverage = coverageOf(covered, slots)
	r.StartedAt, r.FinishedAt = parseTime(started), parseTime(finished)
	json.Unmarshal([]byte(terr), &r.Territories)
	json.Unmarshal([]byte(args), &r.Args)
	return r, nil
}

// Runs lists every committed run, oldest first.
func (d *DB) Runs() ([]RunSummary, error) {
	rows, err := d.sql.Query(`SELECT ` + runColumns + ` FROM runs ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []RunSummary
	for rows.Next() {
		r, err := scanRun(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Run returns one committed run.
func (d *DB) Run(id int64) (RunSummary, error) {
	r, err := scanRun(d.sql.QueryRow(`SELECT `+runColumns+` FROM runs WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return r, fmt.Errorf("run %d: %w", id, ErrNoRun)
	}
	return r, err
}

// PreviousRun returns the latest committed run before run `before` that
// audited the same scope (RunMeta.Scope) and covers the same shard (""
// for whole audits): the run an audit is compared with. ErrNoRun when
// there is none.
func (d *DB) PreviousRun(before int64) (RunSummary, error) {
	cur, err := d.Run(before)
	if err != nil {
		return RunSummary{}, err
	}
	return previous(context.Background(), d.sql, before, cur.Scope, cur.Shard)
}

func previous(ctx context.Context, q querier, before int64, scope, shard string) (RunSummary, error) {
	r, err := scanRun(q.QueryRowContext(ctx, `SELECT `+runColumns+` FROM runs
		WHERE scope = ? AND shard = ? AND id < ? AND status = 'complete' ORDER BY id DESC LIMIT 1`, scope, shard, before))
	if errors.Is(err, sql.ErrNoRows) {
		return r, ErrNoRun
	}
	return r, err
}

// Previous is PreviousRun for a run still being recorded.
func (r *Run) Previous() (RunSummary, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.tx == nil {
		return RunSummary{}, ErrRunClosed
	}
	return previous(context.Background(), r.tx, r.id, r.meta.Scope, r.meta.Shard)
}

// Members returns a committed run's members, by name.
func (d *DB) Members(runID int64) ([]Member, error) {
	rows, err := d.sql.Query(`SELECT name, display_name, deliveries, programmes, episodes, files, errors, warnings,
		infos, passed_deliveries, covered, slots FROM members WHERE run_id = ? ORDER BY name`, runID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Member
	for rows.Next() {
		var m Member
		var covered, slots sql.NullInt64
		if err := rows.Scan(&m.Name, &m.DisplayName, &m.Deliveries, &m.Programmes, &m.Episodes, &m.Files,
			&m.Errors, &m.Warnings, &m.Infos, &m.PassedDeliveries, &covered, &slots); err != nil {
			return nil, err
		}
		m.Coverage = coverageOf(covered, slots)
		out = append(out, m)
	}
	return out, rows.Err()
}

// coverageOf reads the covered and slots columns: nil unless both are set.
func coverageOf(covered, slots sql.NullInt64) *Coverage {
	if !covered.Valid || !slots.Valid {
		return nil
	}
	return &Coverage{Covered: int(covered.Int64), Slots: int(slots.Int64)}
}
