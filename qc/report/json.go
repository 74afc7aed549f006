package report

import (
	"encoding/json"
	"io"

	"github.com/exportqc/exportqc/qc/rule"
)

// JSON writes the report as indented JSON with a trailing newline: the
// machine contract, described by rules/schema/report.v1.schema.json.
// Findings come out in report order and empty lists as [] (never null), so
// consumers need no special cases.
func JSON(w io.Writer, r *Report) error {
	out := *r
	if out.SchemaVersion == 0 {
		out.SchemaVersion = SchemaVersion
	}
	if out.Files == nil {
		out.Files = []File{}
	}
	out.Findings = sortedFindings(r.Findings)
	if out.Findings == nil {
		out.Findings = []rule.Finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	// Messages quote subtitle text; \u003c for every '<' helps nobody reading
	// a JSON file.
	enc.SetEscapeHTML(false)
	return enc.Encode(&out)
}
