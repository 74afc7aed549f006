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
// 99:59:59.999, which cue.Time.AppendTimecode then writes.
func (t *spanTemplate) appendSpan(b []byte, start, end *rule.Timecode) ([]byte, bool) {
	s, e := cue.Time(*start).Milliseconds(), cue.Time(*end).Milliseconds()
	if uint64(s) >= 100*3_600_000 || uint64(e) >= 100*3_600_000 {
		return b, false
	}
	n := len(b)
	b = append(b, t.text...)
	putTimecode(b[n+t.start:], uint64(s))
	putTimecode(b[n+t.end:], uint64(e))
	return b, true
}

// putTimecode writes ms (0 to 100 hours) as HH:MM:SS.mmm over d's first
// twelve bytes, whose colons and dot are already there, two digits at a
// time from digitPairs. Each field is taken from the next larger unit by
// one division (a multiply for a constant divisor) and a subtraction,
// rather than divisions and remainders of ms for each.
func putTimecode(d []byte, ms uint64) {
	_ = d[11]
	secs := ms / 1000
	f := ms - secs*1000
	mins := secs / 60
	s := (secs - mins*60) * 2
	h := mins / 60
	m := (mins - h*60) * 2
	d[0], d[1] = digitPairs[h*2], digitPairs[h*2+1]
	d[3], d[4] = digitPairs[m], digitPairs[m+1]
	d[6], d[7] = digitPairs[s], digitPairs[s+1]
	hi := f / 10
	lo := f - hi*10
	d[9], d[10], d[11] = digitPairs[hi*2], digitPairs[hi*2+1], byte('0'+lo)
}
