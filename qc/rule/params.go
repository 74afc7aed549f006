package rule

import (
	"fmt"

	"github.com/exportqc/exportqc/qc/cue"
)

// Settings gives a rule typed access to its effective parameters; Pass and
// DeliveryPass embed it, so no rule reads the raw Config.Params map.
type Settings struct {
	rule *Rule
	cfg  *Config
}

func (p Settings) setting(name string) Setting {
	s, ok := p.cfg.Params[name]
	if !ok {
		// A registered rule reading an undeclared or unset parameter is a
		// programming error in the packs or the rule; packs are validated at
		// load time so that this cannot happen for shipped rules.
		panic(fmt.Sprintf("rule %s: parameter %q has no value", p.rule.Code, name))
	}
	return s
}

// DurationParam returns the unresolved duration (to print "2f" in messages).
func (p Settings) DurationParam(name string) Duration { return p.setting(name).Value.Duration }

// DurationAt returns a duration parameter resolved at frame rate fr.
func (p Settings) DurationAt(name string, fr cue.FrameRate) cue.Time {
	return p.setting(name).Value.Duration.Resolve(fr)
}

func (p Settings) Int(name string) int64     { return p.setting(name).Value.Int }
func (p Settings) Float(name string) float64 { return p.setting(name).Value.Float }
func (p Settings) Bool(name string) bool     { return p.setting(name).Value.Bool }
func (p Settings) String(name string) string { return p.setting(name).Value.String }

// Source returns the source citation of a parameter.
func (p Settings) Source(name string) string { return p.setting(name).Source }
