package history

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
)

// MemberChange says, for one member, how its findings moved between two
// runs, matched by fingerprint: New are in the current run only, Fixed in
// the previous run only, Unchanged in both. A fingerprint occurring k times
// in one run and j in the other counts min(k, j) unchanged and the rest
// new or fixed.
type MemberChange struct {
	Member    string
	New       int
	Fixed     int
	Unchanged int
}

// Compare matches the findings of two committed runs per member. Members
// present in either run are listed, by name.
func (d *DB) Compare(prevRunID, curRunID int64) ([]MemberChange, error) {
	return compare(context.Background(), d.sql, prevRunID, curRunID)
}

// Compare is DB.Compare between a committed run and this run while it is
// being recorded (findings not yet flushed are included).
func (r *Run) Compare(prevRunID int64) ([]MemberChange, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.tx == nil {
		return nil, ErrRunClosed
	}
	ctx := context.Background()
	if err := r.flush(ctx); err != nil {
		return nil, err
	}
	return compare(ctx, r.tx, prevRunID, r.id)
}

func runMembers(ctx context.Context, q querier, run int64) (map[string]int64, error) {
	var exists int
	if err := q.QueryRowContext(ctx, `SELECT 1 FROM runs WHERE id = ?`, run).Scan(&exists); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("run %d: %w", run, ErrNoRun)
		}
		return nil, err
	}
	rows, err := q.QueryContext(ctx, `SELECT name, id FROM members WHERE run_id = ?`, run)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var name string
		var id int64
		if err := rows.Scan(&name, &id); err != nil {
			return nil, err
		}
		out[name] = id
	}
	return out, rows.Err()
}

func compare(ctx context.Context, q querier, prev, cur int64) ([]MemberChange, error) {
	pm, err := runMembers(ctx, q, prev)
	if err != nil {
		return nil, err
	}
	cm, err := runMembers(ctx, q, cur)
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(cm))
	for n := range cm {
		names = append(names, n)
	}
	for n := range pm {
		if _, ok := cm[n]; !ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	out := make([]MemberChange, 0, len(names))
	for _, n := range names {
		c := MemberChange{Member: n}
		pid, inPrev := pm[n]
		cid, inCur := cm[n]
		if err := mergeFingerprints(ctx, q, prev, pid, inPrev, cur, cid, inCur, &c); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// fpStream walks one member's fingerprints of one run in order, down the
// findings_compare index: no sort, and memory independent of the count.
type fpStream struct {
	rows *sql.Rows
	cur  string
	ok   bool
	err  error
}

func openStream(ctx context.Context, q querier, run, member int64, present bool) (*fpStream, error) {
	s := &fpStream{}
	if !present {
		return s, nil
	}
	rows, err := q.QueryContext(ctx, `SELECT fingerprint FROM findings WHERE run_id = ? AND member_id = ? ORDER BY fingerprint`, run, member)
	if err != nil {
		return nil, err
	}
	s.rows = rows
	s.next()
	return s, nil
}

func (s *fpStream) next() {
	if s.rows == nil {
		s.ok = false
		return
	}
	if s.ok = s.rows.Next(); s.ok {
		s.err = s.rows.Scan(&s.cur)
		s.ok = s.err == nil
	} else {
		s.err = s.rows.Err()
	}
}

func (s *fpStream) close() {
	if s.rows != nil {
		s.rows.Close()
	}
}

func mergeFingerprints(ctx context.Context, q querier, prev, pid int64, inPrev bool, cur, cid int64, inCur bool, c *MemberChange) error {
	p, err := openStream(ctx, q, prev, pid, inPrev)
	if err != nil {
		return err
	}
	defer p.close()
	n, err := openStream(ctx, q, cur, cid, inCur)
	if err != nil {
		return err
	}
	defer n.close()
	for p.ok || n.ok {
		switch {
		case p.ok && n.ok && p.cur == n.cur:
			c.Unchanged++
			p.next()
			n.next()
		case !n.ok || p.ok && p.cur < n.cur:
			c.Fixed++
			p.next()
		default:
			c.New++
			n.next()
		}
	}
	if p.err != nil {
		return p.err
	}
	return n.err
}
