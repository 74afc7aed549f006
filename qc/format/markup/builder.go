package markup

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unsafe"

	"github.com/exportqc/exportqc/qc/cue"
)

// Dialect selects the markup rules of a format.
type Dialect uint8

const (
	// SRT is the lenient, player-compatible reading of SubRip markup.
	SRT Dialect = iota + 1
	// WebVTT is the W3C WebVTT cue text parsing algorithm.
	WebVTT
)

// Decoder converts raw cue payloads into display lines. A reader keeps one
// Decoder for a whole file: the lines and spans it returns are carved from
// shared blocks (each returned slice has its capacity clipped, so appending
// to one never overwrites another), which keeps the cost per cue near zero
// allocations. The zero value with Dialect set is ready to use; a Decoder
// is not safe for concurrent use.
type Decoder struct {
	Dialect Dialect
	// Doc, when set, is the document the lines are for: they and their
	// spans are then carved from its blocks (cue.Document.AllocLines,
	// AppendSpans), which are recycled with it, instead of the Decoder's
	// own.
	Doc *cue.Document

	lineArena []cue.Line
	spanArena []cue.Span
	b         builder
	stack     []node
	exact     bool // allocate exactly what one call needs (no arena)
}

// Lines returns the display lines of one cue payload, as written in the
// source with its lines joined by "\n". An empty payload has no lines; every
// "\n" in the text starts a new line, so an empty line inside a cue is kept
// as an empty Line.
func Lines(raw string, d Dialect) []cue.Line {
	dec := Decoder{Dialect: d, exact: true}
	return dec.Lines(raw)
}

// Lines is the arena-backed form of the package-level Lines.
func (d *Decoder) Lines(raw string) []cue.Line {
	if raw == "" {
		return nil
	}
	if lines, plain := d.plainLines(raw); plain {
		return lines
	}
	d.b.reset(raw)
	d.b.exact = d.exact
	if d.Dialect == WebVTT {
		d.webvtt(raw)
	} else {
		d.srt(raw)
	}
	d.b.endLine()
	out := d.allocLines(len(d.b.lines))
	for i, l := range d.b.lines {
		out[i] = cue.Line{Text: l.text}
		if l.nspan > 0 {
			out[i].Spans = d.allocSpans(d.b.spans[l.span0 : l.span0+l.nspan])
		}
	}
	return out
}

// IndexLines returns Lines(ix.Join(a, b)) for a payload whose lines the
// index knows to be plain (ix.Plain(a, b)): each line is its own display
// text, taken as it is, without the walk over its bytes that Lines makes
// to find out what the index already knows. Most cues are plain.
func (d *Decoder) IndexLines(ix *cue.LineIndex, a, b int) []cue.Line {
	if a >= b || b == a+1 && ix.Text(a) == "" {
		return nil // an empty payload, as Lines("")
	}
	out := d.allocLines(b - a)
	for k := range out {
		// allocLines' lines are zero (never written before): only the
		// text is set, not a whole line with its empty spans.
		out[k].Text = ix.Text(a + k)
	}
	return out
}

// maxPlainBreaks is how many line breaks plainLines notes while it looks
// for markup; a payload with more (rare: cues have two lines) is split
// again once known to be plain.
const maxPlainBreaks = 7

// plainLines returns the lines of a payload that holds no markup: no '<',
// '&' or (but in WebVTT) '{'. One walk over the bytes both looks for
// markup and notes where the lines break, so a plain payload, the common
// case, is read once. plain is false when there is markup to decode.
func (d *Decoder) plainLines(raw string) (lines []cue.Line, plain bool) {
	braces := d.Dialect != WebVTT
	var breaks [maxPlainBreaks]int
	n := 0 // line breaks seen
	for i := nextStop(raw, 0); i < len(raw); i = nextStop(raw, i+1) {
		switch raw[i] {
		case '<', '&':
			return nil, false
		case '{':
			if braces {
				return nil, false
			}
		case '\n':
			if n < maxPlainBreaks {
				breaks[n] = i
			}
			n++
		}
	}
	out := d.allocLines(n + 1)
	from := 0
	for k := range out[:n] {
		var at int
		if k < maxPlainBreaks {
			at = breaks[k]
		} else {
			at = from + strings.IndexByte(raw[from:], '\n')
		}
		out[k] = cue.Line{Text: raw[from:at]}
		from = at + 1
	}
	out[n] = cue.Line{Text: raw[from:]}
	return out, true
}

// nextStop returns the index of the first byte of s from i that is one
// of '<', '&', '{' and '\n', or len(s) when there is none. It tests eight
// bytes at a time: a byte equal to one makes its XOR with that byte
// repeated a word with a zero byte, which the classic test
// (w - 0x01…) &^ w & 0x80… finds; the lowest byte the test flags is
// always a real one (only a borrow from a real one flags bytes above it),
// so the index is exact and callers step no byte twice. Payload text is
// mostly letters, often beyond ASCII: most words are skipped whole.
func nextStop(s string, i int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	b := unsafe.Slice(unsafe.StringData(s), len(s)) // read only
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		lt, amp, brace, lf := w^('<'*ones), w^('&'*ones), w^('{'*ones), w^('\n'*ones)
		if m := ((lt-ones)&^lt | (amp-ones)&^amp | (brace-ones)&^brace | (lf-ones)&^lf) & highs; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(b); i++ {
		switch b[i] {
		case '<', '&', '{', '\n':
			return i
		}
	}
	return i
}

