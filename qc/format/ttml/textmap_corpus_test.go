package ttml

import (
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
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
			if mapsAsRead(src, c.Lines) {
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

func mapsAsRead(src string, want []cue.Line) bool {
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
			return true
		}
	}
	return false
}
