// Package report holds the QC report model (schema v1) and its writers.
// The JSON form of Report is the machine contract; every other format is
// rendered from the same value.
package report

import "github.com/exportqc/exportqc/qc/rule"

// SchemaVersion is bumped on any incompatible change to the JSON report.
const SchemaVersion = 1

// Report is the result of one run.
type Report struct {
	SchemaVersion int            `json:"schema_version"`
	Tool          Tool           `json:"tool"`
	Summary       Summary        `json:"summary"`
	Files         []File         `json:"files"`
	Findings      []rule.Finding `json:"findings"`
	// Rules describes every rule that ran (code, name, doc, severity), so
	// SARIF/HTML can show docs without the registry.
	Rules []RuleInfo `json:"rules,omitempty"`
}

// Tool identifies the producer; no timestamps, so reports are reproducible.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	Profile string `json:"profile"`
}

// Summary counts what the run saw.
type Summary struct {
	Files    int    `json:"files"`
	Cues     int    `json:"cues"`
	Errors   int    `json:"errors"`
	Warnings int    `json:"warnings"`
	Infos    int    `json:"infos"`
	FailOn   string `json:"fail_on"`
	Passed   bool   `json:"passed"`
}

// File is the per-file record.
type File struct {
	Path            string `json:"path"`
	Format          string `json:"format"`
	Profile         string `json:"profile,omitempty"`
	Encoding        string `json:"encoding"`
	BOM             bool   `json:"bom,omitempty"`
	Language        string `json:"language,omitempty"`
	LanguageSource  string `json:"language_source,omitempty"`
	FrameRate       string `json:"frame_rate"`
	FrameRateSource string `json:"frame_rate_source"`
	Cues            int    `json:"cues"`
	Errors          int    `json:"errors"`
	Warnings        int    `json:"warnings"`
	Infos           int    `json:"infos"`
	// FirstCue/LastCue bound the file's timeline (timeline strips, programme checks).
	FirstCue *rule.Timecode `json:"first_cue,omitempty"`
	LastCue  *rule.Timecode `json:"last_cue,omitempty"`
}

// RuleInfo documents a rule in the report.
type RuleInfo struct {
	Code    string `json:"code"`
	Name    string `json:"name"`
	Family  string `json:"family"`
	Summary string `json:"summary"`
	// Doc is the rule's long description (what, why, how to fix): SARIF
	// fullDescription and the HTML rule list show it.
	Doc      string        `json:"doc,omitempty"`
	Severity rule.Severity `json:"severity"`
}
