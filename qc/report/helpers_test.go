package report

import (
	"bytes"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

func run(t testing.TB, w Writer, r *Report) string {
	t.Helper()
	var buf bytes.Buffer
	if err := w(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func tc(ms int64) *rule.Timecode { return rule.TC(cue.Time(ms) * cue.Millisecond) }

// smallReport is a minimal report with the given findings, one known file
// ("a.srt") and fail-on error; Summary counts follow the findings.
func smallReport(fs ...rule.Finding) *Report {
	r := &Report{
		SchemaVersion: SchemaVersion,
		Tool:          Tool{Name: "exportqc", Version: "test"},
		Summary:       Summary{Files: 1, Cues: 10, FailOn: "error", Passed: true},
		Files:         []File{{Path: "a.srt", Format: "srt", Encoding: "UTF-8", Cues: 10}},
		Findings:      fs,
	}
	for _, f := range fs {
		switch f.Severity {
		case rule.Error:
			r.Summary.Errors++
			r.Summary.Passed = false
		case rule.Warning:
			r.Summary.Warnings++
		default:
			r.Summary.Infos++
		}
	}
	return r
}
