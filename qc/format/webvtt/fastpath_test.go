package webvtt

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/internal/cuetest"
)

// sameRead fails the test when reading text with cueBlock gives anything
// other than reading every block with block.
func sameRead(t *testing.T, name, text string) {
	t.Helper()
	fast, fastRegions := read(text, false)
	slow, slowRegions := read(text, true)
	switch {
	case !reflect.DeepEqual(fast.Cues, slow.Cues):
		for i := range min(len(fast.Cues), len(slow.Cues)) {
			if !reflect.DeepEqual(fast.Cues[i], slow.Cues[i]) {
				t.Fatalf("%s: cue %d\n fast %+v\n  all %+v", name, i+1, fast.Cues[i], slow.Cues[i])
			}
		}
		t.Fatalf("%s: %d cues, reading every block by block %d", name, len(fast.Cues), len(slow.Cues))
	case !reflect.DeepEqual(fast.Diagnostics, slow.Diagnostics):
		t.Fatalf("%s: diagnostics\n fast %+v\n  all %+v", name, fast.Diagnostics, slow.Diagnostics)
	case !reflect.DeepEqual(fastRegions, slowRegions) || fast.Language != slow.Language:
		t.Fatalf("%s: header read differently", name)
	}
}

// cueBlock reads the blocks it takes as block reads them: random files
// built of cue-like and odd lines (identifiers, bad timings, arrows in
// text, blank-ish lines, STYLE and REGION after the cues, NOTEs, NULs,
// markup, CRLF), and every WebVTT file of the corpus.
func TestCueBlockReadsAsBlock(t *testing.T) {
	pieces := []string{
		"00:00:01.000 --> 00:00:02.000", "00:00:01.000 --> 00:00:02.000 line:85% align:center",
		"01:02.500 --> 01:03.000", "00:00:05.000 --> 00:00:04.000", "00:00:01.000 --> bad", "a --> b",
		"id", "42", " ", "\t", "", "", "", "- Hello there.", "<i>styled</i> &amp; text", "x\x00y",
		"NOTE a comment", "STYLE", "REGION", "id:r1 width:40%", "Region: id=old", "text --> with arrow",
		"00:00:01.000 --> 00:00:02.000 region:r1", "00:00:01.000 --> 00:00:02.000 align:middle",
	}
	rng := rand.New(rand.NewPCG(14, 7))
	fastCues := 0
	for k := range 3000 {
		var b strings.Builder
		b.WriteString("WEBVTT\n\n")
		if k%5 == 0 {
			b.WriteString("REGION\nid:r1 width:40%\n\n")
		}
		eol := "\n"
		if k%4 == 0 {
			eol = "\r\n"
		}
		for range rng.IntN(40) {
			b.WriteString(pieces[rng.IntN(len(pieces))] + eol)
		}
		text := b.String()
		sameRead(t, strings.ReplaceAll(text, "\n", "⏎"), text)
		fastCues += len(Read(text).Cues)
	}
	if fastCues < 3000 {
		t.Fatalf("only %d cues in all: the files test little", fastCues)
	}
	files, _ := cuetest.CorpusFiles(t, "vtt")
	for _, f := range files {
		sameRead(t, f.Rel, f.Text)
	}
}
