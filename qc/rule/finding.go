package rule

import "github.com/exportqc/exportqc/qc/cue"

// Finding is one problem found. JSON field names are the report schema (v1).
type Finding struct {
	Rule     string   `json:"rule"`
	Name     string   `json:"name"`
	Severity Severity `json:"severity"`
	File     string   `json:"file"`
	Line     int      `json:"line,omitempty"`
	Cue      int      `json:"cue,omitempty"`
	// Start and End are the timecodes of the cue concerned, when there is one.
	Start    *Timecode `json:"start,omitempty"`
	End      *Timecode `json:"end,omitempty"`
	Message  string    `json:"message"`
	Expected string    `json:"expected,omitempty"`
	Actual   string    `json:"actual,omitempty"`
	// Source is where the threshold behind this finding comes from (guideline + clause).
	Source string `json:"source,omitempty"`
	// Waived is set when a waiver accepts the finding: it stays in the report
	// with the waiver's reason, and does not count for pass/fail or totals.
	Waived *Waiver `json:"waived,omitempty"`
}

// Timecode is a cue.Time that marshals as "HH:MM:SS.mmm".
type Timecode cue.Time

func (t Timecode) MarshalText() ([]byte, error) { return cue.Time(t).AppendTimecode(nil), nil }

// TC returns a pointer to a Timecode for t.
func TC(t cue.Time) *Timecode { v := Timecode(t); return &v }

// Less orders findings by file, cue, line, rule, then message: the report order.
func Less(a, b *Finding) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Cue != b.Cue {
		return a.Cue < b.Cue
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	if a.Rule != b.Rule {
		return a.Rule < b.Rule
	}
	return a.Message < b.Message
}
