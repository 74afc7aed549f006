package audit_test

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/audit"
	"github.com/exportqc/exportqc/qc/cli"
	"github.com/exportqc/exportqc/qc/delivery"
	"github.com/exportqc/exportqc/qc/internal/schematest"
	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
)

// The audit JSON's published schema, checked with the validator the check
// report's schema test uses.
const auditSchema = "rules/schema/audit.v1.schema.json"

// TestAuditSchemaMatchesStructs keeps the schema and the Go model in step:
// every JSON field of every audit struct is a property of the matching
// type, required exactly when the field is not omitempty, and the schema
// has no property the structs lack.
func TestAuditSchemaMatchesStructs(t *testing.T) {
	s := schematest.Load(t, auditSchema)
	schematest.MatchStructs(t, s, reflect.TypeFor[audit.Audit](), map[reflect.Type]string{
		reflect.TypeFor[report.Tool]():           "tool",
		reflect.TypeFor[audit.Shard]():           "shard",
		reflect.TypeFor[audit.MemberSummary]():   "member",
		reflect.TypeFor[audit.Coverage]():        "coverage",
		reflect.TypeFor[audit.TerritoryExport](): "territory_export",
		reflect.TypeFor[audit.LanguageExport]():  "language_export",
		reflect.TypeFor[audit.RuleCount]():       "rule_count",
		reflect.TypeFor[audit.Totals]():          "totals",
		reflect.TypeFor[audit.Change]():          "change",
		reflect.TypeFor[audit.Previous]():        "previous",
		reflect.TypeFor[audit.TrendPoint]():      "trend_point",
		reflect.TypeFor[audit.Delivery]():        "delivery",
		reflect.TypeFor[audit.Episode]():         "episode",
		reflect.TypeFor[audit.Finding]():         "finding",
		reflect.TypeFor[rule.Waiver]():           "waiver",
		reflect.TypeFor[report.RuleInfo]():       "rule",
	}, map[reflect.Type]string{
		reflect.TypeFor[audit.Percent](): "percent",
		reflect.TypeFor[rule.Severity](): "severity",
	})

	// The enums list exactly what the Go side can write.
	enum := func(ref string, path ...string) []string {
		node, err := s.Resolve(ref)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range path {
			node = node[p].(map[string]any)
		}
		var out []string
		for _, v := range node["enum"].([]any) {
			out = append(out, v.(string))
		}
		slices.Sort(out)
		return out
	}
	var words []string
	for i := rule.Severity(0); !strings.HasPrefix(i.String(), "severity("); i++ {
		words = append(words, i.String())
	}
	slices.Sort(words)
	if got := enum("#/$defs/severity"); !slices.Equal(got, words) {
		t.Errorf("severity enum %v, Go has %v", got, words)
	}
	kinds := []string{delivery.KindNative, delivery.KindIMF, delivery.KindMMC, delivery.KindITunes, delivery.KindSums, delivery.KindInferred}
	slices.Sort(kinds)
	if got := enum("#/$defs/delivery", "properties", "kind"); !slices.Equal(got, kinds) {
		t.Errorf("delivery kind enum %v, qc/delivery has %v", got, kinds)
	}
	sv := s.Root["properties"].(map[string]any)["schema_version"].(map[string]any)
	if !schematest.JSONEqual(sv["enum"], []int{audit.SchemaVersion}) {
		t.Errorf("schema_version enum %v, Go SchemaVersion is %d", sv["enum"], audit.SchemaVersion)
	}
}

