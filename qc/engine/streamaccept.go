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
	old     []bool          // scratch: the last part's verdicts
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

// notes are the findings about the waivers themselves (W001, W002), known
// once every other finding is decided, folded into sum; nil without
// waivers.
func (a *streamAcceptance) notes(sum *report.Summary) []rule.Finding {
	if a == nil || a.applier == nil {
		return nil
	}
	notes := RunEndFindings(*a.opts, &rule.Run{Waivers: a.applier.Uses()})
	for i := range notes {
		sum.AddFinding(&notes[i])
		if notes[i].Severity >= a.opts.FailOn {
			sum.Passed = false
		}
	}
	return notes
}

// notesPlace puts the notes about the waivers where report order puts the
// waiver file's path, though they are known only at the end: the parts
// about paths after it are held until then. When the waiver file's path
// sorts after every checked path (waivers.yaml beside subs/) nothing is
// held; when it sorts among them (check . --waivers waivers.yaml) memory
// holds the parts after it, and at worst (a path that sorts before every
// file, like .waivers.yaml in the folder checked) the whole run, as a
// collected run would. Deciding the notes earlier is not possible: a
// waiver is unused only if no finding of the run matched it.
type notesPlace struct {
	path string // the waiver file's, as the notes name it; "" without waivers
	emit func(report.Part) error
	held []report.Part
}

func newNotesPlace(opts *Options, emit func(report.Part) error) *notesPlace {
	n := &notesPlace{emit: emit}
	if opts.Waivers != nil {
		n.path = opts.Waivers.Path()
	}
	return n
}

// part emits p, or holds it when it is about the waiver file (a delivery
// folder's D003 says it is not in the manifest: the notes join that part)
// or a path after it.
func (n *notesPlace) part(p report.Part) error {
	if n.path != "" && (len(n.held) > 0 || partPath(p) >= n.path) {
		n.held = append(n.held, p)
		return nil
	}
	return n.emit(p)
}

// end emits the notes, then the parts held for them.
func (n *notesPlace) end(notes []rule.Finding) error {
	switch {
	case len(notes) == 0:
	case len(n.held) > 0 && partPath(n.held[0]) == n.path:
		// Ties go to the run's own findings, as in the whole report.
		n.held[0].Findings = mergeFindings(n.held[0].Findings, notes)
	default:
		if err := n.emit(report.Part{Findings: notes}); err != nil {
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

// partPath is the path a part is about: its file's, or its findings'.
func partPath(p report.Part) string {
	if p.File != nil {
		return p.File.Path
	}
	return p.Findings[0].File
}
