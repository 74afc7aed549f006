package engine

import (
	"slices"

	"github.com/exportqc/exportqc/qc/rule"
)

// acceptance applies the run's waivers and baseline to every finding of the
// run at once (an unused waiver can only be told after seeing them all).
// Waived findings are marked in place and stay in their slots; findings the
// baseline already had are removed from their slots. It returns what the
// run's rules with RunEnd inspect (what each waiver did) and how many
// findings the baseline removed.
func acceptance(opts *Options, results []fileResult, units []*unit) (run *rule.Run, baselined int) {
	run = &rule.Run{}
	if opts.Waivers == nil && opts.Baseline == nil {
		return run, 0
	}
	var all []*rule.Finding
	for i := range results {
		for j := range results[i].findings {
			all = append(all, &results[i].findings[j])
		}
	}
	for _, u := range units {
		for j := range u.findings {
			all = append(all, &u.findings[j])
		}
	}
	// Report order, so "first match" and baseline multiplicity never depend
	// on scheduling.
	slices.SortStableFunc(all, func(a, b *rule.Finding) int { return compareFindings(*a, *b) })
	flat := make([]rule.Finding, len(all))
	for i, f := range all {
		flat[i] = *f
	}
	if opts.Waivers != nil {
		a := opts.Waivers.Applier(opts.Now)
		for i, w := range a.Apply(flat) {
			all[i].Waived = w
			flat[i].Waived = w
		}
		run.Waivers = a.Uses()
	}
	if opts.Baseline == nil {
		return run, 0
	}
	old := map[*rule.Finding]bool{}
	for i, isNew := range opts.Baseline.New(flat) {
		if !isNew {
			old[all[i]] = true
		}
	}
	drop := func(fs []rule.Finding) []rule.Finding {
		kept := fs[:0]
		for j := range fs {
			if !old[&fs[j]] {
				kept = append(kept, fs[j])
			}
		}
		return kept
	}
	for i := range results {
		results[i].findings = drop(results[i].findings)
	}
	for _, u := range units {
		u.findings = drop(u.findings)
	}
	return run, len(old)
}

// counts reports whether a finding counts towards totals and pass/fail.
func counts(f *rule.Finding) bool { return f.Waived == nil }
