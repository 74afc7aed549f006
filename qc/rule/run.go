package rule

// Run is the run as a whole, as the rules with RunEnd see it once every
// file and delivery rule has reported and the waivers were applied.
type Run struct {
	// Waivers is what each waiver of the run's waiver file did, in file
	// order; empty when the run has no waivers.
	Waivers []WaiverUse
}

// WaiverUse is what one waiver did in a run.
type WaiverUse struct {
	File string // the waiver file, as given
	Line int    // the waiver's line in it
	// Describe names the waiver in a message: `waiver (T003, file "a.srt")`.
	Describe string
	// Expires is the waiver's last day (YYYY-MM-DD), "" for never; Expired
	// is true when the run's clock is past it (the waiver applied to nothing).
	Expires string
	Expired bool
	// Waived counts the findings the waiver took.
	Waived int
	// ShadowedBy are the lines of earlier waivers that took findings this
	// one also matched, in line order.
	ShadowedBy []int
}

// RunPass is one rule's view of the run.
type RunPass struct {
	Settings
	Rule   *Rule
	Run    *Run
	Config *Config
	report func(Finding)
}

// NewRunPass is used by the engine (and rule tests) to run a run-level rule.
func NewRunPass(r *Rule, run *Run, cfg *Config, report func(Finding)) *RunPass {
	return &RunPass{Settings: Settings{r, cfg}, Rule: r, Run: run, Config: cfg, report: report}
}

// Report records a finding; rule code, name and severity are filled in,
// File and Line are the rule's to set.
func (p *RunPass) Report(f Finding) {
	f.Rule = p.Rule.Code
	f.Name = p.Rule.Name
	f.Severity = p.Config.Severity
	p.report(f)
}

// RunEnd runs the pass's rule.
func (p *RunPass) RunEnd() { p.Rule.RunEnd(p) }
