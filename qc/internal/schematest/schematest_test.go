package schematest

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func mustParse(t *testing.T, src string) *Schema {
	t.Helper()
	s, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

const counts = `{
  "type": "object",
  "required": ["share", "families"],
  "additionalProperties": false,
  "properties": {
    "share": {"$ref": "#/$defs/share"},
    "families": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}},
    "kind": {"type": "string", "enum": ["a", "b"]}
  },
  "$defs": {"share": {"type": ["number", "null"], "minimum": 0, "maximum": 100}}
}`

func TestValidate(t *testing.T) {
	s := mustParse(t, counts)
	for doc, wantErr := range map[string]string{
		`{"share": 12.5, "families": {"x": 1}}`:             "",
		`{"share": null, "families": {}, "kind": "b"}`:      "",
		`{"share": 100, "families": {}}`:                    "",
		`{"share": 100.1, "families": {}}`:                  "$.share: 100.1 is above the maximum 100",
		`{"share": -1, "families": {}}`:                     "$.share: -1 is below the minimum 0",
		`{"share": "1", "families": {}}`:                    "$.share: type string, want number or null",
		`{"share": 1, "families": {"x": 1.5}}`:              "$.families.x: type number, want integer",
		`{"share": 1, "families": {"x": -2}}`:               "$.families.x: -2 is below the minimum 0",
		`{"share": 1}`:                                      `$: required property "families" missing`,
		`{"share": 1, "families": {}, "when": "now"}`:       `$: property "when" is not allowed`,
		`{"share": 1, "families": {}, "kind": "c"}`:         "$.kind: value c not in enum [a b]",
		`{"share": 1, "families": null}`:                    "$.families: type null, want object",
		`{"share": 1, "families": {}, "kind": ["a", "b"]}`:  "$.kind: type array, want string",
		`{"share": 1, "families": {"x": 1, "y": "three"}}`:  "$.families.y: type string, want integer",
		`{"share": 1e2, "families": {"x": 1, "y": 2}}`:      "",
		`{"share": 0.0, "families": {"zero": 0, "one": 1}}`: "",
	} {
		errs := s.Validate(Decode(t, []byte(doc)))
		if got := strings.Join(errs, "; "); got != wantErr {
			t.Errorf("%s:\n got %q\nwant %q", doc, got, wantErr)
		}
	}
}

func TestParseRejectsWhatItCannotCheck(t *testing.T) {
	for _, src := range []string{
		`{"type": "number", "multipleOf": 0.1}`,
		`{"type": "object", "additionalProperties": true}`,
		`{"$ref": "other.json#/$defs/x"}`,
		`{"$ref": "#/$defs/missing"}`,
		`{"type": "object", "properties": {"a": {"oneOf": []}}}`,
		`{"type": "string", "pattern": "("}`,
		`{"type": "integer", "minimum": "0"}`,
	} {
		if _, err := Parse([]byte(src)); err == nil {
			t.Errorf("Parse accepted %s", src)
		}
	}
}

// recorder collects what MatchStructs reports instead of failing the test.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

type Share float64

type inner struct {
	Territory string `json:"territory"`
	Slots     int    `json:"slots"`
}

type outer struct {
	Share    *Share         `json:"share"`
	Families map[string]int `json:"families"`
	Kind     string         `json:"kind,omitempty"`
	Items    []inner        `json:"items"`
	Best     *inner         `json:"best,omitempty"`
	hidden   int
	Skipped  int `json:"-"`
}

type flat struct {
	Name string `json:"name"`
	inner
}

const outerSchema = `{
  "type": "object",
  "required": ["share", "families", "items"],
  "additionalProperties": false,
  "properties": {
    "share": {"$ref": "#/$defs/share"},
    "families": {"type": "object", "additionalProperties": {"type": "integer"}},
    "kind": {"type": "string"},
    "items": {"type": "array", "items": {"$ref": "#/$defs/inner"}},
    "best": {"$ref": "#/$defs/inner"}
  },
  "$defs": {
    "share": {"type": ["number", "null"]},
    "inner": {"type": "object", "required": ["territory", "slots"], "additionalProperties": false,
      "properties": {"territory": {"type": "string"}, "slots": {"type": "integer"}}},
    "flat": {"type": "object", "required": ["name", "territory", "slots"], "additionalProperties": false,
      "properties": {"name": {"type": "string"}, "territory": {"type": "string"}, "slots": {"type": "integer"}}}
  }
}`

func match(t *testing.T, src string) []string {
	t.Helper()
	r := &recorder{TB: t}
	MatchStructs(r, mustParse(t, src), reflect.TypeFor[outer](),
		map[reflect.Type]string{reflect.TypeFor[inner](): "inner", reflect.TypeFor[flat](): "flat"},
		map[reflect.Type]string{reflect.TypeFor[Share](): "share"})
	return r.errs
}

func TestMatchStructs(t *testing.T) {
	if errs := match(t, outerSchema); len(errs) > 0 {
		t.Fatalf("a schema that matches the structs: %q", errs)
	}
	for name, c := range map[string]struct{ from, to, want string }{
		"missing property":    {`"kind": {"type": "string"},`, ``, `(json "kind") is missing from the schema`},
		"extra property":      {`"kind": {"type": "string"},`, `"kind": {"type": "string"}, "extra": {"type": "string"},`, `schema property "extra" has no Go field`},
		"omitempty required":  {`["share", "families", "items"]`, `["share", "families", "items", "kind"]`, "required=true but omitempty=true"},
		"field not required":  {`["share", "families", "items"]`, `["share", "items"]`, "required=false but omitempty=false"},
		"wrong type":          {`"kind": {"type": "string"}`, `"kind": {"type": "integer"}`, `wants schema type "string"`},
		"null not admitted":   {`"share": {"type": ["number", "null"]}`, `"share": {"type": "number"}`, "must admit null"},
		"list admits null":    {`"items": {"type": "array",`, `"items": {"type": ["array", "null"],`, "admits null"},
		"map values untyped":  {`"families": {"type": "object", "additionalProperties": {"type": "integer"}}`, `"families": {"type": "object"}`, "additionalProperties"},
		"map values wrong":    {`"additionalProperties": {"type": "integer"}`, `"additionalProperties": {"type": "string"}`, `must be of type "integer"`},
		"items not a ref":     {`"items": {"$ref": "#/$defs/inner"}`, `"items": {"type": "object"}`, "must $ref #/$defs/inner"},
		"pointer not a ref":   {`"best": {"$ref": "#/$defs/inner"}`, `"best": {"type": "object"}`, "want $ref #/$defs/inner"},
		"embedded not flat":   {`"name": {"type": "string"}, "territory": {"type": "string"}, "slots": {"type": "integer"}}`, `"name": {"type": "string"}}`, `(json "territory") is missing`},
		"open object allowed": {`"required": ["share", "families", "items"],` + "\n  \"additionalProperties\": false,", `"required": ["share", "families", "items"],`, "additionalProperties:false"},
	} {
		t.Run(name, func(t *testing.T) {
			src := strings.Replace(outerSchema, c.from, c.to, 1)
			if src == outerSchema {
				t.Fatal("mutation did not apply")
			}
			errs := match(t, src)
			if !strings.Contains(strings.Join(errs, "\n"), c.want) {
				t.Errorf("errors %q do not say %q", errs, c.want)
			}
		})
	}
}
