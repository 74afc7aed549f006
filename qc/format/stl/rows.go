package stl

import (
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/cue"
)

// rowState is the text of the row being built, in the reader's arena.
type rowState struct {
	start     int  // arena offset of the row
	hasText   bool // a character has been written (leading spaces are skipped)
	softSpace bool // a teletext control code followed the last character
	style     cue.Style
	styleFrom int // arena offset where the current style run began
	spanLo    int // index of the row's first span
}

// decodeText decodes r.scratch (the subtitle's joined text fields) into
// rows appended to r.lines. It returns the first byte that has no character
// in the code table, or -1.
func (r *reader) decodeText() (undefined int) {
	undefined = -1
	sc := tfScanner{tf: r.scratch, cct: r.cct}
	row := rowState{start: len(r.arena), styleFrom: len(r.arena), spanLo: len(r.spans)}
	// Characters go to a local copy of the arena: appending to r.arena
	// itself would store its header back into the reader (a write barrier
	// whenever the collector runs) for every character. It is handed back
	// before the row helpers, which read and cut r.arena.
	arena := r.arena
	for {
		if n := plainRun(sc.tf[sc.pos:]); n > 0 {
			// Most of a text field is letters, digits and punctuation that
			// decode to themselves: appended as a run, as the tokChar case
			// below would append them one by one.
			if row.softSpace && arena[len(arena)-1] != ' ' {
				arena = append(arena, ' ')
			}
			row.softSpace = false
			row.hasText = true
			arena = append(arena, sc.tf[sc.pos:sc.pos+n]...)
			sc.pos += n
			continue
		}
		t, ok := sc.next()
		if !ok {
			break
		}
		switch t.kind {
		case tokChar:
			if t.r == undefinedRune && undefined < 0 {
				undefined = int(t.code)
			}
			if row.softSpace && arena[len(arena)-1] != ' ' {
				arena = append(arena, ' ')
			}
			row.softSpace = false
			row.hasText = true
			arena = utf8.AppendRune(arena, t.r)
			if t.r2 != 0 {
				arena = utf8.AppendRune(arena, t.r2)
			}
		case tokSpace:
			if row.hasText {
				arena = append(arena, ' ')
			}
			row.softSpace = false
		case tokTeletext:
			// A spacing attribute fills a cell: between two words it reads
			// as a space; at the row's ends it is padding.
			row.softSpace = row.hasText
		case tokStyle:
			var next cue.Style
			switch t.code {
			case 0x80:
				next = row.style | cue.Italic
			case 0x81:
				next = row.style &^ cue.Italic
			case 0x82:
				next = row.style | cue.Underline
			case 0x83:
				next = row.style &^ cue.Underline
			default:
				next = row.style // boxing: no cue.Style for it
			}
			if next != row.style {
				r.arena = arena
				r.closeStyleRun(&row)
				row.style = next
			}
		case tokNewline:
			r.arena = arena
			r.endRow(&row)
			arena = r.arena
		}
	}
	r.arena = arena
	r.endRow(&row)
	return undefined
}

// plainRun is the length of the run of bytes at the start of tf that are
// printable ASCII in every code table: 21h-7Eh but 24h, which CCT 00
// reads as the currency sign.
func plainRun(tf []byte) int {
	n := 0
	for n < len(tf) && tf[n] > 0x20 && tf[n] < 0x7F && tf[n] != 0x24 {
		n++
	}
	return n
}

// closeStyleRun records the current style run as a span.
func (r *reader) closeStyleRun(row *rowState) {
	end := len(r.arena)
	if row.style != 0 && end > row.styleFrom {
		r.spans = append(r.spans, spanRef{start: row.styleFrom, end: end, style: row.style})
	}
	row.styleFrom = end
}

// endRow keeps the row as a display line unless it has no text, trims its
// trailing padding, and starts the next row with the same style.
func (r *reader) endRow(row *rowState) {
	r.closeStyleRun(row)
	if !row.hasText {
		r.arena = r.arena[:row.start]
		r.spans = r.spans[:row.spanLo]
	} else {
		end := len(r.arena)
		for end > row.start && r.arena[end-1] == ' ' {
			end--
		}
		r.arena = r.arena[:end]
		// Clamp spans to the trimmed row and drop those left empty.
		kept := row.spanLo
		for _, sp := range r.spans[row.spanLo:] {
			sp.end = min(sp.end, end)
			if sp.end > sp.start {
				r.spans[kept] = sp
				kept++
			}
		}
		r.spans = r.spans[:kept]
		r.lines = append(r.lines, lineRef{start: row.start, end: end, spanLo: row.spanLo, spanHi: kept})
	}
	*row = rowState{start: len(r.arena), styleFrom: len(r.arena), spanLo: len(r.spans), style: row.style}
}