// fixtureReports writes the fixture audit's JSON the ways a user gets it:
// a plain audit, the second of two audits recorded in a database (with
// previous, trend and changes; in between, a file gains overlapping cues,
// so the second has findings on a cue), one shard, and an audit with
// waivers (a waived finding, an unused-waiver note).
func fixtureReports(t *testing.T) map[string][]byte {
	root := fixtureCopy(t)
	cfg := emptyConfig(t)
	dir := t.TempDir()
	members := filepath.Join(root, "members.yaml")
	waivers := filepath.Join(dir, "waivers.yaml")
	if err := os.WriteFile(waivers, []byte("waivers:\n"+
		"  - rule: size-mismatch\n    file: \"eastgate/**\"\n    reason: size corrected in the delivery note\n    by: QC desk\n    expires: 2999-12-31\n"+
		"  - rule: T001\n    reason: nothing to waive here\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "h.sqlite")
	overlap := func() {
		nl := filepath.Join(root, "northlight", "long-river-s1", "S01E01", "LongRiver_S01E01.en.vtt")
		src := readFile(t, nl)
		changed := strings.Replace(src, "00:00:06.000 --> 00:00:09.480", "00:00:04.000 --> 00:00:09.480", 1)
		if changed == src {
			t.Fatal("fixture changed: no cue to overlap")
		}
		if err := os.WriteFile(nl, []byte(changed), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		name   string
		before func()
		args   []string
		want   int
	}{
		{"plain", nil, []string{"--no-db"}, cli.ExitFail},
		{"first recorded", nil, []string{"--db", db, "--members", members}, cli.ExitFail},
		{"second recorded", overlap, []string{"--db", db, "--members", members}, cli.ExitFail},
		{"shard", nil, []string{"--shard", "1/2"}, -1}, // fails or passes by what the slice holds
		{"waivers", nil, []string{"--no-db", "--waivers", waivers}, cli.ExitFail},
	}
	out := map[string][]byte{}
	for _, c := range cases {
		if c.before != nil {
			c.before()
		}
		path := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "-")+".json")
		args := append([]string{"audit", root, "--config", cfg, "-q", "--report", "json=" + path}, c.args...)
		code, _, stderr := run(t, args...)
		if code != c.want && (c.want != -1 || code > cli.ExitFail) {
			t.Fatalf("%s: exit %d: %s", c.name, code, stderr)
		}
		out[c.name] = []byte(readFile(t, path))
	}
	return out
}

func TestAuditJSONConformsToSchema(t *testing.T) {
	s := schematest.Load(t, auditSchema)
	reports := fixtureReports(t)
	for name, data := range reports {
		t.Run(name, func(t *testing.T) {
			if errs := s.Validate(schematest.Decode(t, data)); len(errs) > 0 {
				t.Errorf("the audit JSON does not conform to %s:\n%s", auditSchema, strings.Join(errs, "\n"))
			}
		})
	}
	// The reports above exercise every optional part of the schema, so a
	// wrong description of one of them could not slip through unchecked.
	for name, want := range map[string][]string{
		"second recorded": {`"previous": {`, `"trend": [`, `"change": {`, `"started": "`, `"start": "`, `"cue": `},
		"shard":           {`"shard": {`},
		"waivers":         {`"waived": {`, `"by": "QC desk"`, `"expires": "2999-12-31"`, `"rule": "W001"`},
		"plain":           {`"season": 1`, `"members": 1`},
	} {
		for _, w := range want {
			if !strings.Contains(string(reports[name]), w) {
				t.Errorf("%s report lacks %s: the schema test no longer covers it", name, w)
			}
		}
	}
}

// The validator must be able to say no, or the test above proves nothing.
func TestAuditSchemaRejectsBrokenReports(t *testing.T) {
	s := schematest.Load(t, auditSchema)
	good := string(fixtureReports(t)["second recorded"])
	for name, c := range map[string]struct{ re, with string }{
		"unknown property":    {`"passed": (false)`, `false, "when": "now"`},
		"percent over 100":    {`"percent": (100\.0)`, "100.1"},
		"coverage missing":    {`(\s*"coverage": [0-9.]+,)\n\s*"territories"`, ""},
		"members null":        {`"members": (\[)\n`, `null, "x": [`},
		"families not counts": {`"families": \{\n\s*"delivery": (\d+)`, `"five"`},
		"bad fingerprint":     {`"fingerprint": "([0-9a-f]+)"`, "XYZ"},
		"bad kind":            {`"kind": "(native)"`, "dcp"},
		"bad severity":        {`"severity": "(error)"`, "fatal"},
		"trend run negative":  {`"trend": \[\n\s*\{\n\s*"run": (1)`, "-1"},
		"previous unstamped":  {`"started": "([^"]+)"`, "yesterday"},
		"wrong version":       {`"schema_version": (1)`, "2"},
	} {
		t.Run(name, func(t *testing.T) {
			// The pattern's first group, at its first match, is replaced.
			loc := regexp.MustCompile(c.re).FindStringSubmatchIndex(good)
			if loc == nil {
				t.Fatal("mutation did not apply; fixture changed?")
			}
			bad := good[:loc[2]] + c.with + good[loc[3]:]
			if errs := s.Validate(schematest.Decode(t, []byte(bad))); len(errs) == 0 {
				t.Error("schema accepted a broken audit")
			}
		})
	}
}
