package stl

import "github.com/exportqc/exportqc/qc/cue"

// sources records where a single-block subtitle's TCI, TCO and text field
// are in the file (binary offsets), so that fixes rewrite them in place. A
// subtitle spread over extension blocks repeats its timecodes in each;
// those are left alone rather than half rewritten.
func sources(c *cue.Cue, s *subtitle) {
	if s.nblocks != 1 {
		return
	}
	c.StartSrc = cue.Range{From: s.offset + 5, To: s.offset + 9}
	c.EndSrc = cue.Range{From: s.offset + 9, To: s.offset + 13}
	c.TextSrc = cue.Range{From: s.offset + 16, To: s.offset + ttiSize} // the text field (textmap.go)
}

// respell writes the four timecode bytes (hours, minutes, seconds, frames)
// that are worth newT at the file's rate; the old bytes only say that this
// is a timecode. ok is false for a time the timecode cannot hold exactly.
func (d dfcRate) respell(old string, _, newT cue.Time) (string, bool) {
	if len(old) != 4 || newT < 0 {
		return "", false
	}
	secs := int64(newT / cue.Second)
	n, off := d.rate.FrameAt(newT - cue.Time(secs)*cue.Second)
	if off != 0 || n >= int64(d.nominal) {
		return "", false
	}
	tc := timecode{int(secs / 3600), int(secs / 60 % 60), int(secs % 60), int(n)}
	if !tc.valid(d.nominal) || tc.time(d.rate) != newT {
		return "", false
	}
	return string([]byte{byte(tc.h), byte(tc.m), byte(tc.s), byte(tc.f)}), true
}
