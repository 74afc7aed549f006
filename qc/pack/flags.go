package pack

import (
	"slices"
	"strings"

	"github.com/exportqc/exportqc/qc/rule"
)

// FlagValues are the raw values of the rule flags (and their environment
// forms), one entry per occurrence, in command-line order. Bind --set as a
// string array (values may hold commas); the others may be string slices:
// entries are also split on commas here.
type FlagValues struct {
	Set        []string // --set RULE.PARAM=VALUE      e.g. T005.max_cps=15
	Severity   []string // --severity RULE=LEVEL       e.g. T005=warning, cue-overlap=info, T*=warning
	Enable     []string // --enable RULE[,RULE]
	Disable    []string // --disable RULE[,RULE]       e.g. T006, L*
	EnableOnly []string // --enable-only RULE[,RULE]   every other rule is disabled
}

// ParseFlags turns the rule flags into the flags layer. RULE is a code, a
// name, a prefix glob ("T*", "cue-*") or "all", except in --set which names
// one rule. When selectors overlap, the more specific wins (an exact rule
// beats T*, which beats all); --enable and --disable of equal specificity on
// the same rule are an error; for --severity the later occurrence wins. It
// returns nil Overrides when no flag is given.
func (l *Library) ParseFlags(f FlagValues) (*Overrides, error) {
	if len(f.Set)+len(f.Severity)+len(f.Enable)+len(f.Disable)+len(f.EnableOnly) == 0 {
		return nil, nil
	}
	var probs problems
	o := &Overrides{Name: "flags"}
	errf := func(flag, format string, args ...any) {
		probs.add(flag, 0, format, args...)
	}

	if len(f.EnableOnly) > 0 {
		o.EnableOnly = []string{}
		items := splitList(f.EnableOnly)
		o.EnableOnlySource = "--enable-only " + strings.Join(items, ",")
		if len(items) == 0 {
			errf("--enable-only", "name at least one rule")
		}
		for _, item := range items {
			sel, err := l.reg.selectRules(item)
			if err != nil {
				errf("--enable-only "+item, "%v", err)
				continue
			}
			for _, r := range sel.rules {
				if !slices.Contains(o.EnableOnly, r.Code) {
					o.EnableOnly = append(o.EnableOnly, r.Code)
				}
			}
		}
		slices.Sort(o.EnableOnly)
	}

	// --enable / --disable: the most specific selector wins per rule.
	type choice struct {
		on          bool
		specificity int
		flag        string
	}
	chosen := make(map[string]choice)
	for _, fl := range []struct {
		name  string
		on    bool
		items []string
	}{{"--enable", true, f.Enable}, {"--disable", false, f.Disable}} {
		for _, item := range splitList(fl.items) {
			text := fl.name + " " + item
			sel, err := l.reg.selectRules(item)
			if err != nil {
				errf(text, "%v", err)
				continue
			}
			for _, r := range sel.rules {
				prev, seen := chosen[r.Code]
				switch {
				case !seen || sel.specificity > prev.specificity:
					chosen[r.Code] = choice{fl.on, sel.specificity, text}
				case sel.specificity == prev.specificity && prev.on != fl.on:
					errf(text, "conflicts with %s for %s", prev.flag, r.ID())
				}
			}
		}
	}
	for code, c := range chosen {
		rs := o.rule(code)
		on := c.on
		rs.Enabled, rs.EnabledSource = &on, c.flag
	}

	// --severity: most specific wins; among equals, the later one.
	type sevChoice struct {
		sev         rule.Severity
		specificity int
		flag        string
	}
	sevs := make(map[string]sevChoice)
	for _, item := range splitList(f.Severity) {
		text := "--severity " + item
		sel, level, ok := strings.Cut(item, "=")
		if !ok {
			errf(text, "want RULE=LEVEL, e.g. T005=warning")
			continue
		}
		sev, err := rule.ParseSeverity(level)
		if err != nil {
			errf(text, "%v", err)
			continue
		}
		s, err := l.reg.selectRules(sel)
		if err != nil {
			errf(text, "%v", err)
			continue
		}
		for _, r := range s.rules {
			if prev, seen := sevs[r.Code]; !seen || s.specificity >= prev.specificity {
				sevs[r.Code] = sevChoice{sev, s.specificity, text}
			}
		}
	}
	for code, c := range sevs {
		rs := o.rule(code)
		sev := c.sev
		rs.Severity, rs.SeveritySource = &sev, c.flag
	}

	// --set: one rule, one parameter; the later occurrence wins.
	for _, item := range f.Set {
		item = strings.TrimSpace(item)
		text := "--set " + item
		key, value, ok := strings.Cut(item, "=")
		ruleSel, param, ok2 := strings.Cut(key, ".")
		if !ok || !ok2 {
			errf(text, "want RULE.PARAM=VALUE, e.g. T005.max_cps=15")
			continue
		}
		r := l.reg.lookup(ruleSel)
		if r == nil {
			errf(text, "unknown rule %q (give a code such as T005 or a name such as reading-speed-too-high)", strings.TrimSpace(ruleSel))
			continue
		}
		spec := r.Param(strings.TrimSpace(param))
		if spec == nil {
			errf(text, "%s has no parameter %q (%s)", r.ID(), strings.TrimSpace(param), paramNames(r))
			continue
		}
		v, err := parseParam(spec, value)
		if err != nil {
			errf(text, "%s.%s: %v", r.Code, spec.Name, err)
			continue
		}
		o.rule(r.Code).setParam(spec.Name, Param{Value: v, Source: text})
	}

	if err := probs.err(); err != nil {
		return nil, err
	}
	return o, nil
}

// splitList splits each entry on commas and drops empty items.
func splitList(entries []string) []string {
	var out []string
	for _, e := range entries {
		for _, item := range strings.Split(e, ",") {
			if item = strings.TrimSpace(item); item != "" {
				out = append(out, item)
			}
		}
	}
	return out
}
