package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/exportqc/exportqc/qc/checks"
)

func (a *app) configCommand() *cobra.Command {
	cfg := &cobra.Command{Use: "config", Short: "Show the effective configuration"}
	var explain bool
	print := &cobra.Command{
		Use:   "print",
		Short: "Print the effective settings and rule configuration (for a language with --lang)",
		Long: "Print the run settings and every rule's effective configuration after layering:\n" +
			"built-in defaults < platform profile < language < territory < captions (SCC, --variant captions) < project config.yaml < flags/env.\n" +
			"With --explain, each value shows the layer and pack that set it and the source behind it.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			eff, err := a.effective(cmd)
			if err != nil {
				return err
			}
			a.printSettings(cmd, explain)
			if !explain {
				return printRuleTable(a, eff.Rules)
			}
			return eff.Explain(a.stdout)
		},
	}
	print.Flags().BoolVar(&explain, "explain", false, "show where each value comes from")
	addTerritoryFlag(print)
	a.addSettingFlags(print.Flags())
	print.Flags().String("fail-on", "error", "lowest severity that fails a run")
	print.Flags().String("format", "text", "report format")
	print.Flags().Int("jobs", 0, "files checked in parallel (0: number of CPUs)")
	cfg.AddCommand(print)
	return cfg
}

// printSettings shows the run-level settings, with their origin when explaining.
func (a *app) printSettings(cmd *cobra.Command, explain bool) {
	tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "settings:")
	for _, s := range []struct{ key, flag string }{
		{"profile", "profile"}, {"lang", "lang"}, {"fps", "fps"}, {"variants", "variant"}, {"territory", "territory"},
		{"fail_on", "fail-on"}, {"jobs", "jobs"}, {"format", "format"},
	} {
		val := fmt.Sprint(a.v.Get(s.key))
		if val == "" || val == "[]" {
			val = "(none)"
		}
		if s.key == "jobs" && a.v.GetInt("jobs") <= 0 {
			val = "0 (number of CPUs)"
		}
		if s.key == "fps" && a.v.GetString("fps") == "" {
			val = "(none: files' own rate, else 24000/1001)"
		}
		if explain {
			origin := a.sourceOf(cmd, s.key, s.flag)
			switch origin {
			case "flag":
				origin = "flag --" + s.flag
			case "env":
				origin = "env EXPORTQC_" + envName(s.key)
			case "config":
				origin = "project " + a.configSource()
			}
			fmt.Fprintf(tw, "  %s:\t%s\t[%s]\n", s.key, val, origin)
		} else {
			fmt.Fprintf(tw, "  %s:\t%s\n", s.key, val)
		}
	}
	tw.Flush()
	fmt.Fprintln(a.stdout)
}

func printRuleTable(a *app, rules map[string]*ruleConfig) error {
	tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tENABLED\tSEVERITY\tPARAMETERS")
	for _, r := range checks.All() {
		c := rules[r.Code]
		if c == nil {
			continue
		}
		var params []string
		for _, p := range r.Params {
			if s, ok := c.Params[p.Name]; ok {
				params = append(params, p.Name+"="+s.Value.Raw)
			}
		}
		fmt.Fprintf(tw, "%s\t%v\t%s\t%s\n", r.ID(), c.Enabled, c.Severity, strings.Join(params, " "))
	}
	return tw.Flush()
}
