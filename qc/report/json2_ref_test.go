package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/exportqc/exportqc/qc/rule"
)

// v2Finding is a schema version 2 finding for encoding/json: the name
// only when the rules table does not give it, the source as an index.
type v2Finding struct {
	Rule     string              `json:"rule"`
	Name     *string             `json:"name,omitempty"`
	Severity rule.Severity       `json:"severity"`
	File     string              `json:"file"`
	Line     int                 `json:"line,omitempty"`
	Cue      int                 `json:"cue,omitempty"`
	CueID    string              `json:"cue_id,omitempty"`
	Start    *rule.Timecode      `json:"start,omitempty"`
	End      *rule.Timecode      `json:"end,omitempty"`
	Message  string              `json:"message"`
	Expected string              `json:"expected,omitempty"`
	Actual   string              `json:"actual,omitempty"`
	Source   *int                `json:"source,omitempty"`
	Waived   *rule.Waiver        `json:"waived,omitempty"`
	Fixes    []rule.SuggestedFix `json:"fixes,omitempty"`
	More     int                 `json:"more,omitempty"`
}

// assertV2FindingsAsEncodingJSON checks every finding the v2 writer
// writes, compact and indented, against encoding/json's form of it, with
// the source index read back from the report's sources table: the plain
// form the writer's cached fragments (rule start, file, expected value,
// timecodes, cue id) must reproduce.
func assertV2FindingsAsEncodingJSON(t *testing.T, name string, r *Report) {
	t.Helper()
	named := map[string]string{}
	for _, ri := range r.Rules {
		named[ri.Code] = ri.Name
	}
	findings := inReportOrder(r.Findings)
	for _, o := range []JSONOptions{{}, {Indent: true}} {
		var out bytes.Buffer
		if err := writeJSON(&out, r, o); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var doc struct {
			Findings []json.RawMessage `json:"findings"`
			Sources  []string          `json:"sources"`
		}
		if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(doc.Findings) != len(findings) {
			t.Fatalf("%s: %d findings written, want %d", name, len(doc.Findings), len(findings))
		}
		for i := range findings {
			f := &findings[i]
			want := v2Finding{Rule: f.Rule, Severity: f.Severity, File: f.File, Line: f.Line, Cue: f.Cue,
				CueID: f.CueID, Start: f.Start, End: f.End, Message: f.Message, Expected: f.Expected,
				Actual: f.Actual, Waived: f.Waived, Fixes: f.Fixes, More: f.More}
			if n, ok := named[f.Rule]; !ok || n != f.Name {
				want.Name = &f.Name
			}
			if f.Source != "" {
				var src struct {
					Source *int `json:"source"`
				}
				if err := json.Unmarshal(doc.Findings[i], &src); err != nil || src.Source == nil ||
					*src.Source < 0 || *src.Source >= len(doc.Sources) || doc.Sources[*src.Source] != asRead(f.Source) {
					t.Fatalf("%s: finding %d: source index does not give %q: %s", name, i, f.Source, doc.Findings[i])
				}
				want.Source = src.Source
			}
			var enc bytes.Buffer
			e := json.NewEncoder(&enc)
			e.SetEscapeHTML(false)
			if o.Indent {
				e.SetIndent("    ", "  ")
			}
			if err := e.Encode(&want); err != nil {
				t.Fatal(err)
			}
			if got, w := doc.Findings[i], bytes.TrimSuffix(enc.Bytes(), []byte("\n")); !bytes.Equal(got, w) {
				t.Fatalf("%s (indent %v): finding %d:\n got %s\nwant %s", name, o.Indent, i, got, w)
			}
		}
	}
}

func TestJSONV2FindingsAsEncodingJSON(t *testing.T) {
	assertV2FindingsAsEncodingJSON(t, "golden fixture", loadFixture(t))
	assertV2FindingsAsEncodingJSON(t, "bench report", bigReport())
	assertV2FindingsAsEncodingJSON(t, "dense bench report", denseReport())
	for seed := range uint64(200) {
		assertV2FindingsAsEncodingJSON(t, "seed "+itoa(int(seed)), hostileReport(seed))
	}
}

// asRead is s as JSON gives it back: invalid UTF-8 replaced by U+FFFD.
func asRead(s string) string {
	b, _ := json.Marshal(s)
	var back string
	_ = json.Unmarshal(b, &back)
	return back
}
