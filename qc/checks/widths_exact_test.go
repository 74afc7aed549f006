package checks

import (
	"math/rand/v2"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/format/srt"
	"github.com/exportqc/exportqc/qc/internal/gen"
	"github.com/exportqc/exportqc/qc/internal/testcorpus"
	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/textcount"
)

// sameWidths fails when a line's count as L001 and T005 take it
// (widths.line, the code points the line facts hold for most lines at
// weight 1) differs from textcount.Count's, or its bound (atMost) is
// below it; it returns how many lines the facts counted and how many
// there were.
func sameWidths(t *testing.T, what string, doc *cue.Document, weight float64) (exact, lines int) {
	t.Helper()
	var f rule.File
	f.Reset("a.srt")
	p := rule.NewPass(&rule.Rule{Code: "L001"}, &f, doc, nil, nil)
	w := lineWidths(p, weight)
	for i, c := range doc.Cues {
		for j, l := range c.Lines {
			want := textcount.Count(l.Text, weight)
			if got := w.line(p, i, j); got != want {
				t.Fatalf("%s, weight %v: cue %d line %d %q: count %v, textcount %v", what, weight, i+1, j+1, l.Text, got, want)
			}
			if most := w.atMost(p, i, j); w.bounded() && float64(most) < want {
				t.Fatalf("%s: cue %d line %d %q: bound %d below the count %v", what, i+1, j+1, l.Text, most, want)
			}
			if w.bounds(p)[int(w.first[i])+j]&exactBound != 0 {
				exact++
			}
			lines++
		}
	}
	return exact, lines
}

// Random lines of every script the text rules meet (marks, joiners,
// emoji, CR, broken UTF-8 among them), the generated episodes of the
// twelve languages with long lines seeded, and the corpus: each line's
// count is textcount's, at weight 1 and 0.5. Most generated lines must be
// counted by the facts, or the shortcut is not tested.
func TestLineCountsAreTextcounts(t *testing.T) {
	r := rand.New(rand.NewPCG(10, 1))
	for round := range 40 {
		doc := randomDoc(r, 80)
		for _, c := range []struct{ from, to string }{{"a", "a\r"}, {"é", "e\u0301"}} {
			// CR and combining marks, which the pieces lack, in some lines
			for i := range doc.Cues {
				if r.IntN(4) == 0 && len(doc.Cues[i].Lines) > 0 {
					doc.Cues[i].Lines[0].Text += c.to
				}
			}
		}
		sameWidths(t, "random lines", doc, 1)
		if round%4 == 0 {
			sameWidths(t, "random lines", doc, 0.5)
		}
	}
	for _, lang := range gen.Languages() {
		doc := srt.Read(string(gen.EpisodeBytes(gen.EpisodeOptions{Seed: 3, Format: "srt", Language: lang, Defects: denseDefects})))
		exact, lines := sameWidths(t, "generated "+lang, doc, 1)
		if exact < lines*3/4 { // Arabic has a mark on some lines
			t.Errorf("generated %s: %d of %d lines counted by the line facts", lang, exact, lines)
		}
		sameWidths(t, "generated "+lang, doc, 0.5)
	}
	for _, in := range testcorpus.Inputs(t) {
		if doc := corpusDoc(t, in); doc != nil {
			sameWidths(t, in.Rel, doc, 1)
			sameWidths(t, in.Rel, doc, 0.5)
		}
	}
}
