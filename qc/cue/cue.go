package cue

import (
	"cmp"
	"slices"
	"strings"
)

// Style is a bit set of the text styles QC cares about.
type Style uint8

const (
	Italic Style = 1 << iota
	Bold
	Underline
)

// Span marks a styled byte range [Start, End) of a Line's Text.
type Span struct {
	Start, End int
	Style      Style
}

// Line is one display line of a cue: the text a viewer reads, with markup
// removed and entities decoded. Spans is nil for unstyled lines, so plain
// text costs no extra allocation.
//
// A line does not say where in the file it is written: text fixes map a
// cue's lines to the source through the format's MapLines
// (qc/format/textpos), and every cue of every format carries its lines.
type Line struct {
	Text  string
	Spans []Span
}

// Italic reports whether any part of the line is italic.
func (l Line) Italic() bool {
	for _, s := range l.Spans {
		if s.Style&Italic != 0 {
			return true
		}
	}
	return false
}

// Cue is one subtitle event as read from its source file.
type Cue struct {
	Index  int    // 1-based position in file order
	ID     string // WebVTT identifier, SRT counter, TTML xml:id, STL subtitle number
	Line   int    // 1-based source line where the cue starts (binary formats: block number)
	Offset int64  // byte offset of that line in the decoded text (binary formats: in the file)
	Start  Time
	End    Time
	Lines  []Line
	// Raw is the cue payload as written in the source, markup included, lines
	// joined by "\n". Markup rules (unbalanced tags) read this.
	Raw string
	// Region and Settings carry layout hints (TTML region, WebVTT cue settings).
	Region   string
	Settings string
	// Comment marks a cue the format says is not displayed (EBU STL comment flag).
	Comment bool
	// MayOverlap marks a cue the format places beside or over others by
	// design, so that sharing the screen with them is not a collision: an
	// ASS event with its own position (\pos, \move, \an, margins), a
	// CEA-608 roll-up row still on screen while the next one is written.
	// Overlap and gap rules leave such cues out.
	MayOverlap bool
	// StartSrc, EndSrc and TextSrc are where the in-time, the out-time and
	// the payload are written (zero when a reader does not record them).
	StartSrc, EndSrc, TextSrc Range
}

// Duration is End-Start (zero or negative for broken cues).
func (c *Cue) Duration() Time { return c.End - c.Start }

// Text joins the display lines with "\n".
func (c *Cue) Text() string {
	switch len(c.Lines) {
	case 0:
		return ""
	case 1:
		return c.Lines[0].Text
	}
	var b strings.Builder
	for i, l := range c.Lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l.Text)
	}
	return b.String()
}

// Diagnostic is a problem met while reading that does not stop the read. It
// becomes a finding of rule Rule (E000 parse-error unless a reader names a
// more specific rule code).
type Diagnostic struct {
	Rule    string // "" means E000
	Line    int    // 1-based source line, 0 if unknown
	Offset  int64
	Cue     int // 1-based cue index the problem belongs to, 0 if none
	Message string
	// More is how many further problems this diagnostic stands for (a
	// reader that stops listing counts the rest in one diagnostic).
	More int
	// Kind classes the problem for the rule that reports it, "" for none:
	// KindSpelling marks one a rewrite of the format's own spelling cures.
	Kind string
}

// KindSpelling is a Diagnostic about a timing line or counter the reader
// understood only through a lenient spelling (SRT "00:00:01.5 -> ...", a
// counter that is no number): writing them in the format's canonical form
// answers it.
const KindSpelling = "spelling"

