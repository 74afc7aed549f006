package pack

import (
	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/territory"
)

// Pack is one parsed, validated pack file. Treat it as read-only.
type Pack struct {
	ID    string // file name stem: "netflix", "zh-Hans"
	File  string // path inside the packs file system: "languages/zh-Hans.yaml"
	Layer Layer
	Title string
	// Version is the guideline version (or the month) the values were read from.
	Version string
	// AppliesTo holds canonical BCP-47 tags (language packs) or upper-case
	// territory codes (territory packs).
	AppliesTo []string
	Rules     map[string]*RuleSettings // by rule code
	Variants  map[string]*Variant      // by canonical name ("children", "children+sdh")

	// Territory packs: what a delivery to the territory must hold (see
	// package territory). Classes may also be set by the defaults pack,
	// where they are the built-in equivalence classes every territory uses.
	Requires []territory.Requirement
	Classes  []territory.Class
	Formats  *territory.FormatList
	// Sections are a territory pack's language-scoped rules (`languages:`):
	// one pseudo-pack per language, id "FR:fr", applied after the territory
	// pack to files whose language it serves, as a language pack would be.
	Sections []*Pack
}

// Variant is a named option of a pack (content type: children, sdh...).
type Variant struct {
	Name  string   // canonical: parts sorted, joined by "+"
	Parts []string // sorted
	Rules map[string]*RuleSettings
	// Requires are requirements only this variant adds, and Formats the
	// formats accepted when it applies (territory packs).
	Requires []territory.Requirement
	Formats  *territory.FormatList
}

// RuleSettings is what one pack, variant or override says about one rule.
// Nil fields and absent params leave the lower layer's value in place.
type RuleSettings struct {
	Enabled  *bool
	Severity *rule.Severity
	// EnabledSource and SeveritySource justify Enabled and Severity: the
	// rule entry's source (or the pack title) in packs, the flag in flags.
	EnabledSource  string
	SeveritySource string
	Params         map[string]Param
	Line           int // line of the rule entry in its pack file, 0 elsewhere
}

// Param is one parameter value with its justification.
type Param struct {
	Value  rule.Value
	Source string
	Line   int // line of the value in its pack file, 0 elsewhere
}

func (rs *RuleSettings) setParam(name string, p Param) {
	if rs.Params == nil {
		rs.Params = make(map[string]Param)
	}
	rs.Params[name] = p
}
