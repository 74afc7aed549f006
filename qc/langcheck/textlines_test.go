package langcheck

import (
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// TextLines fills memory the worker's File keeps from file to file: each
// file gets its own lines (none of a longer earlier file's), and once the
// File is reset the kept memory holds no string of the file it read, which
// would keep that file's text alive in an idle worker.
func TestTextLinesReusedAcrossFiles(t *testing.T) {
	docOf := func(word string, n int) *cue.Document {
		doc := &cue.Document{}
		for i := range n {
			c := cue.Cue{Lines: []cue.Line{{Text: strings.Repeat(word, 1+i%3)}, {Text: word}}}
			c.Comment = i%7 == 3
			doc.Cues = append(doc.Cues, c)
		}
		return doc
	}
	var file rule.File
	var first []string
	for i, doc := range []*cue.Document{docOf("long ", 40), docOf("short ", 9), docOf("x", 0), docOf("again ", 25)} {
		file.Reset("f.srt")
		got := TextLines(rule.NewPass(nil, &file, doc, nil, nil))
		if want := DocumentLines(doc); !slices.Equal(got, want) {
			t.Fatalf("file %d: TextLines %q, want %q", i, got, want)
		}
		if i == 0 {
			first = got[:cap(got)]
		} else if len(got) > 0 && unsafe.SliceData(got) != unsafe.SliceData(first) {
			t.Fatalf("file %d: the lines were not kept in the first file's memory", i)
		}
	}
	file.Reset("")
	for k, s := range first {
		if s != "" {
			t.Fatalf("after Reset the kept lines still hold %q at %d", s, k)
		}
	}
}

// G002's lines read on demand (textLines over cueLines) are
// DocumentLines' lines, however they are asked for: one by one, as a
// piece's span, or all at once; comments and cues without lines skipped.
func TestCueLinesAreDocumentLines(t *testing.T) {
	for n := range 40 {
		doc := &cue.Document{}
		for i := range n {
			c := cue.Cue{Comment: i%5 == 2}
			for j := range (i * 7) % 4 {
				c.Lines = append(c.Lines, cue.Line{Text: strings.Repeat("w", i) + string(rune('a'+j))})
			}
			doc.Cues = append(doc.Cues, c)
		}
		want := DocumentLines(doc)
		lazy := func() *textLines {
			r := &cueLines{doc: doc}
			return &textLines{n: len(want), more: r.appendTo}
		}
		one := lazy()
		for i := range want {
			if got := one.line(i); got != want[i] {
				t.Fatalf("%d cues: line %d = %q, want %q", n, i, got, want[i])
			}
		}
		if got := lazy().upTo(len(want)); !slices.Equal(got, want) {
			t.Fatalf("%d cues: all lines %q, want %q", n, got, want)
		}
		if len(want) > 3 {
			span := lazy()
			span.line(0)
			if got := span.upTo(len(want) - 1)[2:]; !slices.Equal(got, want[2:len(want)-1]) {
				t.Fatalf("%d cues: a span %q, want %q", n, got, want[2:len(want)-1])
			}
		}
	}
}
