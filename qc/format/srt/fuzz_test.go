package srt

import (
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/internal/cuetest"
)

// FuzzRead checks that no input panics and that every Document keeps the
// reader's promises: sequential indexes, increasing lines, offsets at line
// starts, millisecond-exact times, one display line per payload line.
func FuzzRead(f *testing.F) {
	cuetest.AddSeeds(f, []string{"srt/androidx-media/typical_bad_timestamps.srt", "srt/androidx-media/typical_with_tags.srt",
		"srt/pysrt/capability_tester.srt", "srt/jellyfin/example2.srt", "srt/go-astisub/example-in-carriage-return.srt"},
		basic, strings.ReplaceAll(basic, "\n", "\r\n"), "", "\ufeff1\r00:00:01,000 --> 00:00:02,000\r<i>x</i>",
		"1\n00:00:01,000 --> 00:00:02,000\nHello\n\nworld\n\n2\n00:00:03,000 --> 00:00:04,000\nx", "1\n-->\n", "00:01 --> 00:02,5 X1:1\n{\\i1}a&amp;")
	f.Fuzz(func(t *testing.T, text string) {
		doc := Read(text)
		prev := 0
		for i, c := range doc.Cues {
			if c.Index != i+1 || c.Line <= prev {
				t.Fatalf("cue %d: index %d line %d after line %d", i+1, c.Index, c.Line, prev)
			}
			prev = c.Line
			if c.Offset < 0 || int(c.Offset) > len(text) || (c.Offset > 0 && c.Offset != 3 && text[c.Offset-1] != '\n' && text[c.Offset-1] != '\r') {
				t.Fatalf("cue %d: offset %d not at a line start", c.Index, c.Offset)
			}
			if c.Start%cue.Millisecond != 0 || c.End%cue.Millisecond != 0 {
				t.Fatalf("cue %d: times %d %d not whole milliseconds", c.Index, c.Start, c.End)
			}
			if c.Raw != "" && len(c.Lines) != strings.Count(c.Raw, "\n")+1 {
				t.Fatalf("cue %d: %d lines for raw %q", c.Index, len(c.Lines), c.Raw)
			}
			if c.Raw == "" && len(c.Lines) != 0 {
				t.Fatalf("cue %d: lines without payload", c.Index)
			}
		}
		lines := cuetest.CountLines(text)
		for _, d := range doc.Diagnostics {
			if d.Line < 1 || d.Line > lines || d.Message == "" || d.Cue < 0 || d.Cue > len(doc.Cues) {
				t.Fatalf("bad diagnostic %+v (%d lines, %d cues)", d, lines, len(doc.Cues))
			}
		}
	})
}
