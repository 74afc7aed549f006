package scc

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/internal/testcorpus"
)

// FuzzRead checks that no input panics and that the document keeps its
// invariants: cues numbered in order with readable lines, spans inside their
// line on rune boundaries, diagnostics naming existing cues and lines.
func FuzzRead(f *testing.F) {
	for _, rel := range []string{
		"scc/pycaption-fixtures/pop_on.scc",
		"scc/pycaption-fixtures/roll_up_ru2.scc",
		"scc/pycaption-fixtures/multiple_formats.scc",
		"scc/pycaption-fixtures/with_extended_characters.scc",
		"scc/ttconv/paint-on.scc",
		"scc/ttconv/mix-rows-roll-up.scc",
	} {
		// Read directly: testcorpus.Path would skip the whole target,
		// inline seeds included, when the corpus is absent.
		p := filepath.Join(testcorpus.RepoRoot(f), "..", "shared", "corpus", filepath.FromSlash(rel))
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Add(sccFile(at("00:00:01;00", rcl, pac(15, 28), text("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), eoc), at("00:00:02;00", edm)))
	f.Add(sccFile(at("00:00:01:00", ru3, cr, pac(1, 0), text("x"), ru2, pac(15, 0), cr, text("y"), bs, der)))
	f.Add(sccFile(at("00:00:01:00", rdc, pac(14, 0), text("ab"), word(0x13, 0x30), rdc, pac(14, 0), text("cd"), edm)))
	f.Add("Scenarist_SCC V1.0\n\n99:99:99;99\t942x 1c2c 9420 9420 ffff 0101\n00:00:00:00")
	f.Fuzz(func(t *testing.T, src string) {
		doc := Read(src)
		lines := strings.Count(src, "\n") + strings.Count(src, "\r") + 1
		for i, c := range doc.Cues {
			if c.Index != i+1 || len(c.Lines) == 0 || c.Line < 1 || c.Line > lines {
				t.Fatalf("cue %d: index %d, %d lines, source line %d of %d", i+1, c.Index, len(c.Lines), c.Line, lines)
			}
			for _, l := range c.Lines {
				if l.Text == "" || !utf8.ValidString(l.Text) {
					t.Fatalf("cue %d: bad line %q", i+1, l.Text)
				}
				for _, s := range l.Spans {
					if s.Start < 0 || s.End > len(l.Text) || s.Start >= s.End ||
						!utf8.RuneStart(l.Text[s.Start]) || s.End < len(l.Text) && !utf8.RuneStart(l.Text[s.End]) {
						t.Fatalf("cue %d: span %v outside %q", i+1, s, l.Text)
					}
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
