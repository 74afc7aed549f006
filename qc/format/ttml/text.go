package ttml

import (
	"math/bits"
	"unsafe"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/format/ttml/internal/xmlscan"
)

// lineBuilder turns the character data of one <p> into display lines,
// applying xml:space per run:
//
//   - default: every XML whitespace character (space, tab, CR, LF) is a
//     space; a space is dropped at the start of a line and after another
//     space; a trailing space is dropped at the end of a line (XSL
//     white-space-collapse, linefeed-treatment="treat-as-space",
//     suppress-at-line-break, as TTML1 §7.2.3 maps xml:space to XSL);
//   - preserve: characters are kept as written and a linefeed breaks the
//     line (linefeed-treatment="preserve").
//
// <br/> always breaks the line. Styled runs become cue.Spans; adjacent runs
// with the same style merge.
type lineBuilder struct {
	src   string // the document: most lines are a piece of it as written
	buf   []byte
	spans []cue.Span
	// inSrc says buf is src[srcFrom:srcTo] (single spaces between words,
	// no reference, no markup inside): the line's text is then that piece
	// of src, not a copy.
	inSrc          bool
	srcFrom, srcTo int
	// lines are the current paragraph's lines so far, as records without
	// pointers: the cue.Lines are only made when the document is read
	// (settle), in one block, written once each.
	lines []lineRec
	// trail is true when the last byte of buf is a collapsible space, which
	// goes if the line ends here; spaceAt is where in src that space is
	// written as one ' ' (-1 for a tab, a line end or a rewritten run). It
	// counts for inSrc only once something follows it.
	trail   bool
	spaceAt int
	// visible is true once any character other than XML whitespace was
	// added: a <p> without one is empty.
	visible bool

	// Storage shared by the document's cues, so that a cue costs no
	// allocation of its own: the text of the lines that are not a piece of
	// src (one string at the end), and every line's spans (the cues' Spans
	// are cut from it).
	all     []byte
	spanAll []cue.Span
	kept    []lineRec // the kept cues' lines, in cue order
	keptN   []int32   // how many of kept each kept cue has
}

// lineRec is a line: its text is src[from:to] if inSrc, else
// all[from:to]; its spans are spanAll[spanFrom:spanTo].
type lineRec struct {
	from, to         int
	inSrc            bool
	spanFrom, spanTo int
}

// init readies the builder for the document src of about cues cues (most
// have one or two lines).
func (b *lineBuilder) init(src string, cues int, sc *scratch) {
	b.src = src
	b.inSrc = true
	b.kept = reuse(sc.kept, 2*cues)
	b.keptN = reuse(sc.keptN, cues)
}

func (b *lineBuilder) reset() {
	b.buf = b.buf[:0]
	b.spans = b.spans[:0]
	b.inSrc = true
	b.lines = b.lines[:0]
	b.trail = false
	b.visible = false
}

// follow notes that the n bytes just appended to buf are src[from:from+n]
// (from < 0: they are not written so in src); before is len(buf) before.
func (b *lineBuilder) follow(before, from, n int) {
	switch {
	case !b.inSrc:
	case from < 0:
		b.inSrc = false
	case before == 0:
		b.srcFrom, b.srcTo = from, from+n
	case from == b.srcTo:
		b.srcTo += n
	default:
		b.inSrc = false
	}
}

// keepSpace settles a collapsible space at the end of buf before more
// is appended: the line goes on past it.
func (b *lineBuilder) keepSpace() {
	if b.trail {
		b.follow(1, b.spaceAt, 1)
		b.trail = false
	}
}

// text appends character data with the given style; off is where data is
// in src, or -1 when it is not written there as is (references expanded,
// line ends normalised). It reports whether data holds anything but XML
// whitespace.
func (b *lineBuilder) text(data string, off int, preserve bool, style cue.Style) (visible bool) {
	at := func(i int) int { // where data[i] is in src
		if off < 0 {
			return -1
		}
		return off + i
	}
	start := len(b.buf)
	if preserve {
		for i := 0; i < len(data); i++ {
			c := data[i]
			if c == '\n' {
				b.mark(start, style)
				b.lineBreak()
				start = 0
				continue
			}
			if !isXMLSpace(c) {
				visible = true
			}
			b.keepSpace()
			b.follow(len(b.buf), at(i), 1)
			b.buf = append(b.buf, c)
		}
		b.mark(start, style)
		b.visible = b.visible || visible
		return visible
	}
	buf := b.buf // a local: appends to it need no write barrier
	for i := 0; i < len(data); {
		if c := data[i]; isXMLSpace(c) {
			if len(buf) > 0 && buf[len(buf)-1] != ' ' {
				b.spaceAt = -1 // a tab or line end written as a space
				if c == ' ' {
					b.spaceAt = at(i)
				}
				buf = append(buf, ' ')
				b.trail = true
			}
			i++
			continue
		}
		// A phrase: words with one ' ' between them, which collapsing
		// leaves as they are, copied in one go (word by word, the spaces
		// between them would be kept one at a time to the same effect).
		j := phraseEnd(data, i+1)
		b.keepSpace()
		b.follow(len(buf), at(i), j-i)
		buf = append(buf, data[i:j]...)
		visible = true
		i = j
	}
	b.buf = buf
	b.mark(start, style)
	b.visible = b.visible || visible
	return visible
}

