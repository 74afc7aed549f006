package report

import "github.com/exportqc/exportqc/qc/rule"

// shownPart is one part as the human formats show it: the findings at or
// above minSeverity, the file's path and whether anything of it is shown
// at all (a path that only hidden findings name is not, as in newViewFrom).
type shownPart struct {
	path     string
	file     *File // nil for a path only findings name
	findings []rule.Finding
	hidden   int
	counts   rule.Counts // of the shown findings
	failed   bool        // a shown finding fails the run
}

// showPart filters p's findings for a human format; ok is false when the
// part is not shown at all.
func showPart(p Part, minSeverity rule.Severity, fails func(rule.Severity) bool) (sp shownPart, ok bool) {
	sp.findings, sp.file = p.Findings, p.File
	if minSeverity > rule.Info {
		sp.findings, sp.hidden = atLeast(p.Findings, minSeverity)
	}
	switch {
	case p.File != nil:
		sp.path = p.File.Path
	case len(sp.findings) > 0:
		sp.path = sp.findings[0].File
	default:
		return sp, false
	}
	for i := range sp.findings {
		sp.counts.AddFinding(&sp.findings[i])
		sp.failed = sp.failed || fails(sp.findings[i].Severity)
	}
	return sp, true
}

// failsFunc is the verdict test of a stream's fail-on threshold.
func failsFunc(failOn string) func(rule.Severity) bool {
	sev, none := parseFailOn(failOn)
	return func(s rule.Severity) bool { return !none && s >= sev }
}

// atLeast returns the findings of fs at or above min, in a new slice (fs
// is shared with the other writers of the run and must stay whole), and
// how many were left out.
func atLeast(fs []rule.Finding, min rule.Severity) (kept []rule.Finding, hidden int) {
	kept = make([]rule.Finding, 0, len(fs))
	for _, f := range fs {
		if f.Severity >= min {
			kept = append(kept, f)
		}
	}
	return kept, len(fs) - len(kept)
}
