package report

import (
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/rule"
)

// sarifSpec lists, for each SARIF 2.1.0 object we emit, the properties the
// OASIS schema (sarif-schema-2.1.0.json) requires and the ones it allows at
// all: every one of these objects has additionalProperties:false there.
var sarifSpec = map[string]struct{ required, allowed []string }{
	"sarifLog":                 {[]string{"version", "runs"}, []string{"$schema", "version", "runs", "inlineExternalProperties", "properties"}},
	"run":                      {[]string{"tool"}, []string{"tool", "results", "properties", "invocations", "artifacts", "originalUriBaseIds", "automationDetails", "columnKind"}},
	"tool":                     {[]string{"driver"}, []string{"driver", "extensions", "properties"}},
	"toolComponent":            {[]string{"name"}, []string{"name", "version", "semanticVersion", "informationUri", "rules", "fullName", "organization", "properties"}},
	"reportingDescriptor":      {[]string{"id"}, []string{"id", "name", "shortDescription", "fullDescription", "helpUri", "help", "defaultConfiguration", "properties", "messageStrings"}},
	"reportingConfiguration":   {nil, []string{"enabled", "level", "rank", "parameters", "properties"}},
	"multiformatMessageString": {[]string{"text"}, []string{"text", "markdown", "properties"}},
	"result":                   {[]string{"message"}, []string{"ruleId", "ruleIndex", "rule", "kind", "level", "message", "locations", "partialFingerprints", "fingerprints", "properties", "suppressions"}},
	"suppression":              {[]string{"kind"}, []string{"kind", "status", "justification", "location", "guid", "properties"}},
	"message":                  {[]string{"text"}, []string{"text", "markdown", "id", "arguments", "properties"}},
	"location":                 {nil, []string{"id", "physicalLocation", "logicalLocations", "message", "annotations", "relationships", "properties"}},
	"physicalLocation":         {[]string{"artifactLocation"}, []string{"address", "artifactLocation", "region", "contextRegion", "properties"}},
	"artifactLocation":         {nil, []string{"uri", "uriBaseId", "index", "description", "properties"}},
	"region":                   {[]string{"startLine"}, []string{"startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength", "byteOffset", "byteLength", "snippet", "message", "sourceLanguage", "properties"}},
}

var sarifLevels = []string{"none", "note", "warning", "error"}

// checkSARIFObject asserts obj is a conforming SARIF object of kind.
func checkSARIFObject(t *testing.T, kind string, v any, at string) map[string]any {
	t.Helper()
	obj, ok := v.(map[string]any)
	if !ok {
		t.Fatalf("%s: %s is not an object", at, kind)
	}
	spec := sarifSpec[kind]
	for _, k := range spec.required {
		if _, ok := obj[k]; !ok {
			t.Errorf("%s: %s lacks required property %q", at, kind, k)
		}
	}
	for k := range obj {
		if !slices.Contains(spec.allowed, k) {
			t.Errorf("%s: %s has property %q the SARIF schema does not allow", at, kind, k)
		}
	}
	return obj
}

