package report

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
)

func TestParseTimecodeInvertsString(t *testing.T) {
	for _, ms := range []int64{0, 1, 999, 1000, 59_999, 3_599_999, 3_600_000, 362_439_120, 100*3_600_000 + 1, -1500} {
		want := cue.Time(ms) * cue.Millisecond
		got, err := ParseTimecode(want.String())
		if err != nil || got != want {
			t.Errorf("ParseTimecode(%q) = %v, %v; want %v", want.String(), got, err, want)
		}
	}
	for _, bad := range []string{"", "1:02.500", "00:01:02,500", "00:60:00.000", "00:00:60.000", "00:00:01.5", "00:00:0a.000", "+00:00:01.000", "00:00:01.000x", "--00:00:01.000"} {
		if _, err := ParseTimecode(bad); err == nil {
			t.Errorf("ParseTimecode(%q) accepted", bad)
		}
	}
}

// The JSON writer and Decode are inverses: a saved report re-renders in any
// other format exactly as the original run would have.
func TestDecodeRoundTrip(t *testing.T) {
	r := loadFixture(t)
	out := render(t, "json", r)
	back, err := Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	want := *r
	want.Findings = sortedFindings(r.Findings)
	if !reflect.DeepEqual(back, &want) {
		t.Error("decoded report differs from the one written")
	}
	if again := render(t, "json", back); !bytes.Equal(again, out) {
		t.Error("re-encoding a decoded report changes it")
	}
	if back.Findings[2].Start == nil || back.Files[0].LastCue == nil {
		t.Fatal("timecodes lost in decoding")
	}
}

// Reports saved in schema version 1 (baselines, older runs) still decode,
// into the same Report as the version 2 form of the same run; and v2 with
// --indent decodes like compact v2.
func TestDecodeReadsV1AndIndentedV2(t *testing.T) {
	r := loadFixture(t)
	want := *r
	want.SchemaVersion = SchemaVersion
	want.Findings = sortedFindings(r.Findings)
	for _, c := range []struct {
		what string
		out  []byte
	}{{"v1", render(t, "json-v1", r)}, {"v2 indented", renderIndented(t, r)}} {
		back, err := Decode(bytes.NewReader(c.out))
		if err != nil {
			t.Fatalf("%s: %v", c.what, err)
		}
		if !reflect.DeepEqual(back, &want) {
			t.Errorf("%s: decoded report differs from the one written", c.what)
		}
	}
}

// A finding whose rule is not in the rules table keeps its name in v2;
// one whose rule is there under that name does not repeat it.
func TestV2NamesOnlyWhatTheRulesTableLacks(t *testing.T) {
	r := loadFixture(t)
	r.Findings = append(r.Findings, r.Findings[0])
	r.Findings[len(r.Findings)-1].Rule, r.Findings[len(r.Findings)-1].Name = "X999", "not-in-table"
	out := string(render(t, "json", r))
	if !strings.Contains(out, `{"rule":"X999","name":"not-in-table",`) || strings.Contains(out, `"name":"cue-overlap","severity"`) {
		t.Errorf("v2 names: %s", out)
	}
	back, err := Decode(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range back.Findings {
		if f.Name == "" {
			t.Errorf("finding %s decoded without a name", f.Rule)
		}
	}
}

func TestDecodeRejects(t *testing.T) {
	for name, in := range map[string]string{
		"unknown field":           `{"schema_version":1,"tool":{"name":"x","version":"","profile":""},"summary":{},"files":[],"findings":[],"extra":1}`,
		"newer schema":            `{"schema_version":3,"tool":{},"summary":{},"files":[],"findings":[]}`,
		"source out of the table": `{"schema_version":2,"tool":{},"summary":{},"files":[],"sources":["a"],"findings":[{"rule":"T1","severity":"info","file":"f","message":"m","source":1}]}`,
		"v2 source as a string":   `{"schema_version":2,"tool":{},"summary":{},"files":[],"findings":[{"rule":"T1","severity":"info","file":"f","message":"m","source":"a"}]}`,
		"bad timecode":            `{"schema_version":1,"tool":{},"summary":{},"files":[],"findings":[{"rule":"T1","start":"soon"}]}`,
		"bad severity":            `{"schema_version":1,"tool":{},"summary":{},"files":[],"findings":[{"rule":"T1","severity":"fatal"}]}`,
		"not json":                `<xml/>`,
		"truncated json":          `{"schema_version":1,`,
	} {
		if _, err := Decode(strings.NewReader(in)); err == nil {
			t.Errorf("%s: Decode accepted %s", name, in)
		}
	}
}
