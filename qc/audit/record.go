package audit

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/exportqc/exportqc/qc/audit/history"
)

// Record starts recording the audit in the history database and fills in
// what the database knows about the past: Previous, each member's Change
// and the body's, and the Trend of whole audits. The returned run is still
// open (one transaction): the caller writes its reports and then commits,
// or rolls back if it could not, so the database never holds an audit
// whose reports were not written.
//
// Every finding is recorded, waived ones included: a waiver accepts a
// problem, it does not fix it, so adding one must not turn a finding into
// "fixed" in the next comparison.
func Record(db *history.DB, a *Audit, meta history.RunMeta) (*history.Run, error) {
	return RecordContext(context.Background(), db, a, meta)
}

// RecordContext is Record stopping when ctx is cancelled (between
// deliveries): the run is rolled back and ctx's error returned, so an
// interrupt while a large audit is being recorded is honoured at once.
func RecordContext(ctx context.Context, db *history.DB, a *Audit, meta history.RunMeta) (*history.Run, error) {
	run, err := db.BeginRun(meta)
	if err != nil {
		return nil, err
	}
	ok := false
	defer func() {
		if !ok {
			run.Rollback()
		}
	}()
	for _, m := range a.Members {
		if err := run.AddMember(history.Member{Name: m.Name, DisplayName: m.DisplayName, Deliveries: m.Deliveries,
			Programmes: m.Programmes, Episodes: m.Episodes, Files: m.Files, Errors: m.Errors, Warnings: m.Warnings,
			Infos: m.Infos, PassedDeliveries: m.PassedDeliveries, Coverage: slots(m.Territories)}); err != nil {
			return nil, err
		}
	}
	var batch []history.Finding
	for i := range a.Deliveries {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		d := &a.Deliveries[i]
		id, err := run.AddDelivery(history.Delivery{Member: d.Member, Path: d.Path, Title: d.Title, Season: d.Season,
			Episodes: len(d.Episodes), Files: d.Files, Errors: d.Errors, Warnings: d.Warnings, Infos: d.Infos,
			Passed: d.Passed, Coverage: slots(d.Coverage)})
		if err != nil {
			return nil, err
		}
		findings, err := d.FindingList()
		if err != nil {
			return nil, err
		}
		batch = batch[:0]
		for j := range findings {
			f := &findings[j]
			batch = append(batch, history.Finding{Fingerprint: f.Fingerprint, Rule: f.Rule,
				Severity: f.Severity.String(), File: f.File, Line: f.Line, Cue: f.Cue})
		}
		if err := run.AddFindings(id, batch); err != nil {
			return nil, err
		}
	}

	prev, err := run.Previous()
	switch {
	case errors.Is(err, history.ErrNoRun):
	case err != nil:
		return nil, err
	default:
		changes, err := run.Compare(prev.ID)
		if err != nil {
			return nil, err
		}
		applyChanges(a, changes)
		a.Previous = &Previous{Run: prev.ID, Started: stamp(prev.StartedAt), Deliveries: prev.Deliveries,
			PassedDeliveries: prev.PassedDeliveries, PassRate: percent(prev.PassedDeliveries, prev.Deliveries),
			Coverage: coveragePercent(prev.Coverage), Errors: prev.Errors, Warnings: prev.Warnings}
	}
	trend, err := Trend(db, meta.Scope, meta.Shard)
	if err != nil {
		return nil, err
	}
	a.Trend = append(trend, TrendPoint{Deliveries: a.Totals.Deliveries, PassRate: a.Totals.PassRate,
		Coverage: a.Totals.Coverage, Errors: a.Totals.Errors})
	ok = true
	return run, nil
}

// applyChanges sets each member's Change and their sum in the totals. A
// member present only in the previous audit (it left, or its folder was
// renamed) still counts in the body's fixed findings.
func applyChanges(a *Audit, changes []history.MemberChange) {
	by := map[string]history.MemberChange{}
	total := &Change{}
	for _, c := range changes {
		by[c.Member] = c
		total.New += c.New
		total.Fixed += c.Fixed
		total.Unchanged += c.Unchanged
	}
	for i := range a.Members {
		c := by[a.Members[i].Name]
		a.Members[i].Change = &Change{New: c.New, Fixed: c.Fixed, Unchanged: c.Unchanged}
	}
	a.Totals.Change = total
}

// Trend lists the committed audits of the database of one scope
// (history.RunMeta.Scope) and shard kind ("" for whole audits), oldest first, with the pass rate and coverage each
// recorded (no coverage for audits recorded before the database kept it).
func Trend(db *history.DB, scope, shard string) ([]TrendPoint, error) {
	runs, err := db.Runs()
	if err != nil {
		return nil, err
	}
	var out []TrendPoint
	for _, r := range runs {
		if r.Scope != scope || r.Shard != shard || r.Status != "complete" {
			continue
		}
		out = append(out, TrendPoint{Run: r.ID, Started: stamp(r.StartedAt), Deliveries: r.Deliveries,
			PassRate: percent(r.PassedDeliveries, r.Deliveries), Coverage: coveragePercent(r.Coverage), Errors: r.Errors})
	}
	return out, nil
}

// slots sums the required track slots of a delivery's or a member's
// territories, and those met: the counts its coverage percentage is
// computed from (aggregate.go), recorded so that the percentage read back
// is the one reported.
func slots(cs []Coverage) *history.Coverage {
	var out history.Coverage
	for i := range cs {
		out.Covered += cs[i].Covered
		out.Slots += cs[i].Slots
	}
	return &out
}

// coveragePercent is a recorded coverage as the audit reports it: nil when
// unknown or when nothing was required.
func coveragePercent(c *history.Coverage) *Percent {
	if c == nil {
		return nil
	}
	return percent(c.Covered, c.Slots)
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// Scope names what an audit audited, for the history (RunMeta.Scope): the
// root's absolute path, followed by the members file's when one lists the
// members. Runs are compared only with runs of the same scope, so sibling
// trees sharing a database (/audits/2025, /audits/2026) do not compare
// against each other.
func Scope(root, membersFile string) string {
	s := absolute(root)
	if membersFile != "" {
		s += " (members " + absolute(membersFile) + ")"
	}
	return s
}

// ScopeRoot reports whether a recorded scope is an audit of root.
func ScopeRoot(scope, root string) bool {
	abs := absolute(root)
	return scope == abs || strings.HasPrefix(scope, abs+" (members ")
}

// MergedScope is the scope of a merge of shard reports, which do not say
// where their tree was mounted (the same tree gives the same bytes
// anywhere): the set of members they cover. Merges of the same members
// compare with each other.
func MergedScope(a *Audit) string {
	h := sha256.New()
	for _, m := range a.Members {
		h.Write([]byte(m.Name + "\n"))
	}
	return "merged shards of " + strconv.Itoa(len(a.Members)) + " members " + hex.EncodeToString(h.Sum(nil)[:8])
}

func absolute(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return filepath.Clean(p)
}
