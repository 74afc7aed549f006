package waiver

import "github.com/exportqc/exportqc/qc/rule"

// Codes of the notes Apply reports about waivers.
const (
	CodeUnused  = "W001"
	CodeExpired = "W002"
)

// Rules documents the waiver notes for the registry (rules list, SARIF,
// packs). Their findings come from Set.Apply, so Run is nil.
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
	}
	ruleExpired = &rule.Rule{
		Code: CodeExpired, Name: "waiver-expired", Family: "waiver",
		Summary: "A waiver is past its expiry date and no longer applies",
		Doc: "The waiver's expires date has passed (it applies through that day, by the local calendar), " +
			"so the findings it used to waive are reported and count again. Fix them, or, if the " +
			"acceptance still holds, agree a new date and update the waiver. The finding points at the " +
			"waiver's line in the waiver file and is reported once per waiver.",
		DefaultSeverity: rule.Warning,
	}
)
