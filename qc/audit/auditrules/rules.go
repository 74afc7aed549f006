// Package auditrules declares the rules about an audit's plan as a whole
// (family "audit"): what the members file and the tree say before any
// delivery is checked, and which delivery folders held nothing to check.
// Each has a RunAudit on the audit's plan (rule.AuditPlan), configured
// like any rule: packs, --disable and --severity apply. The audit runs
// them once its deliveries are checked and reports B001–B003 as notes at
// the body level, B004 on the empty delivery. check never runs them.
package auditrules

import (
	"fmt"

	"github.com/exportqc/exportqc/qc/rule"
)

// Codes of the audit rules.
const (
	CodeNothingPlanned   = "B001"
	CodePatternUnmatched = "B002"
	CodeFolderUnclaimed  = "B003"
	CodeDeliveryEmpty    = "B004"
)

// Family is the family of the audit rules.
const Family = "audit"

// Rules are the audit's rules, each run on the audit's plan.
var Rules = []*rule.Rule{
	{
		Code: CodeNothingPlanned, RunAudit: nothingPlanned, Scope: rule.AuditScope, Name: "audit-nothing-planned", Family: Family,
		Summary: "The audit found no delivery folder to check",
		Doc: "No member has a delivery folder: the members file's patterns match nothing, or the member " +
			"folders under the root are empty. An audit of nothing has checked nothing, so it cannot pass. " +
			"Check the root given, and the patterns in members.yaml against the tree.",
		DefaultSeverity: rule.Error,
	},
	{
		Code: CodePatternUnmatched, RunAudit: patternUnmatched, Scope: rule.AuditScope, Name: "audit-pattern-unmatched", Family: Family,
		Summary: "A deliveries pattern in members.yaml matches no folder",
		Doc: "A member's deliveries pattern matched no folder under the audit root, so whatever it was " +
			"meant to cover was not checked: a typo, a renamed folder, or a tree mounted elsewhere. The " +
			"finding points at the member's line in the members file. Correct the pattern, or remove it " +
			"if the member no longer delivers there.",
		DefaultSeverity: rule.Error,
	},
	{
		Code: CodeFolderUnclaimed, RunAudit: folderUnclaimed, Scope: rule.AuditScope, Name: "audit-folder-unclaimed", Family: Family,
		Summary: "A folder under the audit root holds deliverables no member claims",
		Doc: "With a members file, only the folders its patterns match are audited. This folder holds a " +
			"delivery manifest or subtitle files but no member's pattern covers it, so it was not checked. " +
			"Add it to the member it belongs to, or move it out of the audited tree.",
		DefaultSeverity: rule.Warning,
	},
	{
		Code: CodeDeliveryEmpty, RunAudit: deliveryEmpty, Scope: rule.AuditScope, Name: "audit-delivery-empty", Family: Family,
		Summary: "A delivery folder of the audit holds nothing to check",
		Doc: "A folder the audit takes as a delivery (a member's folder, or one a members.yaml pattern " +
			"matches) holds no delivery manifest and no subtitle file, so nothing in it was checked. " +
			"Either the delivery is missing its files, or the pattern matches folders that are not " +
			"deliveries (a member's parent folder instead of its delivery folders, say).",
		DefaultSeverity: rule.Error,
	},
}

// nothingPlanned: an audit of nothing has checked nothing, so it cannot pass.
func nothingPlanned(p *rule.AuditPass) {
	if p.Plan.Deliveries == 0 {
		p.Report(rule.Finding{File: ".", Message: fmt.Sprintf(
			"no delivery folder to check: %d members, none with a delivery (an audit of nothing cannot pass)",
			p.Plan.Members)})
	}
}

// patternUnmatched reports each members.yaml pattern that matched no
// folder, at the member's line.
func patternUnmatched(p *rule.AuditPass) {
	for _, u := range p.Plan.Unmatched {
		p.Report(rule.Finding{File: u.File, Line: u.Line, Message: fmt.Sprintf(
			"member %q: deliveries pattern %q matches no folder under the audit root", u.Member, u.Pattern)})
	}
}

// folderUnclaimed reports each folder holding deliverables that no member
// claims.
func folderUnclaimed(p *rule.AuditPass) {
	for _, u := range p.Plan.Unclaimed {
		p.Report(rule.Finding{File: u.Path, Message: u.Why})
	}
}

// deliveryEmpty reports each delivery folder in which nothing was checked:
// checking nothing is not a pass.
func deliveryEmpty(p *rule.AuditPass) {
	for _, d := range p.Plan.Empty {
		p.Report(rule.Finding{File: d, Message: "holds no delivery manifest and no subtitle file: nothing was checked"})
	}
}
