package markup

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// textProblemsByBytes is WebVTTTextProblems as a walk over every byte,
// counting lines as it goes (those within tags too): the definition the
// search must agree with.
func textProblemsByBytes(raw string) []Problem {
	var probs []Problem
	line := 1
	for i := 0; i < len(raw); i++ {
		switch raw[i] {
		case '\n':
			line++
			continue
		case '<':
		default:
			continue
		}
		end, stray := strayLessThan(raw, i)
		if stray {
			probs = append(probs, Problem{line, lostTextMessage(raw[i:end])})
		}
		line += strings.Count(raw[i:end], "\n") // a tag may span lines
		i = end - 1
	}
	return probs
}

// WebVTTTextProblems reports what a walk over every byte reports, on the
// lines it names: random payloads of tags, stray '<', '>', text and line
// breaks.
func TestWebVTTTextProblemsAsByBytes(t *testing.T) {
	pieces := []string{"<i>", "</i>", "<", ">", "a < b", "<3", "<00:01.000>", "<v Bob>", "<.x>", "\n", "\n", "text ",
		"é", "/", "<>", "< i>", "<c.yellow>", "x"}
	rng := rand.New(rand.NewPCG(14, 12))
	found := 0
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(16) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		raw := b.String()
		got, want := WebVTTTextProblems(raw), textProblemsByBytes(raw)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q:\n got %+v\nwant %+v", raw, got, want)
		}
		found += len(want)
	}
	if found < 2000 {
		t.Fatalf("only %d problems found: the payloads test little", found)
	}
}
