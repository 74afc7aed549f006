package cue

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// readInto stands for a reader that opts in to recycled documents: it
// makes room for n cues and fills them in place, in reverse time order so
// that Displayed has to sort.
func readInto(n int, text string) *Document {
	d := NewDocument()
	d.Format = "test"
	d.MakeCues(n)
	for i := range n {
		c := d.NewCue()
		c.Index, c.Start, c.End = i+1, Time(n-i)*Second, Time(n-i)*Second+Second
		c.Lines = d.AllocLines(1)
		c.Lines[0].Text = text
	}
	d.Diag(1, 0, 0, "a diagnostic")
	return d
}

// A recycled document comes back empty, with zero room for its cues and
// its display order computed anew for its new cues.
func TestRecycledDocumentIsEmpty(t *testing.T) {
	for round := range 5 {
		n := 50 - round*10 // fewer cues each time: the room left over must be zero
		d := readInto(n, "round "+strconv.Itoa(round))
		if len(d.Diagnostics) != 1 || d.Format != "test" {
			t.Fatalf("round %d: %d diagnostics, format %q", round, len(d.Diagnostics), d.Format)
		}
		shown := d.Displayed()
		if len(shown) != n || shown[0].Index != n || shown[n-1].Index != 1 {
			t.Fatalf("round %d: displayed %d cues, first %d", round, len(shown), shown[0].Index)
		}
		for i := range d.Cues {
			if d.Cues[i].Lines[0].Text != "round "+strconv.Itoa(round) {
				t.Fatalf("round %d: cue %d holds %q", round, i+1, d.Cues[i].Lines[0].Text)
			}
		}
		if room := d.Cues[len(d.Cues):cap(d.Cues)]; len(room) > 0 && room[0].Index != 0 {
			t.Fatalf("round %d: the room beyond the cues is not zero", round)
		}
		d.Recycle()
		if len(d.Cues) != 0 || len(d.Diagnostics) != 0 || d.haveDisplayed || d.Format != "" {
			t.Fatalf("round %d: a recycled document is not empty", round)
		}
	}
}

// A document a reader made itself is not taken back: it may still be in
// use by whoever made it.
func TestRecycleLeavesOtherDocuments(t *testing.T) {
	d := &Document{Format: "srt", Cues: make([]Cue, 3)}
	d.Recycle()
	if d.Format != "srt" || len(d.Cues) != 3 {
		t.Fatal("Recycle emptied a document NewDocument did not make")
	}
	var none *Document
	none.Recycle() // a file that could not be read has no document
}

// Once warm, reading into recycled documents allocates nothing for the
// cues or their display order.
func TestRecycledDocumentsReuseTheirArrays(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool drop what it is given")
	}
	lines := []Line{{Text: "x"}}
	allocs := testing.AllocsPerRun(50, func() {
		d := NewDocument()
		d.MakeCues(700)
		for i := range 700 {
			c := d.NewCue()
			c.Index, c.Start, c.Lines = i+1, Time(700-i)*Second, lines
		}
		d.Displayed()
		d.Recycle()
	})
	if allocs >= 1 {
		t.Fatalf("%.1f allocations per 700-cue document", allocs)
	}
}

// Recycle clears only what a document used, so the rest of a recycled
// array must already be zero: after a large document and smaller ones in
// its arrays, every array is zero to its capacity.
func TestRecycleLeavesWholeArraysZero(t *testing.T) {
	for _, n := range []int{300, 20, 0, 150, 600, 5} { // 600: more lines than one block holds
		d := readInto(n, "n="+strconv.Itoa(n))
		d.Displayed()
		cues, shown, diags := d.Cues[:cap(d.Cues)], d.displayed[:cap(d.displayed)], d.Diagnostics[:cap(d.Diagnostics)]
		lines := d.lineBlock[:cap(d.lineBlock)]
		d.Recycle()
		for i := range lines {
			if lines[i].Text != "" {
				t.Fatalf("after %d cues: display line %d of the recycled block is not empty", n, i)
			}
		}
		for i := range cues {
			if cues[i].Index != 0 || cues[i].Lines != nil {
				t.Fatalf("after %d cues: cue %d of the recycled array is not zero", n, i)
			}
		}
		for i := range shown {
			if shown[i] != nil {
				t.Fatalf("after %d cues: display slot %d is not nil", n, i)
			}
		}
		for i := range diags {
			if diags[i].Message != "" {
				t.Fatalf("after %d cues: diagnostic %d is not zero", n, i)
			}
		}
	}
}

