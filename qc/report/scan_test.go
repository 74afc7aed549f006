package report

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/rule"
)

// scanAll collects what ScanFindings hands on, a findings list starting
// again at visit(nil) as a baseline's counts do.
func scanAll(data []byte) ([]rule.Finding, error) {
	var got []rule.Finding
	err := ScanFindings(bytes.NewReader(data), func(f *rule.Finding) {
		if f == nil {
			got = got[:0]
			return
		}
		got = append(got, *f)
	})
	return got, err
}

// unresolved is a decoded finding as the scan gives it: v2's name and
// source come from tables the scan does not keep.
func unresolved(fs []rule.Finding) []rule.Finding {
	out := append([]rule.Finding(nil), fs...)
	for i := range out {
		out[i].Name, out[i].Source = "", ""
	}
	return out
}

// The scan reads v2, indented v2 and v1 reports into the findings Decode
// reads, in order, waivers included, so a baseline counts the same
// fingerprints either way.
func TestScanFindingsReadsWhatDecodeReads(t *testing.T) {
	r := loadFixture(t)
	r.Findings[1].Waived = &rule.Waiver{Reason: "accepted", Source: "w.yaml:3"}
	for _, c := range []struct {
		what string
		out  []byte
	}{{"v2", render(t, "json", r)}, {"v2 indented", renderIndented(t, r)}, {"v1", render(t, "json-v1", r)}} {
		want, err := Decode(bytes.NewReader(c.out))
		if err != nil {
			t.Fatalf("%s: %v", c.what, err)
		}
		got, err := scanAll(c.out)
		if err != nil {
			t.Fatalf("%s: %v", c.what, err)
		}
		if len(got) != len(r.Findings) || len(got) < 3 {
			t.Fatalf("%s: %d findings scanned, the report has %d", c.what, len(got), len(r.Findings))
		}
		if !reflect.DeepEqual(unresolved(got), unresolved(want.Findings)) {
			t.Errorf("%s: scanned findings differ from decoded ones", c.what)
		}
		waived := 0
		for i := range got {
			if got[i].Waived != nil {
				waived++
			}
		}
		if waived != 1 {
			t.Errorf("%s: %d waived findings scanned, want 1", c.what, waived)
		}
	}
}

// Whatever Decode refuses the scan refuses, and what it reads the scan
// reads, also when the keys come in an order the writer never uses.
func TestScanFindingsAgreesWithDecode(t *testing.T) {
	const f1 = `{"rule":"T1","severity":"info","file":"f","message":"m"}`
	for name, in := range map[string]string{
		"unknown field":                `{"schema_version":1,"tool":{"name":"x","version":"","profile":""},"summary":{},"files":[],"findings":[],"extra":1}`,
		"unknown field in a finding":   `{"schema_version":2,"findings":[{"rule":"T1","wavied":null}]}`,
		"newer schema":                 `{"schema_version":3,"tool":{},"summary":{},"files":[],"findings":[]}`,
		"newer schema, findings first": `{"findings":[` + f1 + `],"schema_version":3}`,
		"no schema":                    `{"findings":[]}`,
		"source out of the table":      `{"schema_version":2,"tool":{},"summary":{},"files":[],"sources":["a"],"findings":[{"rule":"T1","severity":"info","file":"f","message":"m","source":1}]}`,
		"source beyond a later table":  `{"schema_version":2,"findings":[{"rule":"T1","source":0},{"rule":"T2","source":1}],"sources":["a"]}`,
		"negative source":              `{"schema_version":2,"findings":[{"rule":"T1","source":-1}],"sources":["a"]}`,
		"sources in range":             `{"schema_version":2,"findings":[{"rule":"T1","source":1},{"rule":"T2","source":0}],"sources":["a","b"]}`,
		"v2 source as a string":        `{"schema_version":2,"tool":{},"summary":{},"files":[],"findings":[{"rule":"T1","severity":"info","file":"f","message":"m","source":"a"}]}`,
		"v1 source as a string":        `{"schema_version":1,"findings":[{"rule":"T1","source":"a"}]}`,
		"bad timecode":                 `{"schema_version":1,"tool":{},"summary":{},"files":[],"findings":[{"rule":"T1","start":"soon"}]}`,
		"bad severity":                 `{"schema_version":1,"tool":{},"summary":{},"files":[],"findings":[{"rule":"T1","severity":"fatal"}]}`,
		"findings not a list":          `{"schema_version":2,"findings":{}}`,
		"null findings":                `{"schema_version":2,"findings":null}`,
		"findings before the schema":   `{"findings":[` + f1 + `],"schema_version":2}`,
		"two findings lists":           `{"schema_version":2,"findings":[` + f1 + `,` + f1 + `],"findings":[` + f1 + `]}`,
		"a raw list, then a read one":  `{"findings":[` + f1 + `,` + f1 + `],"schema_version":2,"findings":[` + f1 + `]}`,
		"key in another case":          `{"schema_version":2,"Findings":[` + f1 + `]}`,
		"two values":                   `{"schema_version":2,"findings":[]}{}`,
		"trailing space":               "{\"schema_version\":2,\"findings\":[]}\n ",
		"not json":                     `<xml/>`,
		"not an object":                `[]`,
		"truncated json":               `{"schema_version":1,`,
		"truncated in the findings":    `{"schema_version":1,"findings":[` + f1,
	} {
		want, errDecode := Decode(strings.NewReader(in))
		got, errScan := scanAll([]byte(in))
		switch {
		case (errDecode == nil) != (errScan == nil):
			t.Errorf("%s: Decode error %v, scan error %v", name, errDecode, errScan)
		case errScan != nil && !strings.HasPrefix(errScan.Error(), "decode report: "):
			t.Errorf("%s: scan error %q does not say what it was reading", name, errScan)
		case errScan == nil && len(got)+len(want.Findings) > 0 && !reflect.DeepEqual(unresolved(got), unresolved(want.Findings)):
			t.Errorf("%s: scanned %+v, decoded %+v", name, got, want.Findings)
		}
	}
}

// The first bad source reference is named as Decode names it, though the
// table comes after the findings.
func TestScanFindingsNamesTheFirstBadSource(t *testing.T) {
	in := `{"schema_version":2,"findings":[{"rule":"T1","source":0},{"rule":"T2","source":5},{"rule":"T3","source":-2},{"rule":"T4","source":9}],"sources":["a","b"]}`
	_, errDecode := Decode(strings.NewReader(in))
	_, errScan := scanAll([]byte(in))
	if errDecode == nil || errScan == nil || errScan.Error() != errDecode.Error() {
		t.Errorf("scan error %v, Decode error %v", errScan, errDecode)
	}
	if errScan != nil && !strings.Contains(errScan.Error(), "finding 2: source 5") {
		t.Errorf("scan error %q does not name finding 2", errScan)
	}
}
