package waiver

import (
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/rule"
)

// Codes of the notes Apply reports about waivers.
const (
	CodeUnused  = "W001"
	CodeExpired = "W002"
)

// Rules are the notes about the waivers themselves. They run once per run
// (RunEnd), after the waivers were applied to every other finding: only
// then is it known which waivers took nothing.
var Rules = []*rule.Rule{ruleUnused, ruleExpired}

var (
	ruleUnused = &rule.Rule{
		Code: CodeUnused, Name: "waiver-unused", Family: "waiver",
		Summary: "A waiver waived no finding in this run",
		Doc: "A waiver in the waiver file matched no finding, or only findings an earlier waiver in the " +
			"file already waives (the message names it). Either the problem was fixed, the file or rule " +
			"changed, or the waiver is mistyped. Removing an unused waiver changes no result, and a stale " +
			"one would silently waive the problem if it came back, so remove it (or correct it). The " +
			"finding points at the waiver's line in the waiver file.",
		DefaultSeverity: rule.Warning,
		Scope:           rule.RunScope,
		RunEnd:          runUnused,
	}
	ruleExpired = &rule.Rule{
		Code: CodeExpired, Name: "waiver-expired", Family: "waiver",
		Summary: "A waiver is past its expiry date and no longer applies",
		Doc: "The waiver's expires date has passed (it applies through that day, by the local calendar), " +
			"so the findings it used to waive are reported and count again. Fix them, or, if the " +
			"acceptance still holds, agree a new date and update the waiver. The finding points at the " +
			"waiver's line in the waiver file and is reported once per waiver.",
		DefaultSeverity: rule.Warning,
		Scope:           rule.RunScope,
		RunEnd:          runExpired,
	}
)

// runUnused reports every waiver in force that took no finding, naming the
// earlier waivers that took what it matched, if any.
func runUnused(p *rule.RunPass) {
	for _, w := range p.Run.Waivers {
		switch {
		case w.Expired || w.Waived > 0:
		case len(w.ShadowedBy) > 0:
			p.Report(rule.Finding{File: w.File, Line: w.Line, Message: w.Describe +
				" waives nothing: every finding it matches is already waived by " + lines(w.ShadowedBy) + "; remove it"})
		default:
			p.Report(rule.Finding{File: w.File, Line: w.Line, Message: w.Describe +
				" matched no finding: remove it if the problem is fixed, or correct it"})
		}
	}
}

// runExpired reports every waiver past its date, whether or not it would
// still match something.
func runExpired(p *rule.RunPass) {
	for _, w := range p.Run.Waivers {
		if w.Expired {
			p.Report(rule.Finding{File: w.File, Line: w.Line, Message: w.Describe + " expired on " + w.Expires +
				" and no longer applies: fix the findings it waived, or renew it with a new date"})
		}
	}
}

// lines names waivers by their lines: "the waiver on line 2", "the
// waivers on lines 2, 5".
func lines(nums []int) string {
	words := make([]string, len(nums))
	for i, n := range nums {
		words[i] = strconv.Itoa(n)
	}
	if len(words) == 1 {
		return "the waiver on line " + words[0]
	}
	return "the waivers on lines " + strings.Join(words, ", ")
}
