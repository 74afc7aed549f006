package checks

import (
	"slices"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/pack"
)

// X005 passes over cues whose line facts rule out a leading dash: plain
// ASCII dialogue, with and without the space the pack forbids, must give
// the findings a full read gives, and some (the random lines of
// TestLineFactsChangeNoFinding seldom make an ASCII-only dashed cue).
func TestDialogueDashSkipsOnlyUndashedCues(t *testing.T) {
	lib, err := pack.Load(All())
	if err != nil {
		t.Fatal(err)
	}
	packs := map[string]*pack.Effective{}
	if packs["en"], err = lib.Resolve(pack.Request{Language: "en"}); err != nil {
		t.Fatal(err)
	}
	doc := &cue.Document{Format: "srt"}
	texts := [][]string{{"-Are you coming?", "-Yes."}, {"- Are you coming?", "- No."}, {"I waited.", "All night."},
		{"-Stop!", "He ran."}, {"- Alone", "on a line"}, {"Nothing", "here"}, {"– Dash", "– Dash"}}
	for i, lines := range texts {
		c := cue.Cue{Index: i + 1, Start: cue.Time(i) * cue.Second * 3, End: cue.Time(i)*cue.Second*3 + cue.Second*2}
		for _, l := range lines {
			c.Lines = append(c.Lines, cue.Line{Text: l})
		}
		doc.Cues = append(doc.Cues, c)
	}
	fast := runRule(t, packs, "X005", "en", "Show.en.srt", doc, false)
	full := runRule(t, packs, "X005", "en", "Show.en.srt", doc, true)
	if len(full) == 0 || !slices.Equal(fast, full) {
		t.Fatalf("with the line facts %q, reading every line %q", fast, full)
	}
}
