package cli

import (
	"path/filepath"
	"strings"

	"github.com/exportqc/exportqc/qc/engine"
	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/waiver"
)

// acceptance applies a run's waivers and baseline to the engine's parts
// as they stream, with the decisions engine.Run makes over the whole run:
// both decide finding by finding in report order (the first waiver that
// matches takes a finding; the baseline accounts for as many findings of
// a fingerprint as it holds), and the parts come in report order. What
// only the end knows, the waivers that took nothing, comes from counts,
// as a last part.
type acceptance struct {
	opts    engine.Options
	applier *waiver.Applier // nil without waivers
	matcher *waiver.Matcher // nil without a baseline
	sum     report.Summary
}

func newAcceptance(opts engine.Options) *acceptance {
	a := &acceptance{opts: opts}
	if opts.Waivers != nil {
		a.applier = opts.Waivers.Applier(opts.Now)
	}
	if opts.Baseline != nil {
		a.matcher = opts.Baseline.Matcher()
	}
	a.sum.FailOn = opts.FailOn.String()
	a.sum.Passed = true
	return a
}

// part applies the waivers and the baseline to one file's part: waived
// findings stay, marked, and leave the file's counts; findings the
// baseline holds are dropped.
func (a *acceptance) part(p report.Part) report.Part {
	fs := p.Findings
	var rec report.File
	if p.File != nil {
		rec = *p.File
	}
	if a.applier != nil {
		for i, w := range a.applier.Apply(fs) {
			fs[i].Waived = w
		}
	}
	if a.matcher != nil {
		kept := fs[:0]
		for i, isNew := range a.matcher.New(fs) {
			if isNew {
				kept = append(kept, fs[i])
				continue
			}
			a.sum.Baselined++
			uncount(&rec.Counts, &fs[i])
		}
		clear(fs[len(kept):]) // drop what the removed findings point to
		fs = kept
	}
	for i := range fs {
		f := &fs[i]
		if f.Waived != nil {
			a.sum.Waived++
			uncount(&rec.Counts, f)
		} else if f.Severity >= a.opts.FailOn {
			a.sum.Passed = false
		}
	}
	if p.File != nil {
		a.sum.Files++
		a.sum.Cues += rec.Cues
		a.sum.AddCounts(rec.Counts)
		p.File = &rec
	}
	p.Findings = fs
	return p
}

// uncount takes a finding the engine counted out of a file's counts.
func uncount(c *rule.Counts, f *rule.Finding) {
	var one rule.Counts
	one.AddFinding(f)
	c.Errors -= one.Errors
	c.Warnings -= one.Warnings
	c.Infos -= one.Infos
}

// end is the run's notes about its waivers (nil when there are none) and
// its summary with them.
func (a *acceptance) end() ([]rule.Finding, report.Summary) {
	run := &rule.Run{}
	if a.applier != nil {
		run.Waivers = a.applier.Uses()
	}
	notes := engine.RunEndFindings(a.opts, run)
	for i := range notes {
		a.sum.AddFinding(&notes[i])
		if notes[i].Severity >= a.opts.FailOn {
			a.sum.Passed = false
		}
	}
	return notes, a.sum
}

// notesComeLast reports whether findings about the waiver file come after
// every finding about the files under paths in report order, so the
// notes, known only at the end, are in their place as the last part: the
// file's path sorts after each path and is not inside one.
func notesComeLast(waivers string, paths []string) bool {
	for _, p := range paths {
		p = filepath.ToSlash(filepath.Clean(p))
		if p == "." || strings.HasPrefix(waivers, p) || waivers <= p {
			return false
		}
	}
	return true
}
