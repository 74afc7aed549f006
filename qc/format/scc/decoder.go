package scc

import (
	"github.com/exportqc/exportqc/qc/cue"
)

// mode is the caption style the decoder is in.
type mode uint8

const (
	modeNone    mode = iota // nothing selected yet
	modePopOn               // RCL: text goes to non-displayed memory
	modeRollUp              // RU2-RU4: text goes to the base row on screen
	modePaintOn             // RDC: text goes straight to the screen
	modeText                // TR/RTD: text service data, not captions
)

var modeNames = [...]string{"", "pop-on", "roll-up", "paint-on", "text"}

// decoder is a CEA-608 channel 1 decoder that turns what becomes visible on
// screen into cues. It follows the displayed memory as a real decoder would,
// so that what it reports is what a viewer sees.
type decoder struct {
	doc        *cue.Document
	mems       [2]memory
	disp, nond *memory

	// owner[r] is the index in doc.Cues of the open cue showing row r, or -1.
	owner      [gridRows + 1]int
	meta       []cueMeta
	paintCue   int   // open paint-on cue, or -1
	paintEpoch int32 // epoch in which paintCue was opened

	mode     mode
	depth    int // roll-up rows
	base     int // roll-up base row
	row, col int // cursor
	style    cue.Style

	nondLoaded bool // text written to non-displayed memory since it was last shown or erased
	nondLine   int
	nondOffset int64
	tooMany    bool  // C002 already reported for what is on screen
	epoch      int32 // paint-on epoch: counts RDC codes

	dataChan int    // caption channel that character pairs belong to (1 = CC1)
	lastCtrl uint16 // last control code executed, for the doubling rule

	// where we are
	frame  int64
	line   int
	offset int64 // offset of the current line
	wordAt int64 // offset of the current word

	stats   stats
	bad     badWords
	buf     []byte
	scratch [3][]byte
}

func newDecoder() *decoder {
	d := &decoder{
		doc:      &cue.Document{Format: "scc", FrameRate: Rate, TimePrecision: framePeriod},
		paintCue: -1,
		row:      gridRows,
		dataChan: 1,
	}
	d.disp, d.nond = &d.mems[0], &d.mems[1]
	for i := range d.owner {
		d.owner[i] = -1
	}
	return d
}

// word executes one two-byte word, sent in frame d.frame.
func (d *decoder) word(w uint16) {
	b1, b2 := byte(w>>8), byte(w)
	d.checkParity(b1)
	d.checkParity(b2)
	b1 &= 0x7F
	b2 &= 0x7F
	switch {
	case b1 == 0 && b2 == 0:
		// Padding. It also separates two sends of a control code: only
		// back-to-back repeats are redundant copies.
		d.lastCtrl = 0
		return
	case b1 >= 0x10 && b1 <= 0x1F:
		d.control(w, b1, b2)
		return
	}
	d.lastCtrl = 0
	if b1 != 0 && b1 < 0x10 {
		d.bad.add(d, w, "XDS or undefined byte in field 1 data")
		return
	}
	if d.dataChan != 1 || d.mode == modeText {
		d.otherData()
		return
	}
	if b1 >= 0x20 {
		d.char(standardChar(b1))
	}
	switch {
	case b2 >= 0x20:
		d.char(standardChar(b2))
	case b2 != 0:
		d.bad.add(d, w, "control byte in a character pair")
	}
}

// control executes a control-code pair (first byte 0x10-0x1F).
func (d *decoder) control(w uint16, b1, b2 byte) {
	if b2 < 0x20 {
		d.lastCtrl = 0
		d.bad.add(d, w, "second byte of a control code below 0x20")
		return
	}
	code := uint16(b1)<<8 | uint16(b2)
	if code == d.lastCtrl {
		// Control codes are sent twice in a row so that one lost in
		// transmission does no harm; the copy is not executed again.
		d.lastCtrl = 0
		return
	}
	d.lastCtrl = code
	base := b1 &^ 0x08
	switch {
	case base == 0x15 && b2 < 0x30:
		// Miscellaneous control codes with 0x15/0x1D belong to field 2
		// (CC3/CC4): not ours.
		d.dataChan = 3
		d.otherData()
		return
	case b1&0x08 != 0:
		d.dataChan = 2
		d.otherData()
		return
	}
	d.dataChan = 1
	switch {
	case b2 >= 0x40:
		d.pac(base, b2)
	case base == 0x11 && b2 >= 0x30:
		d.special(b2)
	case base == 0x11:
		d.midRow(b2)
	case base == 0x12:
		d.extended(extendedChars12[b2-0x20])
	case base == 0x13:
		d.extended(extendedChars13[b2-0x20])
	case base == 0x14 && b2 < 0x30:
		d.misc(w, b2)
	case base == 0x17 && b2 >= 0x21 && b2 <= 0x23:
		d.tab(int(b2 - 0x20))
	case base == 0x17 && (b2 >= 0x24 && b2 <= 0x2A || b2 >= 0x2D):
		// Character-set designations and the optional black-foreground /
		// transparent-background attributes: no effect on the text.
	case base == 0x10 && b2 < 0x30:
		// Optional background colour attributes: no effect on the text.
	default:
		d.bad.add(d, w, "undefined control code")
	}
}

