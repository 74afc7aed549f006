package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/exportqc/exportqc/qc/checks"
	"github.com/exportqc/exportqc/qc/fix"
	"github.com/exportqc/exportqc/qc/rule"
)

type ruleConfig = rule.Config

func (a *app) rulesCommand() *cobra.Command {
	rules := &cobra.Command{Use: "rules", Short: "List and explain the rules"}
	var markdown bool
	list := &cobra.Command{
		Use:   "list",
		Short: "List every rule with its code, name, family, severity and summary",
		Long: "List every rule. SEVERITY is the effective one for the configuration in force (profile,\n" +
			"config.yaml, flags; add --lang for a language's packs); \"off\" marks disabled rules.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			eff, err := a.effective(cmd)
			if err != nil {
				return err
			}
			severity := func(r *rule.Rule) string {
				if c := eff.Rules[r.Code]; c != nil {
					if !c.Enabled {
						return "off"
					}
					return c.Severity.String()
				}
				return r.DefaultSeverity.String()
			}
			if markdown {
				// The README's rule table is this output (a test keeps them equal);
				// each code carries an anchor that SARIF help links point to.
				fmt.Fprintln(a.stdout, "| Code | Name | Family | Severity | What it reports |")
				fmt.Fprintln(a.stdout, "|---|---|---|---|---|")
				for _, r := range checks.All() {
					fmt.Fprintf(a.stdout, "| <a id=\"%s\"></a>`%s` | `%s` | %s | %s | %s |\n",
						strings.ToLower(r.Code), r.Code, r.Name, r.Family, severity(r), r.Summary)
				}
				return nil
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "CODE\tNAME\tFAMILY\tSEVERITY\tSUMMARY")
			for _, r := range checks.All() {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.Code, r.Name, r.Family, severity(r), r.Summary)
			}
			return tw.Flush()
		},
	}
	explain := &cobra.Command{
		Use:   "explain RULE",
		Short: "Explain a rule: its documentation, parameters and where each value comes from",
		Long: "Explain a rule (by code or name) for the configuration in force (--profile, --lang, --variant,\n" +
			"config.yaml, rule flags): each parameter's effective value with its layer and source, and the value\n" +
			"every applied pack gives it.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r := checks.Lookup(args[0])
			if r == nil {
				return usagef("unknown rule %q (see exportqc rules list)", args[0])
			}
			lib, req, err := a.languageRequest(cmd)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "%s — %s\n\n%s\n\n", r.ID(), r.Summary, wrap(r.Doc, 100))
			fmt.Fprintf(a.stdout, "%s\n\n", wrap(fixSentence(r.Code), 100))
			d, err := lib.Describe(r.Code, req)
			if err != nil {
				return usageError{err}
			}
			return d.Write(a.stdout)
		},
	}
	a.addSettingFlags(explain.Flags())
	a.addSettingFlags(list.Flags())
	list.Flags().BoolVar(&markdown, "markdown", false, "print a Markdown table (the README's rule table)")
	rules.AddCommand(list, explain)
	return rules
}

// fixSentence says what exportqc fix does about a rule's findings, so
// that a person reading the rule knows whether to run it.
func fixSentence(code string) string {
	if what, ok := fix.Fixable[code]; ok {
		return "Fix (exportqc fix): " + what + "." + fix.FormatNote(code)
	}
	if why, ok := fix.NotFixable[code]; ok {
		return "No fix: " + why + "."
	}
	return "No fix: exportqc fix does not change what this rule reports."
}

// wrap breaks prose at word boundaries for the terminal.
func wrap(s string, width int) string {
	var b strings.Builder
	n := 0
	for _, w := range strings.Fields(s) {
		if n > 0 && n+1+len(w) > width {
			b.WriteByte('\n')
			n = 0
		} else if n > 0 {
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += len(w)
	}
	return b.String()
}