const arenaBlock = 512

// Reserve makes room for n display lines in one block, for a reader that
// knows about how many its file has (SRT counts its text lines while
// splitting): one allocation of the right size instead of blocks of
// arenaBlock, the last one mostly unused. More lines than reserved still
// get blocks of their own.
func (d *Decoder) Reserve(n int) {
	if d.Doc != nil {
		d.Doc.ReserveLines(n)
		return
	}
	if n > cap(d.lineArena)-len(d.lineArena) {
		d.lineArena = make([]cue.Line, 0, n)
	}
}

func (d *Decoder) allocLines(n int) []cue.Line {
	if d.Doc != nil {
		return d.Doc.AllocLines(n)
	}
	if cap(d.lineArena)-len(d.lineArena) < n {
		size := n
		if !d.exact {
			size = max(arenaBlock, n)
		}
		d.lineArena = make([]cue.Line, 0, size)
	}
	k := len(d.lineArena)
	d.lineArena = d.lineArena[:k+n]
	return d.lineArena[k : k+n : k+n]
}

func (d *Decoder) allocSpans(src []cue.Span) []cue.Span {
	if d.Doc != nil {
		return d.Doc.AppendSpans(src)
	}
	n := len(src)
	if cap(d.spanArena)-len(d.spanArena) < n {
		size := n
		if !d.exact {
			size = max(arenaBlock/2, n)
		}
		d.spanArena = make([]cue.Span, 0, size)
	}
	k := len(d.spanArena)
	d.spanArena = append(d.spanArena, src...)
	return d.spanArena[k : k+n : k+n]
}

// builder assembles display lines from pieces of text. While a line's text
// is one contiguous piece of the payload it stays a substring (no copy);
// only a line whose text is stitched from separate pieces is copied.
type builder struct {
	src        string
	mode       uint8 // lineEmpty, lineSub or lineBuf
	start, end int   // the substring, in lineSub mode
	n          int   // current line length in bytes
	buf        []byte
	// texts is where the texts of stitched lines are kept: copied one
	// after another into shared blocks rather than allocated one string
	// each. Bytes once written there are never written again (a full
	// block is replaced, not grown), so the strings over them stay
	// immutable.
	texts     []byte
	exact     bool       // blocks of texts no larger than one line needs
	spans     []cue.Span // spans of all finished lines and the current one
	lineSpan0 int        // index in spans where the current line's spans begin
	lines     []pending
}

type pending struct {
	text         string
	span0, nspan int
}

const (
	lineEmpty uint8 = iota
	lineSub
	lineBuf
)

func (b *builder) reset(src string) {
	b.src = src
	b.mode, b.n = lineEmpty, 0
	b.spans = b.spans[:0]
	b.lineSpan0 = 0
	b.lines = b.lines[:0]
}

// raw appends src[i:j] (which holds no "\n") in style st.
func (b *builder) raw(i, j int, st cue.Style) {
	if i >= j {
		return
	}
	switch {
	case b.mode == lineEmpty:
		b.start, b.end, b.mode = i, j, lineSub
	case b.mode == lineSub && i == b.end:
		b.end = j
	default:
		b.toBuf()
		b.buf = append(b.buf, b.src[i:j]...)
	}
	b.mark(j-i, st)
}

// str appends decoded text s (which holds no "\n") in style st.
func (b *builder) str(s string, st cue.Style) {
	if s == "" {
		return
	}
	b.toBuf()
	b.buf = append(b.buf, s...)
	b.mark(len(s), st)
}

func (b *builder) toBuf() {
	switch b.mode {
	case lineEmpty:
		b.buf = b.buf[:0]
	case lineSub:
		b.buf = append(b.buf[:0], b.src[b.start:b.end]...)
	}
	b.mode = lineBuf
}

func (b *builder) mark(n int, st cue.Style) {
	pos := b.n
	b.n += n
	if st == 0 {
		return
	}
	if k := len(b.spans) - 1; k >= b.lineSpan0 && b.spans[k].End == pos && b.spans[k].Style == st {
		b.spans[k].End = b.n
		return
	}
	b.spans = append(b.spans, cue.Span{Start: pos, End: b.n, Style: st})
}

// endLine finishes the current line (called at each "\n" and at the end).
func (b *builder) endLine() {
	var text string
	switch b.mode {
	case lineSub:
		text = b.src[b.start:b.end]
	case lineBuf:
		text = b.keep(b.buf)
	}
	b.lines = append(b.lines, pending{text: text, span0: b.lineSpan0, nspan: len(b.spans) - b.lineSpan0})
	b.lineSpan0 = len(b.spans)
	b.mode, b.n = lineEmpty, 0
}

// minTextBlock is the smallest block of stitched texts: a few dozen lines.
const minTextBlock = 2 << 10

// keep returns a string with the bytes of p, copied into b.texts.
func (b *builder) keep(p []byte) string {
	if len(p) == 0 {
		return ""
	}
	if cap(b.texts)-len(b.texts) < len(p) {
		size := len(p)
		if !b.exact {
			size = max(minTextBlock, size)
		}
		b.texts = make([]byte, 0, size)
	}
	from := len(b.texts)
	b.texts = append(b.texts, p...)
	out := b.texts[from:]
	return unsafe.String(unsafe.SliceData(out), len(out))
}
