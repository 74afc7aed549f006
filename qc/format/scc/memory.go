package scc

import (
	"strconv"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/cue"
)

const (
	gridRows = 15 // caption rows 1..15
	gridCols = 32 // columns 0..31 are on screen
	// maxCols is how far past the grid a row is kept. A decoder overwrites
	// column 31 once the cursor reaches it; we keep up to three grid widths
	// of what was sent so that a too-long row can be reported with its text,
	// and stop growing there so hostile input cannot grow memory.
	maxCols = 3 * gridCols
)

// cell kinds
const (
	cellEmpty = iota
	cellText  // a character (a transmitted space included)
	cellAttr  // a mid-row code: shown as a space, but it is not text
	cellClear // a transparent space: a gap that shows the video
)

type cell struct {
	r    rune
	st   cue.Style
	kind uint8
	// epoch is the paint-on epoch (one per RDC) that wrote the cell, 0 for
	// other writers: a paint-on caption correcting its own text is told apart
	// from a new one painted over what was already on screen.
	epoch int32
}

// row is one caption row. n is one past the highest column ever written
// since the row was last cleared; vis counts its text cells, so emptiness
// checks need no scan.
type row struct {
	c   [maxCols]cell
	n   int
	vis int
}

func (rw *row) put(col int, c cell) {
	old := rw.c[col].kind
	if old == cellText {
		rw.vis--
	}
	if c.kind == cellText {
		rw.vis++
	}
	rw.c[col] = c
	if col >= rw.n {
		rw.n = col + 1
	}
}

// clearFrom empties columns col and later.
func (rw *row) clearFrom(col int) {
	for i := col; i < rw.n; i++ {
		if rw.c[i].kind == cellText {
			rw.vis--
		}
		rw.c[i] = cell{}
	}
	if col < rw.n {
		rw.n = col
	}
}

func (rw *row) clear() { rw.clearFrom(0) }

// memory is a caption memory (displayed or non-displayed), rows 1..15.
type memory [gridRows + 1]row

func (m *memory) clear() {
	for i := range m {
		m[i].clear()
	}
}

func (m *memory) rowsWithText() int {
	n := 0
	for i := 1; i <= gridRows; i++ {
		if m[i].vis > 0 {
			n++
		}
	}
	return n
}

// rendered is a row as a viewer reads it.
type rendered struct {
	line cue.Line
	// first and last are the columns of the first and last characters shown.
	first, last int
}

// render turns a row into display text: from the first to the last text
// cell, trailing spaces dropped. Positioning before the text (indent, tab
// offsets, leading mid-row codes) is not text; gaps and mid-row codes between
// characters show as spaces, as they do on screen. ok is false for a row
// with nothing to read.
func (rw *row) render(buf []byte) (r rendered, ok bool, out []byte) {
	first, last := -1, -1
	for i := 0; i < rw.n; i++ {
		c := rw.c[i]
		if c.kind != cellText {
			continue
		}
		if first < 0 {
			first = i
		}
		if c.r != ' ' {
			last = i
		}
	}
	if last < 0 {
		return rendered{}, false, buf
	}
	// Leading transmitted spaces are kept: on a 608 screen a space is a
	// visible box of background, unlike an indent or a transparent space.
	start := len(buf)
	var spans []cue.Span
	spanStart, spanStyle := 0, cue.Style(0)
	for i := first; i <= last; i++ {
		c := rw.c[i]
		r, st := c.r, c.st
		if c.kind != cellText {
			r = ' '
		}
		if c.kind == cellEmpty || c.kind == cellClear {
			st = 0
		}
		pos := len(buf) - start
		if st != spanStyle {
			if spanStyle != 0 && pos > spanStart {
				spans = append(spans, cue.Span{Start: spanStart, End: pos, Style: spanStyle})
			}
			spanStart, spanStyle = pos, st
		}
		buf = utf8.AppendRune(buf, r)
	}
	if end := len(buf) - start; spanStyle != 0 && end > spanStart {
		spans = append(spans, cue.Span{Start: spanStart, End: end, Style: spanStyle})
	}
	return rendered{line: cue.Line{Text: string(buf[start:]), Spans: spans}, first: first, last: last}, true, buf
}

// layout renders the row from column 0, positioning as spaces: the form
// Cue.Raw keeps, so that indents stay visible in reports.
func (rw *row) layout(buf []byte, last int) []byte {
	for i := 0; i <= last && i < rw.n; i++ {
		c := rw.c[i]
		if c.kind == cellText {
			buf = utf8.AppendRune(buf, c.r)
		} else {
			buf = append(buf, ' ')
		}
	}
	return buf
}

func appendInt(b []byte, v int) []byte { return strconv.AppendInt(b, int64(v), 10) }