// pacRows maps the first byte (low three bits) and bit 5 of the second byte
// of a preamble address code to its row; 0 marks the one undefined pair.
var pacRows = [8][2]int{
	{11, 0}, {1, 2}, {3, 4}, {12, 13}, {14, 15}, {5, 6}, {7, 8}, {9, 10},
}

// pac executes a preamble address code: row, indent and style for what follows.
func (d *decoder) pac(base, b2 byte) {
	r := pacRows[base&7][(b2>>5)&1]
	if r == 0 {
		d.diagWord(CodeBadRowPlacement, "preamble address code names no row (0x10 with a second byte 0x60-0x7F)")
		return
	}
	a := b2 & 0x1F
	var st cue.Style
	if a&1 != 0 {
		st |= cue.Underline
	}
	indent := 0
	if a < 0x10 {
		if a>>1 == 7 {
			st |= cue.Italic
		}
	} else {
		indent = int((a-0x10)>>1) * 4
	}
	if d.mode == modeRollUp {
		d.moveBase(r)
		r = d.base
	}
	d.row, d.col, d.style = r, indent, st
}

// midRow executes a mid-row code: it takes a column (shown as a space) and
// changes the style of what follows. A colour code ends italics.
func (d *decoder) midRow(b2 byte) {
	a := b2 - 0x20
	st := d.style &^ cue.Underline
	if a&1 != 0 {
		st |= cue.Underline
	}
	if a>>1 == 7 {
		st |= cue.Italic
	} else {
		st &^= cue.Italic
	}
	// The space keeps only the styles on both sides of it, so that a styled
	// run does not swallow the gap where the style changes.
	d.write(cell{r: ' ', st: d.style & st, kind: cellAttr})
	d.style = st
}

func (d *decoder) special(b2 byte) {
	if b2 == transparentSpace {
		d.write(cell{kind: cellClear})
		return
	}
	d.char(specialChars[b2-0x30])
}

// extended writes an extended character over the one before it.
func (d *decoder) extended(r rune) {
	d.backspace()
	d.char(r)
}

func (d *decoder) misc(w uint16, b2 byte) {
	switch b2 {
	case 0x20: // RCL resume caption loading
		d.mode = modePopOn
	case 0x21: // BS backspace
		d.backspace()
	case 0x24: // DER delete to end of row
		if m := d.target(); m != nil && d.col < maxCols {
			d.erasing(m, d.col, maxCols)
			m[d.row].clearFrom(d.col)
		}
	case 0x25, 0x26, 0x27: // RU2, RU3, RU4
		d.rollUp(int(b2-0x25) + 2)
	case 0x29: // RDC resume direct captioning
		d.mode = modePaintOn
		d.epoch++
	case 0x2A, 0x2B: // TR text restart, RTD resume text display
		d.mode = modeText
	case 0x2C: // EDM erase displayed memory
		d.closeAll()
		d.disp.clear()
		d.tooMany = false
	case 0x2D: // CR carriage return
		d.carriageReturn()
	case 0x2E: // ENM erase non-displayed memory
		d.checkNeverShown("ENM erases it")
		d.nond.clear()
		d.nondLoaded = false
	case 0x2F: // EOC end of caption
		d.endOfCaption()
	case 0x22, 0x23, 0x28:
		// AOF/AON (reserved) and FON (flash on): nothing to show.
	default:
		d.bad.add(d, w, "undefined miscellaneous control code")
	}
}

// target is the memory that text goes to in the current mode.
func (d *decoder) target() *memory {
	switch d.mode {
	case modeNone:
		// Text before any RCL/RU/RDC: decoders start in pop-on, so the text
		// is loaded, and reported as never shown unless an EOC follows.
		d.mode = modePopOn
		return d.nond
	case modePopOn:
		return d.nond
	case modeRollUp, modePaintOn:
		return d.disp
	}
	return nil
}

func (d *decoder) char(r rune) { d.write(cell{r: r, st: d.style, kind: cellText}) }

// write puts a cell at the cursor and advances it. Past the grid the cursor
// stops at maxCols and further cells overwrite the last kept column.
func (d *decoder) write(c cell) {
	m := d.target()
	if m == nil {
		return
	}
	col := d.col
	if col >= maxCols {
		col = maxCols - 1
	}
	if m == d.nond {
		if c.kind == cellText && !d.nondLoaded {
			d.nondLoaded, d.nondLine, d.nondOffset = true, d.line, d.wordAt
		}
		m[d.row].put(col, c)
	} else {
		if d.mode == modePaintOn {
			old := m[d.row].c[col]
			if old.kind == cellText && old.r != ' ' && (c.kind != cellText || c.r != old.r) && !d.ownCell(old) {
				d.changing(d.row)
			}
		}
		if c.kind == cellText {
			d.showing(d.row)
		}
		if d.mode == modePaintOn {
			c.epoch = d.epoch
		}
		m[d.row].put(col, c)
		if c.kind == cellText && d.mode == modePaintOn {
			d.checkRows(d.paintCue)
		}
	}
	if d.col < maxCols {
		d.col++
	}
}

