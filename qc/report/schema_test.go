package report

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/schematest"
	"github.com/exportqc/exportqc/qc/rule"
)

// The validator and the struct check are shared with the audit report's
// schema test (qc/internal/schematest).
func loadSchema(t *testing.T) *schematest.Schema {
	t.Helper()
	return schematest.Load(t, "rules/schema/report.v1.schema.json")
}

func loadSchemaV2(t *testing.T) *schematest.Schema {
	t.Helper()
	return schematest.Load(t, "rules/schema/report.v2.schema.json")
}

// renderIndented is the v2 report laid out (--indent), so that the
// mutations below can find fields by their text.
func renderIndented(t *testing.T, r *Report) []byte {
	t.Helper()
	var b strings.Builder
	if err := JSONWith(JSONOptions{Indent: true})(&b, r); err != nil {
		t.Fatal(err)
	}
	return []byte(b.String())
}

func TestJSONReportConformsToSchema(t *testing.T) {
	v1, v2 := loadSchema(t), loadSchemaV2(t)
	cases := map[string]*Report{
		"fixture": loadFixture(t),
		// An empty run must still give arrays, not null, for files and findings.
		"empty": {Tool: Tool{Name: "exportqc"}, Summary: Summary{FailOn: "error", Passed: true}},
	}
	for name, r := range cases {
		t.Run(name, func(t *testing.T) {
			for _, c := range []struct {
				what   string
				schema *schematest.Schema
				out    []byte
			}{
				{"v2 compact", v2, render(t, "json", r)},
				{"v2 indented", v2, renderIndented(t, r)},
				{"v1", v1, render(t, "json-v1", r)},
			} {
				if errs := c.schema.Validate(schematest.Decode(t, c.out)); len(errs) > 0 {
					t.Errorf("%s JSON report does not conform:\n%s", c.what, strings.Join(errs, "\n"))
				}
			}
		})
	}
}

// The validator must be able to say no, or the test above proves nothing.
func TestSchemaRejectsBrokenReports(t *testing.T) {
	t.Run("v1", func(t *testing.T) { rejectBroken(t, loadSchema(t), string(render(t, "json-v1", loadFixture(t))), 1) })
	t.Run("v2", func(t *testing.T) { rejectBroken(t, loadSchemaV2(t), string(renderIndented(t, loadFixture(t))), 2) })
}

func rejectBroken(t *testing.T, s *schematest.Schema, good string, version int) {
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
			if k < i { // v2: the rules come first, the findings last
				return j[:i] + `"findings": null` + "\n}\n"
			}
			return j[:i] + `"findings": null,` + "\n  " + j[k:]
		},
		"wrong schema version": func(j string) string {
			return strings.Replace(j, `"schema_version": `+itoa(version), `"schema_version": 3`, 1)
		},
	}
	if version == 2 {
		breakers["source not an index"] = func(j string) string {
			return strings.Replace(j, `"source": 0`, `"source": "a guideline"`, 1)
		}
	}
	for name, breakIt := range breakers {
		t.Run(name, func(t *testing.T) {
			bad := breakIt(good)
			if bad == good {
				t.Fatal("mutation did not apply; fixture changed?")
			}
			if errs := s.Validate(schematest.Decode(t, []byte(bad))); len(errs) == 0 {
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
	schematest.MatchStructs(t, s, reflect.TypeFor[Report](), map[reflect.Type]string{
		reflect.TypeFor[Tool]():            "tool",
		reflect.TypeFor[Summary]():         "summary",
		reflect.TypeFor[File]():            "file",
		reflect.TypeFor[rule.Finding]():    "finding",
		reflect.TypeFor[rule.Waiver]():     "waiver",
		reflect.TypeFor[RuleInfo]():        "rule",
		reflect.TypeFor[Delivery]():        "delivery",
		reflect.TypeFor[DeliveryEpisode](): "delivery_episode",

		// Suggested fixes (check --fixes, exportqc fix).
		reflect.TypeFor[rule.SuggestedFix](): "fix",
		reflect.TypeFor[rule.TextEdit]():     "edit",
	}, map[reflect.Type]string{
		reflect.TypeFor[rule.Timecode](): "timecode",
		reflect.TypeFor[rule.Severity](): "severity",
	})

	// The enums must list exactly what the Go side can produce.
	sev, _ := s.Resolve("#/$defs/severity")
	var words []any
	for i := rule.Severity(0); !strings.HasPrefix(i.String(), "severity("); i++ {
		words = append(words, i.String())
	}
	if !schematest.JSONEqual(sortedAny(sev["enum"].([]any)), sortedAny(words)) {
		t.Errorf("severity enum %v, Go has %v", sev["enum"], words)
	}
	sv := s.Root["properties"].(map[string]any)["schema_version"].(map[string]any)
	if !schematest.JSONEqual(sv["enum"], []int{1}) {
		t.Errorf("schema_version enum %v, want 1", sv["enum"])
	}
	sv = loadSchemaV2(t).Root["properties"].(map[string]any)["schema_version"].(map[string]any)
	if !schematest.JSONEqual(sv["enum"], []int{SchemaVersion}) {
		t.Errorf("v2 schema_version enum %v, Go SchemaVersion is %d", sv["enum"], SchemaVersion)
	}
}

func sortedAny(xs []any) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = x.(string)
	}
	slices.Sort(out)
	return out
}
