package pack

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/rule"
)

// ParseProject reads the `rules:` value of a project config (what viper
// returns: map[string]any, or map[any]any from some decoders) into the project
// layer. name is the config file shown in explain output ("config.yaml").
//
//	rules:
//	  T005:                        # code (any case: viper lower-cases keys) or name
//	    severity: warning
//	    enabled: true
//	    source: "client style guide v3 §2"   # optional, justifies enabled/severity
//	    params:
//	      max_cps: 15              # bare value: source is "project <name>"
//	      half_width_weight: {value: 0.5, source: "client style guide v3 §2.1"}
//
// Unknown rules, keys and parameters and values of the wrong kind are errors;
// every problem is reported. A nil value gives nil Overrides.
func (l *Library) ParseProject(name string, rules any) (*Overrides, error) {
	if rules == nil {
		return nil, nil
	}
	if name == "" {
		name = "config.yaml"
	}
	var probs problems
	errf := func(path, format string, args ...any) {
		probs.add(name, 0, "%s: %s", path, fmt.Sprintf(format, args...))
	}
	m, ok := asMap(rules)
	if !ok {
		errf("rules", "want a mapping of rule code to settings, got %s", describe(rules))
		return nil, probs.err()
	}
	o := &Overrides{Name: name}
	defaultSource := "project " + name
	seen := make(map[string]string)
	for _, key := range sortedKeys(m) {
		at := "rules." + key
		r := l.reg.lookup(key)
		if r == nil {
			errf(at, "unknown rule (give a code such as T003 or a name such as cue-overlap)")
			continue
		}
		if prev, dup := seen[r.Code]; dup {
			errf(at, "%s is already configured as rules.%s", r.ID(), prev)
			continue
		}
		seen[r.Code] = key
		entry, ok := asMap(m[key])
		if !ok {
			errf(at, "want a mapping with enabled, severity, source or params, got %s", describe(m[key]))
			continue
		}
		rs := o.rule(r.Code)
		src := defaultSource
		if v, ok := entry["source"]; ok {
			if s, ok := v.(string); ok && strings.TrimSpace(s) != "" {
				src = strings.TrimSpace(s)
			} else {
				errf(at+".source", "want a non-empty string")
			}
		}
		rs.EnabledSource, rs.SeveritySource = src, src
		for _, k := range sortedKeys(entry) {
			v := entry[k]
			switch strings.ToLower(k) {
			case "source":
			case "enabled":
				b, err := asBool(v)
				if err != nil {
					errf(at+".enabled", "%v", err)
					continue
				}
				rs.Enabled = &b
			case "severity":
				s, _ := v.(string)
				sev, err := rule.ParseSeverity(s)
				if err != nil {
					errf(at+".severity", "%v", err)
					continue
				}
				rs.Severity = &sev
			case "params":
				params, ok := asMap(v)
				if !ok {
					errf(at+".params", "want a mapping of parameter to value, got %s", describe(v))
					continue
				}
				for _, pname := range sortedKeys(params) {
					pat := at + ".params." + pname
					spec := r.Param(strings.ToLower(pname))
					if spec == nil {
						errf(pat, "%s has no such parameter (%s)", r.ID(), paramNames(r))
						continue
					}
					p, err := projectParam(spec, params[pname], defaultSource)
					if err != nil {
						errf(pat, "%v", err)
						continue
					}
					rs.setParam(spec.Name, p)
				}
			default:
				errf(at+"."+k, "unknown key (keys: enabled, severity, source, params)")
			}
		}
	}
	if err := probs.err(); err != nil {
		return nil, err
	}
	return o, nil
}

// projectParam accepts a bare scalar or {value: ..., source: ...}.
func projectParam(spec *rule.ParamSpec, v any, defaultSource string) (Param, error) {
	source := defaultSource
	if m, ok := asMap(v); ok {
		for _, k := range sortedKeys(m) {
			if k != "value" && k != "source" {
				return Param{}, fmt.Errorf("unknown key %q (keys: value, source)", k)
			}
		}
		if s, ok := m["source"]; ok {
			str, ok := s.(string)
			if !ok || strings.TrimSpace(str) == "" {
				return Param{}, fmt.Errorf("source: want a non-empty string")
			}
			source = strings.TrimSpace(str)
		}
		var present bool
		if v, present = m["value"]; !present {
			return Param{}, fmt.Errorf("missing value")
		}
	}
	raw, err := scalarText(v)
	if err != nil {
		return Param{}, err
	}
	val, err := parseParam(spec, raw)
	if err != nil {
		return Param{}, err
	}
	return Param{Value: val, Source: source}, nil
}

// scalarText gives the text of a config scalar, as the pack files would have it.
func scalarText(v any) (string, error) {
	switch x := v.(type) {
	case string:
		return x, nil
	case bool:
		return strconv.FormatBool(x), nil
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), nil
	case float32:
		return strconv.FormatFloat(float64(x), 'f', -1, 32), nil
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return fmt.Sprint(x), nil
	}
	return "", fmt.Errorf("want a single value, got %s", describe(v))
}

func asBool(v any) (bool, error) {
	switch x := v.(type) {
	case bool:
		return x, nil
	case string: // environment variables arrive as strings
		if b, err := strconv.ParseBool(strings.TrimSpace(x)); err == nil {
			return b, nil
		}
	}
	return false, fmt.Errorf("want true or false, got %s", describe(v))
}

// asMap accepts the map types YAML and viper produce, with string keys.
func asMap(v any) (map[string]any, bool) {
	switch m := v.(type) {
	case map[string]any:
		return m, true
	case map[any]any:
		out := make(map[string]any, len(m))
		for k, val := range m {
			ks, ok := k.(string)
			if !ok {
				ks = fmt.Sprint(k)
			}
			out[ks] = val
		}
		return out, true
	}
	return nil, false
}

func describe(v any) string {
	if v == nil {
		return "nothing"
	}
	switch reflect.TypeOf(v).Kind() {
	case reflect.Map:
		return "a mapping"
	case reflect.Slice, reflect.Array:
		return "a list"
	}
	s := fmt.Sprint(v)
	if len(s) > 40 {
		s = s[:37] + "..."
	}
	return strconv.Quote(s)
}
