package webvtt

import (
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/internal/cuetest"
)

// FuzzRead checks that no input panics and that every Document keeps the
// reader's promises: sequential indexes, increasing lines, offsets at line
// starts, millisecond-exact times, spans inside their lines, diagnostics on
// real lines, and settings that ParseSettings can read.
func FuzzRead(f *testing.F) {
	cuetest.AddSeeds(f, []string{"vtt/wpt-webvtt/file-parsing/settings-line.vtt", "vtt/wpt-webvtt/file-parsing/nulls.vtt",
		"vtt/wpt-webvtt/file-parsing/regions-regionanchor.vtt", "vtt/wpt-webvtt/cue-text-parsing/tags.vtt", "vtt/androidx-media/with_rubies.vtt",
		"vtt/go-astisub/example-in.vtt"},
		basic, strings.ReplaceAll(basic, "\n", "\r\n"), "", "WEBVTT", "\ufeffWEBVTT\r\rid\r00:01.000 --> 00:02.000 region:x\r<i>x",
		"WEBVTT\n\nREGION\nid:x\n\n00:00.000 --> 00:01.000 region:x line:0\na\n-->\nb", "NOTE\n00:00.000 --> 00:01.000\n\x00")
	f.Fuzz(func(t *testing.T, text string) {
		doc, regions := ReadWithRegions(text)
		ids := map[string]bool{}
		for _, rg := range regions {
			ids[rg.ID] = true
		}
		lines := cuetest.CountLines(text)
		prev := 0
		for i, c := range doc.Cues {
			if c.Index != i+1 || c.Line <= prev || c.Line > lines {
				t.Fatalf("cue %d: index %d line %d after line %d", i+1, c.Index, c.Line, prev)
			}
			prev = c.Line
			if c.Offset < 0 || int(c.Offset) > len(text) || (c.Offset > 0 && c.Offset != 3 && text[c.Offset-1] != '\n' && text[c.Offset-1] != '\r') {
				t.Fatalf("cue %d: offset %d not at a line start", c.Index, c.Offset)
			}
			if c.Start%cue.Millisecond != 0 || c.End%cue.Millisecond != 0 || c.Start < 0 || c.End < 0 {
				t.Fatalf("cue %d: times %d %d", c.Index, c.Start, c.End)
			}
			if strings.Contains(c.Raw, "-->") || strings.Contains(c.Raw, "\n\n") || strings.IndexByte(c.Raw, 0) >= 0 {
				t.Fatalf("cue %d: payload %q holds an arrow, a blank line or a NUL", c.Index, c.Raw)
			}
			for _, l := range c.Lines {
				for _, s := range l.Spans {
					if s.Start < 0 || s.End > len(l.Text) || s.Start >= s.End {
						t.Fatalf("cue %d: span %+v outside %q", c.Index, s, l.Text)
					}
				}
			}
			if c.Region != "" {
				if !ids[c.Region] {
					t.Fatalf("cue %d: region %q not defined", c.Index, c.Region)
				}
			}
			ParseSettings(c.Settings)
		}
		for _, d := range doc.Diagnostics {
			if d.Line < 1 || d.Line > max(lines, 1) || d.Message == "" || d.Cue < 0 || d.Cue > len(doc.Cues) {
				t.Fatalf("bad diagnostic %+v (%d lines, %d cues)", d, lines, len(doc.Cues))
			}
		}
	})
}
