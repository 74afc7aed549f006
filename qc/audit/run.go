package audit

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/exportqc/exportqc/qc/audit/history"
	"github.com/exportqc/exportqc/qc/engine"
	"github.com/exportqc/exportqc/qc/rule"
)

// ErrInterrupted is returned by Run when its context is cancelled (an
// interrupt, a batch system's SIGTERM): nothing is recorded.
var ErrInterrupted = errors.New("audit interrupted: nothing recorded, no report written")

// Options are what one audit needs; the command line fills them from its
// flags and the config.
type Options struct {
	Root    string
	Members []Member
	Shard   Shard // zero: the whole audit
	FailOn  rule.Severity
	// Engine is how every delivery is checked (rules, packs, limits,
	// jobs); Run sets its Paths to the selected deliveries.
	Engine       engine.Options
	Requirements Requirements // territories' requirements, for coverage
	Waive        Waive        // nil: no waivers
	// DB, when not nil, records the run (Meta describes it); the run is
	// left open in the Result for the caller to commit once the reports
	// are written.
	DB   *history.DB
	Meta history.RunMeta
	// SpillDir is where findings wait for the reports ("" for the
	// system's temporary folder).
	SpillDir string
	// Planned, if set, is told the plan and the deliveries selected before
	// anything is checked; Progress the files checked so far (and
	// planned so far); Delivered each selected delivery (its index in the
	// selection) once it is checked. For progress displays.
	Planned   func(p *Plan, sel []Planned)
	Progress  func(done, total int)
	Delivered func(k int)
}

// Result is an audit ready for its reports. Close it once they are
// written: its findings wait in a spill file until then.
type Result struct {
	Audit *Audit
	// Run is the history run, open (not committed), or nil without a
	// database.
	Run   *history.Run
	spill *Spill
}

// Close rolls back the history run if it was not committed and removes
// the findings spill file.
func (r *Result) Close() error {
	if r.Run != nil {
		r.Run.Rollback() // nothing once committed
	}
	return r.spill.Close()
}

// Run plans the audit, checks every selected delivery with the engine,
// collects the results per delivery, assembles the audit and starts its
// history run. The context is honoured in every phase: a cancelled audit
// returns ErrInterrupted, with nothing recorded and nothing kept.
func Run(ctx context.Context, o Options) (*Result, error) {
	plan, err := NewPlan(o.Members)
	if err != nil {
		return nil, err
	}
	sel := plan.Select(o.Shard)
	opts := o.Engine
	opts.Paths = make([]string, len(sel))
	for i, d := range sel {
		opts.Paths[i] = filepath.Join(o.Root, filepath.FromSlash(d.Path))
	}
	if o.Planned != nil {
		o.Planned(plan, sel)
	}
	if o.Progress != nil {
		opts.Progress = o.Progress
	}
	// The engine streams one part per delivery folder; the collector keeps
	// only each delivery's compact record, so memory stays flat in the
	// number of files.
	col := NewCollector(o.Root, sel, o.FailOn, o.Requirements, o.Waive)
	// Findings wait on disk for the reports and the database, so memory
	// does not grow with them either.
	spill, err := NewSpill(o.SpillDir)
	if err != nil {
		return nil, err
	}
	res := &Result{spill: spill}
	ok := false
	defer func() {
		if !ok {
			res.Close()
		}
	}()
	col.SpillTo(spill)
	// The rules about the plan (B001-B004) are configured like the
	// engine's: the run's language-less configuration.
	base, err := opts.Resolver.Resolve("")
	if err != nil {
		return nil, err
	}
	col.SetPlan(planFacts(o.Root, plan), opts.Rules, base)
	rules, err := engine.RunEach(ctx, opts, func(p engine.Part) error {
		if o.Delivered != nil {
			o.Delivered(p.Index)
		}
		return col.Add(p.Report)
	})
	if ctx.Err() != nil {
		return nil, ErrInterrupted
	}
	if err != nil {
		return nil, err
	}
	deliveries, notes, err := col.Finish(rules)
	if err != nil {
		return nil, err
	}
	h := Header{Tool: opts.Tool, FailOn: o.FailOn, Plan: plan.Digest(), Rules: rules}
	a := Assemble(h, o.Members, deliveries, notes)
	if !o.Shard.Whole() {
		a.Shard = &o.Shard
	}
	res.Audit = a
	if o.DB != nil {
		if res.Run, err = RecordContext(ctx, o.DB, a, o.Meta); err != nil {
			if ctx.Err() != nil {
				return nil, ErrInterrupted
			}
			return nil, fmt.Errorf("history database: %w", err)
		}
	}
	if ctx.Err() != nil {
		return nil, ErrInterrupted
	}
	ok = true
	return res, nil
}
