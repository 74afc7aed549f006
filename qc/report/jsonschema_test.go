package report

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// miniSchema validates JSON values against the subset of JSON Schema (draft
// 2020-12) the report schema uses: type, required, properties,
// additionalProperties:false, enum, items, pattern, minimum and local $ref
// into $defs. A keyword outside that subset is an error, never silently
// ignored, so the schema cannot grow a constraint this test does not check.
type miniSchema struct {
	root map[string]any
}

var annotationKeywords = map[string]bool{
	"$schema": true, "$id": true, "$defs": true, "title": true, "description": true,
}

var checkedKeywords = map[string]bool{
	"type": true, "required": true, "properties": true, "additionalProperties": true,
	"enum": true, "items": true, "pattern": true, "minimum": true, "$ref": true,
}

func parseMiniSchema(data []byte) (*miniSchema, error) {
	var root map[string]any
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.UseNumber()
	if err := dec.Decode(&root); err != nil {
		return nil, err
	}
	s := &miniSchema{root: root}
	if err := s.checkKeywords(root, "#"); err != nil {
		return nil, err
	}
	return s, nil
}

// checkKeywords walks every subschema and rejects unsupported keywords.
func (s *miniSchema) checkKeywords(node map[string]any, at string) error {
	for _, k := range sortedKeys(node) {
		v := node[k]
		switch {
		case annotationKeywords[k]:
			if k == "$defs" {
				defs, ok := v.(map[string]any)
				if !ok {
					return fmt.Errorf("%s/$defs: not an object", at)
				}
				for _, name := range sortedKeys(defs) {
					sub, ok := defs[name].(map[string]any)
					if !ok {
						return fmt.Errorf("%s/$defs/%s: not a schema", at, name)
					}
					if err := s.checkKeywords(sub, at+"/$defs/"+name); err != nil {
						return err
					}
				}
			}
		case checkedKeywords[k]:
			switch k {
			case "properties":
				props, ok := v.(map[string]any)
				if !ok {
					return fmt.Errorf("%s/properties: not an object", at)
				}
				for _, name := range sortedKeys(props) {
					sub, ok := props[name].(map[string]any)
					if !ok {
						return fmt.Errorf("%s/properties/%s: not a schema", at, name)
					}
					if err := s.checkKeywords(sub, at+"/properties/"+name); err != nil {
						return err
					}
				}
			case "items":
				sub, ok := v.(map[string]any)
				if !ok {
					return fmt.Errorf("%s/items: not a schema", at)
				}
				if err := s.checkKeywords(sub, at+"/items"); err != nil {
					return err
				}
			case "additionalProperties":
				if b, ok := v.(bool); !ok || b {
					return fmt.Errorf("%s: only additionalProperties:false is supported", at)
				}
			case "pattern":
				if _, err := regexp.Compile(fmt.Sprint(v)); err != nil {
					return fmt.Errorf("%s/pattern: %v", at, err)
				}
			case "$ref":
				if _, err := s.resolve(fmt.Sprint(v)); err != nil {
					return fmt.Errorf("%s: %v", at, err)
				}
			}
		default:
			return fmt.Errorf("%s: keyword %q is not supported by the test validator", at, k)
		}
	}
	return nil
}

func (s *miniSchema) resolve(ref string) (map[string]any, error) {
	name, ok := strings.CutPrefix(ref, "#/$defs/")
	if !ok {
		return nil, fmt.Errorf("$ref %q: only #/$defs/NAME is supported", ref)
	}
	defs, _ := s.root["$defs"].(map[string]any)
	def, ok := defs[name].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("$ref %q: no such definition", ref)
	}
	return def, nil
}

// Validate returns every violation in doc (decoded with UseNumber).
func (s *miniSchema) Validate(doc any) []string {
	var errs []string
	s.validate(s.root, doc, "$", &errs)
	return errs
}

func (s *miniSchema) validate(schema map[string]any, v any, at string, errs *[]string) {
	fail := func(format string, args ...any) { *errs = append(*errs, at+": "+fmt.Sprintf(format, args...)) }
	if ref, ok := schema["$ref"].(string); ok {
		def, err := s.resolve(ref)
		if err != nil {
			fail("%v", err)
			return
		}
		s.validate(def, v, at, errs)
	}
	if t, ok := schema["type"]; ok {
		var types []string
		switch t := t.(type) {
		case string:
			types = []string{t}
		case []any:
			for _, x := range t {
				types = append(types, fmt.Sprint(x))
			}
		}
		if !slices.Contains(types, jsonType(v)) && !(jsonType(v) == "integer" && slices.Contains(types, "number")) {
			fail("type %s, want %s", jsonType(v), strings.Join(types, " or "))
			return
		}
	}
	if enum, ok := schema["enum"].([]any); ok {
		found := false
		for _, e := range enum {
			if jsonEqual(e, v) {
				found = true
				break
			}
		}
		if !found {
			fail("value %v not in enum %v", v, enum)
		}
	}
	if p, ok := schema["pattern"].(string); ok {
		if str, isStr := v.(string); isStr && !regexp.MustCompile(p).MatchString(str) {
			fail("%q does not match %s", str, p)
		}
	}
	if m, ok := schema["minimum"].(json.Number); ok {
		if n, isNum := v.(json.Number); isNum {
			a, _ := n.Float64()
			b, _ := m.Float64()
			if a < b {
				fail("%v is below the minimum %v", n, m)
			}
		}
	}
	if obj, ok := v.(map[string]any); ok {
		if req, ok := schema["required"].([]any); ok {
			for _, r := range req {
				if _, present := obj[fmt.Sprint(r)]; !present {
					fail("required property %q missing", r)
				}
			}
		}
		props, _ := schema["properties"].(map[string]any)
		for _, k := range sortedKeys(obj) {
			sub, known := props[k].(map[string]any)
			if !known {
				if ap, ok := schema["additionalProperties"].(bool); ok && !ap {
					fail("property %q is not allowed", k)
				}
				continue
			}
			s.validate(sub, obj[k], at+"."+k, errs)
		}
	}
	if arr, ok := v.([]any); ok {
		if items, ok := schema["items"].(map[string]any); ok {
			for i, x := range arr {
				s.validate(items, x, fmt.Sprintf("%s[%d]", at, i), errs)
			}
		}
	}
}

func jsonType(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case json.Number:
		if _, err := v.Int64(); err == nil {
			return "integer"
		}
		return "number"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}

func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
