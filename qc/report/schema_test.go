package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/testcorpus"
	"github.com/exportqc/exportqc/qc/rule"
)

func loadSchema(t *testing.T) *miniSchema {
	t.Helper()
	path := filepath.Join(testcorpus.RepoRoot(t), "rules", "schema", "report.v1.schema.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := parseMiniSchema(data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return s
}

func decodeAny(t *testing.T, data []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestJSONReportConformsToSchema(t *testing.T) {
	s := loadSchema(t)
	cases := map[string]*Report{
		"fixture": loadFixture(t),
		// An empty run must still give arrays, not null, for files and findings.
		"empty": {Tool: Tool{Name: "exportqc"}, Summary: Summary{FailOn: "error", Passed: true}},
	}
	for name, r := range cases {
		t.Run(name, func(t *testing.T) {
			out := render(t, "json", r)
			if errs := s.Validate(decodeAny(t, out)); len(errs) > 0 {
				t.Errorf("JSON report does not conform:\n%s", strings.Join(errs, "\n"))
			}
		})
	}
}

// The validator must be able to say no, or the test above proves nothing.
func TestSchemaRejectsBrokenReports(t *testing.T) {
	s := loadSchema(t)
	good := string(render(t, "json", loadFixture(t)))
	breakers := map[string]func(string) string{
		"unknown property": func(j string) string {
			return strings.Replace(j, `"passed": false`, `"passed": false, "when": "now"`, 1)
		},
		"bad timecode": func(j string) string {
			return strings.Replace(j, `"00:01:02.500"`, `"1:02.5"`, 1)
		},
		"bad severity": func(j string) string {
			return strings.Replace(j, `"severity": "warning"`, `"severity": "fatal"`, 1)
		},
		"missing message": func(j string) string {
			return strings.Replace(j, `"message": "cue lasts 600ms",`, ``, 1)
		},
		"line zero": func(j string) string {
			return strings.Replace(j, `"line": 12,`, `"line": 0,`, 1)
		},
		"findings null": func(j string) string {
			i := strings.Index(j, `"findings": [`)
			k := strings.Index(j, `"rules": [`)
			return j[:i] + `"findings": null,` + "\n  " + j[k:]
		},
		"wrong schema version": func(j string) string {
			return strings.Replace(j, `"schema_version": 1`, `"schema_version": 2`, 1)
		},
	}
	for name, breakIt := range breakers {
		t.Run(name, func(t *testing.T) {
			bad := breakIt(good)
			if bad == good {
				t.Fatal("mutation did not apply; fixture changed?")
			}
			if errs := s.Validate(decodeAny(t, []byte(bad))); len(errs) == 0 {
				t.Error("schema accepted a broken report")
			}
		})
	}
}

// TestSchemaMatchesStructs keeps the published schema and the Go model in
// step: every JSON field of every report struct has a property of the
// matching type, required exactly when the field is not omitempty, and the
// schema has no property the structs lack.
func TestSchemaMatchesStructs(t *testing.T) {
	s := loadSchema(t)
	defs := map[reflect.Type]string{
		reflect.TypeFor[Tool]():            "tool",
		reflect.TypeFor[Summary]():         "summary",
		reflect.TypeFor[File]():            "file",
		reflect.TypeFor[rule.Finding]():    "finding",
		reflect.TypeFor[RuleInfo]():        "rule",
		reflect.TypeFor[Delivery]():        "delivery",
		reflect.TypeFor[DeliveryEpisode](): "delivery_episode",
	}
	leaf := map[reflect.Type]string{
		reflect.TypeFor[rule.Timecode]():  "timecode",
		reflect.TypeFor[*rule.Timecode](): "timecode",
		reflect.TypeFor[rule.Severity]():  "severity",
	}
	check := func(typ reflect.Type, schema map[string]any, at string) {
		props, _ := schema["properties"].(map[string]any)
		var required []string
		for _, r := range schema["required"].([]any) {
			required = append(required, r.(string))
		}
		if ap, ok := schema["additionalProperties"].(bool); !ok || ap {
			t.Errorf("%s: must set additionalProperties:false", at)
		}
		seen := map[string]bool{}
		for f := range jsonFields(typ) {
			seen[f.name] = true
			p, ok := props[f.name].(map[string]any)
			if !ok {
				t.Errorf("%s: Go field %s.%s (json %q) is missing from the schema", at, typ.Name(), f.field.Name, f.name)
				continue
			}
			if req := slices.Contains(required, f.name); req == f.omitempty {
				t.Errorf("%s.%s: required=%v but omitempty=%v", at, f.name, req, f.omitempty)
			}
			ft := f.field.Type
			if name, ok := leaf[ft]; ok {
				if p["$ref"] != "#/$defs/"+name {
					t.Errorf("%s.%s: want $ref #/$defs/%s, got %v", at, f.name, name, p["$ref"])
				}
				continue
			}
			if name, ok := defs[ft]; ok {
				if p["$ref"] != "#/$defs/"+name {
					t.Errorf("%s.%s: want $ref #/$defs/%s, got %v", at, f.name, name, p["$ref"])
				}
				continue
			}
			if want := schemaTypeOf(ft); want != "" {
				got := p["type"]
				if ref, ok := p["$ref"].(string); ok && got == nil {
					def, _ := s.resolve(ref)
					got = def["type"]
				}
				if got != want && !(want == "integer" && p["enum"] != nil) {
					t.Errorf("%s.%s: Go %s wants schema type %q, got %v", at, f.name, ft, want, got)
				}
				if ft.Kind() == reflect.Slice {
					items, _ := p["items"].(map[string]any)
					if et := schemaTypeOf(ft.Elem()); et != "" && et != "object" && et != "array" {
						// A list of plain values: items give their type.
						if items["type"] != et {
							t.Errorf("%s.%s: items must be of type %q, got %v", at, f.name, et, items["type"])
						}
					} else if name := defs[ft.Elem()]; name == "" || items["$ref"] != "#/$defs/"+name {
						t.Errorf("%s.%s: items must $ref the definition of %s", at, f.name, ft.Elem())
					}
				}
			}
		}
		for _, name := range sortedKeys(props) {
			if !seen[name] {
				t.Errorf("%s: schema property %q has no Go field in %s", at, name, typ)
			}
		}
	}
	check(reflect.TypeFor[Report](), s.root, "#")
	for _, typ := range []reflect.Type{reflect.TypeFor[Tool](), reflect.TypeFor[Summary](), reflect.TypeFor[File](), reflect.TypeFor[rule.Finding](), reflect.TypeFor[RuleInfo](),
		reflect.TypeFor[Delivery](), reflect.TypeFor[DeliveryEpisode]()} {
		def, err := s.resolve("#/$defs/" + defs[typ])
		if err != nil {
			t.Fatal(err)
		}
		check(typ, def, "#/$defs/"+defs[typ])
	}

	// The enums must list exactly what the Go side can produce.
	sev, _ := s.resolve("#/$defs/severity")
	var words []any
	for i := rule.Severity(0); !strings.HasPrefix(i.String(), "severity("); i++ {
		words = append(words, i.String())
	}
	if !jsonEqual(sortedAny(sev["enum"].([]any)), sortedAny(words)) {
		t.Errorf("severity enum %v, Go has %v", sev["enum"], words)
	}
	sv := s.root["properties"].(map[string]any)["schema_version"].(map[string]any)
	if !jsonEqual(sv["enum"], []int{SchemaVersion}) {
		t.Errorf("schema_version enum %v, Go SchemaVersion is %d", sv["enum"], SchemaVersion)
	}
}

type jsonField struct {
	name      string
	omitempty bool
	field     reflect.StructField
}

// jsonFields yields the JSON-visible fields of a struct type the way
// encoding/json names them (tag name or Go name, "-" skipped).
func jsonFields(typ reflect.Type) func(func(jsonField) bool) {
	return func(yield func(jsonField) bool) {
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			if !f.IsExported() {
				continue
			}
			tag := f.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			if name == "" {
				name = f.Name
			}
			if !yield(jsonField{name: name, omitempty: slices.Contains(strings.Split(opts, ","), "omitempty"), field: f}) {
				return
			}
		}
	}
}

func schemaTypeOf(t reflect.Type) string {
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
		return "array"
	case reflect.Struct, reflect.Map:
		return "object"
	}
	return ""
}

func sortedAny(xs []any) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = x.(string)
	}
	slices.Sort(out)
	return out
}
