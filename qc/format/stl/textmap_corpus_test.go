package stl

import (
	"bytes"
	"math/rand/v2"
	"os"
	"testing"
	"unicode/utf8"
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

// An edit placed through MapLines, written into the text
// field with its padding adjusted (as the text fixes do) and read again,
// gives exactly the intended row: on corpus single-block subtitles (about
// 100 a file, seeded choice), one character is replaced by 'X' and 'X' is
// inserted elsewhere.
func TestCorpusMappedEditsReadBack(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 15))
	edits := 0
	for _, path := range corpusSTLFiles(t) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		cct, ok := CodeTable(data)
		doc := Read(data)
		if !ok {
			continue
		}
		for i, c := range doc.Cues {
			if !c.TextSrc.Valid() || len(c.Lines) == 0 || rng.IntN(len(doc.Cues)) >= 100 {
				continue
			}
			field := data[c.TextSrc.From:c.TextSrc.To]
			used := bytes.IndexByte(field, 0x8F)
			if used < 0 || bytes.Count(field[used:], []byte{0x8F}) != len(field)-used {
				continue // bytes after the padding: the fixes decline these
			}
			lines := MapLines(field, cct)
			k := rng.IntN(len(lines))
			l := lines[k]
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
				text := append(append(append([]byte(nil), field[:from]...), 'X'), field[to:used]...)
				if len(text) > len(field) {
					continue
				}
				edits++
				text = append(text, bytes.Repeat([]byte{0x8F}, len(field)-len(text))...)
				edited := append(append(append([]byte(nil), data[:c.TextSrc.From]...), text...), data[c.TextSrc.To:]...)
				again := Read(edited)
				want := l.Text[:a] + "X" + l.Text[b:]
				got := again.Cues[i].Lines
				if len(got) != len(c.Lines) || got[k].Text != want {
					t.Errorf("%s subtitle %s row %d: %q → %v, want %q", path, c.ID, k, l.Text, got, want)
					continue
				}
				for j := range got {
					if j != k && got[j].Text != c.Lines[j].Text {
						t.Errorf("%s subtitle %s: row %d changed too: %q", path, c.ID, j, got[j].Text)
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
