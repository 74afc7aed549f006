package srt

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	astisub "github.com/asticode/go-astisub"

	"github.com/exportqc/exportqc/qc/cue"
)

// knownAstisubDifferences explains, per corpus file, why go-astisub v0.45.0
// and this reader disagree on cue count or times. Every entry was checked
// by hand against the file; a difference not listed here fails the test.
var knownAstisubDifferences = map[string]string{
	"srt/androidx-media/typical_bad_timestamps.srt": "astisub aborts the file at the first unreadable timestamp (line 6, four " +
		"millisecond digits) and loses cue 3; we skip only that cue, with a diagnostic, and read on",
	"srt/androidx-media/typical_missing_timecode.srt": "astisub aborts at line 14 (a timing line with no start time); we skip " +
		"the three broken cues with diagnostics (the cue counts happen to match)",
	"srt/androidx-media/typical_negative_timestamps.srt": "astisub drops the minus sign of a negative hours field " +
		"(\"-0:00:04,567\" read as +4.567 s); we keep negative times so that the timing rules report them",
	"srt/subtitlesparser/The_Mentalist_-_3x11_-_Episode_11.fr.srt": "692 timing lines use a \"- >\" arrow: astisub takes " +
		"them for text and merges those cues into their neighbours; we read them and report the arrows once",
}

func astisubCues(text string) (items []*astisub.Item, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	subs, err := astisub.ReadFromSRT(strings.NewReader(text))
	if subs != nil {
		items = subs.Items
	}
	return items, err
}

func TestDifferentialAstisub(t *testing.T) {
	files, _ := corpusFiles(t)
	var table []string
	same := 0
	for _, f := range files {
		doc := Read(f.text)
		items, err := astisubCues(f.text)
		diff := compareAstisub(doc, items, err)
		if diff == "" {
			same++
			continue
		}
		reason, known := knownAstisubDifferences[f.rel]
		table = append(table, fmt.Sprintf("| %s | %s | %s |", f.rel, diff, reason))
		if !known {
			t.Errorf("%s: undocumented difference from go-astisub: %s", f.rel, diff)
		}
	}
	for rel := range knownAstisubDifferences {
		found := false
		for _, f := range files {
			found = found || f.rel == rel
		}
		if !found {
			t.Errorf("knownAstisubDifferences lists %s, which is not a readable corpus file", rel)
		}
	}
	sort.Strings(table)
	t.Logf("%d files agree with go-astisub on cue count and times; %d differ:\n| file | difference | reason |\n|---|---|---|\n%s",
		same, len(table), strings.Join(table, "\n"))
}

func compareAstisub(doc *cue.Document, items []*astisub.Item, err error) string {
	var parts []string
	if err != nil {
		parts = append(parts, "astisub error: "+clip(err.Error()))
	}
	if len(items) != len(doc.Cues) {
		parts = append(parts, fmt.Sprintf("%d cues here, %d in astisub", len(doc.Cues), len(items)))
	}
	n := min(len(items), len(doc.Cues))
	bad, first := 0, -1
	for i := 0; i < n; i++ {
		c := doc.Cues[i]
		if c.Start.Milliseconds() != items[i].StartAt.Milliseconds() || c.End.Milliseconds() != items[i].EndAt.Milliseconds() {
			if first < 0 {
				first = i
			}
			bad++
		}
	}
	if bad > 0 {
		c := doc.Cues[first]
		parts = append(parts, fmt.Sprintf("%d cues timed differently, first cue %d: %v --> %v here, %v --> %v in astisub", bad, first+1,
			c.Start, c.End, items[first].StartAt, items[first].EndAt))
	}
	return strings.Join(parts, "; ")
}
