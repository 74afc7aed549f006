package cuetest

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"testing"

	astisub "github.com/asticode/go-astisub"

	"github.com/exportqc/exportqc/qc/cue"
)

// DifferentialAstisub reads every file with read and with astiRead, the
// go-astisub reader of the same format, and compares cue count and times.
// A difference that known (corpus path → why, checked by hand) does not
// explain fails the test, and so does an entry of known that names no
// file; the table of differences is logged.
func DifferentialAstisub(t *testing.T, files []File, read func(string) *cue.Document,
	astiRead func(io.Reader) (*astisub.Subtitles, error), known map[string]string) {
	t.Helper()
	var table []string
	same := 0
	for _, f := range files {
		doc := read(f.Text)
		items, err := astisubCues(astiRead, f.Text)
		diff := compareAstisub(doc, items, err)
		if diff == "" {
			same++
			continue
		}
		reason, ok := known[f.Rel]
		table = append(table, fmt.Sprintf("| %s | %s | %s |", f.Rel, diff, reason))
		if !ok {
			t.Errorf("%s: undocumented difference from go-astisub: %s", f.Rel, diff)
		}
	}
	for rel := range known {
		found := false
		for _, f := range files {
			found = found || f.Rel == rel
		}
		if !found {
			t.Errorf("knownAstisubDifferences lists %s, which is not a readable corpus file", rel)
		}
	}
	sort.Strings(table)
	t.Logf("%d files agree with go-astisub on cue count and times; %d differ:\n| file | difference | reason |\n|---|---|---|\n%s",
		same, len(table), strings.Join(table, "\n"))
}

// astisubCues runs astiRead, turning its panics into errors: go-astisub
// panics on some inputs, and that is a difference to list, not a crash.
func astisubCues(astiRead func(io.Reader) (*astisub.Subtitles, error), text string) (items []*astisub.Item, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	subs, err := astiRead(strings.NewReader(text))
	if subs != nil {
		items = subs.Items
	}
	return items, err
}

func compareAstisub(doc *cue.Document, items []*astisub.Item, err error) string {
	var parts []string
	if err != nil {
		msg := err.Error()
		if len(msg) > 60 { // keep the table readable; cut at a rune boundary
			msg = strings.ToValidUTF8(msg[:60], "") + "…"
		}
		parts = append(parts, "astisub error: "+msg)
	}
	if len(items) != len(doc.Cues) {
		parts = append(parts, fmt.Sprintf("%d cues here, %d in astisub", len(doc.Cues), len(items)))
	}
	bad, first := 0, -1
	for i := 0; i < min(len(items), len(doc.Cues)); i++ {
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
