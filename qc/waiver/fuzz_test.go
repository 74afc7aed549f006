package waiver

import (
	"errors"
	"testing"
	"time"

	"github.com/exportqc/exportqc/qc/rule"
)

// FuzzParse feeds arbitrary bytes to the waiver decoder: it must return a
// set or *Error values, never panic, and a set it returns must apply.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"",
		"waivers:\n  - rule: T005\n    file: \"S01E03/*.fr.srt\"\n    cue: 12\n    at: \"00:12:03.500\"\n    reason: r\n    expires: 2027-03-31\n    by: jane\n",
		"waivers:\n  - fingerprint: 0123456789abcdef\n    reason: r\n",
		"waivers:\n  - rule: T005\n    at: 00:12:00-00:13:00\n    file: \"**/a/**/*.srt\"\n    reason: &a x\n  - rule: T004\n    reason: *a\n",
		"waivers: [{rule: T005, reason: r, cue: [1]}]\n",
		"waivers:\n  - rule: T005\n  rule: x\n",
		"- a\n- b\n",
		"waivers: &w [*w]\n",
		"waivers:\n  - {rule: T005, file: \"[\", reason: r}\n---\nx: 1\n",
	} {
		f.Add([]byte(s))
	}
	findings := []rule.Finding{
		{Rule: "T005", Name: "reading-speed-too-high", File: "S01E03/a.fr.srt", Cue: 12, Start: tcMS(723_500), Message: "reading speed 21.3"},
		{Rule: "E000", File: `x\y.srt`, Message: "bad"},
		{Rule: "T004", File: "", Cue: 1, Start: tcMS(0)},
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse("w.yaml", data)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is not a *waiver.Error", err)
			}
			if s != nil {
				t.Fatal("set returned with an error")
			}
			return
		}
		for _, e := range s.entries {
			if e.info.Reason == "" || (e.rule == "" && e.fingerprint == "") {
				t.Fatalf("loaded a waiver without reason or target: %+v", e)
			}
		}
		waived, notes := s.Apply(findings, time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
		if s.Len() > 0 && len(waived) != len(findings) {
			t.Fatalf("waived has %d entries for %d findings", len(waived), len(findings))
		}
		if len(notes) > s.Len() {
			t.Fatalf("%d notes for %d waivers", len(notes), s.Len())
		}
	})
}
