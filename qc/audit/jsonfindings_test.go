package audit

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/exportqc/exportqc/qc/rule"
)

// Findings written directly must be the bytes one encoding of the whole
// audit gives, for every shape of finding and every kind of string.
func TestFindingsWriterMatchesEncoder(t *testing.T) {
	odd := []string{"", "plain", "<i>a</i> & b > c", "quote \" back \\ slash", "tab\tnl\nret\r\b\f\x01\x1f\x7f",
		"é 中文 \u2028 \u2029 😀", "bad \xff\xfe utf8"}
	var fs []Finding
	for i, s := range odd {
		fs = append(fs,
			Finding{Rule: "T001", Severity: rule.Error, File: s, Message: s, Fingerprint: s},
			Finding{Rule: s, Severity: rule.Warning, File: "f", Line: i + 1, Cue: -i, Start: s, Message: "m", More: i},
			Finding{Rule: "L001", Severity: rule.Info, File: "f", Message: s, Fingerprint: "x",
				Waived: &rule.Waiver{Reason: s, Source: "w.yaml:1"}},
			Finding{Rule: "L001", Severity: rule.Info, File: "f", Message: "m", Fingerprint: "x", More: 3,
				Waived: &rule.Waiver{Reason: "r", Expires: s, By: s + "b", Source: s}},
		)
	}
	for _, list := range [][]Finding{nil, fs[:1], fs} {
		a := &Audit{Deliveries: []Delivery{{Member: "m", Path: "p", Findings: list}, {Member: "n", Path: "q"}}}
		var whole bytes.Buffer
		enc := json.NewEncoder(&whole)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		ref := *a
		ref.normalize()
		if err := enc.Encode(&ref); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := JSON(&got, a); err != nil {
			t.Fatal(err)
		}
		if got.String() != whole.String() {
			t.Errorf("%d findings: written JSON differs from one encoding:\n%s\n---\n%s", len(list), got.String(), whole.String())
		}
	}
}