func TestSARIFConformsToSpec(t *testing.T) {
	r := loadFixture(t)
	var log map[string]any
	if err := json.Unmarshal([]byte(run(t, SARIF, r)), &log); err != nil {
		t.Fatal(err)
	}
	checkSARIFObject(t, "sarifLog", log, "$")
	if log["version"] != "2.1.0" {
		t.Errorf("version %v", log["version"])
	}
	runs := log["runs"].([]any)
	if len(runs) != 1 {
		t.Fatalf("%d runs, want 1", len(runs))
	}
	run := checkSARIFObject(t, "run", runs[0], "runs[0]")
	tool := checkSARIFObject(t, "tool", run["tool"], "tool")
	driver := checkSARIFObject(t, "toolComponent", tool["driver"], "driver")
	if driver["name"] != "exportqc" || driver["version"] != "0.9.0-test" {
		t.Errorf("driver name/version %v %v", driver["name"], driver["version"])
	}
	if u, err := url.Parse(driver["informationUri"].(string)); err != nil || !u.IsAbs() {
		t.Errorf("informationUri %v is not an absolute URI", driver["informationUri"])
	}
	rules := driver["rules"].([]any)
	var ids []string
	for i, x := range rules {
		rd := checkSARIFObject(t, "reportingDescriptor", x, "rules[]")
		ids = append(ids, rd["id"].(string))
		checkSARIFObject(t, "multiformatMessageString", rd["shortDescription"], "shortDescription")
		checkSARIFObject(t, "multiformatMessageString", rd["fullDescription"], "fullDescription")
		cfg := checkSARIFObject(t, "reportingConfiguration", rd["defaultConfiguration"], "defaultConfiguration")
		if want := sarifLevel(r.Rules[i].Severity); cfg["level"] != want {
			t.Errorf("rule %s: default level %v, want %s", ids[i], cfg["level"], want)
		}
		if h := rd["helpUri"].(string); h != HelpBase+strings.ToLower(ids[i]) {
			t.Errorf("rule %s: helpUri %s", ids[i], h)
		}
	}
	if len(ids) != len(r.Rules) {
		t.Errorf("%d rules in SARIF, %d in the report", len(ids), len(r.Rules))
	}

	results := run["results"].([]any)
	if len(results) != len(r.Findings) {
		t.Fatalf("%d results for %d findings", len(results), len(r.Findings))
	}
	wantLevel := map[rule.Severity]string{rule.Error: "error", rule.Warning: "warning", rule.Info: "note"}
	fps := map[string]bool{}
	for i, x := range results {
		f := r.Findings[i]
		res := checkSARIFObject(t, "result", x, f.Rule)
		checkSARIFObject(t, "message", res["message"], f.Rule+".message")
		if res["ruleId"] != f.Rule {
			t.Errorf("result %d: ruleId %v, want %s", i, res["ruleId"], f.Rule)
		}
		if idx := int(res["ruleIndex"].(float64)); idx < 0 || idx >= len(ids) || ids[idx] != f.Rule {
			t.Errorf("result %d: ruleIndex %d does not point at rule %s", i, idx, f.Rule)
		}
		if lvl := res["level"].(string); lvl != wantLevel[f.Severity] || !slices.Contains(sarifLevels, lvl) {
			t.Errorf("result %d (%s): level %s, want %s", i, f.Severity, lvl, wantLevel[f.Severity])
		}
		locs := res["locations"].([]any)
		loc := checkSARIFObject(t, "location", locs[0], "location")
		phys := checkSARIFObject(t, "physicalLocation", loc["physicalLocation"], "physicalLocation")
		art := checkSARIFObject(t, "artifactLocation", phys["artifactLocation"], "artifactLocation")
		u, err := url.Parse(art["uri"].(string))
		if err != nil || u.IsAbs() {
			t.Errorf("uri %q is not a relative URI reference: %v", art["uri"], err)
		} else if u.Path != f.File {
			t.Errorf("uri %q decodes to %q, want %q", art["uri"], u.Path, f.File)
		}
		if art["uriBaseId"] != "%SRCROOT%" {
			t.Errorf("uriBaseId %v", art["uriBaseId"])
		}
		region, hasRegion := phys["region"]
		switch {
		case f.Line == 0 && hasRegion:
			t.Errorf("result %d has no line but a region %v (SARIF needs startLine >= 1)", i, region)
		case f.Line > 0:
			reg := checkSARIFObject(t, "region", region, "region")
			if int(reg["startLine"].(float64)) != f.Line {
				t.Errorf("result %d: startLine %v, want %d", i, reg["startLine"], f.Line)
			}
		}
		for _, fp := range res["partialFingerprints"].(map[string]any) {
			if fps[fp.(string)] {
				t.Errorf("duplicate fingerprint %v", fp)
			}
			fps[fp.(string)] = true
		}
	}
}

