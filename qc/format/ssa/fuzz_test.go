package ssa

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

// FuzzRead checks that no input panics (the library's panics are recovered
// inside Read) and that the document keeps its invariants.
func FuzzRead(f *testing.F) {
	// Corpus seeds when the corpus is there; testcorpus.Dir would skip the
	// whole target, inline seeds included, when it is not.
	if _, err := os.Stat(filepath.Join(testcorpus.RepoRoot(f), "..", "shared", "corpus", "manifest.json")); err == nil {
		for _, e := range assManifest(f) {
			switch e.Path {
			case "ass/androidx-media/typical.ass", "ass/androidx-media/invalid_positioning.ass",
				"ass/androidx-media/style_primary_color.ass", "ass/go-astisub/example-in.ssa",
				"ass/jellyfin/example.ssa", "ass/javascriptsubtitlesoctopus/test.ass":
				f.Add(decodeForTest(f, e))
			}
		}
	}
	f.Add(script(dlg("0:00:01.00", "0:00:02.00", "*Default", `{\i1}a{\i0}\Nb{\p1}m 0 0{\p0}\h{`)))
	f.Add("[V4+ Styles]\nStyle: x\nFormat: Name\nStyle: a,b\n[Events]\nFormat: Text\nDialogue: t\n")
	f.Add("[Script Info]\nPlayResX: 1.5\nTimer: x\n[Events]\nFormat: Start,End,Text\nDialogue: 9:99:99.9999,0:0,x\n")
	f.Fuzz(func(t *testing.T, src string) {
		doc := Read(src)
		lines := strings.Count(src, "\n") + strings.Count(src, "\r") + 1
		for i, c := range doc.Cues {
			if c.Index != i+1 || c.Line < 1 || c.Line > lines || c.Offset < 0 || c.Offset > int64(len(src)) {
				t.Fatalf("cue %d: index %d line %d offset %d", i+1, c.Index, c.Line, c.Offset)
			}
			for _, l := range c.Lines {
				for _, s := range l.Spans {
					if s.Start < 0 || s.End > len(l.Text) || s.Start >= s.End {
						t.Fatalf("cue %d: span %v outside %q", i+1, s, l.Text)
					}
				}
				if utf8.ValidString(src) && !utf8.ValidString(l.Text) {
					t.Fatalf("cue %d: invalid UTF-8 %q from valid input", i+1, l.Text)
				}
			}
		}
		for _, d := range doc.Diagnostics {
			if d.Cue < 0 || d.Cue > len(doc.Cues) || d.Line < 0 || d.Line > lines || d.Offset < 0 || d.Offset > int64(len(src)) {
				t.Fatalf("diagnostic out of range: %+v", d)
			}
		}
	})
}
