// Package checks is the registry of rule kinds: every rule's code, name,
// documentation, parameter declarations and run function. Values for the
// parameters and the severities come from the rule packs (package pack), so
// nothing here is a threshold.
package checks

import (
	"sort"

	"github.com/exportqc/exportqc/qc/deliverycheck"
	"github.com/exportqc/exportqc/qc/format/scc"
	"github.com/exportqc/exportqc/qc/format/ssa"
	"github.com/exportqc/exportqc/qc/format/stl"
	"github.com/exportqc/exportqc/qc/format/ttml"
	"github.com/exportqc/exportqc/qc/langcheck"
	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/waiver"
)

// All returns every registered rule, sorted by code. The slice is new on
// each call; the rules are shared and must not be modified.
func All() []*rule.Rule {
	var all []*rule.Rule
	all = append(all, fileRules...)
	all = append(all, timingRules...)
	all = append(all, layoutRules...)
	all = append(all, textRules...) // X001–X017: the text a viewer reads, per language
	// Format rules: their findings come from the readers' diagnostics, so
	// the readers own their definitions.
	all = append(all, stl.Rules...)
	all = append(all, scc.Rules...)
	all = append(all, ssa.Rules...)
	all = append(all, ttml.Rules...)
	// Delivery rules (D001–D012): manifests, disk, territories.
	all = append(all, deliverycheck.Rules...)
	// Language rules (G001–G004); the engine calls langcheck with each
	// file's declared languages and text.
	all = append(all, langcheck.Rules...)
	// Notes about waivers themselves (W001 unused, W002 expired).
	all = append(all, waiver.Rules...)
	sort.Slice(all, func(i, j int) bool { return all[i].Code < all[j].Code })
	return all
}

// Lookup finds a rule by code ("T003") or name ("cue-overlap").
func Lookup(codeOrName string) *rule.Rule {
	for _, r := range All() {
		if r.Code == codeOrName || r.Name == codeOrName {
			return r
		}
	}
	return nil
}
