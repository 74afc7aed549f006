// Package rule defines what a QC rule is (a value: code, name, doc, typed
// parameters, run function), what it reports (Finding), and the passes
// through which a rule sees what it inspects with its effective
// configuration: a Pass for one subtitle file, a DeliveryPass for one
// delivery, a RunPass for the run as a whole once every other finding is
// known, an AuditPass for an audit's plan. The engine runs every registered rule through its pass and names
// no rule itself.
//
// Rules hold no thresholds and no severities: those are policy, set by rule
// packs and config (package pack) and handed to a rule as a Config.
package rule

import (
	"fmt"
	"strings"
)

// Severity orders findings; the zero value is Info.
type Severity int

const (
	Info Severity = iota
	Warning
	Error
)

var severityNames = [...]string{"info", "warning", "error"}

func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return severityNames[s]
}

// ParseSeverity accepts error, warning (warn) and info.
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return Error, nil
	case "warning", "warn":
		return Warning, nil
	case "info":
		return Info, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

// MarshalText makes severities print as words in JSON and YAML.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText parses a severity word.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Scope says what a rule looks at.
type Scope int

const (
	// FileScope rules run once per subtitle file on its cue document.
	FileScope Scope = iota
	// DeliveryScope rules look at a delivery: they run once per delivery
	// (RunDelivery), or, for what a delivery says about one file (D007), on
	// each of its subtitle files (Run, with Pass.File.Programme).
	DeliveryScope
	// RunScope rules look at the run as a whole (RunEnd): what its waivers
	// did, which is known only once every other finding is.
	RunScope
	// AuditScope rules look at an audit's plan (RunAudit): members,
	// patterns, folders no member claims. Only an audit runs them.
	AuditScope
)

// Rule is one check. Rules are values, declared once and listed in a registry.
type Rule struct {
	Code    string // stable: "T003"
	Name    string // kebab-case: "cue-overlap"
	Family  string // "timing", "layout", "file", ...
	Summary string // one line
	Doc     string // what it checks, why, and how to fix
	// DefaultSeverity is the severity before any pack speaks; packs normally set it.
	DefaultSeverity Severity
	Params          []ParamSpec
	Scope           Scope
	// Run inspects one file: its cues (Pass.Doc), or, for a rule with
	// Facts, what reading it found out (Pass.File). Rules detected by a
	// reader use ReportDiagnostics.
	Run func(*Pass)
	// Facts marks a file rule that reports what the engine recorded while
	// reading the file (encoding, format, problems) rather than its cues:
	// it also runs on a file that could not be read (Pass.Doc nil), and
	// after the other rules, so it sees the problems they ran into.
	Facts bool
	// NeedsShotChanges marks a file rule that times cues against the
	// programme's shot changes: it does not run on a file without them
	// (File.ShotChanges nil), and the report says so once.
	NeedsShotChanges bool
	// ShotChangesNote marks the note that a file's shot-change rules had
	// no shot changes to run on. The engine runs it only where that is so
	// and one of them is enabled, when the run asks for the note
	// (engine.Options.NoteMissingShotChanges), and keeps one such finding
	// per run.
	ShotChangesNote bool
	// RunDelivery inspects one delivery: its manifests, its disk, its
	// territories' requirements.
	RunDelivery func(*DeliveryPass)
	// RunEnd inspects the run as a whole, once, after every file and
	// delivery rule has reported and the waivers were applied.
	RunEnd func(*RunPass)
	// RunAudit inspects an audit's plan, once per audit, after its
	// deliveries were checked. check never runs it.
	RunAudit func(*AuditPass)
}

// ID is "T003 cue-overlap".
func (r *Rule) ID() string { return r.Code + " " + r.Name }

// Param returns the spec of the named parameter, or nil.
func (r *Rule) Param(name string) *ParamSpec {
	for i := range r.Params {
		if r.Params[i].Name == name {
			return &r.Params[i]
		}
	}
	return nil
}
