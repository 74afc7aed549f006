package webvtt

import "github.com/exportqc/exportqc/qc/cue"

// sources records where cue c's timestamps (on line ti) and payload (lines
// from to to, exclusive) are written, for fixes that rewrite those bytes.
func (r *reader) sources(c *cue.Cue, ti, from, to int, t *timing) {
	at := r.ix.Offset(ti)
	c.StartSrc = cue.Range{From: at + int64(t.startAt[0]), To: at + int64(t.startAt[1])}
	c.EndSrc = cue.Range{From: at + int64(t.endAt[0]), To: at + int64(t.endAt[1])}
	if to > from {
		c.TextSrc = cue.Range{From: r.ix.Offset(from), To: r.ix.Offset(to-1) + int64(len(r.ix.Text(to-1)))}
	}
}
