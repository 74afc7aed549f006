package pack

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/exportqc/exportqc/qc/rule"
)

// Explain writes the effective configuration as a table: every rule (in
// registry order) with its enabled state, severity and parameters, each with
// the value, the layer and pack that set it, and the source behind it.
func (e *Effective) Explain(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "profile:\t%s\n", orNone(e.Profile))
	fmt.Fprintf(tw, "language:\t%s\n", orNone(e.Language))
	fmt.Fprintf(tw, "territories:\t%s\n", orNone(strings.Join(e.Territories, ", ")))
	fmt.Fprintf(tw, "variants:\t%s\n", orNone(strings.Join(e.Variants, ", ")))
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w, "\nlayers, lowest first:")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, a := range e.Layers {
		title := a.Title
		if a.Version != "" {
			title += " (" + a.Version + ")"
		}
		if title == "" {
			fmt.Fprintf(tw, "  %s\t%s\n", a.Layer, a.Name)
			continue
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", a.Layer, a.Name, title)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if c := e.captionsOffer; c != nil {
		fmt.Fprintf(w, "  (%s layer %s, %q: applied to caption formats (SCC) and with --variant %s)\n",
			c.Layer, c.ID, c.Title, CaptionsVariant)
	}
	if err := e.explainTerritories(w); err != nil {
		return err
	}
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tNAME\tSETTING\tVALUE\tLAYER\tPACK\tSOURCE")
	for _, r := range e.reg.rules {
		cfg, org := e.Rules[r.Code], e.Origins[r.Code]
		row := func(setting string, s rule.Setting) {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Code, r.Name, setting, s.Value.Raw, s.Layer, s.Pack, oneLine(s.Source))
		}
		row("enabled", org.Enabled)
		row("severity", org.Severity)
		for _, spec := range r.Params {
			row(spec.Name, cfg.Params[spec.Name])
		}
	}
	return tw.Flush()
}

func orNone(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// oneLine keeps a table row on one line whatever a source says.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
