package webvtt

import (
	"fmt"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/gen"
)

// snapshot prints what a read document holds: cues with their display
// lines and spans, and diagnostics.
func snapshot(text string) string {
	d := Read(text)
	s := fmt.Sprintf("%+v\n%+v", d.Cues, d.Diagnostics)
	d.Recycle()
	return s
}

// A document's arrays (cues, line index, display lines) go to the next
// file read: a file read after a larger one, and again after a smaller
// one, must read exactly as it read the first time.
func TestReadAfterRecycledDocuments(t *testing.T) {
	large := string(gen.EpisodeBytes(gen.EpisodeOptions{Seed: 3, Format: "vtt", Language: "de"}))
	small := "WEBVTT\r\n\r\n1\r\n00:00:01.000 --> 00:00:02.000\r\n<i>Erste Zeile</i>\r\n- Zweite &amp; <b>dritte</b>\r\n\r\n" +
		"2\r\n00:00:03.000 --> 00:00:04.500\r\nEine Zeile\r\n\r\n" +
		"x\r\n00:00:05.000 --> 00:00:06.000\r\n\r\n"
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
