package engine

import (
	"path/filepath"
	"strings"

	"github.com/exportqc/exportqc/qc/delivery/load"
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
// waivers. Run puts them where report order puts the waiver file's path;
// a streamed run sends them last, so RunStream only streams runs where
// that is their place (waiverNotesLast).
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

// waiverNotesLast reports whether the notes about the waiver file (whose
// path is waivers, as given) come after every finding of a run over paths
// in report order, so that a streamed run can send them, known only at
// the end, as its last part: the waiver file's path sorts after each path
// and lies inside none. Every finding of the run names a path, or a path
// inside one, that the run was given (a manifest named stands for its
// folder), and a string that sorts after p without p as its prefix sorts
// after everything p starts.
func waiverNotesLast(waivers string, paths []string) bool {
	for _, p := range paths {
		if load.IsManifestFile(p) {
			p = filepath.Dir(p)
		}
		p = slashClean(p)
		if p == "." || strings.HasPrefix(waivers, p) || waivers <= p {
			return false
		}
	}
	return true
}
