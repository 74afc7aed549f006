package checks

import (
	"github.com/exportqc/exportqc/qc/cue"
)

// What the timing rules allow for before comparing a cue with a threshold:
// the file's own time resolution, and cues with no duration (T009's).

// tolerance is how far a time may be from a threshold before it counts:
// the file's own time resolution. An SRT written at 23.976 fps stores a
// 2-frame gap (83.417 ms) as 83 ms; that must not read as "too short".
func tolerance(doc *cue.Document) cue.Time {
	if doc.TimePrecision > 0 {
		return doc.TimePrecision
	}
	return cue.Millisecond
}

// valid reports whether a cue has a positive duration; T009 reports the rest,
// and the other timing rules skip them rather than report nonsense twice.
func valid(c *cue.Cue) bool { return c.End > c.Start }

type cueTime = cue.Time

func abs(t cue.Time) cue.Time {
	if t < 0 {
		return -t
	}
	return t
}
