package checks

import (
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// A rule's panic is recovered and the next rule runs on the same file. If
// the line facts fail while L001 takes the line bounds, T005 asking next
// must not be handed the bounds the worker's kept slice still holds from
// the file it checked before.
func TestLineBoundsAfterAFailedScanAreNotTheLastFiles(t *testing.T) {
	doc := func(text string) *cue.Document {
		return &cue.Document{Format: "srt", Cues: []cue.Cue{
			{Index: 1, Start: 0, End: cue.Second, Lines: cue.SplitLines(text)}}}
	}
	var f rule.File
	f.Reset("a.srt")
	p := rule.NewPass(&rule.Rule{Code: "L001"}, &f, doc("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), nil, nil)
	if got := lineWidths(p, 1).atMost(p, 0, 0); got != 77 {
		t.Fatalf("a.srt: bound %d, want 77", got)
	}

	f.Reset("b.srt")
	p = rule.NewPass(&rule.Rule{Code: "L001"}, &f, doc("日本語"), nil, nil)
	w := lineWidths(p, 1)
	p.Memo(textFactsKey{}, func() any { return "not line facts" }) // the scan fails
	func() {
		defer func() { _ = recover() }()
		w.atMost(p, 0, 0)
		t.Fatal("atMost read a memo that is not line facts without failing")
	}()
	f2 := rule.NewPass(&rule.Rule{Code: "T005"}, &f, p.Doc, nil, nil)
	func() {
		defer func() { _ = recover() }() // failing again is right; a stale bound is not
		if got := w.atMost(f2, 0, 0); got == 77 {
			t.Fatalf("b.srt after a failed scan: bound %d, a.srt's line", got)
		}
	}()
}
