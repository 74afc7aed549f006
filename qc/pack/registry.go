package pack

import (
	"fmt"
	"strings"

	"github.com/exportqc/exportqc/qc/rule"
)

// registry indexes the rules packs are validated against.
type registry struct {
	rules  []*rule.Rule // in the order given (the integrator's registry order)
	byCode map[string]*rule.Rule
	byName map[string]*rule.Rule
}

func newRegistry(rules []*rule.Rule) (*registry, error) {
	reg := &registry{byCode: make(map[string]*rule.Rule), byName: make(map[string]*rule.Rule)}
	for i, r := range rules {
		if r == nil || r.Code == "" || r.Name == "" {
			return nil, fmt.Errorf("pack: registry entry %d has no code or name", i)
		}
		if _, dup := reg.byCode[r.Code]; dup {
			return nil, fmt.Errorf("pack: rule code %s registered twice", r.Code)
		}
		if _, dup := reg.byName[r.Name]; dup {
			return nil, fmt.Errorf("pack: rule name %s registered twice", r.Name)
		}
		reg.byCode[r.Code] = r
		reg.byName[r.Name] = r
		reg.rules = append(reg.rules, r)
	}
	return reg, nil
}

// lookup finds a rule by code (any case: viper lower-cases config keys) or by name.
func (reg *registry) lookup(s string) *rule.Rule {
	s = strings.TrimSpace(s)
	if r := reg.byCode[strings.ToUpper(s)]; r != nil {
		return r
	}
	return reg.byName[strings.ToLower(s)]
}

// selection is the rules a selector names and how specifically it names them:
// an exact code or name beats a prefix glob, a longer glob beats a shorter.
type selection struct {
	rules       []*rule.Rule
	specificity int
}

const exactSpecificity = 1 << 20

// selectRules resolves a selector used by flags: a code or name ("T003",
// "cue-overlap"), a prefix glob on codes or names ("T*", "T00*", "cue-*"), or
// "all".
func (reg *registry) selectRules(sel string) (selection, error) {
	s := strings.TrimSpace(sel)
	switch {
	case s == "":
		return selection{}, fmt.Errorf("empty rule selector")
	case s == "all" || s == "*":
		return selection{rules: reg.rules}, nil
	case strings.HasSuffix(s, "*"):
		prefix := strings.TrimSuffix(s, "*")
		// An upper-case prefix ("L*", "T00*") names codes only: "L*" must
		// not pick up D001 language-missing by its name.
		codesOnly := prefix != "" && prefix == strings.ToUpper(prefix)
		var out []*rule.Rule
		for _, r := range reg.rules {
			if strings.HasPrefix(r.Code, strings.ToUpper(prefix)) || !codesOnly && strings.HasPrefix(r.Name, strings.ToLower(prefix)) {
				out = append(out, r)
			}
		}
		if len(out) == 0 {
			return selection{}, fmt.Errorf("%q matches no rule", sel)
		}
		return selection{rules: out, specificity: len(prefix)}, nil
	}
	if r := reg.lookup(s); r != nil {
		return selection{rules: []*rule.Rule{r}, specificity: exactSpecificity}, nil
	}
	return selection{}, fmt.Errorf("unknown rule %q (give a code such as T003, a name such as cue-overlap, or a prefix such as T*)", sel)
}

// paramNames lists a rule's parameters for error messages.
func paramNames(r *rule.Rule) string {
	if len(r.Params) == 0 {
		return "it has no parameters"
	}
	names := make([]string, len(r.Params))
	for i, p := range r.Params {
		names[i] = p.Name
	}
	return "parameters: " + strings.Join(names, ", ")
}
