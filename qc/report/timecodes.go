package report

import (
	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// spanTemplate is a finding's start and end fields in one layout, with
// zero timecodes, and where each timecode's twelve bytes begin: most
// findings carry both, so they are written as one copy of the template
// and the digits put in place, rather than field by field.
type spanTemplate struct {
	text       string
	start, end int
}

func newSpanTemplate(k *findingKeys) spanTemplate {
	const zero = `"00:00:00.000"`
	t := spanTemplate{text: k.start + zero + k.end + zero}
	t.start = len(k.start) + 1
	t.end = len(k.start) + len(zero) + len(k.end) + 1
	return t
}

// appendSpan appends the start and end fields of a finding that has both,
// and false (b unchanged) when either is outside 00:00:00.000 to
// 99:59:59.999: then each is written field by field.
func (t *spanTemplate) appendSpan(b []byte, start, end *rule.Timecode) ([]byte, bool) {
	n := len(b)
	b = append(b, t.text...)
	if !cue.Time(*start).PutTimecode(b[n+t.start:]) || !cue.Time(*end).PutTimecode(b[n+t.end:]) {
		return b[:n], false
	}
	return b, true
}
