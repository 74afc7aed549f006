package pack

import (
	"github.com/exportqc/exportqc/qc/checks"
	"github.com/exportqc/exportqc/qc/rule"
)

// textRules are the registered text-family rules (X…), whose values the
// language packs carry: the shipped packs only load with them.
func textRules() []*rule.Rule {
	var out []*rule.Rule
	for _, r := range checks.All() {
		if r.Family == "text" {
			out = append(out, r)
		}
	}
	return out
}
