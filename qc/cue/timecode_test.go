package cue

import "testing"

// Drop-frame labels at the boundaries where numbers are skipped (each
// minute) and where they are not (each tenth minute), at 29.97 and 59.94.
func TestDropFrameBoundaries(t *testing.T) {
	for _, c := range []struct {
		tc      Timecode
		nominal int64
		frame   int64
	}{
		{Timecode{0, 0, 59, 29, true}, 30, 1799},
		{Timecode{0, 1, 0, 2, true}, 30, 1800}, // 00;00 and 00;01 skipped
		{Timecode{0, 1, 59, 29, true}, 30, 3597},
		{Timecode{0, 2, 0, 2, true}, 30, 3598},
		{Timecode{0, 9, 59, 29, true}, 30, 17981},
		{Timecode{0, 10, 0, 0, true}, 30, 17982}, // every tenth minute keeps them
		{Timecode{0, 11, 0, 2, true}, 30, 17982 + 1800},
		{Timecode{1, 0, 0, 0, true}, 30, 107892}, // 29.97 DF: an hour is 107,892 frames
		{Timecode{0, 1, 0, 4, true}, 60, 3600},   // 00–03 skipped at 59.94
		{Timecode{0, 10, 0, 0, true}, 60, 35964},
		{Timecode{1, 0, 0, 0, true}, 60, 215784},
		{Timecode{1, 0, 0, 0, false}, 30, 108000},
	} {
		if got := c.tc.Frame(c.nominal); got != c.frame {
			t.Errorf("%+v at %d: frame %d, want %d", c.tc, c.nominal, got, c.frame)
		}
		if got := TimecodeAt(c.frame, c.nominal, c.tc.Drop); got != c.tc {
			t.Errorf("frame %d at %d: label %+v, want %+v", c.frame, c.nominal, got, c.tc)
		}
	}
}

// Every frame of the first 25 minutes survives frame → label → frame, and
// no label drop-frame produces is one it skips.
func TestTimecodeRoundTrip(t *testing.T) {
	for _, nominal := range []int64{24, 25, 30, 60} {
		for _, drop := range []bool{false, true} {
			if drop && nominal%30 != 0 {
				continue // drop-frame exists at 29.97 and 59.94 only
			}
			for n := int64(0); n < 25*60*nominal; n++ {
				tc := TimecodeAt(n, nominal, drop)
				if tc.Skipped(nominal) || tc.F >= nominal || tc.S > 59 || tc.M > 59 {
					t.Fatalf("frame %d at %d drop=%v: impossible label %+v", n, nominal, drop, tc)
				}
				if back := tc.Frame(nominal); back != n {
					t.Fatalf("frame %d at %d drop=%v: label %+v reads back as %d", n, nominal, drop, tc, back)
				}
			}
		}
	}
}

func TestSkippedLabels(t *testing.T) {
	for _, c := range []struct {
		tc      Timecode
		nominal int64
		skipped bool
	}{
		{Timecode{0, 1, 0, 0, true}, 30, true},
		{Timecode{0, 1, 0, 1, true}, 30, true},
		{Timecode{0, 1, 0, 2, true}, 30, false},
		{Timecode{0, 10, 0, 0, true}, 30, false},
		{Timecode{0, 1, 0, 3, true}, 60, true},
		{Timecode{0, 1, 0, 4, true}, 60, false},
		{Timecode{0, 1, 0, 0, false}, 30, false},
	} {
		if got := c.tc.Skipped(c.nominal); got != c.skipped {
			t.Errorf("%+v at %d: skipped %v, want %v", c.tc, c.nominal, got, c.skipped)
		}
	}
}

func TestNominal(t *testing.T) {
	for _, c := range []struct {
		r    FrameRate
		want int64
	}{{FrameRate{30000, 1001}, 30}, {FrameRate{24000, 1001}, 24}, {FrameRate{60000, 1001}, 60}, {FrameRate{25, 1}, 25}, {FrameRate{}, 0}} {
		if got := c.r.Nominal(); got != c.want {
			t.Errorf("%v: nominal %d, want %d", c.r, got, c.want)
		}
	}
}
