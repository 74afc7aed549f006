package scc

import (
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
)

// cueMeta is what the decoder tracks about a cue beside the cue itself.
type cueMeta struct {
	mode    mode
	row     int  // roll-up: the row the text appeared on
	snapped bool // text already taken (pop-on: at EOC)
	drop    bool // nothing readable was shown: not a cue
}

// open starts a cue at the current frame; Line is the SCC line holding the
// code that made it visible.
func (d *decoder) open(m mode, r int) int {
	i := len(d.doc.Cues)
	d.doc.Cues = append(d.doc.Cues, cue.Cue{
		Line: d.line, Offset: d.offset, Start: frameTime(d.frame), Region: modeNames[m],
		// Roll-up rows stay up while the next row is written below them:
		// overlapping in time is how roll-up captions work.
		MayOverlap: m == modeRollUp,
	})
	d.meta = append(d.meta, cueMeta{mode: m, row: r})
	return i
}

// showing is called before a character lands on screen in row r: roll-up
// text opens a cue per row, paint-on text joins the open paint-on cue (or
// starts one that takes over everything on screen, since the screen changed).
func (d *decoder) showing(r int) {
	switch d.mode {
	case modeRollUp:
		if d.owner[r] < 0 {
			d.owner[r] = d.open(modeRollUp, r)
		}
	case modePaintOn:
		if d.paintCue < 0 {
			d.closeAll()
			d.paintCue, d.paintEpoch = d.open(modePaintOn, r), d.epoch
			for i := 1; i <= gridRows; i++ {
				if d.disp[i].vis > 0 {
					d.owner[i] = d.paintCue
				}
			}
			d.owner[r] = d.paintCue
		} else if o := d.owner[r]; o != d.paintCue {
			if o >= 0 {
				d.close(o)
			}
			d.owner[r] = d.paintCue
		}
	}
}

// changing is called before a paint-on edit alters text painted before the
// last RDC: what is on screen becomes a new caption, so
// the cues showing the old one end and a paint-on cue takes over the screen.
func (d *decoder) changing(r int) {
	d.closeAll()
	d.paintCue, d.paintEpoch = d.open(modePaintOn, r), d.epoch
	for i := 1; i <= gridRows; i++ {
		if d.disp[i].vis > 0 {
			d.owner[i] = d.paintCue
		}
	}
}

// ownCell reports whether changing the cell leaves the open paint-on cue
// as it is: the cell was painted since the last RDC, or the open cue itself
// began in this epoch by painting over older text.
func (d *decoder) ownCell(c cell) bool {
	return c.epoch == d.epoch || d.paintCue >= 0 && d.paintEpoch == d.epoch
}

// close ends cue i at the current frame, taking its text from the screen if
// it was not taken yet, and frees its rows.
func (d *decoder) close(i int) {
	if !d.meta[i].snapped {
		d.snapshot(i)
	}
	c := &d.doc.Cues[i]
	c.End = frameTime(d.frame)
	for r := range d.owner {
		if d.owner[r] == i {
			d.owner[r] = -1
		}
	}
	if d.paintCue == i {
		d.paintCue = -1
	}
}

func (d *decoder) closeAll() {
	for r := 1; r <= gridRows; r++ {
		if o := d.owner[r]; o >= 0 {
			d.close(o)
		}
	}
}

// snapshot fills cue i's lines from the rows it owns, top to bottom, and
// checks each row against the 32-column grid.
func (d *decoder) snapshot(i int) {
	meta := &d.meta[i]
	meta.snapped = true
	c := &d.doc.Cues[i]
	n := 0
	for r := 1; r <= gridRows; r++ {
		if d.owner[r] == i && d.disp[r].vis > 0 {
			n++
		}
	}
	if n == 0 {
		meta.drop = true
		return
	}
	// Scratch buffers are reused from cue to cue: one allocation each for
	// the lines, Settings and Raw.
	c.Lines = make([]cue.Line, 0, n)
	rows := append(d.scratch[0][:0], "rows="...)
	cols := d.scratch[1][:0]
	raw := d.scratch[2][:0]
	buf := d.buf[:0]
	for r := 1; r <= gridRows; r++ {
		if d.owner[r] != i {
			continue
		}
		rw := &d.disp[r]
		rd, ok, b := rw.render(buf[:0])
		buf = b
		if !ok {
			continue
		}
		shownRow := r
		if meta.mode == modeRollUp {
			shownRow = meta.row
		}
		if len(c.Lines) > 0 {
			rows, cols, raw = append(rows, ','), append(cols, ','), append(raw, '\n')
		}
		c.Lines = append(c.Lines, rd.line)
		rows = appendInt(rows, shownRow)
		cols = appendInt(cols, rd.first)
		raw = rw.layout(raw, rd.last)
		d.checkWidth(i, shownRow, rd)
	}
	d.buf = buf
	d.scratch[0], d.scratch[1], d.scratch[2] = rows, cols, raw
	if len(c.Lines) == 0 {
		c.Lines = nil
		meta.drop = true
		return
	}
	rows = append(append(rows, " cols="...), cols...)
	d.scratch[0] = rows
	c.Settings = string(rows)
	c.Raw = string(raw)
}

