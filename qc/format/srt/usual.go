package srt

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unsafe"

	"github.com/exportqc/exportqc/qc/cue"
)

// readUsual reads the cues at the start of a text without CRs for as long
// as they are written as nearly every file writes all of them:
//
//	a counter of 1 to 12 digits
//	HH:MM:SS,mmm --> HH:MM:SS,mmm    (to the byte; minutes, seconds < 60)
//	payload lines of text, none blank, none a counter or a timing line
//	blank lines (exactly empty), then the next counter or the file's end
//
// It builds each cue in one walk over its bytes, without the line index,
// the kind of each line and the parse over them that the general reading
// makes first (split, parse). At the first cue written any other way it
// stops, before making that cue, and returns the line (0-based) where the
// general reading goes on; done reports that the text ended instead.
// Every cue made here is the one the general reading makes of the same
// lines, with no diagnostic (the TestUsualReads...AsGeneral tests), and the general
// reading resumed at the line returned is in the state it would have
// reached by itself: no diagnostic, deviation or stray text counted yet.
func (r *reader) readUsual() (line int, done bool) {
	src := r.src
	n := len(src)
	p := 0 // where line starts
	if strings.HasPrefix(src, bom) {
		p = len(bom) // as the line index: the encoding layer reports it
	}
	marks := newMarkCursor(src)
	var ends [maxUsualLines]int // where each payload line ends
	for p < n && src[p] == '\n' {
		p++ // blank lines before the first cue
		line++
	}
	if p == n {
		return line, true
	}
	id := counterEnd(src, p) // where the counter at p ends (-1: no counter)
	for {
		if id < 0 || id == n {
			return line, false
		}
		counter, ti := p, id+1 // the counter and the timing line
		start, end, ok := canonicalTimes(src[ti:min(ti+canonicalLen, n)])
		if !ok || ti+canonicalLen < n && src[ti+canonicalLen] != '\n' {
			return line, false
		}
		// The payload: lines of text up to a blank line or the end.
		from := min(ti+canonicalLen+1, n)
		to := from // where its last line ends
		k := 0     // its lines
		for p = from; p < n && src[p] != '\n'; p = min(to+1, n) {
			to = lineEnd(src, p)
			if classify(src[p:to]) != kindText {
				return line, false
			}
			if k < maxUsualLines {
				ends[k] = to
			}
			k++
		}
		// What follows the payload's blank lines must end it, as the
		// general reading decides: the end, or a counter (the next cue's,
		// which the next round starts from).
		q := p
		for q < n && src[q] == '\n' {
			q++
		}
		next := -1
		if q < n {
			if next = counterEnd(src, q); next < 0 {
				return line, false
			}
		}
		if cap(r.doc.Cues) == 0 {
			// A new document: room for about as many cues as the
			// generated episodes' 70 bytes each make, growing as needed.
			// (Not before the first cue: a text that is no SRT has none.)
			r.doc.MakeCues(len(src)/64 + 1)
		}
		c := r.doc.NewCue()
		c.Index, c.ID, c.Line, c.Offset = len(r.doc.Cues), src[counter:id], line+1, int64(counter)
		c.Start, c.End = start, end
		c.StartSrc = cue.Range{From: int64(ti + canonicalStartAt[0]), To: int64(ti + canonicalStartAt[1])}
		c.EndSrc = cue.Range{From: int64(ti + canonicalEndAt[0]), To: int64(ti + canonicalEndAt[1])}
		if k > 0 {
			r.usualPayload(c, &marks, ends[:min(k, maxUsualLines)], from, to, k)
		}
		line += 2 + k + q - p // with the blank lines: one LF each
		if q == n {
			return line, true
		}
		p, id = q, next
	}
}

// maxUsualLines is how many payload line ends readUsual notes; a cue with
// more (rare) has its lines found again.
const maxUsualLines = 8

// usualPayload sets the payload of cue c, k lines from from to to (ends:
// where each ends, when k is at most maxUsualLines).
func (r *reader) usualPayload(c *cue.Cue, marks *markCursor, ends []int, from, to, k int) {
	raw := r.src[from:to]
	c.Raw = raw
	c.TextSrc = cue.Range{From: int64(from), To: int64(to)}
	if !marks.plain(from, to) {
		c.Lines = r.dec.Lines(raw)
		return
	}
	// Each line its own display text, as the decoder's IndexLines takes
	// a plain payload's lines.
	lines := r.doc.AllocLines(k)
	if len(ends) < k {
		ends = nil // found again below
	}
	a := from
	for i := range lines {
		e := to
		if ends != nil {
			e = ends[i]
		} else if j := strings.IndexByte(r.src[a:to], '\n'); j >= 0 {
			e = a + j
		}
		lines[i].Text = r.src[a:e]
		a = e + 1
	}
	c.Lines = lines
}

// lineEnd returns where the line at p ends: at its LF, or at the end of
// src. It tests eight bytes at a time without leaving the loop: on
// subtitle lines of 10 to 60 bytes a call of strings.IndexByte per line
// cost more.
func lineEnd(src string, p int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	base := unsafe.Pointer(unsafe.StringData(src)) // read only
	for ; p+8 <= len(src); p += 8 {
		y := binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(base, p))[:]) ^ '\n'*ones
		// The high bit of each LF byte (zero in y), and perhaps of bytes
		// after one (the subtraction's borrow): the lowest is an LF.
		if m := (y - ones) &^ y & highs; m != 0 {
			return p + bits.TrailingZeros64(m)>>3
		}
	}
	for ; p < len(src); p++ {
		if src[p] == '\n' {
			return p
		}
	}
	return len(src)
}

// counterEnd returns where the counter line at p ends (its LF, or the
// end of src) when it is 1 to maxCounterDigits digits and nothing else,
// the counter classify says it is without its trims (isNumber); else -1.
// (isNumber of the line lineEnd finds made the SRT read 3–5 % slower: a
// counter is a few bytes, read once here.)
func counterEnd(src string, p int) int {
	q := p
	for q < len(src) && digit(src[q]) {
		q++
	}
	if q == p || q-p > maxCounterDigits || q < len(src) && src[q] != '\n' {
		return -1
	}
	return q
}

// markCursor tells whether a byte range of a text holds a byte that makes
// a payload need the markup decoder ('<', '&', '{' or a NUL: the bytes
// the line index marks lines for). It keeps, for each, where it next
// occurs at or after the last range asked about, searching again only
// past one it has passed: each search goes over the text once in all, so
// a file without markup costs four searches.
type markCursor struct {
	src   string
	next  [len(cue.MarkupBytes)]int
	first int // the least of next
}

func newMarkCursor(src string) markCursor {
	return markCursor{src: src, next: [len(cue.MarkupBytes)]int{-1, -1, -1, -1}, first: -1}
}

// plain reports whether src[from:to] holds none of cue.MarkupBytes. Ranges are
// asked about in order: from never goes below an earlier range's to.
func (m *markCursor) plain(from, to int) bool {
	if m.first >= to {
		return true // the common answer: the next markup byte is further on
	}
	m.first = len(m.src)
	for i := range len(cue.MarkupBytes) {
		c := cue.MarkupBytes[i]
		if m.next[i] < from {
			m.next[i] = len(m.src)
			if j := strings.IndexByte(m.src[from:], c); j >= 0 {
				m.next[i] = from + j
			}
		}
		m.first = min(m.first, m.next[i])
	}
	return m.first >= to
}