func (d *decoder) backspace() {
	if d.col == 0 {
		return
	}
	d.col--
	if m := d.target(); m != nil && d.col < maxCols {
		d.erasing(m, d.col, d.col+1)
		m[d.row].put(d.col, cell{})
	}
}

// erasing is called before columns [from, to) of the cursor row are erased:
// a paint-on edit that removes text already on screen changes the caption.
func (d *decoder) erasing(m *memory, from, to int) {
	if d.mode != modePaintOn || m != d.disp {
		return
	}
	rw := &m[d.row]
	for i := from; i < to && i < rw.n; i++ {
		if c := rw.c[i]; c.kind == cellText && c.r != ' ' && !d.ownCell(c) {
			d.changing(d.row)
			return
		}
	}
}

func (d *decoder) tab(n int) {
	d.col += n
	if d.col > maxCols {
		d.col = maxCols
	}
}

// rollUp enters roll-up mode with n rows, or changes the depth.
func (d *decoder) rollUp(n int) {
	if d.mode != modeRollUp {
		// Entering roll-up from another mode erases both memories.
		d.checkNeverShown("a roll-up code erases it")
		d.closeAll()
		d.disp.clear()
		d.nond.clear()
		d.nondLoaded, d.tooMany = false, false
		d.mode, d.depth, d.base = modeRollUp, n, gridRows
		d.row, d.col, d.style = gridRows, 0, 0
		return
	}
	if n < d.depth {
		// Rows above the smaller window are erased.
		for r := max(1, d.base-d.depth+1); r < d.base-n+1; r++ {
			if o := d.owner[r]; o >= 0 {
				d.close(o)
			}
			d.disp[r].clear()
		}
	}
	d.depth = n
}

// carriageReturn scrolls the roll-up window up one row.
func (d *decoder) carriageReturn() {
	if d.mode != modeRollUp {
		return // CR only means something in roll-up (and text) mode
	}
	top := max(1, d.base-d.depth+1)
	if o := d.owner[top]; o >= 0 {
		d.close(o) // the top row scrolls off
	}
	for r := top; r < d.base; r++ {
		d.disp[r] = d.disp[r+1]
		d.owner[r] = d.owner[r+1]
	}
	d.disp[d.base].clear()
	d.owner[d.base] = -1
	d.row, d.col, d.style = d.base, 0, 0
}

// moveBase moves the roll-up window, with what it shows, so that its base
// is row r.
func (d *decoder) moveBase(r int) {
	if r == d.base {
		return
	}
	if r < d.depth {
		d.diagWord(CodeBadRowPlacement, "roll-up base row "+itoa(r)+" leaves no room for "+itoa(d.depth)+" rows")
	}
	top := max(1, d.base-d.depth+1)
	n := d.base - top + 1
	delta := r - d.base
	var rows [4]row
	var owners [4]int
	for k := 0; k < n; k++ {
		if top+k+delta < 1 {
			if o := d.owner[top+k]; o >= 0 {
				d.close(o) // pushed off the top of the screen
			}
		}
	}
	for dst := max(1, top+delta); dst <= r; dst++ {
		if (dst < top || dst > d.base) && d.owner[dst] >= 0 {
			d.close(d.owner[dst])
		}
	}
	for k := 0; k < n; k++ {
		rows[k], owners[k] = d.disp[top+k], d.owner[top+k]
		d.disp[top+k].clear()
		d.owner[top+k] = -1
	}
	for dst := max(1, top+delta); dst <= r; dst++ {
		d.disp[dst].clear()
		d.owner[dst] = -1
	}
	for k := 0; k < n; k++ {
		if dst := top + k + delta; dst >= 1 {
			d.disp[dst], d.owner[dst] = rows[k], owners[k]
		}
	}
	d.base = r
}

// endOfCaption swaps the memories: the loaded caption appears.
func (d *decoder) endOfCaption() {
	d.closeAll()
	d.disp, d.nond = d.nond, d.disp
	d.nondLoaded, d.tooMany = false, false
	d.mode = modePopOn
	if d.disp.rowsWithText() == 0 {
		return
	}
	i := d.open(modePopOn, 0)
	for r := 1; r <= gridRows; r++ {
		if d.disp[r].vis > 0 {
			d.owner[r] = i
		}
	}
	// A pop-on caption is complete when it appears: take its text now.
	d.snapshot(i)
	d.checkRows(i)
}

func itoa(v int) string { return string(appendInt(nil, v)) }
