package checks

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"unsafe"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// A worker's File keeps the line facts' memory from file to file
// (textFactsOf through rule.Pass.Scratch). Files of every size, scanned one
// after another through one File, must get exactly the facts and tally a
// fresh scan gives: nothing of an earlier, larger file may show through.
func TestReusedLineFactsEqualFreshScan(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 14))
	var file rule.File
	var last *lineFacts // the previous file's facts array
	reused := 0
	for i := range 60 {
		doc := randomDoc(r, 1+r.IntN(200))
		for k := range doc.Cues {
			doc.Cues[k].Comment = r.IntN(9) == 0 // their lines are no text
		}
		file.Reset("episode.srt")
		p := rule.NewPass(nil, &file, doc, nil, nil)
		idx, got := textFactsOf(p)
		want := scanCues(doc)
		if !reflect.DeepEqual(idx, want.idx) || !reflect.DeepEqual(got.start, want.start) ||
			!reflect.DeepEqual(got.lines, want.lines) || got.all != want.all || !reflect.DeepEqual(got.tally, want.tally) {
			t.Fatalf("file %d: the facts scanned into reused memory differ from a fresh scan", i)
		}
		if at := unsafe.SliceData(got.lines); at == last {
			reused++
		} else {
			last = at
		}
	}
	if reused == 0 {
		t.Fatal("no file reused the facts' memory: the test proves nothing")
	}
}

// A file with more lines than a worker keeps facts for does not leave its
// arrays in the worker's File.
func TestHugeFileFactsAreNotKept(t *testing.T) {
	doc := &cue.Document{Cues: make([]cue.Cue, maxKeptLines+1)}
	for i := range doc.Cues {
		doc.Cues[i].Lines = []cue.Line{{Text: "x"}}
	}
	var file rule.File
	file.Reset("huge.srt")
	_, tf := textFactsOf(rule.NewPass(nil, &file, doc, nil, nil))
	if len(tf.lines) != len(doc.Cues) {
		t.Fatalf("%d lines' facts, want %d", len(tf.lines), len(doc.Cues))
	}
	file.Reset("next.srt")
	if cap(tf.lines) != 0 {
		t.Fatalf("the worker keeps %d lines' facts after a huge file", cap(tf.lines))
	}
}