// A recycled document indexes each text as IndexLines does, whether its
// array from the last text has room for the new one's lines or must grow
// (it is no longer sized by counting the lines first).
func TestRecycledIndexGrowsAsNeeded(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 4))
	pieces := []string{"\n", "\r", "\r\n", "\n\n", "a", "<i>", "&amp;", "{\\an8}", "\x00", "\uFEFF", "text of a line ",
		"00:00:01,000 --> 00:00:02,000"}
	for round := range 300 {
		var b strings.Builder
		for range rng.IntN(20 << (round % 6)) { // sizes up and down, past the last array's room
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		src := b.String()
		d := NewDocument()
		got, want := d.IndexLines(src), IndexLines(src)
		if got.Len() != want.Len() || got.HasNUL() != want.HasNUL() {
			t.Fatalf("%q: %d lines (NUL %v), want %d (NUL %v)", src, got.Len(), got.HasNUL(), want.Len(), want.HasNUL())
		}
		for i := range want.Len() {
			if got.Text(i) != want.Text(i) || got.Offset(i) != want.Offset(i) || got.Plain(i, i+1) != want.Plain(i, i+1) {
				t.Fatalf("%q line %d: %q at %d plain %v, want %q at %d plain %v", src, i, got.Text(i), got.Offset(i),
					got.Plain(i, i+1), want.Text(i), want.Offset(i), want.Plain(i, i+1))
			}
		}
		d.Recycle()
	}
}

// ReserveCues makes more room without losing the cues already made (the
// SRT reader makes some before it knows how many the file has), and the
// new room is zero, as NewCue needs it.
func TestReserveCuesKeepsTheCues(t *testing.T) {
	d := NewDocument()
	d.MakeCues(2)
	for i := range 3 { // one more than the room made: NewCue grows the array
		c := d.NewCue()
		c.Index, c.Lines = i+1, d.AllocLines(1)
		c.Lines[0].Text = strconv.Itoa(i + 1)
	}
	d.ReserveCues(50)
	if cap(d.Cues) < 50 || len(d.Cues) != 3 {
		t.Fatalf("room %d for %d cues, want 50 for 3", cap(d.Cues), len(d.Cues))
	}
	for i, c := range d.Cues {
		if c.Index != i+1 || c.Lines[0].Text != strconv.Itoa(i+1) {
			t.Fatalf("cue %d came back as %d %q", i+1, c.Index, c.Lines[0].Text)
		}
	}
	for i, c := range d.Cues[3:cap(d.Cues)] {
		if c.Index != 0 || c.Lines != nil {
			t.Fatalf("room %d is not zero", i)
		}
	}
	d.Recycle()
}

// A reader that reserves no display lines gets blocks twice as large each
// time one is full, so that the last one, which Recycle keeps, holds at
// least half of a file's lines (and the next file's block all of them):
// a large file costs a few blocks, not one per 512 lines.
func TestUnreservedLineBlocksDouble(t *testing.T) {
	d := &Document{}
	blocks, last := 0, -1
	for range 100_000 {
		l := d.AllocLines(1)
		if k := cap(d.lineBlock); k != last {
			blocks, last = blocks+1, k
		}
		l[0].Text = "x"
	}
	if blocks > 10 || cap(d.lineBlock) < 50_000 || cap(d.lineBlock) > maxLineBlock {
		t.Fatalf("%d blocks, the last of %d lines, for 100,000 lines", blocks, cap(d.lineBlock))
	}
}
