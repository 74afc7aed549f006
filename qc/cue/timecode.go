package cue

// SMPTE timecode labels (HH:MM:SS:FF) count whole frames at a nominal
// integer rate: 30 for 29.97 video, 24 for 23.976. Non-drop-frame labels
// simply number the frames, and drift from the wall clock at a fractional
// rate; drop-frame labels skip the first few frame numbers of every minute
// except every tenth (00 and 01 at 30, 00–03 at 60) to stay within a frame
// of it. SCC, TTML's smpte time base and shot-change lists all read such
// labels; this is the one place that numbers them.

// Timecode is one label.
type Timecode struct {
	H, M, S, F int64
	Drop       bool // drop-frame numbering (";" before the frames)
}

// Nominal is the whole number of frames a timecode counts per second at
// rate r: 30 for 30000/1001, 24 for 24000/1001, 0 for no rate.
func (r FrameRate) Nominal() int64 {
	if r.IsZero() {
		return 0
	}
	return (r.Num + r.Den/2) / r.Den
}

// DroppedPerMinute is how many frame numbers drop-frame skips at the start
// of each minute that is not a multiple of ten: 2 at a nominal 30, 4 at 60
// (one per 15 nominal frames, rounded up).
func DroppedPerMinute(nominal int64) int64 { return (nominal + 14) / 15 }

// DroppedBefore is how many frame numbers drop-frame has skipped by the
// start of minute (counted from 00:00), at a nominal rate.
func DroppedBefore(minute, nominal int64) int64 {
	return DroppedPerMinute(nominal) * (minute - minute/10)
}

// Frame is the label's frame number from 00:00:00:00 at the nominal rate.
// Fields out of range are carried arithmetically rather than rejected, so
// that a label with an impossible field is still placed in time.
func (tc Timecode) Frame(nominal int64) int64 {
	n := ((tc.H*60+tc.M)*60+tc.S)*nominal + tc.F
	if tc.Drop {
		n -= DroppedBefore(tc.H*60+tc.M, nominal)
	}
	return n
}

// Skipped reports whether drop-frame numbering never uses the label:
// frames 00 and 01 (00–03 at 60) of a minute that is not a multiple of ten.
func (tc Timecode) Skipped(nominal int64) bool {
	return tc.Drop && tc.S == 0 && tc.F < DroppedPerMinute(nominal) && tc.M%10 != 0
}

// TimecodeAt is the label of frame n (n ≥ 0) at a nominal rate, in
// drop-frame numbering when drop is set: the inverse of Frame.
func TimecodeAt(n, nominal int64, drop bool) Timecode {
	if nominal <= 0 || n < 0 {
		return Timecode{Drop: drop}
	}
	label := n
	if drop {
		per := DroppedPerMinute(nominal)
		perMinute := 60*nominal - per   // frames in a minute that drops
		perTen := 10*60*nominal - 9*per // frames in ten minutes
		tens, rest := n/perTen, n%perTen
		label += 9 * per * tens
		if rest >= per {
			label += per * ((rest - per) / perMinute)
		}
	}
	f := label % nominal
	s := label / nominal
	return Timecode{H: s / 3600, M: s / 60 % 60, S: s % 60, F: f, Drop: drop}
}
