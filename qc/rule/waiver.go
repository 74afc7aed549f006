package rule

// Waiver records why a finding is accepted: it is attached to a waived
// finding (package waiver decides which) and written into the report, so a
// reader sees the justification next to the problem. A waived finding stays
// in the report but does not count for pass/fail.
type Waiver struct {
	// Reason is the justification the waiver file gives; never empty.
	Reason string `json:"reason"`
	// Expires is the last day the waiver applies (YYYY-MM-DD), "" for never.
	Expires string `json:"expires,omitempty"`
	// By names who granted it, as written in the waiver file.
	By string `json:"by,omitempty"`
	// Source is where the waiver is written: "waivers.yaml:12".
	Source string `json:"source"`
}
