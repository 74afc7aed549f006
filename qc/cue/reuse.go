package cue

import "sync"

// Documents are recycled from file to file: a worker checks its files one
// after another, and a file's document (its cues, their display order) is
// garbage once the file's findings are made, so the next file can have its
// arrays instead of new ones (the cues of a 700-cue episode are ~150 KB).
//
// A reader opts in by making its document with NewDocument and its cues
// with MakeCues; the engine hands every document back with Recycle once
// the file is checked. Only a document made by NewDocument is taken back:
// any other is left to the collector, so a reader that has not opted in
// works as before. Strings taken from a document stay valid after it is
// recycled: they point into the text read, never into the document's
// arrays. Its cues' Lines slices, though, are carved from the document's
// line block (AllocLines) and are recycled with it, as the cues are.

var documents = sync.Pool{New: func() any { return new(Document) }}

// NewDocument returns an empty Document for a reader to fill, with the
// arrays of a recycled one when there is one.
func NewDocument() *Document {
	d := documents.Get().(*Document)
	d.recyclable = true
	return d
}

// MakeCues empties d.Cues and makes room for n cues, in the array d has
// when it is large enough; the room is zero, as NewCue needs it.
func (d *Document) MakeCues(n int) {
	if cap(d.Cues) >= n {
		d.Cues = d.Cues[:0] // zeroed by Recycle, or never used
		return
	}
	d.Cues = make([]Cue, 0, n)
}

// ReserveCues makes room for n cues in all, keeping the cues d holds (a
// reader that made some before it knew how many to expect); the room is
// zero, as NewCue needs it.
func (d *Document) ReserveCues(n int) {
	if cap(d.Cues) >= n {
		return
	}
	grown := make([]Cue, len(d.Cues), n)
	copy(grown, d.Cues)
	d.Cues = grown
}

// Recycle hands d back for a later NewDocument when NewDocument made it
// (else it does nothing). Nothing may use d, its cues or pointers to them
// afterwards.
func (d *Document) Recycle() {
	if d == nil || !d.recyclable {
		return
	}
	// Emptied and zeroed, so that the pool holds memory, not the file's
	// strings and pointers. Only what was used needs clearing: the room
	// beyond len is zero already (readers fill it with NewCue and append,
	// and whoever shrinks Cues clears or cuts off what it drops), and a
	// large file's arrays kept for many small ones would otherwise be
	// cleared whole after each.
	// The line index, the span block and the line bytes hold no
	// pointers: they need no clearing.
	clear(d.Cues)
	clear(d.displayed)
	clear(d.Diagnostics)
	clear(d.lineBlock)
	*d = Document{Cues: d.Cues[:0], Diagnostics: d.Diagnostics[:0], displayed: d.displayed[:0],
		lineSpans: d.lineSpans[:0], lineMarks: d.lineMarks[:0], lineArrows: d.lineArrows[:0], lineBlock: d.lineBlock[:0], spanBlock: d.spanBlock[:0],
		lineBytes: d.lineBytes[:0]}
	documents.Put(d)
}

// IndexLines is the package's IndexLines in the array of a recycled
// document (a 700-cue episode has ~2,800 lines). Only a document without
// one counts the lines first to size it: a recycled array is used as it
// is, and the split's append grows it in the rare file with more lines
// than the last one read, which costs less than a pass counting the line
// ends of every file. The index is the reader's scratch: it must not be
// used once d is recycled.
func (d *Document) IndexLines(src string) LineIndex {
	if cap(d.lineSpans) == 0 {
		d.lineSpans = make([]lineSpan, 0, countLines(src))
	}
	x := indexLinesInto(d.lineSpans[:0], d.lineMarks[:0], src)
	d.lineSpans, d.lineMarks = x.lines[:0], x.marks[:0]
	return x
}

// ReserveLines makes room in d for n display lines, which AllocLines then
// carves out: the room of a recycled document when it is large enough.
func (d *Document) ReserveLines(n int) {
	if cap(d.lineBlock)-len(d.lineBlock) < n {
		d.lineBlock = make([]Line, 0, n)
	}
}

// minLineBlock is the smallest block of display lines AllocLines makes
// when the room reserved runs out.
const minLineBlock = 512

// maxLineBlock is the largest block AllocLines doubles to (2.5 MB): the
// lines of a feature film's subtitles several times over, and no more
// room left unused than that in a file beyond.
const maxLineBlock = 1 << 16

// AllocLines returns n zero display lines for a cue of d, carved from its
// block (its capacity clipped, so appending to one never overwrites
// another). A full block is replaced, not grown: the lines already carved
// stay where they are; Recycle keeps the last block only. The new block
// is twice as large as the full one (up to maxLineBlock), so that a
// reader that reserves no room (it cannot know how many lines come)
// reaches a block that holds a whole file after a few, and keeps it for
// the next file. Only the used part of a block is ever written, so its
// room stays zero as NewCue's.
func (d *Document) AllocLines(n int) []Line {
	if cap(d.lineBlock)-len(d.lineBlock) < n {
		d.lineBlock = make([]Line, 0, max(minLineBlock, n, min(2*cap(d.lineBlock), maxLineBlock)))
	}
	k := len(d.lineBlock)
	d.lineBlock = d.lineBlock[:k+n]
	return d.lineBlock[k : k+n : k+n]
}

// minSpanBlock is the smallest block of spans AppendSpans makes.
const minSpanBlock = 256

// AppendSpans returns a copy of spans for a display line of d, carved
// from its block of spans (its capacity clipped), which is recycled with
// d as its display lines are: a file's styled lines then cost no
// allocation once a document of its size has been recycled. A full block
// is replaced, not grown; spans already carved stay where they are.
func (d *Document) AppendSpans(spans []Span) []Span {
	n := len(spans)
	if cap(d.spanBlock)-len(d.spanBlock) < n {
		d.spanBlock = make([]Span, 0, max(minSpanBlock, n, 2*cap(d.spanBlock)))
	}
	k := len(d.spanBlock)
	d.spanBlock = append(d.spanBlock, spans...)
	return d.spanBlock[k : k+n : k+n]
}

// LineBytes returns n zero bytes for a reader to note something per line
// of its file (the SRT reader: what each line is), in the array of a
// recycled document when it is large enough. Like the line index, they
// are the reader's scratch, not to be used once d is recycled.
func (d *Document) LineBytes(n int) []byte {
	if cap(d.lineBytes) < n {
		d.lineBytes = make([]byte, n)
		return d.lineBytes
	}
	d.lineBytes = d.lineBytes[:n]
	clear(d.lineBytes) // a byte per line: cheap beside the split
	return d.lineBytes
}
