package report

import (
	"fmt"
	"io"
	"testing"

	"github.com/exportqc/exportqc/qc/rule"
)

// bigReport is a large delivery: 200 files, 50 findings each, 40 rules.
func bigReport() *Report {
	r := &Report{SchemaVersion: SchemaVersion, Tool: Tool{Name: "exportqc", Version: "bench"},
		Summary: Summary{FailOn: "error"}}
	for i := range 40 {
		r.Rules = append(r.Rules, RuleInfo{Code: fmt.Sprintf("T%03d", i), Name: "rule-name", Summary: "summary", Severity: rule.Severity(i % 3)})
	}
	for f := range 200 {
		path := fmt.Sprintf("season1/episode%03d.en.srt", f)
		r.Files = append(r.Files, File{Path: path, Format: "srt", Encoding: "UTF-8", Cues: 900, LastCue: tc(2_700_000)})
		for k := range 50 {
			r.Findings = append(r.Findings, rule.Finding{Rule: fmt.Sprintf("T%03d", k%40), Name: "rule-name",
				Severity: rule.Severity(k % 3), File: path, Line: k*12 + 1, Cue: k*3 + 1,
				Start: tc(int64(k) * 50_000), End: tc(int64(k)*50_000 + 1500),
				Message: "reading speed is 21.3 cps, over the limit", Expected: "<= 17 cps", Actual: "21.3 cps", Source: "guide"})
		}
	}
	r.Summary.Files = len(r.Files)
	return r
}

func BenchmarkWriters(b *testing.B) {
	r := bigReport()
	for _, format := range Formats {
		w, _ := Lookup(format)
		b.Run(format, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := w(io.Discard, r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
