package report

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/schematest"
	"github.com/exportqc/exportqc/qc/rule"
)

func fixedReport() *Report {
	return &Report{SchemaVersion: SchemaVersion, Tool: Tool{Name: "exportqc"}, Summary: Summary{FailOn: "error"},
		Files: []File{{Path: "a.srt", Format: "srt", Encoding: "UTF-8", FrameRate: "25", FrameRateSource: "flag"}},
		Findings: []rule.Finding{
			{Rule: "T004", Name: "gap-too-short", Severity: rule.Error, File: "a.srt", Line: 5, Message: "gap",
				Fixes: []rule.SuggestedFix{{Message: "move the out-time", Edits: []rule.TextEdit{{Start: 19, End: 31, New: "00:00:02,960"}}}}},
			{Rule: "T004", Name: "gap-too-short", Severity: rule.Error, File: "b.stl", Line: 2, Message: "gap",
				Fixes: []rule.SuggestedFix{{Message: "move the out-time", Edits: []rule.TextEdit{{Start: 1161, End: 1165, New: "\x00\x00\x02\xfe"}}}}},
			{Rule: "L004", Name: "stray-whitespace", Severity: rule.Warning, File: "a.srt", Line: 9, Message: "space",
				Fixes: []rule.SuggestedFix{{Message: "drop", Edits: []rule.TextEdit{{Start: 40, End: 41}}}}},
		}}
}

func TestSARIFCarriesFixes(t *testing.T) {
	var b strings.Builder
	if err := SARIF(&b, fixedReport()); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Runs []struct {
			Results []struct {
				Fixes []struct {
					Description     struct{ Text string }
					ArtifactChanges []struct {
						ArtifactLocation struct{ URI string }
						Replacements     []struct {
							DeletedRegion   struct{ ByteOffset, ByteLength int64 }
							InsertedContent *struct {
								Text   *string
								Binary string
							}
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(b.String()), &doc); err != nil {
		t.Fatal(err)
	}
	res := doc.Runs[0].Results
	if len(res) != 3 {
		t.Fatalf("%d results", len(res))
	}
	r0 := res[0].Fixes[0].ArtifactChanges[0]
	if r0.ArtifactLocation.URI != "a.srt" || r0.Replacements[0].DeletedRegion.ByteOffset != 19 ||
		r0.Replacements[0].DeletedRegion.ByteLength != 12 || *r0.Replacements[0].InsertedContent.Text != "00:00:02,960" {
		t.Errorf("text fix: %+v", r0)
	}
	// Report order: a.srt line 5, a.srt line 9, b.stl.
	if ic := res[1].Fixes[0].ArtifactChanges[0].Replacements[0].InsertedContent; ic != nil {
		t.Errorf("a deletion has inserted content %+v", ic)
	}
	if got := res[2].Fixes[0].ArtifactChanges[0].Replacements[0].InsertedContent.Binary; got != "AAAC/g==" {
		t.Errorf("binary fix content %q", got)
	}
}

func TestJSONFixesConformToSchema(t *testing.T) {
	out := render(t, "json", fixedReport())
	if !strings.Contains(string(out), `"fixes"`) {
		t.Fatal("no fixes in the JSON report")
	}
	if errs := loadSchemaV2(t).Validate(schematest.Decode(t, out)); len(errs) > 0 {
		t.Errorf("JSON report with fixes does not conform:\n%s", strings.Join(errs, "\n"))
	}
	v1 := render(t, "json-v1", fixedReport())
	if !strings.Contains(string(v1), `"fixes"`) {
		t.Fatal("no fixes in the v1 JSON report")
	}
	if errs := loadSchema(t).Validate(schematest.Decode(t, v1)); len(errs) > 0 {
		t.Errorf("v1 JSON report with fixes does not conform:\n%s", strings.Join(errs, "\n"))
	}
}
