package scc

import (
	"strconv"

	"github.com/exportqc/exportqc/qc/cue"
)

// Rate is the SCC frame rate. Both timecode kinds count frames of 29.97 Hz
// video: non-drop-frame labels simply drift from the wall clock, drop-frame
// labels skip numbers to stay close to it.
var Rate = cue.FrameRate{Num: 30000, Den: 1001}

// framePeriod is one 29.97 Hz frame in flicks: 1001/30000 s is exactly
// 23,543,520 flicks, so frame times need no rounding.
const framePeriod = cue.Time(1001 * (cue.Second / 30000))

func frameTime(frame int64) cue.Time { return cue.Time(frame) * framePeriod }

// timecode is a parsed SCC timecode label.
type timecode struct {
	h, m, s, f int64
	drop       bool
}

// parseTimecode reads HH:MM:SS:FF (non-drop-frame) or HH:MM:SS;FF, with '.'
// or ',' in place of ';' as some tools write drop-frame. It accepts 1-2
// digits per field (1-3 for hours) and leaves range checks to valid, so that
// a caption line with an impossible frame number is still placed in time.
func parseTimecode(s string) (tc timecode, ok bool) {
	var fields [4]int64
	i := 0
	for k := 0; k < 4; k++ {
		start := i
		var v int64
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			v = v*10 + int64(s[i]-'0')
			i++
		}
		n := i - start
		maxDigits := 2
		if k == 0 {
			maxDigits = 3
		}
		if n == 0 || n > maxDigits {
			return timecode{}, false
		}
		fields[k] = v
		if k == 3 {
			break
		}
		if i >= len(s) {
			return timecode{}, false
		}
		switch s[i] {
		case ':':
		case ';', '.', ',':
			// Only the separator before the frames decides the mode;
			// "00;00;00;00" also occurs and is drop-frame.
			if k == 2 {
				tc.drop = true
			}
		default:
			return timecode{}, false
		}
		i++
	}
	if i != len(s) {
		return timecode{}, false
	}
	tc.h, tc.m, tc.s, tc.f = fields[0], fields[1], fields[2], fields[3]
	return tc, true
}

// valid reports why the label cannot exist, or "" when it can.
func (tc timecode) valid() string {
	switch {
	case tc.m > 59:
		return "minutes above 59"
	case tc.s > 59:
		return "seconds above 59"
	case tc.f > 29:
		return "frame number above 29"
	case tc.label().Skipped(nominal):
		// Drop-frame numbering skips frames 00 and 01 at the start of every
		// minute except minutes 00, 10, 20, ...
		return "drop-frame timecodes skip frames 00 and 01 in this minute"
	}
	return ""
}

// frames converts the label to a frame count from 00:00:00:00. Out-of-range
// fields are carried arithmetically rather than rejected.
func (tc timecode) frames() int64 { return tc.label().Frame(nominal) }

// nominal is the 30 frames a second SCC labels count.
var nominal = Rate.Nominal()

func (tc timecode) label() cue.Timecode {
	return cue.Timecode{H: tc.h, M: tc.m, S: tc.s, F: tc.f, Drop: tc.drop}
}

// String formats the label as written in SCC files.
func (tc timecode) String() string {
	sep := byte(':')
	if tc.drop {
		sep = ';'
	}
	b := make([]byte, 0, 12)
	b = append2(b, tc.h)
	b = append(b, ':')
	b = append2(b, tc.m)
	b = append(b, ':')
	b = append2(b, tc.s)
	b = append(b, sep)
	b = append2(b, tc.f)
	return string(b)
}

func append2(b []byte, v int64) []byte {
	if v >= 100 {
		return strconv.AppendInt(b, v, 10)
	}
	return append(b, byte('0'+v/10), byte('0'+v%10))
}
