package ttml

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/format/textpos"
)

// MapLines reads every corpus paragraph as the reader does: its lines, in
// one of the two xml:space modes, are the reader's, so text fixes can be
// placed in them. The exceptions are ruby (the reader shows the base, not
// the annotation), where the map differs and no fix is placed.
func TestCorpusMapLinesAgrees(t *testing.T) {
	total, mapped := 0, 0
	for _, rel := range corpusTTML(t) {
		text, doc := readCorpus(t, rel)
		for _, c := range doc.Cues {
			if len(c.Lines) == 0 || !c.TextSrc.Valid() {
				continue
			}
			total++
			src := text[c.TextSrc.From:c.TextSrc.To]
			if _, ok := mapAsRead(src, c.Lines); ok {
				mapped++
				continue
			}
			if !strings.Contains(text, "ruby") {
				t.Errorf("%s cue %d: MapLines does not give the reader's lines %q from %q", rel, c.Index, c.Text(), src)
			}
		}
	}
	if total == 0 {
		t.Fatal("no corpus paragraph with text")
	}
	t.Logf("%d of %d paragraphs map as read", mapped, total)
}

// mapAsRead is MapLines in the xml:space mode whose lines are want.
func mapAsRead(src string, want []cue.Line) ([]textpos.Line, bool) {
	for _, preserve := range []bool{false, true} {
		lines, ok := MapLines(src, preserve)
		if !ok || len(lines) != len(want) {
			continue
		}
		same := true
		for k := range lines {
			same = same && lines[k].Text == want[k].Text
		}
		if same {
			return lines, true
		}
	}
	return nil, false
}

// An edit placed through MapLines, written into the document and read
// again, gives exactly the intended line: on corpus paragraphs that map
// (about 100 a file, seeded choice), one character is replaced by '&'
// (written as an entity) and 'X' is inserted elsewhere, and the re-read
// cue's lines are the original lines with that change and nothing else.
func TestCorpusMappedEditsReadBack(t *testing.T) {
	if testing.Short() {
		t.Skip("re-reads a document per edit")
	}
	rng := rand.New(rand.NewPCG(15, 15))
	edits, refused := 0, 0
	for _, rel := range corpusTTML(t) {
		text, doc := readCorpus(t, rel)
		for i, c := range doc.Cues {
			if len(c.Lines) == 0 || !c.TextSrc.Valid() || rng.IntN(len(doc.Cues)) >= 100 {
				continue
			}
			lines, ok := mapAsRead(text[c.TextSrc.From:c.TextSrc.To], c.Lines)
			if !ok {
				continue
			}
			k := rng.IntN(len(lines))
			l := lines[k]
			if l.Text == "" {
				continue
			}
			starts := runeStarts(l.Text)
			for _, e := range []struct {
				a, b int
				s    string
			}{
				{starts[rng.IntN(len(starts)-1)], 0, "&"}, // b: the rune's end, below
				{starts[rng.IntN(len(starts))], -1, "X"},  // an insertion
			} {
				if e.b == 0 {
					_, n := utf8.DecodeRuneInString(l.Text[e.a:])
					e.b = e.a + n
				} else {
					e.b = e.a
				}
				from, to, ok := l.Place(e.a, e.b)
				if !ok {
					refused++
					continue
				}
				edits++
				at := int(c.TextSrc.From)
				edited := text[:at+from] + EscapeText(e.s) + text[at+to:]
				again := Read(edited)
				if len(again.Cues) != len(doc.Cues) {
					t.Fatalf("%s cue %d: %d cues after the edit, %d before", rel, c.Index, len(again.Cues), len(doc.Cues))
				}
				want := l.Text[:e.a] + e.s + l.Text[e.b:]
				got := again.Cues[i].Lines
				if len(got) != len(c.Lines) || got[k].Text != want {
					t.Errorf("%s cue %d line %d: %q → %q, want %q", rel, c.Index, k, l.Text, (&cue.Cue{Lines: got}).Text(), want)
					continue
				}
				for j := range got {
					if j != k && got[j].Text != c.Lines[j].Text {
						t.Errorf("%s cue %d: line %d changed too: %q", rel, c.Index, j, got[j].Text)
					}
				}
			}
		}
	}
	t.Logf("%d edits read back as intended; %d refused (a space standing for white space around a tag, or written as a reference)", edits, refused)
}

// runeStarts lists where each rune of s starts, and len(s).
func runeStarts(s string) []int {
	var out []int
	for i := range s {
		out = append(out, i)
	}
	return append(out, len(s))
}
