package rule

// AuditPlan is an audit's plan as the rules with RunAudit see it: what the
// members file and the tree say about the audit as a whole, and which of
// the deliveries checked held nothing to check. The audit builds it once
// every selected delivery is checked; its rules run once per audit (per
// shard, on the whole plan, so every shard reports the same notes).
type AuditPlan struct {
	Members    int // members in the plan
	Deliveries int // delivery folders planned, over every shard
	// Unmatched are the members file's deliveries patterns that match no
	// folder under the root, in member order.
	Unmatched []UnmatchedPattern
	// Unclaimed are the folders under the root that look like deliveries
	// but no member claims, in walk order.
	Unclaimed []UnclaimedFolder
	// Empty are the selected delivery folders (slash paths relative to the
	// root) in which the engine found neither a manifest nor a subtitle
	// file, in plan order.
	Empty []string
}

// UnmatchedPattern is a deliveries pattern of a members file that matched
// no folder.
type UnmatchedPattern struct {
	File    string // the members file, slash-separated
	Line    int    // the member's line in it
	Member  string
	Pattern string
}

// UnclaimedFolder is a folder no member claims: Path relative to the root,
// Why it looks like a delivery (or why it could not be read).
type UnclaimedFolder struct{ Path, Why string }

// AuditPass is one rule's view of an audit's plan.
type AuditPass struct {
	Settings
	Rule   *Rule
	Plan   *AuditPlan
	Config *Config
	report func(Finding)
}

// NewAuditPass is used by the audit (and rule tests) to run an audit rule.
func NewAuditPass(r *Rule, plan *AuditPlan, cfg *Config, report func(Finding)) *AuditPass {
	return &AuditPass{Settings: Settings{r, cfg}, Rule: r, Plan: plan, Config: cfg, report: report}
}

// Report records a finding; rule code, name and severity are filled in,
// File (root-relative, or the members file) and Line are the rule's to set.
func (p *AuditPass) Report(f Finding) {
	f.Rule = p.Rule.Code
	f.Name = p.Rule.Name
	f.Severity = p.Config.Severity
	p.report(f)
}

// RunAudit runs the pass's rule.
func (p *AuditPass) RunAudit() { p.Rule.RunAudit(p) }
