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
// 99:59:59.999: then each is written field by field. In that range
// cue.Time.AppendTimecode writes exactly twelve bytes, so each timecode
// is written over the template's in place.
func (t *spanTemplate) appendSpan(b []byte, start, end *rule.Timecode) ([]byte, bool) {
	s, e := cue.Time(*start).Milliseconds(), cue.Time(*end).Milliseconds()
	if uint64(s) >= 100*3_600_000 || uint64(e) >= 100*3_600_000 {
		return b, false
	}
	n := len(b)
	b = append(b, t.text...)
	cue.Time(*start).AppendTimecode(b[:n+t.start])
	cue.Time(*end).AppendTimecode(b[:n+t.end])
	return b, true
}
