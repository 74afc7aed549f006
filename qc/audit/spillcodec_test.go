package audit

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/exportqc/exportqc/qc/rule"
)

// The spill's binary form must give back what a JSON round trip gives:
// reports written from the spill were written from JSON before.
func TestSpillCodecMatchesJSONRoundTrip(t *testing.T) {
	lists := [][]Finding{
		nil,
		{},
		{{Rule: "T001", Severity: rule.Error, File: "a/b.srt", Line: 12, Cue: 3, Start: "00:00:01.000",
			Message: "cue too short", Fingerprint: "abc", More: 2}},
		{{Rule: "L001", Severity: rule.Warning, File: "x.vtt", Message: "bad \xff\xfe bytes \u2028 <b>&",
			Fingerprint: "f", Waived: &rule.Waiver{Reason: "ok", Expires: "2027-01-01", By: "qa", Source: "w.yaml:3"}},
			{Rule: "D002", Severity: rule.Info, File: "", Message: "", Line: -1, Waived: &rule.Waiver{}}},
	}
	for i, fs := range lists {
		data, err := json.Marshal(fs)
		if err != nil {
			t.Fatal(err)
		}
		var viaJSON []Finding
		if err := json.Unmarshal(data, &viaJSON); err != nil {
			t.Fatal(err)
		}
		got, err := decodeFindings(appendFindings(nil, fs))
		if err != nil {
			t.Fatalf("list %d: %v", i, err)
		}
		if !reflect.DeepEqual(nonNil(got), nonNil(viaJSON)) {
			t.Errorf("list %d: binary round trip\n%+v\nJSON round trip\n%+v", i, got, viaJSON)
		}
	}
}

func TestSpillCodecRefusesCorruptRecords(t *testing.T) {
	good := appendFindings(nil, []Finding{{Rule: "T001", Message: "m", Waived: &rule.Waiver{Reason: "r"}}})
	for cut := 0; cut < len(good); cut++ {
		if _, err := decodeFindings(good[:cut]); err == nil {
			t.Errorf("record cut to %d of %d bytes decoded without error", cut, len(good))
		}
	}
	if _, err := decodeFindings(append(good, 0)); err == nil {
		t.Error("record with trailing bytes decoded without error")
	}
	if _, err := decodeFindings([]byte{0xff, 0xff, 0xff, 0xff, 0x0f}); err == nil {
		t.Error("huge count decoded without error")
	}
}
