package cli

import (
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/exportqc/exportqc/qc/engine"
	"github.com/exportqc/exportqc/qc/waiver"
)

// now is the clock waivers expire by; tests replace it.
var now = time.Now

// acceptanceOptions loads the waiver file (--waivers, or `waivers:` in
// config.yaml, relative to the config file) and the baseline report
// (--baseline). A broken waiver file is a usage error naming file:line: a
// waiver that silently failed to load would let findings fail CI, or worse,
// a typo would make a waiver match nothing without anyone noticing.
func (a *app) acceptanceOptions(cmd *cobra.Command, opts *engine.Options) error {
	opts.Now = now()
	if path := a.v.GetString("waivers"); path != "" {
		if !cmd.Flags().Changed("waivers") && a.v.InConfig("waivers") && !filepath.IsAbs(path) {
			path = filepath.Join(filepath.Dir(a.configSource()), path)
		}
		set, err := waiver.Load(path)
		if err != nil {
			return usageError{err}
		}
		opts.Waivers = set
	}
	if path, _ := cmd.Flags().GetString("baseline"); path != "" {
		b, err := waiver.LoadBaseline(path)
		if err != nil {
			return usageError{err}
		}
		opts.Baseline = b
	}
	return nil
}
