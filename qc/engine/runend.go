package engine

import "github.com/exportqc/exportqc/qc/rule"

// RunEndFindings is what the rules that inspect the run as a whole (the
// waiver notes) report about run, configured as Run configures them, in
// report order: for a caller that applies the waivers to RunStream's
// parts itself.
func RunEndFindings(opts Options, run *rule.Run) []rule.Finding {
	base := opts.baseConfig()
	var found []rule.Finding
	for _, r := range opts.Rules {
		if r.RunEnd == nil {
			continue
		}
		if c := configFor(r, base); c != nil && c.Enabled {
			rule.NewRunPass(r, run, c, func(f rule.Finding) { found = append(found, f) }).RunEnd()
		}
	}
	sortFindings(found)
	return found
}