// A rule that reports without being listed in Report.Rules still gets a
// descriptor, so ruleIndex never dangles; findings without a path get no
// location rather than an empty URI; absolute paths become file URIs.
func TestSARIFEdgeCases(t *testing.T) {
	r := smallReport(
		rule.Finding{Rule: "E000", Name: "parse-error", Severity: rule.Error, File: "/abs/dir with space/ü.srt", Line: 3, Message: "x"},
		rule.Finding{Rule: "M001", Name: "manifest-file-missing", Severity: rule.Warning, Message: "missing file"},
		rule.Finding{Rule: "M001", Name: "manifest-file-missing", Severity: rule.Warning, Message: "missing file"},
	)
	r.Rules = []RuleInfo{{Code: "T003", Name: "cue-overlap", Summary: "s", Severity: rule.Error}}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct{ Rules []struct{ ID string } }
			}
			Results []struct {
				RuleID              string
				RuleIndex           int
				Locations           []map[string]map[string]map[string]any
				PartialFingerprints map[string]string
			}
		}
	}
	if err := json.Unmarshal([]byte(run(t, SARIF, r)), &log); err != nil {
		t.Fatal(err)
	}
	rules := log.Runs[0].Tool.Driver.Rules
	if len(rules) != 3 || rules[0].ID != "T003" || rules[1].ID != "E000" || rules[2].ID != "M001" {
		t.Fatalf("rules %+v, want T003 then the unlisted E000, M001", rules)
	}
	res := log.Runs[0].Results
	for _, x := range res {
		if rules[x.RuleIndex].ID != x.RuleID {
			t.Errorf("ruleIndex %d for %s", x.RuleIndex, x.RuleID)
		}
	}
	// Report order puts the two path-less M001 findings first.
	if res[0].RuleID != "M001" || res[1].RuleID != "M001" || res[2].RuleID != "E000" {
		t.Fatalf("result order %s %s %s", res[0].RuleID, res[1].RuleID, res[2].RuleID)
	}
	abs := res[2].Locations[0]["physicalLocation"]["artifactLocation"]
	if abs["uri"] != "file:///abs/dir%20with%20space/%C3%BC.srt" || abs["uriBaseId"] != nil {
		t.Errorf("absolute path location %v", abs)
	}
	if res[0].Locations != nil {
		t.Errorf("finding without a file got locations %v", res[0].Locations)
	}
	if res[0].PartialFingerprints[fingerprintKey] == res[1].PartialFingerprints[fingerprintKey] {
		t.Error("identical findings share a fingerprint")
	}
}

// A fingerprint must survive edits that shift lines and cue numbers but not
// timing, and must change when the problem changes.
func TestSARIFFingerprintStability(t *testing.T) {
	base := rule.Finding{Rule: "T003", File: "a.srt", Line: 10, Cue: 3, Start: tc(5000), Message: "cue 3 overlaps cue 2"}
	moved := base
	moved.Line, moved.Cue, moved.Message = 14, 4, "cue 4 overlaps cue 3"
	if rule.Fingerprint(&base) != rule.Fingerprint(&moved) {
		t.Error("fingerprint changed when only line and cue number moved")
	}
	other := base
	other.Start = tc(6000)
	if rule.Fingerprint(&base) == rule.Fingerprint(&other) {
		t.Error("fingerprint ignores the cue time")
	}
}

// A waived finding is a SARIF result with an external suppression carrying
// the waiver's reason, so code-scanning tools show it as dismissed.
func TestSARIFSuppressesWaivedFindings(t *testing.T) {
	r := &Report{SchemaVersion: SchemaVersion, Tool: Tool{Name: "exportqc"}, Summary: Summary{FailOn: "error", Passed: true},
		Findings: []rule.Finding{
			{Rule: "T003", Name: "cue-overlap", Severity: rule.Error, File: "a.srt", Line: 5, Message: "overlap",
				Waived: &rule.Waiver{Reason: "approved", Source: "w.yaml:2"}},
			{Rule: "T001", Name: "cue-too-short", Severity: rule.Error, File: "a.srt", Line: 9, Message: "short"}}}
	var b strings.Builder
	if err := SARIF(&b, r); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Runs []struct {
			Results []struct {
				RuleID       string `json:"ruleId"`
				Suppressions []struct{ Kind, Justification string }
			}
		}
	}
	if err := json.Unmarshal([]byte(b.String()), &doc); err != nil {
		t.Fatal(err)
	}
	for _, res := range doc.Runs[0].Results {
		switch {
		case res.RuleID == "T003" && (len(res.Suppressions) != 1 || res.Suppressions[0].Kind != "external" || res.Suppressions[0].Justification != "approved (w.yaml:2)"):
			t.Errorf("waived T003: %+v", res.Suppressions)
		case res.RuleID == "T001" && len(res.Suppressions) != 0:
			t.Errorf("unwaived T001 suppressed: %+v", res.Suppressions)
		}
	}
}
