package srt

import "github.com/exportqc/exportqc/qc/cue"

// sources records where cue c's timestamps and payload (lines ti+1 to end,
// exclusive) are written, for fixes that rewrite exactly those bytes.
func (r *reader) sources(c *cue.Cue, ti, end int, t *timing) {
	at := r.ix.Offset(ti)
	c.StartSrc = cue.Range{From: at + int64(t.startAt[0]), To: at + int64(t.startAt[1])}
	c.EndSrc = cue.Range{From: at + int64(t.endAt[0]), To: at + int64(t.endAt[1])}
	if end > ti+1 {
		c.TextSrc = cue.Range{From: r.ix.Offset(ti + 1), To: r.ix.Offset(end-1) + int64(len(r.text(end-1)))}
	}
}
