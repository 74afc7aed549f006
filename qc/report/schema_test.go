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
			if errs := s.Validate(schematest.Decode(t, out)); len(errs) > 0 {
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
	if !schematest.JSONEqual(sv["enum"], []int{SchemaVersion}) {
		t.Errorf("schema_version enum %v, Go SchemaVersion is %d", sv["enum"], SchemaVersion)
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
