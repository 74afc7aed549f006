package langcheck

import "github.com/exportqc/exportqc/qc/cue"

// textLines are the display lines G002 judges, read only as far as its
// verdict needs them. A correctly declared file is settled by its first
// sample, which is its first few dozen lines (measureEnough's words come
// from the first dozen, and the first sample kept starts at line 0), so
// listing every line of the file first (TextLines) was a walk of all its
// cues, and a slice of all its lines to clear afterwards, for nothing.
// The lines are read in order, so what has been read is always a prefix.
type textLines struct {
	n    int      // the lines of the text, all told
	read []string // the first of them, as many as asked for so far
	// more appends lines to read until it has to of them (nil: read
	// holds all n).
	more func(read []string, to int) []string
}

// allLines are lines already listed.
func allLines(lines []string) *textLines { return &textLines{n: len(lines), read: lines} }

func (tl *textLines) len() int { return tl.n }

// upTo is the first to lines.
func (tl *textLines) upTo(to int) []string {
	if to > len(tl.read) {
		tl.read = tl.more(tl.read, to)
	}
	return tl.read[:to]
}

// line is line i; reading in order, lines are read ahead in growing
// batches.
func (tl *textLines) line(i int) string {
	if i >= len(tl.read) {
		tl.upTo(min(tl.n, max(i+1, 2*len(tl.read), 16)))
	}
	return tl.read[i]
}

// cueLines reads a document's display lines (those of DocumentLines) in
// order, from where it stopped.
type cueLines struct {
	doc       *cue.Document
	cue, line int // the next line to read
}

func (r *cueLines) appendTo(out []string, to int) []string {
	for len(out) < to && r.cue < len(r.doc.Cues) {
		c := &r.doc.Cues[r.cue]
		if c.Comment || r.line >= len(c.Lines) {
			r.cue, r.line = r.cue+1, 0
			continue
		}
		out = append(out, c.Lines[r.line].Text)
		r.line++
	}
	return out
}
