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
	words := strings.Fields(src) // pieces of src
	s := newIDSet(src, 4)        // small: it has to grow
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
