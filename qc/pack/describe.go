package pack

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/exportqc/exportqc/qc/rule"
)

// Description is one rule explained for one request: its effective settings
// and, per parameter, the value every pack (and variant) gives it, so a user
// sees e.g. ja 4 cps next to en 20 cps.
type Description struct {
	Rule     *rule.Rule
	Enabled  rule.Setting
	Severity rule.Setting
	Params   []ParamDescription // in the rule's declaration order
}

// ParamDescription is one parameter's effective value and every value on offer.
type ParamDescription struct {
	Spec      rule.ParamSpec
	Effective rule.Setting
	// SetBy lists every pack, variant and override of the request that sets
	// the parameter: lowest layer first, then by pack and variant name.
	SetBy []rule.Setting
}

// Describe explains one rule (by code or name) for req.
func (l *Library) Describe(codeOrName string, req Request) (*Description, error) {
	r := l.reg.lookup(codeOrName)
	if r == nil {
		return nil, fmt.Errorf("unknown rule %q", codeOrName)
	}
	eff, err := l.Resolve(req)
	if err != nil {
		return nil, err
	}
	d := &Description{Rule: r, Enabled: eff.Origins[r.Code].Enabled, Severity: eff.Origins[r.Code].Severity}
	for _, spec := range r.Params {
		pd := ParamDescription{Spec: spec, Effective: eff.Rules[r.Code].Params[spec.Name]}
		for _, p := range l.packs { // sorted by layer, then id
			if v, ok := paramIn(p.Rules, r.Code, spec.Name); ok {
				pd.SetBy = append(pd.SetBy, rule.Setting{Value: v.Value, Layer: p.Layer.String(), Pack: p.ID, Source: v.Source})
			}
			for _, vn := range sortedKeys(p.Variants) {
				if v, ok := paramIn(p.Variants[vn].Rules, r.Code, spec.Name); ok {
					pd.SetBy = append(pd.SetBy, rule.Setting{Value: v.Value, Layer: p.Layer.String(), Pack: p.ID + ":" + vn, Source: v.Source})
				}
			}
		}
		for _, o := range []struct {
			layer Layer
			o     *Overrides
		}{{LayerProject, req.Project}, {LayerFlags, req.Flags}} {
			if o.o == nil {
				continue
			}
			if v, ok := paramIn(o.o.Rules, r.Code, spec.Name); ok {
				name := o.o.Name
				if name == "" {
					name = o.layer.String()
				}
				pd.SetBy = append(pd.SetBy, rule.Setting{Value: v.Value, Layer: o.layer.String(), Pack: name, Source: v.Source})
			}
		}
		d.Params = append(d.Params, pd)
	}
	return d, nil
}

func paramIn(rules map[string]*RuleSettings, code, param string) (Param, bool) {
	rs := rules[code]
	if rs == nil {
		return Param{}, false
	}
	p, ok := rs.Params[param]
	return p, ok
}

// Write prints the description for `exportqc rules explain CODE`.
func (d *Description) Write(w io.Writer) error {
	r := d.Rule
	fmt.Fprintf(w, "%s %s", r.Code, r.Name)
	if r.Summary != "" {
		fmt.Fprintf(w, ": %s", r.Summary)
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  enabled\t%s\t%s\t%s\t%s\n", d.Enabled.Value.Raw, d.Enabled.Layer, d.Enabled.Pack, oneLine(d.Enabled.Source))
	fmt.Fprintf(tw, "  severity\t%s\t%s\t%s\t%s\n", d.Severity.Value.Raw, d.Severity.Layer, d.Severity.Pack, oneLine(d.Severity.Source))
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, p := range d.Params {
		fmt.Fprintf(w, "\n%s (%s)", p.Spec.Name, p.Spec.Kind)
		if p.Spec.Doc != "" {
			fmt.Fprintf(w, ": %s", p.Spec.Doc)
		}
		fmt.Fprintln(w)
		e := p.Effective
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "  effective\t%s\t%s\t%s\t%s\n", e.Value.Raw, e.Layer, e.Pack, oneLine(e.Source))
		for i, s := range p.SetBy {
			label := ""
			if i == 0 {
				label = "set by"
			}
			mark := ""
			if s.Layer == e.Layer && s.Pack == e.Pack {
				mark = " *"
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s%s\t%s\n", label, s.Value.Raw, s.Layer, s.Pack, mark, oneLine(s.Source))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}
