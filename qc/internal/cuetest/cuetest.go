// Package cuetest holds the test helpers that the readers of cue-based
// formats (SRT, WebVTT) share: expected-cue tables, the shared-corpus
// loops, the differential test against go-astisub and the benchmark input.
// The readers differ; what a test checks of a Document does not.
package cuetest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exportqc/exportqc/qc/cue"
)

// Ms is n milliseconds.
func Ms(n int64) cue.Time { return cue.Time(n) * cue.Millisecond }

// Want is one expected cue. It is an alias of an unnamed struct so that
// the tests' tables can stay positional ({"1", 1, Ms(1000), ...}): vet
// asks for field names only in literals of another package's named type.
type Want = struct {
	ID         string
	Line       int
	Start, End cue.Time
	Text       string
}

// Check fails the test unless doc comes from the reader of format, is
// millisecond-precise, and holds exactly the cues ws, numbered from 1.
func Check(t *testing.T, format, name string, doc *cue.Document, ws []Want) {
	t.Helper()
	if doc.Format != format || doc.TimePrecision != cue.Millisecond {
		t.Errorf("%s: format %q precision %d", name, doc.Format, doc.TimePrecision)
	}
	if len(doc.Cues) != len(ws) {
		t.Fatalf("%s: %d cues, want %d: %+v\ndiagnostics: %+v", name, len(doc.Cues), len(ws), doc.Cues, doc.Diagnostics)
	}
	for i, w := range ws {
		c := doc.Cues[i]
		if c.Index != i+1 || c.ID != w.ID || c.Line != w.Line || c.Start != w.Start || c.End != w.End || c.Text() != w.Text {
			t.Errorf("%s: cue %d = {index %d id %q line %d %v --> %v %q}, want {id %q line %d %v --> %v %q}", name, i+1,
				c.Index, c.ID, c.Line, c.Start, c.End, c.Text(), w.ID, w.Line, w.Start, w.End, w.Text)
		}
	}
}

// DiagLines lists the lines of doc's diagnostics, in order.
func DiagLines(doc *cue.Document) []int {
	var out []int
	for _, d := range doc.Diagnostics {
		out = append(out, d.Line)
	}
	return out
}

// Timestamp writes msec as hh:mm:ss, sep and milliseconds: ',' for SRT,
// '.' for WebVTT.
func Timestamp(msec int64, sep byte) string {
	return fmt.Sprintf("%02d:%02d:%02d%c%03d", msec/3600000, msec/60000%60, msec/1000%60, sep, msec%1000)
}

// CRLFCues is how many cues CRLFText makes.
const CRLFCues = 1000

// CRLFText builds the input of the tests of CRLF line ends split by a
// 4096-byte boundary, where a reader that reads in 4 KiB blocks may lose
// a line end (go-astisub loses text there): header, then CRLFCues cues,
// cue i (from 1) timed from i×3 s for 2 s, its identifier and timing line
// from head, then two payload lines (CRLFCueText). The first payload line
// is padded so that some CRLF pairs fall across a boundary; the test
// fails if none does.
func CRLFText(t *testing.T, header string, head func(i int, start, end int64) string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(header)
	for i := 1; i <= CRLFCues; i++ {
		s := int64(i) * 3000
		fmt.Fprintf(&b, "%sLine one of cue %d%s\r\n<i>line two</i>\r\n\r\n", head(i, s, s+2000), i, crlfPadding(i))
	}
	text := b.String()
	straddles := 0
	for k := 4096; k < len(text); k += 4096 {
		if text[k-1] == '\r' && text[k] == '\n' {
			straddles++
		}
	}
	if straddles == 0 {
		t.Fatal("test input has no CRLF across a 4096-byte boundary; adjust the padding")
	}
	t.Logf("%d CRLF pairs straddle a 4096-byte boundary", straddles)
	return text
}

// CRLFCueText is the text cue i of CRLFText reads as: the padded first
// line and "line two", whose italics the caller checks.
func CRLFCueText(i int) string {
	return fmt.Sprintf("Line one of cue %d%s\nline two", i, crlfPadding(i))
}

func crlfPadding(i int) string { return strings.Repeat(".", i*7%13) }

// CountLines counts text's lines the way the readers number them (CR, LF
// and CRLF all end a line).
func CountLines(text string) int {
	n := 0
	for s := cue.NewLineScanner(text); s.Scan(); {
		n++
	}
	return n
}
