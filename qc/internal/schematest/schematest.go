// Package schematest holds the published JSON Schemas (rules/schema) to
// what the code writes, for tests: a validator for the part of JSON Schema
// draft 2020-12 those schemas use, and a check that a schema and the Go
// structs behind a report describe the same fields.
//
// The validator knows type (one or a list), required, properties,
// additionalProperties (false, or a schema for the values of a map), enum,
// items, pattern, minimum, maximum and local $ref into $defs. A keyword
// outside that subset makes Parse fail, never silently passes, so a schema
// cannot grow a constraint its tests do not check.
package schematest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

// Schema is a parsed schema whose keywords are all ones the validator knows.
type Schema struct {
	Root map[string]any
}

var annotationKeywords = map[string]bool{
	"$schema": true, "$id": true, "$defs": true, "title": true, "description": true,
}

var checkedKeywords = map[string]bool{
	"type": true, "required": true, "properties": true, "additionalProperties": true,
	"enum": true, "items": true, "pattern": true, "minimum": true, "maximum": true, "$ref": true,
}

// Parse reads a schema and rejects any keyword the validator does not check.
func Parse(data []byte) (*Schema, error) {
	var root map[string]any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&root); err != nil {
		return nil, err
	}
	s := &Schema{Root: root}
	if err := s.checkKeywords(root, "#"); err != nil {
		return nil, err
	}
	return s, nil
}

