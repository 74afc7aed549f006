package ssa

import "testing"

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
