package stl

import (
	"os"
	"testing"
)

// MapLines reads every corpus single-block subtitle's text field as the
// reader does, so text fixes can be placed in it.
func TestCorpusMapLinesAgrees(t *testing.T) {
	subtitles := 0
	for _, path := range corpusSTLFiles(t) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		cct, ok := CodeTable(data)
		if !ok {
			continue
		}
		for _, c := range Read(data).Cues {
			if !c.TextSrc.Valid() {
				continue
			}
			subtitles++
			lines := MapLines(data[c.TextSrc.From:c.TextSrc.To], cct)
			if len(lines) != len(c.Lines) {
				t.Errorf("%s subtitle %s: %d mapped lines, %d read", path, c.ID, len(lines), len(c.Lines))
				continue
			}
			for k := range lines {
				if lines[k].Text != c.Lines[k].Text {
					t.Errorf("%s subtitle %s line %d: mapped %q, read %q", path, c.ID, k, lines[k].Text, c.Lines[k].Text)
				}
			}
		}
	}
	if subtitles == 0 {
		t.Fatal("no single-block subtitle in the corpus")
	}
	t.Logf("%d single-block subtitles map as read", subtitles)
}
