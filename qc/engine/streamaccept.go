package engine

import (
	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/waiver"
)

// streamAcceptance applies a run's waivers and baseline in RunStream, to
// each part's findings just before they are counted and emitted, with the
// decisions acceptance makes over the whole run: both decide finding by
// finding in report order (the first waiver that matches takes a finding;
// the baseline accounts for as many findings of a fingerprint as it
// holds), and parts are emitted in report order. Deciding here, and not
// in the caller, is what lets a delivery's record count only the findings
// accepted: the engine knows which delivery each finding counts for.
type streamAcceptance struct {
	opts    *Options
	applier *waiver.Applier // nil without waivers
	matcher *waiver.Matcher // nil without a baseline
}

// newStreamAcceptance is nil for a run without waivers or a baseline.
func newStreamAcceptance(opts *Options) *streamAcceptance {
	if opts.Waivers == nil && opts.Baseline == nil {
		return nil
	}
	a := &streamAcceptance{opts: opts}
	if opts.Waivers != nil {
		a.applier = opts.Waivers.Applier(opts.Now)
	}
	if opts.Baseline != nil {
		a.matcher = opts.Baseline.Matcher()
	}
	return a
}

// decide marks the waived findings of fs (the next findings in report
// order) and removes those the baseline already has, keeping owner (a
// slice parallel to fs, or nil) in step. It returns what is left and how
// many were removed.
func (a *streamAcceptance) decide(fs []rule.Finding, owner []int) ([]rule.Finding, []int, int) {
	if a == nil || len(fs) == 0 {
		return fs, owner, 0
	}
	if a.applier != nil {
		for i, w := range a.applier.Apply(fs) {
			fs[i].Waived = w
		}
	}
	if a.matcher == nil {
		return fs, owner, 0
	}
	kept := 0
	for i, isNew := range a.matcher.New(fs) {
		if !isNew {
			continue
		}
		fs[kept] = fs[i]
		if owner != nil {
			owner[kept] = owner[i]
		}
		kept++
	}
	removed := len(fs) - kept
	clear(fs[kept:]) // drop what the removed findings point to
	if owner != nil {
		owner = owner[:kept]
	}
	return fs[:kept], owner, removed
}

// notes are the findings about the waivers themselves (W001, W002), in
// report order; nil without waivers. They are final once the waivers are
// settled (waiver.Applier.Settled), at the latest at the end of the run.
func (a *streamAcceptance) notes() []rule.Finding {
	if a == nil || a.applier == nil {
		return nil
	}
	return RunEndFindings(*a.opts, &rule.Run{Waivers: a.applier.Uses()})
}

// settled reports whether the notes can no longer change.
func (a *streamAcceptance) settled() bool {
	return a == nil || a.applier == nil || a.applier.Settled()
}

// countNotes folds the notes into the run's summary.
func countNotes(sum *report.Summary, notes []rule.Finding, failOn rule.Severity) {
	for i := range notes {
		sum.AddFinding(&notes[i])
		if notes[i].Severity >= failOn {
			sum.Passed = false
		}
	}
}

// notesPlace puts the notes about the waivers where report order puts the
// waiver file's path, though they may be known only at the end: the parts
// about that path and the paths after it are held until the waivers are
// settled (every waiver in force has waived a finding), or the run ends.
// Nothing is held when the waiver file's path sorts after every checked
// path (waivers.yaml beside subs/), nor once the waivers are settled; but
// with a waiver that waives nothing (a stale one, which W001 reports) and
// the waiver file among the checked paths (check . --waivers
// waivers.yaml), memory holds the parts after it to the end, at worst
// (a path that sorts before every file, like .waivers.yaml in the folder
// checked) the whole run, as a collected run would: whether a waiver is
// unused is known only once no finding is left to match it.
type notesPlace struct {
	path   string // the waiver file's, as the notes name it; "" without waivers
	accept *streamAcceptance
	emit   func(report.Part) error
	held   []report.Part
	done   bool           // the notes are out
	notes  []rule.Finding // those put out, for the summary
	// recycler takes back a held part's findings replaced by the merge
	// with the notes (nil without one).
	recycler *Recycler
}

func newNotesPlace(opts *Options, accept *streamAcceptance, emit func(report.Part) error) *notesPlace {
	n := &notesPlace{accept: accept, emit: emit, recycler: opts.Recycler}
	if opts.Waivers != nil {
		n.path = opts.Waivers.Path()
	}
	return n
}

// part emits p, or holds it while it belongs with or after notes not yet
// known.
func (n *notesPlace) part(p report.Part) error {
	if n.path == "" || n.done || partPath(p) < n.path {
		return n.emit(p)
	}
	n.held = append(n.held, p)
	if n.accept.settled() {
		return n.flush()
	}
	return nil
}

// end puts the notes out, if they are not yet, and what they held back.
func (n *notesPlace) end() error {
	if n.path == "" || n.done {
		return nil
	}
	return n.flush()
}

// flush emits the notes, then the parts held for them. The notes join the
// part about the waiver file's own path when there is one (a delivery's
// D003 says the waiver file is not in its manifest); ties go to the run's
// own findings, as in the whole report.
func (n *notesPlace) flush() error {
	n.done = true
	n.notes = n.accept.notes()
	switch {
	case len(n.notes) == 0:
	case len(n.held) > 0 && partPath(n.held[0]) == n.path:
		merged := mergeFindings(n.held[0].Findings, n.notes)
		n.recycler.reclaim(n.held[0].Findings) // never emitted: no reader has it
		n.held[0].Findings = merged
	default:
		if err := n.emit(report.Part{Findings: n.notes}); err != nil {
			return err
		}
	}
	for i, p := range n.held {
		if err := n.emit(p); err != nil {
			return err
		}
		n.held[i] = report.Part{} // forget it once written
	}
	n.held = nil
	return nil
}

// partPath is the path a part is about: its file's, or its findings'
// ("" for a part with neither, which the engine never sends).
func partPath(p report.Part) string {
	switch {
	case p.File != nil:
		return p.File.Path
	case len(p.Findings) > 0:
		return p.Findings[0].File
	}
	return ""
}
