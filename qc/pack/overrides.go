package pack

// Overrides are the settings of the two layers above the packs: the project
// config (ParseProject) and the command line (ParseFlags). Build them with
// those functions, which validate every code, parameter and value; once handed
// to Resolve or a Resolver they must not change.
type Overrides struct {
	// Name is shown as the "pack" of every value it sets: "config.yaml", "flags".
	Name  string
	Rules map[string]*RuleSettings // by rule code
	// EnableOnly, when non-nil, disables every rule not listed (by code) and
	// enables those listed, before Rules apply.
	EnableOnly []string
	// EnableOnlySource is the flag text shown as the source of that choice.
	EnableOnlySource string
}

func (o *Overrides) rule(code string) *RuleSettings {
	if o.Rules == nil {
		o.Rules = make(map[string]*RuleSettings)
	}
	rs := o.Rules[code]
	if rs == nil {
		rs = &RuleSettings{}
		o.Rules[code] = rs
	}
	return rs
}
