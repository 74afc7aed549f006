// Package checks is the registry of rules: every rule's code, name,
// documentation, parameter declarations and run function, from the
// families' lists (All). Values for the parameters and the severities come
// from the rule packs (package pack), so nothing here is a threshold.
//
// Adding a rule: declare a *rule.Rule in its family's package (a file rule
// with Run(*rule.Pass), a delivery rule with RunDelivery(*rule.DeliveryPass),
// a rule about the run as a whole with RunEnd(*rule.RunPass), a rule about
// an audit's plan with RunAudit(*rule.AuditPass), a reader's rule with no
// Run: the registry reports its diagnostics), add
// it to the family's list, give it a severity and its parameters' values
// with their sources in rules/defaults.yaml (go test ./qc/pack loads the
// packs against this registry), and add a case under fixtures/rules/<CODE>/
// with its .want (go test ./qc/checks -update writes it; read it).
// TestRuleFixtures fails until a case triggers the rule. Then regenerate
// the README's rule table (exportqc rules list --markdown) and run every
// test: README's "Extending exportqc" walks the whole way.
package checks

import (
	"slices"
	"sort"

	"github.com/exportqc/exportqc/qc/audit/auditrules"
	"github.com/exportqc/exportqc/qc/deliverycheck"
	"github.com/exportqc/exportqc/qc/format/scc"
	"github.com/exportqc/exportqc/qc/format/srt"
	"github.com/exportqc/exportqc/qc/format/ssa"
	"github.com/exportqc/exportqc/qc/format/stl"
	"github.com/exportqc/exportqc/qc/format/ttml"
	"github.com/exportqc/exportqc/qc/format/webvtt"
	"github.com/exportqc/exportqc/qc/langcheck"
	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/waiver"
)

// registry is every rule, sorted by code, built once from the families'
// lists.
var registry = build()

func build() []*rule.Rule {
	var all []*rule.Rule
	all = append(all, fileRules...)
	all = append(all, timingRules...)
	all = append(all, layoutRules...)
	all = append(all, textRules...) // X001–X017: the text a viewer reads, per language
	all = append(all, shotRules...) // T010–T013: timing against shot changes
	// Format rules: the readers detect them and own their definitions; they
	// are reported from the readers' diagnostics.
	all = append(all, readerRules(stl.Rules, scc.Rules, ssa.Rules, ttml.Rules, webvtt.Rules, srt.Rules)...)
	// Delivery rules: manifests, disk, territories.
	all = append(all, deliverycheck.Rules...)
	// Language rules: file rules reading each file's declared languages
	// and text; G001 also checks a delivery's manifest tags.
	all = append(all, langcheck.Rules...)
	// Notes about waivers themselves (W001 unused, W002 expired), run once
	// per run after the waivers were applied.
	all = append(all, waiver.Rules...)
	// Rules about an audit's plan (B001-B004), run by the audit only.
	all = append(all, auditrules.Rules...)
	sort.Slice(all, func(i, j int) bool { return all[i].Code < all[j].Code })
	return all
}

// readerRules gives the rules a reader declares without a Run the one that
// reports that reader's diagnostics of their code, with the fixes their
// kind has. The readers' values are
// copied, not changed: a format package stays free of engine concerns.
func readerRules(lists ...[]*rule.Rule) []*rule.Rule {
	var out []*rule.Rule
	for _, l := range lists {
		for _, r := range l {
			if r.Run == nil {
				c := *r
				c.Run = reportReaderDiagnostics
				r = &c
			}
			out = append(out, r)
		}
	}
	return out
}

// All returns every registered rule, sorted by code. The slice is new on
// each call; the rules are shared and must not be modified.
func All() []*rule.Rule { return slices.Clone(registry) }

// Lookup finds a rule by code ("T003") or name ("cue-overlap").
func Lookup(codeOrName string) *rule.Rule {
	for _, r := range registry {
		if r.Code == codeOrName || r.Name == codeOrName {
			return r
		}
	}
	return nil
}