// checkWidth reports a row wider than the grid (C001) or placed so that it
// runs past column 32 (C003).
func (d *decoder) checkWidth(i, r int, rd rendered) {
	width := rd.last - rd.first + 1
	c := &d.doc.Cues[i]
	switch {
	case width > gridCols:
		d.diag(CodeRowTooLong, c.Line, c.Offset, i+1,
			"row "+itoa(r)+" has "+itoa(width)+" characters; CEA-608 rows hold 32: "+quote(rd.line.Text))
	case rd.last >= gridCols:
		d.diag(CodeBadRowPlacement, c.Line, c.Offset, i+1,
			"row "+itoa(r)+" starts at column "+itoa(rd.first+1)+" and runs to column "+itoa(rd.last+1)+
				" of 32: "+quote(rd.line.Text))
	}
}

// checkRows reports more than four rows on screen, once per caption.
func (d *decoder) checkRows(i int) {
	if d.tooMany || i < 0 {
		return
	}
	if n := d.disp.rowsWithText(); n > 4 {
		d.tooMany = true
		c := &d.doc.Cues[i]
		d.diag(CodeTooManyRows, c.Line, c.Offset, i+1, itoa(n)+" rows displayed at once; CEA-608 allows 4")
	}
}

// checkNeverShown reports loaded pop-on text that is about to be lost
// (why says how) without an EOC having shown it.
func (d *decoder) checkNeverShown(why string) {
	if !d.nondLoaded {
		return
	}
	var text []string
	for r := 1; r <= gridRows; r++ {
		if rd, ok, b := d.nond[r].render(d.buf[:0]); ok {
			d.buf = b
			text = append(text, rd.line.Text)
		}
	}
	if len(text) == 0 {
		return
	}
	d.diag(CodeNeverShown, d.nondLine, d.nondOffset, 0,
		"caption loaded here is never displayed: "+why+" before an EOC shows it: "+quote(strings.Join(text, " / ")))
}

// finish closes what is still open at the end of the data and renumbers the
// cues, dropping those that showed nothing readable.
func (d *decoder) finish(endFrame int64) {
	d.frame = endFrame
	d.checkNeverShown("the file ends")
	for r := 1; r <= gridRows; r++ {
		o := d.owner[r]
		if o < 0 {
			continue
		}
		start := d.doc.Cues[o].Start
		d.close(o)
		if c := &d.doc.Cues[o]; !d.meta[o].drop {
			if c.End < start {
				c.End = start
			}
			d.diag(CodeNeverErased, c.Line, c.Offset, o+1,
				"caption is still displayed at the end of the file (no EDM); its end time is the end of the data")
		}
	}
	remap := make([]int, len(d.doc.Cues))
	j := 0
	for i := range d.doc.Cues {
		if d.meta[i].drop {
			continue
		}
		d.doc.Cues[j] = d.doc.Cues[i]
		d.doc.Cues[j].Index = j + 1
		remap[i] = j + 1
		j++
	}
	clear(d.doc.Cues[j:])
	d.doc.Cues = d.doc.Cues[:j]
	for k := range d.doc.Diagnostics {
		if c := d.doc.Diagnostics[k].Cue; c > 0 {
			d.doc.Diagnostics[k].Cue = remap[c-1]
		}
	}
}

func (d *decoder) diag(code string, line int, off int64, cueIdx int, msg string) {
	d.doc.Diagnostics = append(d.doc.Diagnostics, cue.Diagnostic{Rule: code, Line: line, Offset: off, Cue: cueIdx, Message: msg})
}

// diagWord reports at the current word.
func (d *decoder) diagWord(code, msg string) { d.diag(code, d.line, d.wordAt, 0, msg) }

func quote(s string) string {
	const max = 80
	if len(s) > max {
		cut := max
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut] + "…"
	}
	return "\"" + s + "\""
}
