package shots

import (
	"slices"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
)

var ntsc = cue.FrameRate{Num: 24000, Den: 1001}

func frames(t *testing.T, l *List, fr cue.FrameRate) []int64 {
	t.Helper()
	times, err := l.Times(fr)
	if err != nil {
		t.Fatal(err)
	}
	var out []int64
	for _, tm := range times {
		out = append(out, fr.Snap(tm))
	}
	return out
}

// Subtitle Edit's .shotchanges: seconds, one a line, unsorted and with a
// repeat; comments and blank lines are skipped.
func TestPlainSeconds(t *testing.T) {
	l, err := Parse("ep1.shotchanges", []byte("\xEF\xBB\xBF# cuts\n2.002\n\n10.01\r\n2.002\n4.004s\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := frames(t, l, ntsc), []int64{48, 96, 240}; l.Format != "seconds" || !slices.Equal(got, want) {
		t.Errorf("%s %v, want %v", l.Format, got, want)
	}
}

func TestTimecodes(t *testing.T) {
	l, err := Parse("cuts.txt", []byte("00:00:02:00\n00:01:00:05\n00:00:03.500\n00:00:04,25\n"))
	if err != nil {
		t.Fatal(err)
	}
	// At 23.976 a timecode counts 24 frames a second: 00:01:00:05 is frame
	// 1445; 00:00:04,25 is 4.25 s (milliseconds after a comma, as in SRT).
	if got, want := frames(t, l, ntsc), []int64{48, 84, 102, 1445}; !slices.Equal(got, want) {
		t.Errorf("frames %v, want %v", got, want)
	}
	if _, err := l.Times(cue.FrameRate{}); err == nil || !strings.Contains(err.Error(), "cuts.txt:1") {
		t.Errorf("timecodes without a rate: %v", err)
	}
	if _, err := l.Times(cue.FrameRate{Num: 5, Den: 1}); err == nil || !strings.Contains(err.Error(), "frame") {
		t.Errorf("frame 5 at 5 fps: %v", err)
	}
}

// Drop-frame: 00:01:00;02 is the first frame number of minute 1 (frames
// 00 and 01 are skipped), frame 1800 at 29.97; minute 10 skips none.
func TestDropFrame(t *testing.T) {
	l, err := Parse("df.txt", []byte("00:01:00;02\n00:10:00;00\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := frames(t, l, cue.FrameRate{Num: 30000, Den: 1001}), []int64{1800, 17982}; !slices.Equal(got, want) {
		t.Errorf("frames %v, want %v", got, want)
	}
	// 59.94 skips frames 00-03.
	l, _ = Parse("df.txt", []byte("00:01:00;04\n"))
	if got, want := frames(t, l, cue.FrameRate{Num: 60000, Den: 1001}), []int64{3600}; !slices.Equal(got, want) {
		t.Errorf("59.94: frames %v, want %v", got, want)
	}
	// 23.976 has no drop-frame numbering: a guess would misplace every cut.
	if _, err := l.Times(cue.FrameRate{Num: 24000, Den: 1001}); err == nil || !strings.Contains(err.Error(), "df.txt:1: drop-frame") {
		t.Errorf("drop-frame at 23.976: %v", err)
	}
	// Nor has an exact 30 fps programme; 29.97 written as 2997/100 is 29.97.
	l, _ = Parse("df.txt", []byte("00:01:00;02\n"))
	if _, err := l.Times(cue.FrameRate{Num: 30, Den: 1}); err == nil || !strings.Contains(err.Error(), "df.txt:1: drop-frame") {
		t.Errorf("drop-frame at 30: %v", err)
	}
	if got, want := frames(t, l, cue.FrameRate{Num: 2997, Den: 100}), []int64{1800}; !slices.Equal(got, want) {
		t.Errorf("29.97 as 2997/100: frames %v, want %v", got, want)
	}
	// A label drop-frame skips is a mistake to name, not a frame to guess.
	l, _ = Parse("df.txt", []byte("00:00:30;00\n00:01:00;01\n"))
	if _, err := l.Times(cue.FrameRate{Num: 30000, Den: 1001}); err == nil || !strings.Contains(err.Error(), "df.txt:2: 00:01:00;01 is a label drop-frame never uses") {
		t.Errorf("skipped label: %v", err)
	}
}

func TestPlainErrorNamesLine(t *testing.T) {
	_, err := Parse("ep1.shotchanges", []byte("1.0\n2.0\nabc\n"))
	if err == nil || !strings.Contains(err.Error(), "ep1.shotchanges:3:") {
		t.Errorf("err %v", err)
	}
	if _, err := Parse("movie.shotchanges", []byte("\x00\x00\x01ftypmp42")); err == nil || !strings.Contains(err.Error(), "--video") {
		t.Errorf("binary: %v", err)
	}
}

// ffmpeg -vf "select='gt(scene,0.4)',showinfo" prints one line per cut on
// stderr; metadata=print prints frame/pts/pts_time then the score.
func TestFFmpegOutput(t *testing.T) {
	showinfo := `ffmpeg version 5.1.6 Copyright (c) 2000-2024 the FFmpeg developers
Input #0, matroska,webm, from 'cuts.mkv':
  Duration: 00:00:05.01, start: 0.000000, bitrate: 3072 kb/s
[Parsed_showinfo_1 @ 0x55d0c6f1c2c0] config in time_base: 1/24000, frame_rate: 24000/1001
[Parsed_showinfo_1 @ 0x55d0c6f1c2c0] n:   0 pts:  48048 pts_time:2.002   duration:   1001 pos:  1234 fmt:yuv420p
[Parsed_showinfo_1 @ 0x55d0c6f1c2c0] n:   1 pts:  96096 pts_time:4.004   duration:   1001 pos:  5678 fmt:yuv420p
`
	l, err := Parse("scenes.log", []byte(showinfo))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := frames(t, l, ntsc), []int64{48, 96}; l.Format != "ffmpeg" || !slices.Equal(got, want) {
		t.Errorf("showinfo: %s %v, want %v", l.Format, got, want)
	}
	meta := "frame:0    pts:48048   pts_time:2.002\nlavfi.scene_score=0.874512\nframe:1    pts:120120  pts_time:5.005\nlavfi.scene_score=0.5\n"
	l, err = Parse("scenes.txt", []byte(meta))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := frames(t, l, ntsc), []int64{48, 120}; !slices.Equal(got, want) {
		t.Errorf("metadata: %v, want %v", got, want)
	}
}

// A CMX 3600 EDL: every video event's record-in is a cut; audio events,
// comments and dissolve durations are not.
func TestEDL(t *testing.T) {
	edl := `TITLE: EP101 LOCKED CUT
FCM: NON-DROP FRAME

001  A001C003 V     C        14:02:10:05 14:02:14:05 01:00:00:00 01:00:04:00
* FROM CLIP NAME: A001C003.MOV
002  A001C007 V     C        14:05:01:00 14:05:03:12 01:00:04:00 01:00:06:12
003  A002C001 V     D    012 09:10:00:00 09:10:02:00 01:00:06:12 01:00:08:12
004  AUDIO1   A     C        00:00:00:00 00:00:05:00 01:00:01:00 01:00:06:00
M2   A001C007       048.0    14:05:01:00
`
	l, err := Parse("ep101.edl", []byte(edl))
	if err != nil {
		t.Fatal(err)
	}
	want := []int64{86400, 86496, 86556} // 1 h = 86400 frames at 24 nominal
	if got := frames(t, l, ntsc); l.Format != "edl" || !slices.Equal(got, want) {
		t.Errorf("%s %v, want %v", l.Format, got, want)
	}
	_, err = Parse("bad.edl", []byte("TITLE: X\n001  R V C 01:00:00:00 01:00:01:00 01:00:00:00\n"))
	if err == nil || !strings.Contains(err.Error(), "bad.edl:2:") {
		t.Errorf("short event line: %v", err)
	}
}

// No input makes Parse or Times panic; what parses gives sorted times.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"1.5\n2\n", "00:00:01:05\n00:01:00;02\n", "pts_time:3.2\n", "TITLE: x\nFCM: DROP FRAME\n001 A V C 01:00:00;00 01:00:01;00 01:00:00;00 01:00:01;00\n",
		"999:59:59:999\n", "00:00:00.5\n", "-1\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := Parse("f", data)
		if err != nil {
			return
		}
		for _, fr := range []cue.FrameRate{{}, ntsc, {Num: 1, Den: 1000}} {
			times, err := l.Times(fr)
			if err != nil {
				continue
			}
			for i := 1; i < len(times); i++ {
				if times[i] <= times[i-1] {
					t.Fatalf("times not strictly increasing: %v", times)
				}
			}
		}
	})
}

// A list saved with classic Mac line ends (a lone CR) reads like any other,
// and an error names the line an editor shows.
func TestParseLoneCR(t *testing.T) {
	l, err := Parse("cuts.shotchanges", []byte("2.002\r4.004\r"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := frames(t, l, ntsc), []int64{48, 96}; !slices.Equal(got, want) {
		t.Errorf("%v, want %v", got, want)
	}
	if _, err := Parse("cuts.shotchanges", []byte("1.5\rtwo\r")); err == nil || !strings.Contains(err.Error(), "cuts.shotchanges:2") {
		t.Errorf("error %v, want one naming line 2", err)
	}
}
