package ttml

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// The id set answers as a map does, for ids that are pieces of the source
// and ids that are copies (as references make them), through growth, with
// repeats, and for the empty id.
func TestIDSetAgreesWithAMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 7))
	var b strings.Builder
	for i := 0; i < 3000; i++ {
		fmt.Fprintf(&b, "c%d ", rng.IntN(2000))
	}
	src := b.String()
	words := strings.Fields(src)        // pieces of src
	s := newIDSet(src, 4, new(scratch)) // small: it has to grow
	want := map[string]int{}
	dups := 0
	for line, w := range words {
		id := w
		if line%3 == 0 {
			id = strings.Clone(w) // not in src
		}
		if line%500 == 0 {
			id = ""
		}
		got := s.add(id, line+1)
		first, seen := want[id]
		if !seen {
			want[id] = line + 1
		} else {
			dups++
		}
		if got != first {
			t.Fatalf("add(%q) at line %d = %d, want %d", id, line+1, got, first)
		}
	}
	if dups == 0 || len(want) < 500 || len(s.slots) <= 16 {
		t.Fatalf("%d ids, %d repeats, %d slots: the test did not exercise the set", len(want), dups, len(s.slots))
	}
}

// A reader's buffers pass to the next document: one read after another, a
// document reads as it does alone, and the ids of the one before are not
// taken for duplicates.
func TestDocumentsReadOneAfterAnotherAreIndependent(t *testing.T) {
	a := doc(``, ``, `<div><p xml:id="c1" begin="1s" end="2s">one<br/>two</p><p xml:id="c2" begin="3s" end="4s">three</p></div>`)
	b := doc(``, ``, `<div><p xml:id="c2" begin="1s" end="2s">four</p><p xml:id="c1" begin="3s" end="4s">five <span tts:fontStyle="italic">six</span></p></div>`)
	alone := fmt.Sprintf("%+v", Read(b))
	for i := 0; i < 3; i++ {
		Read(a)
		if got := fmt.Sprintf("%+v", Read(b)); got != alone {
			t.Fatalf("read after another document:\n%s\nalone:\n%s", got, alone)
		}
	}
	if d := Read(b); len(d.Diagnostics) != 0 || len(d.Cues) != 2 || d.Cues[1].Lines[0].Text != "five six" {
		t.Fatalf("%+v", d)
	}
}

// A set made in the buffers of an earlier one starts empty: left-over
// slots would fill the table and no probe would ever end.
func TestIDSetFromUsedBuffersIsEmpty(t *testing.T) {
	sc := new(scratch)
	old := newIDSet("c1 c2 c3", 64, sc)
	for i := 0; i < 40; i++ {
		old.add(fmt.Sprint("id", i), i+1)
	}
	sc.ids = old.slots[:0]
	s := newIDSet("c1", 64, sc)
	for i, sl := range s.slots {
		if sl.hash != 0 {
			t.Fatalf("slot %d of a new set is in use: %+v", i, sl)
		}
	}
	if &s.slots[0] != &old.slots[0] {
		t.Fatal("the buffers were not reused")
	}
}

// Buffers are kept for the next document only up to maxKeptBytes each,
// whatever their element size: those of a 10,000-cue film are kept, those
// of a document ten times that size are not.
func TestBoundedKeepsOnlyModestBuffers(t *testing.T) {
	cases := []struct {
		what string
		got  bool // kept
		want bool
	}{
		{"line records of 10,000 cues", bounded(make([]lineRec, 3, 20_000)) != nil, true},
		{"line records of 100,000 cues", bounded(make([]lineRec, 0, 200_000)) != nil, false},
		{"line counts of 100,000 cues", bounded(make([]int32, 0, 100_000)) != nil, true},
		{"id table of 2^15 slots", bounded(make([]idSlot, 0, 1<<15)) != nil, true},
		{"id table of 2^16 slots", bounded(make([]idSlot, 0, 1<<16)) != nil, false},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: kept %v, want %v", c.what, c.got, c.want)
		}
	}
	if got := bounded(make([]lineRec, 3, 20_000)); len(got) != 0 || cap(got) != 20_000 {
		t.Errorf("a kept buffer is not emptied with its room: len %d cap %d", len(got), cap(got))
	}
}