// xmlSpaceByte is isXMLSpace as a table, for the loop over a phrase.
var xmlSpaceByte = [256]bool{' ': true, '\t': true, '\n': true, '\r': true}

// phraseEnd returns where the phrase going on at data[j] ends: at the
// first XML whitespace other than a single ' ' between two other
// characters. It judges eight bytes at a time (see phraseStops), so that
// the spaces between words cost nothing of their own; the byte loop only
// decides a space in a word's last byte, whose follower is in the next.
func phraseEnd(data string, j int) int {
	for {
		for j+8 <= len(data) {
			if t := phraseStops(xmlscan.Load64(data, j)); t != 0 {
				j += bits.TrailingZeros64(t) >> 3
				break
			}
			j += 8
		}
		for j < len(data) && !xmlSpaceByte[data[j]] {
			j++
		}
		if j+1 < len(data) && data[j] == ' ' && !xmlSpaceByte[data[j+1]] {
			j += 2
			continue
		}
		return j
	}
}

// phraseStops flags, by the high bit of its byte, the bytes of v where a
// phrase may end: a byte below ' ' (in character data the XML scanner
// accepted, only tab, LF and CR are), a ' ' followed by XML whitespace,
// and a ' ' in the last byte, whose follower v does not hold. A byte's
// ' ' before it is never whitespace: a phrase starts after a character,
// and any earlier ' ' followed by this byte is flagged itself. Each byte is
// judged alone (no sum carries into the next), so the lowest flag is the
// first such byte.
func phraseStops(v uint64) uint64 {
	const ones, highs, low7 = 0x0101010101010101, 0x8080808080808080, 0x7f7f7f7f7f7f7f7f
	ctl := ^(v&low7 + 0x60*ones) &^ v & highs // below 0x20
	x := v ^ 0x20*ones
	sp := ^(x&low7 + low7 | x) & highs // == ' '
	ws := ctl | sp
	return ctl | sp&(ws>>8) | sp&(1<<63)
}

// mark records that buf[start:] has style.
func (b *lineBuilder) mark(start int, style cue.Style) {
	end := len(b.buf)
	if style == 0 || end <= start {
		return
	}
	if n := len(b.spans); n > 0 && b.spans[n-1].End == start && b.spans[n-1].Style == style {
		b.spans[n-1].End = end
		return
	}
	b.spans = append(b.spans, cue.Span{Start: start, End: end, Style: style})
}

// lineBreak ends the current line.
func (b *lineBuilder) lineBreak() {
	if b.trail {
		b.buf = b.buf[:len(b.buf)-1] // never counted in srcTo: nothing followed it
		b.trail = false
		n := len(b.buf)
		for i := len(b.spans) - 1; i >= 0 && b.spans[i].End > n; i-- {
			b.spans[i].End = n
			if b.spans[i].Start >= n {
				b.spans = b.spans[:i]
			}
		}
	}
	var l lineRec
	switch {
	case len(b.buf) == 0:
	case b.inSrc:
		l.from, l.to, l.inSrc = b.srcFrom, b.srcTo, true
	default:
		l.from = len(b.all)
		b.all = append(b.all, b.buf...)
		l.to = len(b.all)
	}
	l.spanFrom = len(b.spanAll)
	b.spanAll = append(b.spanAll, b.spans...)
	l.spanTo = len(b.spanAll)
	b.lines = append(b.lines, l)
	b.buf = b.buf[:0]
	b.spans = b.spans[:0]
	b.inSrc = true
}

// finish ends the last line and reports whether anything visible was
// written. A <br/> at the very end of a paragraph does not open a new line
// on screen, so the empty line after it is dropped.
func (b *lineBuilder) finish() bool {
	b.lineBreak()
	if !b.visible {
		return false
	}
	if n := len(b.lines); n > 1 && b.lines[n-1].from == b.lines[n-1].to {
		b.lines = b.lines[:n-1]
	}
	return true
}

// keep records that the lines of the paragraph finish ended belong to a
// cue of the document, the next one in cue order.
func (b *lineBuilder) keep() {
	b.kept = append(b.kept, b.lines...)
	b.keptN = append(b.keptN, int32(len(b.lines)))
}

// settle gives the kept cues of d their lines, once the whole document is
// read: one block of cue.Lines carved from d's line block (a recycled
// document's when it is large enough, so that a worker's next file
// allocates none), each line's text a slice of src when written there as
// is, else of one string shared by the others, which is all's own bytes,
// not a copy: the builder lets go of all and spanAll here and never writes
// to them again.
func (b *lineBuilder) settle(d *cue.Document) {
	all := unsafe.String(unsafe.SliceData(b.all), len(b.all))
	spans, kept, keptN := b.spanAll, b.kept, b.keptN
	b.all, b.spanAll = nil, nil
	cues := d.Cues
	d.ReserveLines(len(kept))
	lines := d.AllocLines(len(kept))
	k := 0
	for i := range min(len(cues), len(keptN)) {
		n := int(keptN[i])
		ls := lines[k : k+n : k+n] // capped: appending to one cue's lines cannot overwrite the next's
		for j := range ls {
			t := &kept[k+j]
			if t.inSrc {
				ls[j].Text = b.src[t.from:t.to]
			} else {
				ls[j].Text = all[t.from:t.to]
			}
			if t.spanTo > t.spanFrom {
				ls[j].Spans = spans[t.spanFrom:t.spanTo:t.spanTo]
			}
		}
		cues[i].Lines = ls
		k += n
	}
}
