// Package lineread holds what the line-based readers (SRT, WebVTT) share
// on top of cue.LineIndex: a capped list of diagnostics, and the byte
// ranges of a cue's timestamps and payload.
package lineread

import (
	"strconv"

	"github.com/exportqc/exportqc/qc/cue"
)

// MaxDiags caps the diagnostics of one file: a file that breaks on every
// line needs a few hundred examples, not a finding per line.
const MaxDiags = 500

// DiagCap lists a file's first MaxDiags diagnostics and counts the rest.
type DiagCap struct {
	// n counts the diagnostics met; from the first one not listed,
	// firstUnlisted and unlistedCue place the line that counts the rest.
	n, firstUnlisted, unlistedCue int
}

// Add reports msg at line i (0-based) of ix, about cue cueIndex (0: none),
// or only counts it once MaxDiags are listed.
func (d *DiagCap) Add(doc *cue.Document, ix *cue.LineIndex, i, cueIndex int, msg string) {
	d.n++
	switch {
	case d.n <= MaxDiags:
		doc.Diag(i+1, ix.Offset(i), cueIndex, msg)
	case d.n == MaxDiags+1:
		d.firstUnlisted = i
		d.unlistedCue = cueIndex
		if cueIndex == 0 {
			d.unlistedCue = len(doc.Cues)
		}
	}
}

// LastListed says whether the diagnostic Add met last was listed (not
// only counted), so a reader can class it.
func (d *DiagCap) LastListed() bool { return d.n <= MaxDiags }

// Close ends the list with the count of those left out and of all. It
// names the cue where the unlisted ones start, so that reports, which
// order a file's findings by cue, print it after the listed ones rather
// than at the top of the file.
func (d *DiagCap) Close(doc *cue.Document, ix *cue.LineIndex) {
	if n := d.n - MaxDiags; n > 0 {
		i := d.firstUnlisted
		doc.Diag(i+1, ix.Offset(i), d.unlistedCue, strconv.Itoa(n)+" more problems from here on are not listed ("+
			strconv.Itoa(d.n)+" in this file)")
		// The line stands for the n problems it counts, so that the
		// report's totals count every problem of the file.
		doc.Diagnostics[len(doc.Diagnostics)-1].More = n - 1
	}
}

// SetSources records where cue c's timestamps (the byte ranges startAt and
// endAt of line ti) and payload (lines from to to, exclusive) are written,
// for fixes that rewrite exactly those bytes.
func SetSources(c *cue.Cue, ix *cue.LineIndex, ti int, startAt, endAt [2]int, from, to int) {
	at := ix.Offset(ti)
	c.StartSrc = cue.Range{From: at + int64(startAt[0]), To: at + int64(startAt[1])}
	c.EndSrc = cue.Range{From: at + int64(endAt[0]), To: at + int64(endAt[1])}
	if to > from {
		c.TextSrc = cue.Range{From: ix.Offset(from), To: ix.Offset(to-1) + int64(len(ix.Text(to-1)))}
	}
}
