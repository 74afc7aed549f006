package rule

import (
	"fmt"

	"github.com/exportqc/exportqc/qc/cue"
)

// Setting is one effective parameter value with where it came from.
type Setting struct {
	Value  Value
	Layer  string // "defaults", "platform", "language", "territory", "project", "flags"
	Pack   string // pack or file that set it
	Source string // guideline + clause that justifies it
}

// Config is the effective configuration of one rule for one file.
type Config struct {
	Enabled  bool
	Severity Severity
	Params   map[string]Setting
}

// File describes the subtitle file a Pass runs on.
type File struct {
	Path            string // as given on the command line, relative
	Language        string // canonical BCP-47 tag, "" if unknown
	FrameRate       cue.FrameRate
	FrameRateSource string // "file", "flag", "config", "manifest", "default"
	// FrameRateDeclared is true when the rate came from the file, a flag, config or
	// a manifest, i.e. not the fallback: off-frame checks only make sense then.
	FrameRateDeclared bool
	// Fix, when set, asks rules for suggested fixes and gives them the bytes.
	Fix *FixSource

	memo map[any]any // Pass.Memo
}

// Pass is one rule's view of one file.
type Pass struct {
	Rule   *Rule
	File   *File
	Doc    *cue.Document
	Config *Config
	report func(Finding)
}

// NewPass is used by the engine (and rule tests) to run a rule.
func NewPass(r *Rule, f *File, doc *cue.Document, cfg *Config, report func(Finding)) *Pass {
	return &Pass{Rule: r, File: f, Doc: doc, Config: cfg, report: report}
}

// Memo returns what build computes for key, computed once per file and
// shared by every rule run on it: a measure two rules need (each line's
// character count, for line length and reading speed) is not taken twice.
// Keys are compared with ==; use a type of the rule package's own, holding
// whatever parameters the value depends on. The rules of one file run one
// after another, so no lock is needed.
func (p *Pass) Memo(key any, build func() any) any {
	if v, ok := p.File.memo[key]; ok {
		return v
	}
	if p.File.memo == nil {
		p.File.memo = map[any]any{}
	}
	v := build()
	p.File.memo[key] = v
	return v
}

func (p *Pass) setting(name string) Setting {
	s, ok := p.Config.Params[name]
	if !ok {
		// A registered rule reading an undeclared or unset parameter is a
		// programming error in the packs or the rule; packs are validated at
		// load time so that this cannot happen for shipped rules.
		panic(fmt.Sprintf("rule %s: parameter %q has no value", p.Rule.Code, name))
	}
	return s
}

// Duration returns a duration parameter resolved at the file's frame rate.
func (p *Pass) Duration(name string) cue.Time {
	return p.setting(name).Value.Duration.Resolve(p.File.FrameRate)
}

// DurationParam returns the unresolved duration (to print "2f" in messages).
func (p *Pass) DurationParam(name string) Duration { return p.setting(name).Value.Duration }

func (p *Pass) Int(name string) int64     { return p.setting(name).Value.Int }
func (p *Pass) Float(name string) float64 { return p.setting(name).Value.Float }
func (p *Pass) Bool(name string) bool     { return p.setting(name).Value.Bool }
func (p *Pass) String(name string) string { return p.setting(name).Value.String }

// Source returns the source citation of a parameter.
func (p *Pass) Source(name string) string { return p.setting(name).Source }

// Report records a finding; rule code, name, severity and file are filled in.
func (p *Pass) Report(f Finding) {
	f.Rule = p.Rule.Code
	f.Name = p.Rule.Name
	f.Severity = p.Config.Severity
	f.File = p.File.Path
	p.report(f)
}

// ReportCue records a finding about cue c.
func (p *Pass) ReportCue(c *cue.Cue, param, message, expected, actual string) {
	f := Finding{Line: c.Line, Cue: c.Index, Start: TC(c.Start), End: TC(c.End),
		Message: message, Expected: expected, Actual: actual}
	if param != "" {
		f.Source = p.Source(param)
	}
	p.Report(f)
}

// Run runs the pass's rule.
func (p *Pass) Run() { p.Rule.Run(p) }