// Document is everything a reader learned from one subtitle file.
type Document struct {
	Format  string // "srt", "webvtt", "ttml", "stl", "ssa", "scc"
	Profile string // finer dialect: "imsc1", "imsc1.1", "dfxp", "itt", "ass", ...
	// Language is the language declared inside the file (TTML xml:lang, STL LC), raw.
	Language string
	// FrameRate is the rate the file itself declares (TTML ttp:frameRate, STL DFC, SCC); zero if none.
	FrameRate FrameRate
	// TimePrecision is the coarsest time unit the file's timestamps use
	// (a millisecond for SRT/WebVTT); off-frame checks allow half of it.
	TimePrecision Time
	Cues          []Cue
	Diagnostics   []Diagnostic
	// Images counts image subtitles the reader recognised but does not turn
	// into cues (IMSC image profile <image>, smpte:backgroundImage): a file
	// of images is not an empty file.
	Images int
	// Respell, when set, writes a time for a time attribute that held old
	// (worth oldT) so that it is worth newT, in the file's own notation
	// (TTML: clock, frames, ticks, with the file's rates). Used by fixes.
	Respell func(old string, oldT, newT Time) (string, bool)

	displayed     []*Cue // memo of Displayed
	haveDisplayed bool   // displayed is computed (its array may be a recycled one's)
	recyclable    bool   // made by NewDocument: Recycle takes it back
	// Arrays a reader fills for the file and Recycle keeps for the next
	// (see reuse.go): its line index, and the block its cues' display
	// lines are carved from.
	lineSpans  []lineSpan
	lineMarks  []uint64
	lineArrows []uint64 // the index's timing lines (MarkArrows)
	lineBlock  []Line
	spanBlock  []Span // the styled runs of those lines (AppendSpans)
	lineBytes  []byte // a reader's byte per line (LineBytes)
}

// Displayed returns the cues a viewer sees (EBU STL comment blocks left out)
// in start-time order, stably. Several timing rules need this view; it is
// computed once per document. Not safe for concurrent first use, and stale
// if Cues is changed afterwards: readers build a Document, rules only read it.
func (d *Document) Displayed() []*Cue {
	if d.haveDisplayed || len(d.Cues) == 0 {
		return d.displayed
	}
	out := d.displayed[:0] // a recycled document's array, when large enough
	if cap(out) < len(d.Cues) {
		out = make([]*Cue, 0, len(d.Cues))
	}
	sorted := true
	for i := range d.Cues {
		c := &d.Cues[i]
		if c.Comment {
			continue
		}
		if n := len(out); n > 0 && c.Start < out[n-1].Start {
			sorted = false
		}
		out = append(out, c)
	}
	if !sorted {
		slices.SortStableFunc(out, func(a, b *Cue) int { return cmp.Compare(a.Start, b.Start) })
	}
	d.displayed, d.haveDisplayed = out, true
	return out
}

// NewCue returns a new zero cue at the end of d.Cues, to be filled in where
// it lies: appending a finished cue instead copies it with its pointers
// (under a write barrier while the collector runs). Readers make room
// for the cues they expect (one per timing line) with make and never
// shrink Cues, so the room beyond len is zero (MakeCues keeps that so).
func (d *Document) NewCue() *Cue {
	n := len(d.Cues)
	if n < cap(d.Cues) {
		d.Cues = d.Cues[:n+1]
	} else {
		d.Cues = append(d.Cues, Cue{})
	}
	return &d.Cues[n]
}

// Diag appends a diagnostic.
func (d *Document) Diag(line int, offset int64, cueIndex int, msg string) {
	d.Diagnostics = append(d.Diagnostics, Diagnostic{Line: line, Offset: offset, Cue: cueIndex, Message: msg})
}

// SplitLines returns the display lines for plain text: it splits on "\n" and
// drops nothing (an empty line in a cue is a layout finding, not ours to hide).
func SplitLines(text string) []Line {
	if text == "" {
		return nil
	}
	n := strings.Count(text, "\n") + 1
	lines := make([]Line, 0, n)
	for {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			lines = append(lines, Line{Text: text})
			return lines
		}
		lines = append(lines, Line{Text: text[:i]})
		text = text[i+1:]
	}
}
