package srt

import (
	"strconv"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
)

// "00:11:01,97 --> 00:11:01,831" is 97 ms, as ffmpeg, pysrt and python-srt
// read it: read as 970 ms, cue 186 of this file ended before it started and
// overlapped its neighbours. The short fields are one R001 warning with the
// count and the first line, not a parse error.
func TestTwoDigitMillisecondsAreMilliseconds(t *testing.T) {
	doc := readCorpus(t, "srt/subtitlesparser/Annie_Hall_-_Eng_25fps.srt")
	c := doc.Cues[185]
	if c.ID != "186" || c.Start != 11*cue.Minute+ms(1097) || c.End != 11*cue.Minute+ms(1831) {
		t.Errorf("cue 186: %q %v --> %v", c.ID, c.Start, c.End)
	}
	for i := 1; i < len(doc.Cues); i++ {
		if doc.Cues[i].Start < doc.Cues[i-1].Start {
			t.Errorf("cue %s starts before cue %s", doc.Cues[i].ID, doc.Cues[i-1].ID)
		}
	}
	if len(doc.Diagnostics) != 1 {
		t.Fatalf("diagnostics %+v", doc.Diagnostics)
	}
	d := doc.Diagnostics[0]
	if d.Rule != CodeShortMilliseconds || d.Line != 365 || !strings.HasPrefix(d.Message, "16 timing lines with fewer than 3 millisecond digits") {
		t.Errorf("diagnostic %+v", d)
	}
}

// Negative times are kept for the timing rules and reported at their line;
// absurd hours are an unreadable timing line, never an overflow.
func TestNegativeAndOutOfRangeTimes(t *testing.T) {
	doc := Read("1\n-00:00:01,000 --> 00:00:02,000\nneg\n\n2\n99999999:00:00,000 --> 99999999:00:01,000\nbig\n\n" +
		"3\n00:00:03,000 --> 00:00:04,000\nok\n")
	if len(doc.Cues) != 2 || doc.Cues[0].Start != -ms(1000) || doc.Cues[1].Start != ms(3000) {
		t.Fatalf("cues %+v", doc.Cues)
	}
	var got []string
	for _, d := range doc.Diagnostics {
		if d.Rule == "" {
			got = append(got, strconv.Itoa(d.Line)+" "+d.Message)
		}
	}
	if len(got) != 2 || !strings.HasPrefix(got[0], `2 timing line "-00:00:01,000 --> 00:00:02,000" has a negative time`) ||
		!strings.HasPrefix(got[1], "6 cue 2: timing line") || !strings.Contains(got[1], "hours out of range") {
		t.Errorf("parse errors %q", got)
	}
}

// Timestamp forms every player reads alike are R002 warnings; a mistyped
// arrow, which ffmpeg drops, stays a parse error.
func TestTimestampFormsAreWarnings(t *testing.T) {
	doc := Read("1\n00:00:01.000 --> 00:00:02.000\na\n\n2\n00:03,000 --> 00:00:04\nb\n\n3\n00:00:05,000 - > 00:00:06,000\nc\n")
	got := map[string]int{}
	for _, d := range doc.Diagnostics {
		got[d.Rule]++
	}
	if len(doc.Cues) != 3 || got[CodeTimestampForm] != 3 || got[""] != 1 || len(got) != 2 {
		t.Errorf("%d cues, diagnostics %+v", len(doc.Cues), doc.Diagnostics)
	}
}
