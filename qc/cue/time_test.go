package cue

import (
	"testing"
	"unsafe"
)

func TestFramesAreExactForBroadcastRates(t *testing.T) {
	for _, s := range []string{"23.976", "24", "25", "29.97", "30", "48", "50", "59.94", "60"} {
		r, err := ParseFrameRate(s)
		if err != nil {
			t.Fatal(err)
		}
		// 1000 hours of frames must land exactly on frame boundaries.
		n := int64(1000 * 3600 * r.Num / r.Den)
		ft := r.Frames(n)
		if f, off := r.FrameAt(ft); f != n || off != 0 {
			t.Errorf("%s: frame %d -> %v -> frame %d off %d", s, n, ft, f, off)
		}
		if r.Frames(1)*Time(r.Num) != Second*Time(r.Den) {
			t.Errorf("%s: frame period %d flicks is not exact", s, r.Frames(1))
		}
	}
}

func TestParseFrameRate(t *testing.T) {
	cases := map[string]FrameRate{"23.976": {24000, 1001}, "23.98": {24000, 1001}, "29.97": {30000, 1001},
		"25": {25, 1}, "24000/1001": {24000, 1001}, "1": {1, 1}, "1000": {1000, 1}, "50/2": {25, 1}, "30000:1001": {30000, 1001}}
	for in, want := range cases {
		got, err := ParseFrameRate(in)
		if err != nil || got != want {
			t.Errorf("ParseFrameRate(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	// Rates no picture has, whose frame arithmetic would overflow
	// (1/1275612221639045 made every gap "at least 2 frames").
	for _, bad := range []string{"", "0", "-25", "abc", "25/0", "12.345", "1/1275612221639045",
		"1/1000000000000000", "1/2", "0.5", "1001", "1000001/1000", "9223372036854775807"} {
		if _, err := ParseFrameRate(bad); err == nil {
			t.Errorf("ParseFrameRate(%q) accepted", bad)
		}
	}
}

func TestTimecodeString(t *testing.T) {
	cases := map[Time]string{0: "00:00:00.000", 3723*Second + 456*Millisecond: "01:02:03.456",
		-1500 * Millisecond: "-00:00:01.500", 100 * Hour: "100:00:00.000", 100*Hour - Millisecond: "99:59:59.999",
		10*Hour + 9*Minute + 5*Second + 70*Millisecond: "10:09:05.070", -(36*Hour + Millisecond): "-36:00:00.001",
		1234 * Hour: "1234:00:00.000"}
	for in, want := range cases {
		if got := in.String(); got != want {
			t.Errorf("%d: got %q want %q", in, got, want)
		}
	}
}

func TestLineScannerEndings(t *testing.T) {
	s := NewLineScanner("\ufeffa\r\nb\rc\n\nd")
	var got []string
	var lines []int
	for s.Scan() {
		got = append(got, s.Text())
		lines = append(lines, s.Line())
	}
	want := []string{"a", "b", "c", "", "d"}
	if len(got) != len(want) {
		t.Fatalf("got %q", got)
	}
	for i := range want {
		if got[i] != want[i] || lines[i] != i+1 {
			t.Errorf("line %d: %q (%d)", i, got[i], lines[i])
		}
	}
}

func TestFromRatioTicks(t *testing.T) {
	// 10,000,000 ticks per second (common in IMSC): 1 tick is 70.56 flicks.
	if got := FromRatio(15_000_000, 10_000_000); got != Second*3/2 {
		t.Errorf("1.5 s in ticks = %d", got)
	}
}

func TestLineIndexJoin(t *testing.T) {
	src := "a\nbb\r\nccc\rd"
	x := IndexLines(src)
	if x.Len() != 4 || x.Text(2) != "ccc" || x.Offset(1) != 2 {
		t.Fatalf("index: %d lines, %q, %d", x.Len(), x.Text(2), x.Offset(1))
	}
	if got := x.Join(0, 2); got != "a\nbb" {
		t.Errorf("Join(0,2) = %q", got)
	}
	if got := x.Join(1, 4); got != "bb\nccc\nd" { // CRLF and CR normalised to LF
		t.Errorf("Join(1,4) = %q", got)
	}
	// Plain LF runs are substrings of the source: no copy.
	if got := x.Join(0, 2); unsafe.StringData(got) != unsafe.StringData(src) {
		t.Errorf("Join(0,2) copied the lines instead of slicing the source")
	}
}

// The 128-bit fast paths agree with math/big on awkward values.
func TestRatioFastPathMatchesBig(t *testing.T) {
	for _, c := range [][2]int64{{1, 3}, {2, 3}, {-1, 3}, {-2, 3}, {5, 10}, {-5, 10}, {1001, 24000}, {7, 10_000_000},
		{1<<62 - 1, 1 << 40}, {123456789, 987654321}, {1 << 40, 3}} {
		if got, want := FromRatio(c[0], c[1]), fromRatioBig(c[0], c[1]); got != want {
			t.Errorf("FromRatio(%d, %d) = %d, big says %d", c[0], c[1], got, want)
		}
	}
	// FrameAt must take the allocation-free path for every time a file can
	// hold, and agree with math/big there (a swapped hi/lo once sent every
	// call down the big path: correct, but 10 % of an audit's CPU).
	for _, r := range []FrameRate{{24000, 1001}, {30000, 1001}, {25, 1}, {60000, 1001}, {120, 1}} {
		for _, tm := range []Time{0, 1, Second, 3600 * Second, 1001 * Second / 60000, 1001*Second/60000 - 1, 99 * Hour,
			Second / 48, Second/48 + 1, 7*Hour + 123456789} {
			f, ok := r.frameAtFast(tm)
			if !ok {
				t.Errorf("%v: FrameAt(%d) left the 128-bit path", r, tm)
			}
			if want := r.frameAtBig(tm); f != want {
				t.Errorf("%v: FrameAt(%d) = frame %d, big says %d", r, tm, f, want)
			}
		}
	}
	if _, ok := (FrameRate{25, 1}).frameAtFast(-Second); ok {
		t.Errorf("a negative time took the unsigned fast path")
	}
	if f, _ := (FrameRate{25, 1}).FrameAt(-Second); f != -25 {
		t.Errorf("FrameAt(-1 s) at 25 fps = %d, want -25", f)
	}
}

func TestFrameSpanSnapsEachTimeToItsNearestFrame(t *testing.T) {
	fr := FrameRate{24000, 1001}
	ticks := func(n int64) Time { return FromRatio(n, 10_000_000) }
	// Netflix tick-timed gaps: 830,830 ticks (83.083 ms, 1.99 frames) is the
	// 2-frame gap of a frame-timed file once both ends are snapped.
	if got := fr.FrameSpan(ticks(120119999), ticks(120119999+830830)); got != 2 {
		t.Errorf("830,830-tick gap = %d frames, want 2", got)
	}
	if got := fr.FrameSpan(ticks(158908750), ticks(158908750+840840)); got != 2 {
		t.Errorf("840,840-tick gap = %d frames, want 2", got)
	}
	// A millisecond SRT gap of 83 ms between frame-aligned cues is 2 frames;
	// 60 ms is 1 (a real short gap stays short).
	start := Time(fr.Frames(1000).Milliseconds()) * Millisecond
	if got := fr.FrameSpan(start, start+83*Millisecond); got != 2 {
		t.Errorf("83 ms gap = %d frames, want 2", got)
	}
	if got := fr.FrameSpan(start, start+60*Millisecond); got != 1 {
		t.Errorf("60 ms gap = %d frames, want 1", got)
	}
	if got := fr.InFrames(74 * Millisecond); got < 1.77 || got > 1.78 {
		t.Errorf("0.074 s = %.3f frames, want 1.77", got)
	}
}

// Snap is FrameAt's frame, whatever the time and rate: negative times and
// times too large for the fast arithmetic included.
func TestSnapIsFrameAtsFrame(t *testing.T) {
	rates := []FrameRate{{24000, 1001}, {25, 1}, {30000, 1001}, {60, 1}, {1, 3}}
	times := []Time{0, 1, -1, Millisecond, 41708333, -41708334, 1 << 62, -(1 << 62), 1<<63 - 1}
	for k := range 2000 {
		times = append(times, Time(k)*997_001)
	}
	for _, r := range rates {
		for _, tm := range times {
			if n, _ := r.FrameAt(tm); r.Snap(tm) != n {
				t.Fatalf("at %v fps, Snap(%d) = %d, FrameAt says frame %d", r, tm, r.Snap(tm), n)
			}
		}
	}
	if (FrameRate{}).Snap(Second) != 0 {
		t.Error("a zero rate snaps to frame 0")
	}
}

// SpanAtLeast(a, b, n) is FrameSpan(a, b) >= n for any times, rates and n:
// spans on, a flick either side of and between half-frame boundaries (where
// b's rounding decides), negative and huge times, and thresholds far off.
func TestSpanAtLeastIsFrameSpanCompared(t *testing.T) {
	rates := []FrameRate{{24000, 1001}, {25, 1}, {30000, 1001}, {60000, 1001}, {7, 3}, {1000, 1}, {1 << 40, 1}, {}}
	starts := []Time{0, 1, -1, 41708333, -41708334, 3600 * Second, 1 << 61, -(1 << 61), 1<<63 - 1, -1 << 63}
	for k := range 300 {
		starts = append(starts, Time(k)*99_700_001)
	}
	ns := []int64{-3, -1, 0, 1, 2, 3, 11, 1 << 41, 1<<63 - 1, -1 << 63}
	for _, r := range rates {
		g, frame := r.Grid(), r.Frames(1)
		for _, a := range starts {
			for half := Time(-2); half <= 8; half++ {
				for _, nudge := range []Time{-1, 0, 1, frame / 3} {
					b := a + half*frame/2 + nudge
					if (b < a) != (half*frame/2+nudge < 0) {
						continue // wrapped around
					}
					span := r.FrameSpan(a, b)
					for _, n := range append(ns, span-1, span, span+1) {
						if got, want := g.SpanAtLeast(a, b, n), span >= n; got != want {
							t.Fatalf("%v fps, %d..%d (span %d frames), n=%d: SpanAtLeast %v", r, a, b, span, n, got)
						}
					}
				}
			}
		}
	}
}

// A grid's snap, where it answers, is Snap: on frames, a flick either side
// of the half-frame points where rounding turns, and at its size limit.
func TestGridSnapIsSnap(t *testing.T) {
	for _, r := range []FrameRate{{24000, 1001}, {25, 1}, {30000, 1001}, {60000, 1001}, {7, 3}, {1000, 1}} {
		g := r.Grid()
		half := r.Frames(1) / 2
		answered := 0
		for _, base := range []Time{0, 3600 * Second, 100 * 3600 * Second, Time((1<<62 - g.d2) / (2 * uint64(r.Num)))} {
			for k := Time(0); k < 500; k++ {
				for _, nudge := range []Time{-1, 0, 1} {
					tm := base + k*half + nudge
					if n, ok := g.snap(tm); ok {
						answered++
						if n != r.Snap(tm) {
							t.Fatalf("%v fps: grid snap(%d) = %d, Snap says %d", r, tm, n, r.Snap(tm))
						}
					}
				}
			}
		}
		if answered < 3*1000 {
			t.Errorf("%v fps: the grid snapped only %d times", r, answered)
		}
	}
}
