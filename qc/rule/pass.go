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

// Where a file's language was declared (Declaration.Source), and
// File.LanguageSource's values.
const (
	DeclaredByFlag     = "flag"     // --lang
	DeclaredByName     = "filename" // the file's name (".fr.srt")
	DeclaredByManifest = "manifest" // the delivery manifest's entry for the file
	DeclaredByFile     = "file"     // inside the file: TTML xml:lang, EBU STL LC
	// LanguageFromContent is the LanguageSource of a file that declares no
	// language and whose text was identified; LanguageUnknown that of a
	// file whose text could not tell.
	LanguageFromContent = "content"
	LanguageUnknown     = "unknown"
)

// Declaration is one language declared for a file.
type Declaration struct {
	Source string // DeclaredByFlag, DeclaredByName, DeclaredByManifest or DeclaredByFile
	Tag    string // as declared; may be invalid (G001 says so)
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
	// LanguageSource says where Language came from: one of the Declared*
	// sources, LanguageFromContent or LanguageUnknown.
	LanguageSource string
	// Declared lists the languages declared for the file, in the order
	// flag, name, manifest, file; the language rules compare them.
	Declared []Declaration
	// LanguageEvidence says, when LanguageSource is LanguageFromContent or
	// LanguageUnknown, what the text showed ("4 of 4 samples read as
	// English (en)") or why it could not tell.
	LanguageEvidence string

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

// ReportMilder records a finding at severity sev where that is milder
// than the configured severity: a check that knows a problem is minor (a
// deprecated tag that still names the right language) says so, never the
// other way round.
func (p *Pass) ReportMilder(f Finding, sev Severity) {
	f.Rule = p.Rule.Code
	f.Name = p.Rule.Name
	f.Severity = min(sev, p.Config.Severity)
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
