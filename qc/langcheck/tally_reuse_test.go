package langcheck

import (
	"reflect"
	"testing"

	"github.com/exportqc/exportqc/qc/format/srt"
	"github.com/exportqc/exportqc/qc/internal/gen"
)

// One tally reset from file to file, as a worker keeps it (with the
// memory of its chunk cuts), gives G002 the verdicts a fresh tally does:
// generated episodes in every language, long and short, declared right
// and declared as another language, one after another.
func TestReusedTallyVerdictsAsFresh(t *testing.T) {
	var texts [][]string
	for k, lang := range gen.Languages() {
		for j, cues := range []int{700, 40, 3} {
			seed := uint64(3*k + j + 1) // texts differ from file to file, so stale cuts would show
			doc := srt.Read(string(gen.EpisodeBytes(gen.EpisodeOptions{Seed: seed, Format: "srt", Language: lang, Cues: cues})))
			texts = append(texts, DocumentLines(doc))
		}
	}
	reused, reported := NewTally(0), 0
	langs := gen.Languages()
	for round := range 2 {
		for i, lines := range texts {
			declared := langs[(i/3+round)%len(langs)] // round 1: every file declared as the next language
			reused.Reset(len(lines))
			for _, l := range lines {
				reused.Line(l)
			}
			got := detectMismatch(declared, allLines(lines), reused, DefaultMismatchOptions())
			want := detectMismatch(declared, allLines(lines), TallyLines(lines), DefaultMismatchOptions())
			if got != nil {
				reported++
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("file %d declared %s: reused tally %+v, fresh %+v", i, declared, got, want)
			}
		}
	}
	if reported < len(texts)/2 {
		t.Fatalf("%d of %d wrongly declared files reported: the test compares too few verdicts", reported, len(texts))
	}
}
