package stl

import "github.com/exportqc/exportqc/qc/cue"

// dfcRate is what a Disk Format Code (GSI bytes 3–10) says about timing.
type dfcRate struct {
	rate cue.FrameRate
	// nominal is the number of frame labels per second in the timecodes
	// (24 for 23.976, 30 for 29.97): frames must be below it.
	nominal int
	// standard is true for the two codes Tech 3264 defines.
	standard bool
}

// dfcRates lists the codes we know.
//
// Tech 3264 (1991) defines only STL25.01 (25 frames/s) and STL30.01
// (30 frames/s). STL30.01 is read at 30, as the spec says and as Subtitle
// Edit, go-astisub and ebustl-parser do; ttconv reads it as 30000/1001. The
// difference is 0.1 % on absolute times and none on frame counts.
//
// The other codes are not in the spec but are written in practice: Subtitle
// Edit offers STL23.01 (for 23.976 video) and STL24.01, STL29.01 (29.97);
// STL48.01, STL50.01 and STL60.01 follow the same pattern (the IRT SCF
// conformance files use STL50.01). They are read at the rate they name and
// flagged S009 stl-nonstandard-frame-rate, since a strict ingest rejects them.
var dfcRates = map[string]dfcRate{
	"STL25.01": {cue.FrameRate{Num: 25, Den: 1}, 25, true},
	"STL30.01": {cue.FrameRate{Num: 30, Den: 1}, 30, true},
	"STL23.01": {cue.FrameRate{Num: 24000, Den: 1001}, 24, false},
	"STL24.01": {cue.FrameRate{Num: 24, Den: 1}, 24, false},
	"STL29.01": {cue.FrameRate{Num: 30000, Den: 1001}, 30, false},
	"STL48.01": {cue.FrameRate{Num: 48, Den: 1}, 48, false},
	"STL50.01": {cue.FrameRate{Num: 50, Den: 1}, 50, false},
	"STL60.01": {cue.FrameRate{Num: 60, Den: 1}, 60, false},
}

// fallbackRate is used to compute times when the DFC is unknown. The
// Document then declares no frame rate and S005 says the times are a guess.
var fallbackRate = dfcRate{cue.FrameRate{Num: 25, Den: 1}, 25, false}

// timecode is an HH:MM:SS:FF value as stored in TTI bytes or the GSI.
type timecode struct{ h, m, s, f int }

// valid reports whether every part is in range for nominal frame labels.
func (tc timecode) valid(nominal int) bool {
	return tc.h >= 0 && tc.h < 24 && tc.m >= 0 && tc.m < 60 && tc.s >= 0 && tc.s < 60 &&
		tc.f >= 0 && tc.f < nominal
}

// time converts tc: HH:MM:SS are taken as seconds and FF as frames at the
// file's rate. For integral rates this equals the SMPTE frame count divided
// by the rate; for the 1001 rates (non-standard STL23.01/STL29.01) it is
// the convention of Subtitle Edit, which writes those codes, and of TTML
// media time, whereas SMPTE frame counting would put each cue 0.1 % later.
func (tc timecode) time(r cue.FrameRate) cue.Time {
	secs := int64(tc.h)*3600 + int64(tc.m)*60 + int64(tc.s)
	return cue.Time(secs)*cue.Second + frames(r, tc.f)
}

// frames is r.Frames(n) for the small n of a timecode. A flick divides the
// frame period of every rate in dfcRates, so plain integer arithmetic is
// exact and avoids the big-number path of cue.FromRatio on every cue.
func frames(r cue.FrameRate, n int) cue.Time {
	num := int64(n) * r.Den * int64(cue.Second)
	if r.Num > 0 && n >= 0 && n < 1<<16 && num%r.Num == 0 {
		return cue.Time(num / r.Num)
	}
	return r.Frames(int64(n))
}