// Load parses the schema at rel, a slash-separated path from the
// repository root ("rules/schema/report.v1.schema.json").
func Load(t testing.TB, rel string) *Schema {
	t.Helper()
	path := filepath.Join(testcorpus.RepoRoot(t), filepath.FromSlash(rel))
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Parse(data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return s
}

// Decode reads one JSON document the way Validate expects it: numbers as
// json.Number, so integers and decimals stay apart.
func Decode(t testing.TB, data []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// checkKeywords walks every subschema and rejects unsupported keywords.
func (s *Schema) checkKeywords(node map[string]any, at string) error {
	sub := func(v any, where string) error {
		m, ok := v.(map[string]any)
		if !ok {
			return fmt.Errorf("%s: not a schema", where)
		}
		return s.checkKeywords(m, where)
	}
	for _, k := range SortedKeys(node) {
		v := node[k]
		switch {
		case annotationKeywords[k]:
			if k == "$defs" {
				defs, ok := v.(map[string]any)
				if !ok {
					return fmt.Errorf("%s/$defs: not an object", at)
				}
				for _, name := range SortedKeys(defs) {
					if err := sub(defs[name], at+"/$defs/"+name); err != nil {
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
				for _, name := range SortedKeys(props) {
					if err := sub(props[name], at+"/properties/"+name); err != nil {
						return err
					}
				}
			case "items":
				if err := sub(v, at+"/items"); err != nil {
					return err
				}
			case "additionalProperties":
				if b, ok := v.(bool); ok {
					if b {
						return fmt.Errorf("%s: additionalProperties:true says nothing; leave it out or give a schema", at)
					}
				} else if err := sub(v, at+"/additionalProperties"); err != nil {
					return err
				}
			case "pattern":
				if _, err := regexp.Compile(fmt.Sprint(v)); err != nil {
					return fmt.Errorf("%s/pattern: %v", at, err)
				}
			case "minimum", "maximum":
				if _, ok := v.(json.Number); !ok {
					return fmt.Errorf("%s/%s: not a number", at, k)
				}
			case "$ref":
				if _, err := s.Resolve(fmt.Sprint(v)); err != nil {
					return fmt.Errorf("%s: %v", at, err)
				}
			}
		default:
			return fmt.Errorf("%s: keyword %q is not supported by the test validator", at, k)
		}
	}
	return nil
}

// Resolve returns the definition a local $ref ("#/$defs/NAME") names.
func (s *Schema) Resolve(ref string) (map[string]any, error) {
	name, ok := strings.CutPrefix(ref, "#/$defs/")
	if !ok {
		return nil, fmt.Errorf("$ref %q: only #/$defs/NAME is supported", ref)
	}
	defs, _ := s.Root["$defs"].(map[string]any)
	def, ok := defs[name].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("$ref %q: no such definition", ref)
	}
	return def, nil
}

// Validate returns every violation in doc (decoded with UseNumber), each
// prefixed with where it is ("$.members[2].coverage").
func (s *Schema) Validate(doc any) []string {
	var errs []string
	s.validate(s.Root, doc, "$", &errs)
	return errs
}

func (s *Schema) validate(schema map[string]any, v any, at string, errs *[]string) {
	fail := func(format string, args ...any) { *errs = append(*errs, at+": "+fmt.Sprintf(format, args...)) }
	if ref, ok := schema["$ref"].(string); ok {
		def, err := s.Resolve(ref)
		if err != nil {
			fail("%v", err)
			return
		}
		s.validate(def, v, at, errs)
	}
	if types := typeList(schema); types != nil {
		got := jsonType(v)
		if !slices.Contains(types, got) && !(got == "integer" && slices.Contains(types, "number")) {
			fail("type %s, want %s", got, strings.Join(types, " or "))
			return
		}
	}
	if enum, ok := schema["enum"].([]any); ok {
		if !slices.ContainsFunc(enum, func(e any) bool { return JSONEqual(e, v) }) {
			fail("value %v not in enum %v", v, enum)
		}
	}
	if p, ok := schema["pattern"].(string); ok {
		if str, isStr := v.(string); isStr && !regexp.MustCompile(p).MatchString(str) {
			fail("%q does not match %s", str, p)
		}
	}
	if n, isNum := v.(json.Number); isNum {
		x, _ := n.Float64()
		if m, ok := schema["minimum"].(json.Number); ok {
			if b, _ := m.Float64(); x < b {
				fail("%v is below the minimum %v", n, m)
			}
		}
		if m, ok := schema["maximum"].(json.Number); ok {
			if b, _ := m.Float64(); x > b {
				fail("%v is above the maximum %v", n, m)
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
		for _, k := range SortedKeys(obj) {
			if sub, known := props[k].(map[string]any); known {
				s.validate(sub, obj[k], at+"."+k, errs)
				continue
			}
			switch ap := schema["additionalProperties"].(type) {
			case bool:
				if !ap {
					fail("property %q is not allowed", k)
				}
			case map[string]any:
				s.validate(ap, obj[k], at+"."+k, errs)
			}
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

// typeList is a schema's "type" as a list, nil when it has none.
func typeList(schema map[string]any) []string {
	switch t := schema["type"].(type) {
	case string:
		return []string{t}
	case []any:
		out := make([]string, len(t))
		for i, x := range t {
			out[i] = fmt.Sprint(x)
		}
		return out
	}
	return nil
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

// JSONEqual compares two values by their JSON encoding.
func JSONEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

// SortedKeys returns m's keys in order, so walks report in a stable order.
func SortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Field is one JSON-visible field of a struct.
type Field struct {
	Name      string
	OmitEmpty bool
	Field     reflect.StructField
}

// Fields yields the JSON-visible fields of a struct type the way
// encoding/json names them: tag name or Go name, "-" skipped, and the
// fields of an untagged embedded struct in place of it.
func Fields(typ reflect.Type) func(func(Field) bool) {
	return func(yield func(Field) bool) {
		var walk func(reflect.Type) bool
		walk = func(typ reflect.Type) bool {
			for i := 0; i < typ.NumField(); i++ {
				f := typ.Field(i)
				tag, tagged := f.Tag.Lookup("json")
				if f.Anonymous && !tagged && f.Type.Kind() == reflect.Struct {
					if !walk(f.Type) {
						return false
					}
					continue
				}
				if !f.IsExported() || tag == "-" {
					continue
				}
				name, opts, _ := strings.Cut(tag, ",")
				if name == "" {
					name = f.Name
				}
				if !yield(Field{Name: name, OmitEmpty: slices.Contains(strings.Split(opts, ","), "omitempty"), Field: f}) {
					return false
				}
			}
			return true
		}
		walk(typ)
	}
}

// TypeOf is the JSON Schema type encoding/json gives values of t (a
// pointer's element type), "" for kinds it does not map.
func TypeOf(t reflect.Type) string {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "integer"
	case reflect.Float32, reflect.Float64:
		return "number"
	case reflect.Slice, reflect.Array:
		if t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8 {
			return "string" // []byte: encoding/json writes base64
		}
		return "array"
	case reflect.Struct, reflect.Map:
		return "object"
	}
	return ""
}

// MatchStructs checks that the schema describes the structs it publishes
// and nothing else: root against the schema's root, and every type in defs
// against the definition defs names. For each struct, every JSON field has
// a property and every property a field; a property is required exactly
// when its field is not omitempty; a field whose type is in defs, or in
// leaves (types with their own JSON form: a severity word, a percentage),
// refers to that definition; other fields have the schema type their Go
// type encodes to, lists and maps with items or values of the element's
// type; a nil-able pointer written without omitempty admits null; and
// every object forbids properties it does not list.
func MatchStructs(t testing.TB, s *Schema, root reflect.Type, defs, leaves map[reflect.Type]string) {
	t.Helper()
	// definedName is the definition typ (or what it points to) refers to,
	// looked up in each table in turn.
	definedName := func(typ reflect.Type, tables ...map[reflect.Type]string) (string, bool) {
		for _, in := range tables {
			if name, ok := in[typ]; ok {
				return name, true
			}
			if typ.Kind() == reflect.Pointer {
				if name, ok := in[typ.Elem()]; ok {
					return name, true
				}
			}
		}
		return "", false
	}
	// types is the schema type(s) of a property, through its $ref.
	types := func(p map[string]any) []string {
		if ts := typeList(p); ts != nil {
			return ts
		}
		if ref, ok := p["$ref"].(string); ok {
			if def, err := s.Resolve(ref); err == nil {
				return typeList(def)
			}
		}
		return nil
	}
	// element checks the schema of a list's items or a map's values.
	element := func(at string, elem reflect.Type, sub map[string]any) {
		t.Helper()
		if name, ok := definedName(elem, defs, leaves); ok {
			if sub["$ref"] != "#/$defs/"+name {
				t.Errorf("%s: must $ref #/$defs/%s, got %v", at, name, sub["$ref"])
			}
			return
		}
		if want := TypeOf(elem); want == "object" || want == "array" || want == "" {
			t.Errorf("%s: Go %s has no definition to check it against (add it to defs)", at, elem)
		} else if !slices.Contains(types(sub), want) {
			t.Errorf("%s: must be of type %q, got %v", at, want, types(sub))
		}
	}
	check := func(typ reflect.Type, schema map[string]any, at string) {
		t.Helper()
		props, _ := schema["properties"].(map[string]any)
		var required []string
		req, _ := schema["required"].([]any)
		for _, r := range req {
			required = append(required, fmt.Sprint(r))
		}
		if ap, ok := schema["additionalProperties"].(bool); !ok || ap {
			t.Errorf("%s: must set additionalProperties:false", at)
		}
		seen := map[string]bool{}
		for f := range Fields(typ) {
			seen[f.Name] = true
			where := at + "/properties/" + f.Name
			p, ok := props[f.Name].(map[string]any)
			if !ok {
				t.Errorf("%s: Go field %s.%s (json %q) is missing from the schema", at, typ.Name(), f.Field.Name, f.Name)
				continue
			}
			if isReq := slices.Contains(required, f.Name); isReq == f.OmitEmpty {
				t.Errorf("%s: required=%v but omitempty=%v", where, isReq, f.OmitEmpty)
			}
			ft := f.Field.Type
			nilable := ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Map || ft.Kind() == reflect.Slice
			if ft.Kind() == reflect.Pointer && !f.OmitEmpty && !slices.Contains(types(p), "null") {
				t.Errorf("%s: Go %s is written as null when nil; the schema must admit null", where, ft)
			}
			if name, ok := definedName(ft, leaves, defs); ok {
				if p["$ref"] != "#/$defs/"+name {
					t.Errorf("%s: want $ref #/$defs/%s, got %v", where, name, p["$ref"])
				}
				continue
			}
			want := TypeOf(ft)
			if want == "" {
				t.Errorf("%s: Go %s has no JSON Schema type (add it to leaves)", where, ft)
				continue
			}
			got := types(p)
			if !slices.Contains(got, want) && !(want == "integer" && p["enum"] != nil) {
				t.Errorf("%s: Go %s wants schema type %q, got %v", where, ft, want, got)
			}
			// Lists and maps the writer never leaves nil must not admit
			// null: that is what consumers rely on.
			if nilable && ft.Kind() != reflect.Pointer && slices.Contains(got, "null") {
				t.Errorf("%s: admits null, but reports always write %s", where, want)
			}
			switch {
			case want == "string":
				// []byte is a base64 string, no list of items.
			case ft.Kind() == reflect.Slice || ft.Kind() == reflect.Array:
				items, _ := p["items"].(map[string]any)
				element(where+"/items", ft.Elem(), items)
			case ft.Kind() == reflect.Map:
				values, ok := p["additionalProperties"].(map[string]any)
				if !ok {
					t.Errorf("%s: a map must give the schema of its values in additionalProperties", where)
					continue
				}
				element(where+"/additionalProperties", ft.Elem(), values)
			}
		}
		for _, name := range SortedKeys(props) {
			if !seen[name] {
				t.Errorf("%s: schema property %q has no Go field in %s", at, name, typ)
			}
		}
	}
	check(root, s.Root, "#")
	for _, typ := range sortedTypes(defs) {
		def, err := s.Resolve("#/$defs/" + defs[typ])
		if err != nil {
			t.Errorf("%s: %v", typ, err)
			continue
		}
		check(typ, def, "#/$defs/"+defs[typ])
	}
}

func sortedTypes(m map[reflect.Type]string) []reflect.Type {
	out := make([]reflect.Type, 0, len(m))
	for typ := range m {
		out = append(out, typ)
	}
	sort.Slice(out, func(i, j int) bool { return m[out[i]] < m[out[j]] })
	return out
}
