package srt

import (
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
