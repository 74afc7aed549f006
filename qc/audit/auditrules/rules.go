// Package auditrules declares the rules about an audit's plan as a whole
// (family "audit"): what the members file and the tree say before any
// delivery is checked. The audit reports them as notes at the body level;
// they are in the registry so that packs set their severity and every
// report names them. check never reports them.
package auditrules

import "github.com/exportqc/exportqc/qc/rule"

// Codes of the audit rules.
const (
	CodeNothingPlanned   = "B001"
	CodePatternUnmatched = "B002"
	CodeFolderUnclaimed  = "B003"
	CodeDeliveryEmpty    = "B004"
)

// Family is the family of the audit rules.
const Family = "audit"

// Rules documents the audit's notes for the registry. Their findings come
// from the audit's plan (package audit), so Run is nil.
var Rules = []*rule.Rule{
	{
		Code: CodeNothingPlanned, Name: "audit-nothing-planned", Family: Family,
		Summary: "The audit found no delivery folder to check",
		Doc: "No member has a delivery folder: the members file's patterns match nothing, or the member " +
			"folders under the root are empty. An audit of nothing has checked nothing, so it cannot pass. " +
			"Check the root given, and the patterns in members.yaml against the tree.",
		DefaultSeverity: rule.Error,
	},
	{
		Code: CodePatternUnmatched, Name: "audit-pattern-unmatched", Family: Family,
		Summary: "A deliveries pattern in members.yaml matches no folder",
		Doc: "A member's deliveries pattern matched no folder under the audit root, so whatever it was " +
			"meant to cover was not checked: a typo, a renamed folder, or a tree mounted elsewhere. The " +
			"finding points at the member's line in the members file. Correct the pattern, or remove it " +
			"if the member no longer delivers there.",
		DefaultSeverity: rule.Error,
	},
	{
		Code: CodeFolderUnclaimed, Name: "audit-folder-unclaimed", Family: Family,
		Summary: "A folder under the audit root holds deliverables no member claims",
		Doc: "With a members file, only the folders its patterns match are audited. This folder holds a " +
			"delivery manifest or subtitle files but no member's pattern covers it, so it was not checked. " +
			"Add it to the member it belongs to, or move it out of the audited tree.",
		DefaultSeverity: rule.Warning,
	},
	{
		Code: CodeDeliveryEmpty, Name: "audit-delivery-empty", Family: Family,
		Summary: "A delivery folder of the audit holds nothing to check",
		Doc: "A folder the audit takes as a delivery (a member's folder, or one a members.yaml pattern " +
			"matches) holds no delivery manifest and no subtitle file, so nothing in it was checked. " +
			"Either the delivery is missing its files, or the pattern matches folders that are not " +
			"deliveries (a member's parent folder instead of its delivery folders, say).",
		DefaultSeverity: rule.Error,
	},
}
