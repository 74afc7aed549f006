package report

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/exportqc/exportqc/qc/rule"
)

// The hand-written rules table is byte for byte what encoding/json writes
// (the reference: jsonEnc.value), compact and indented, for random rules
// whose strings hold quotes, controls, HTML characters, line separators
// and invalid UTF-8, with and without a doc, and for no rules.
func TestRulesTableMatchesEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 2))
	pieces := []string{"a", "line-too-long", `"`, `\`, "\n", "\t", "\x01", "\x7f", "<b>&", "\u2028", "\u2029",
		"\xff", "\xe2\x80", "é", "日本", "😀", " ", "/"}
	str := func() string {
		var b []byte
		for range rng.IntN(6) {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		return string(b)
	}
	for round := range 300 {
		var rules []RuleInfo
		if round%50 == 1 {
			rules = []RuleInfo{}
		}
		for range rng.IntN(5) {
			r := RuleInfo{Code: str(), Name: str(), Family: str(), Summary: str(), Severity: rule.Severity(rng.IntN(3))}
			if rng.IntN(2) == 0 {
				r.Doc = str()
			}
			rules = append(rules, r)
		}
		for _, compact := range []bool{false, true} {
			want := jsonEnc{compact: compact}
			want.value(rules, "  ")
			got := jsonEnc{compact: compact}
			got.rulesTable(rules)
			if want.err != nil {
				t.Fatal(want.err)
			}
			if !bytes.Equal(got.buf, want.buf) {
				t.Fatalf("round %d compact=%v:\n got %q\nwant %q", round, compact, got.buf, want.buf)
			}
		}
	}
}

// BenchmarkJSONHead writes a report's head with 120 rules that have docs,
// as every JSON report does.
func BenchmarkJSONHead(b *testing.B) {
	rules := make([]RuleInfo, 120)
	for i := range rules {
		rules[i] = RuleInfo{Code: "T" + string(rune('0'+i%10)), Name: "line-too-long", Family: "text",
			Summary: "A line is longer than the language's limit.", Severity: rule.Severity(i % 3),
			Doc: "What: a subtitle line has more characters than the pack's max_chars.\nWhy: long lines wrap or overflow on screens.\nFix: split the line or reword it."}
	}
	j := newJSONV2(nil, JSONOptions{})
	for b.Loop() {
		j.e.buf = j.e.buf[:0]
		j.head(Tool{Name: "exportqc", Version: "1"}, rules)
	}
}
