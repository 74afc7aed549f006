package audit

import (
	"sort"

	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
)

// Header is what an audit says about how it was made.
type Header struct {
	Tool   report.Tool
	FailOn rule.Severity
	Plan   string // Plan.Digest
	Rules  []report.RuleInfo
}

// Assemble builds an audit from checked deliveries: it sorts them, computes
// the scorecards and totals (Summarise) and the verdict. Both a whole audit
// and a merge of shards come through here, which is what makes their
// outputs equal.
func Assemble(h Header, members []Member, deliveries []Delivery, notes []Finding) *Audit {
	sort.Slice(deliveries, func(i, j int) bool { return deliveries[i].Path < deliveries[j].Path })
	sortFindings(notes)
	rules := make([]report.RuleInfo, len(h.Rules))
	for i, r := range h.Rules {
		r.Doc = "" // long docs live in check reports; the audit names rules
		rules[i] = r
	}
	sort.Slice(rules, func(i, j int) bool { return rules[i].Code < rules[j].Code })
	ms := append([]Member(nil), members...)
	sort.Slice(ms, func(i, j int) bool { return ms[i].Name < ms[j].Name })
	a := &Audit{
		SchemaVersion: SchemaVersion,
		Tool:          h.Tool,
		FailOn:        h.FailOn.String(),
		Plan:          h.Plan,
		Deliveries:    deliveries,
		Notes:         notes,
		Rules:         rules,
	}
	a.Members, a.Totals = Summarise(ms, deliveries, rules)
	a.Passed = a.Totals.FailedDeliveries == 0
	for i := range notes {
		if notes[i].Waived == nil && notes[i].Severity >= h.FailOn {
			a.Passed = false
		}
	}
	a.normalize()
	return a
}

// sortFindings puts findings in report order (rule.ReportOrder).
func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := &fs[i], &fs[j]
		return rule.ReportOrder(a.File, a.Cue, a.Line, a.Rule, a.Message, b.File, b.Cue, b.Line, b.Rule, b.Message) < 0
	})
}

// memberList recovers the members an audit covers from its scorecards.
func memberList(a *Audit) []Member {
	out := make([]Member, len(a.Members))
	for i, m := range a.Members {
		out[i] = Member{Name: m.Name, DisplayName: m.DisplayName}
	}
	return out
}
