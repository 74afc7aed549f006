package ttml

import "github.com/exportqc/exportqc/qc/cue"

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
	buf   []byte
	spans []cue.Span
	lines []cue.Line
	// trail is true when the last byte of buf is a collapsible space, which
	// goes if the line ends here.
	trail bool
	// visible is true once any character other than XML whitespace was
	// added: a <p> without one is empty.
	visible bool
}

func (b *lineBuilder) reset() {
	b.buf = b.buf[:0]
	b.spans = b.spans[:0]
	b.lines = nil
	b.trail = false
	b.visible = false
}

// text appends character data with the given style.
func (b *lineBuilder) text(data []byte, preserve bool, style cue.Style) {
	start := len(b.buf)
	for _, c := range data {
		if preserve {
			if c == '\n' {
				b.mark(start, style)
				b.lineBreak()
				start = 0
				continue
			}
			if !isXMLSpace(c) {
				b.visible = true
			}
			b.buf = append(b.buf, c)
			b.trail = false
			continue
		}
		if isXMLSpace(c) {
			if len(b.buf) == 0 || b.buf[len(b.buf)-1] == ' ' {
				continue
			}
			b.buf = append(b.buf, ' ')
			b.trail = true
			continue
		}
		b.buf = append(b.buf, c)
		b.trail = false
		b.visible = true
	}
	b.mark(start, style)
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
		b.buf = b.buf[:len(b.buf)-1]
		b.trail = false
		n := len(b.buf)
		for i := len(b.spans) - 1; i >= 0 && b.spans[i].End > n; i-- {
			b.spans[i].End = n
			if b.spans[i].Start >= n {
				b.spans = b.spans[:i]
			}
		}
	}
	l := cue.Line{Text: string(b.buf)}
	if len(b.spans) > 0 {
		l.Spans = append([]cue.Span(nil), b.spans...)
	}
	if b.lines == nil {
		b.lines = make([]cue.Line, 0, 2) // most cues have one or two lines
	}
	b.lines = append(b.lines, l)
	b.buf = b.buf[:0]
	b.spans = b.spans[:0]
}

// finish ends the last line and returns the lines, or nil when nothing
// visible was written. A <br/> at the very end of a paragraph does not open
// a new line on screen, so the empty line after it is dropped.
func (b *lineBuilder) finish() []cue.Line {
	b.lineBreak()
	if !b.visible {
		return nil
	}
	if n := len(b.lines); n > 1 && b.lines[n-1].Text == "" {
		b.lines = b.lines[:n-1]
	}
	return b.lines
}
