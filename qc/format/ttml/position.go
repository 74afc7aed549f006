package ttml

import "strings"

// lineTracker maps byte offsets to 1-based line numbers. Offsets only grow
// while a document is read, so it counts line breaks incrementally: the
// whole file is scanned once however many elements ask. LF, CRLF and a lone
// CR each end a line, as for cue.LineScanner, so line numbers mean the
// same thing in every reader.
type lineTracker struct {
	src       string
	pos       int // bytes before pos are counted
	line      int
	lineStart int
}

func newLineTracker(src string) lineTracker { return lineTracker{src: src, line: 1} }

// at returns the line holding byte off and the offset where that line starts.
func (t *lineTracker) at(off int) (line, lineStart int) {
	if off > len(t.src) {
		off = len(t.src)
	}
	for t.pos < off {
		i := strings.IndexAny(t.src[t.pos:off], "\r\n")
		if i < 0 {
			t.pos = off
			break
		}
		i += t.pos
		if t.src[i] == '\r' && i+1 < len(t.src) && t.src[i+1] == '\n' {
			i++ // CRLF: the LF ends the line
		}
		if i >= off {
			// The CR of a CRLF is before off but its LF is not: the line
			// has not ended yet at off.
			t.pos = off
			break
		}
		t.line++
		t.lineStart = i + 1
		t.pos = i + 1
	}
	return t.line, t.lineStart
}
