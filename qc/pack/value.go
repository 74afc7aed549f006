package pack

import (
	"fmt"
	"math"

	"github.com/exportqc/exportqc/qc/rule"
)

// parseParam parses raw as spec's kind and rejects values no threshold can
// mean (negative counts and rates, NaN, infinities): a typo such as "-17"
// should fail at load, not silently disable a check.
func parseParam(spec *rule.ParamSpec, raw string) (rule.Value, error) {
	v, err := rule.ParseValue(spec.Kind, raw)
	if err != nil {
		if spec.Kind == rule.KindDuration {
			// ParseDuration says what is wrong ("needs a unit: f, s or ms").
			if _, derr := rule.ParseDuration(raw); derr != nil {
				return rule.Value{}, derr
			}
		}
		return rule.Value{}, err
	}
	switch spec.Kind {
	case rule.KindInt:
		if v.Int < 0 {
			return rule.Value{}, fmt.Errorf("%q must not be negative", raw)
		}
	case rule.KindFloat:
		if math.IsNaN(v.Float) || math.IsInf(v.Float, 0) || v.Float < 0 {
			return rule.Value{}, fmt.Errorf("%q is not a non-negative finite number", raw)
		}
	}
	return v, nil
}

func boolValue(b bool) rule.Value {
	if b {
		return rule.Value{Raw: "true", Bool: true}
	}
	return rule.Value{Raw: "false"}
}

func severityValue(s rule.Severity) rule.Value {
	return rule.Value{Raw: s.String(), String: s.String()}
}
