package checks

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// T004 and T006 read one list of gaps per file (gapsOf), kept in the
// worker's File from file to file. Each file, after larger and smaller
// ones, gets exactly the gaps of its own cues; after Reset the kept list
// points at no cue of the file it was made for.
func TestReusedGapsAreTheFilesOwn(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 17))
	var file rule.File
	var kept []gapPair
	total := 0
	for i := range 40 {
		doc := &cue.Document{}
		at := cue.Time(0)
		for k := range 1 + r.IntN(120) {
			at += cue.Time(r.IntN(3)) * cue.Second / 2 // sometimes no gap, sometimes overlapping
			c := cue.Cue{Index: k + 1, Start: at, End: at + cue.Time(1+r.IntN(3))*cue.Second/2}
			c.MayOverlap = r.IntN(15) == 0
			c.Comment = r.IntN(20) == 0
			doc.Cues = append(doc.Cues, c)
		}
		file.Reset("episode.srt")
		got := gapsOf(rule.NewPass(nil, &file, doc, nil, nil)).pairs
		if want := findGaps(nil, doc); !slices.Equal(got, want) {
			t.Fatalf("file %d: %d gaps from reused memory, %d from a fresh walk", i, len(got), len(want))
		}
		total += len(got)
		kept = got[:cap(got)]
	}
	if total == 0 {
		t.Fatal("no file had a gap: the test proves nothing")
	}
	file.Reset("")
	for k, g := range kept {
		if g.prev != nil || g.next != nil {
			t.Fatalf("after Reset the kept gaps still point at cues (pair %d)", k)
		}
	}
}
