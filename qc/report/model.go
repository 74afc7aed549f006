// Package report holds the QC report model (schema v2; v1 is still read
// and can still be written) and its writers.
// The JSON form of Report is the machine contract; every other format is
// rendered from the same value.
package report

import "github.com/exportqc/exportqc/qc/rule"

// SchemaVersion is bumped on any incompatible change to the JSON report.
const SchemaVersion = 2

// Report is the result of one run.
type Report struct {
	SchemaVersion int     `json:"schema_version"`
	Tool          Tool    `json:"tool"`
	Summary       Summary `json:"summary"`
	Files         []File  `json:"files"`
	// Deliveries describes each delivery folder checked as a delivery
	// (read through its manifest, or inferred from file names with
	// --territory); absent when the run checked loose files only.
	Deliveries []Delivery     `json:"deliveries,omitempty"`
	Findings   []rule.Finding `json:"findings"`
	// Rules describes every rule that ran (code, name, doc, severity), so
	// SARIF/HTML can show docs without the registry.
	Rules []RuleInfo `json:"rules,omitempty"`
}

// Tool identifies the producer; no timestamps, so reports are reproducible.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	// Revision is the VCS revision of the build (with "+modified" for a
	// checkout with uncommitted changes); empty when not known.
	Revision string `json:"revision,omitempty"`
	Profile  string `json:"profile"`
}

// Summary counts what the run saw.
type Summary struct {
	Files int `json:"files"`
	Cues  int `json:"cues"`
	rule.Counts
	FailOn string `json:"fail_on"`
	Passed bool   `json:"passed"`
	// Waived counts findings accepted by a waiver (kept in the report, not
	// in the counts above); Baselined counts findings dropped because the
	// --baseline report already had them.
	Waived    int `json:"waived,omitempty"`
	Baselined int `json:"baselined,omitempty"`
}

// File is the per-file record.
type File struct {
	Path string `json:"path"`
	// PathBytes holds the name's bytes when they are not valid UTF-8: JSON
	// strings cannot carry them (path shows U+FFFD there), so a program can
	// still find the file (base64, as encoding/json writes []byte).
	PathBytes       []byte `json:"path_bytes,omitempty"`
	Format          string `json:"format"`
	Profile         string `json:"profile,omitempty"`
	Encoding        string `json:"encoding"`
	BOM             bool   `json:"bom,omitempty"`
	Language        string `json:"language,omitempty"`
	LanguageSource  string `json:"language_source,omitempty"`
	FrameRate       string `json:"frame_rate"`
	FrameRateSource string `json:"frame_rate_source"`
	Cues            int    `json:"cues"`
	rule.Counts
	// FirstCue/LastCue bound the file's timeline (timeline strips, programme checks).
	FirstCue *rule.Timecode `json:"first_cue,omitempty"`
	LastCue  *rule.Timecode `json:"last_cue,omitempty"`
	// Delivery, Kind and Episode are set for files checked as part of a
	// delivery: the delivery's path, the kind the manifest gives
	// (subtitles, sdh, forced, captions) and the episode number.
	Delivery string `json:"delivery,omitempty"`
	Kind     string `json:"kind,omitempty"`
	Episode  int    `json:"episode,omitempty"`
}

// Delivery is the record of one delivery folder.
type Delivery struct {
	Path string `json:"path"` // the folder, as reported
	// Kind is what described it: native, imf, mmc, itunes, sums (checksum
	// sidecars only) or inferred (file names, no manifest).
	Kind      string   `json:"kind"`
	Manifests []string `json:"manifests,omitempty"` // manifest files read, relative to Path
	Title     string   `json:"title,omitempty"`
	Season    int      `json:"season,omitempty"`
	// Territories the delivery was checked for: the manifest's, then the run's.
	Territories []string          `json:"territories,omitempty"`
	Episodes    []DeliveryEpisode `json:"episodes,omitempty"`
	Files       int               `json:"files"`   // distinct files the manifest lists
	Checked     int               `json:"checked"` // subtitle files checked with the per-file rules
	// Errors, Warnings and Infos count the findings about the delivery:
	// its manifests and disk, and its files' own findings.
	rule.Counts
	Passed bool `json:"passed"` // no finding at or above fail-on
}

// DeliveryEpisode is one episode of a delivery (an IMF composition).
type DeliveryEpisode struct {
	Number int    `json:"number"`
	Title  string `json:"title,omitempty"`
	// Duration is the programme duration the manifest gives, HH:MM:SS.mmm.
	Duration string `json:"duration,omitempty"`
	Files    int    `json:"files"` // files the manifest lists for it
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
