package ssa

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// Every corpus event's TextSrc is where its Text field is written, and
// MapLines gives its lines as read: text fixes are placed there.
func TestCorpusTextSrc(t *testing.T) {
	events := 0
	for _, e := range assManifest(t) {
		text := decodeForTest(t, e)
		doc := Read(text)
		for _, c := range doc.Cues {
			events++
			if got := text[c.TextSrc.From:c.TextSrc.To]; got != c.Raw {
				t.Errorf("%s cue %d: TextSrc holds %q, the Text field is %q", e.Path, c.Index, got, c.Raw)
				continue
			}
			lines := MapLines(c.Raw)
			if len(c.Lines) == 0 {
				continue
			}
			if len(lines) != len(c.Lines) {
				t.Errorf("%s cue %d: %d mapped lines, %d read", e.Path, c.Index, len(lines), len(c.Lines))
				continue
			}
			for k := range lines {
				if lines[k].Text != c.Lines[k].Text {
					t.Errorf("%s cue %d line %d: mapped %q, read %q", e.Path, c.Index, k, lines[k].Text, c.Lines[k].Text)
				}
			}
		}
	}
	if events == 0 {
		t.Fatal("no corpus events")
	}
}

// An edit placed through MapLines, written into the script and read
// again, gives exactly the intended line: on corpus events (about 25 a
// file, seeded choice), one character is replaced by 'X' and 'X' is
// inserted elsewhere, and the re-read event's lines are the original
// lines with that change and nothing else.
func TestCorpusMappedEditsReadBack(t *testing.T) {
	if testing.Short() {
		t.Skip("re-reads a script per edit")
	}
	rng := rand.New(rand.NewPCG(15, 15))
	edits := 0
	for _, e := range assManifest(t) {
		text := decodeForTest(t, e)
		doc := Read(text)
		for i, c := range doc.Cues {
			if len(c.Lines) == 0 || rng.IntN(len(doc.Cues)) >= 25 {
				continue
			}
			lines := MapLines(c.Raw)
			k := rng.IntN(len(lines))
			l := lines[k]
			if l.Text == "" {
				continue
			}
			var starts []int
			for j := range l.Text {
				starts = append(starts, j)
			}
			a := starts[rng.IntN(len(starts))]
			_, n := utf8.DecodeRuneInString(l.Text[a:])
			for _, b := range []int{a + n, a} { // a replacement, an insertion
				from, to, ok := l.Place(a, b)
				if !ok {
					continue
				}
				edits++
				at := int(c.TextSrc.From)
				again := Read(text[:at+from] + "X" + text[at+to:])
				want := l.Text[:a] + "X" + l.Text[b:]
				if len(again.Cues) != len(doc.Cues) {
					t.Fatalf("%s cue %d: %d cues after the edit, %d before", e.Path, c.Index, len(again.Cues), len(doc.Cues))
				}
				got := again.Cues[i].Lines
				if len(got) != len(c.Lines) || got[k].Text != want {
					t.Errorf("%s cue %d line %d: %q → %v, want %q", e.Path, c.Index, k, l.Text, got, want)
					continue
				}
				for j := range got {
					if j != k && got[j].Text != c.Lines[j].Text {
						t.Errorf("%s cue %d: line %d changed too: %q", e.Path, c.Index, j, got[j].Text)
					}
				}
			}
		}
	}
	if edits == 0 {
		t.Fatal("no edit placed")
	}
	t.Logf("%d edits read back as intended", edits)
}
