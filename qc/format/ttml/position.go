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
	// nextLF and nextCR are the first '\n' and '\r' at or after pos
	// (len(src) when there is none), searched for again only once pos has
	// passed them: each byte is looked at a bounded number of times even in
	// a file whose line ends are all lone CRs.
	nextLF, nextCR int
}

func newLineTracker(src string) lineTracker {
	t := lineTracker{src: src, line: 1}
	t.nextLF, t.nextCR = t.find('\n', 0), t.find('\r', 0)
	return t
}

// find returns the first c at or after from, or len(src).
func (t *lineTracker) find(c byte, from int) int {
	if i := strings.IndexByte(t.src[from:], c); i >= 0 {
		return from + i
	}
	return len(t.src)
}

// at returns the line holding byte off and the offset where that line starts.
func (t *lineTracker) at(off int) (line, lineStart int) {
	if off > len(t.src) {
		off = len(t.src)
	}
	for t.pos < off {
		if t.nextLF < t.pos {
			t.nextLF = t.find('\n', t.pos)
		}
		if t.nextCR < t.pos {
			t.nextCR = t.find('\r', t.pos)
		}
		i := min(t.nextLF, t.nextCR)
		if i >= off {
			t.pos = off
			break
		}
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
