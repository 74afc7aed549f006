package cuetest

import (
	"fmt"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
)

// ReadAfterRecycled holds a reader that makes its documents with
// cue.NewDocument to reading each file as if first: a document's arrays
// (cues, line index, display lines) go to the next file read, so small
// read after large, large after small and small again must each read
// exactly as they did the first time (cues with their lines and spans,
// and diagnostics).
func ReadAfterRecycled(t *testing.T, read func(string) *cue.Document, large, small string) {
	t.Helper()
	snapshot := func(text string) string {
		d := read(text)
		s := fmt.Sprintf("%+v\n%+v", d.Cues, d.Diagnostics)
		d.Recycle()
		return s
	}
	first := snapshot(small)
	firstLarge := snapshot(large)
	if got := snapshot(small); got != first {
		t.Fatalf("read after a larger file:\n%s\nwant\n%s", got, first)
	}
	if got := snapshot(large); got != firstLarge {
		t.Fatal("the large file read after a smaller one differs from its first read")
	}
	if got := snapshot(small); got != first {
		t.Fatalf("read again:\n%s\nwant\n%s", got, first)
	}
}
