package checks

import (
	"strings"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/format/markup"
	"github.com/exportqc/exportqc/qc/format/ssa"
	"github.com/exportqc/exportqc/qc/format/textpos"
	"github.com/exportqc/exportqc/qc/format/ttml"
	"github.com/exportqc/exportqc/qc/rule"
)

// The text rules' fixes (X002–X021) rewrite characters of what a viewer
// reads, never markup. They are built for SRT and WebVTT, whose payload
// lines are the display lines: each edit is computed on a line's visible
// text (tags left out, each character reference one unit) and placed on
// the file's bytes through the offsets the visible characters came from
// (visibleLines). A line whose visible text, rebuilt so, differs from the
// text the reader saw (a reader quirk) gets no fix: an edit placed by
// guesswork could land in a tag.
// TTML, SSA/ASS and EBU STL lines are placed through a map of where each
// visible byte was read (textpos.Line, built by the format's MapLines
// from the cue's TextSrc only when a line has an edit, and checked to give
// the reader's very lines). SCC text is declined with the reason.

// textEdit replaces bytes [from, to) of a line's visible text with s.
type textEdit struct {
	from, to int
	s        string
}

// editsOf runs a rule's edit function on one line and keeps one edit per
// place: two marks may ask for the same change (the space after « and the
// one before » in "« »" are one space), and two edits of one place would
// overlap, losing the whole fix.
func editsOf(edit func(j int, text string) []textEdit, k int, text string) []textEdit {
	es := edit(k, text)
	kept := es[:0]
	for _, e := range es {
		if n := len(kept); n > 0 && kept[n-1] == e {
			continue
		}
		kept = append(kept, e)
	}
	return kept
}

// visibleLine is a payload line's visible text mapped to the payload
// bytes it was read from (textpos.Line): tags left out, each character
// reference (&amp;, &#233;) one unit, replaced or deleted whole or not at
// all. end is the payload offset just past the line's text (before its
// terminator): an insertion at the end of the line goes there, after a
// closing tag ("<i>Oui</i>" gains "." after "</i>").
type visibleLine struct {
	textpos.Line
	end int
}

// visibleLines splits an SRT or WebVTT payload into its lines' visible
// text as the readers read it: tags (<i>, </font>, SRT's {\an8}) left out,
// character references decoded as they decode them (markup.Entity: SRT
// only those closed by ';').
func visibleLines(payload string, srt bool) []visibleLine {
	var out []visibleLine
	pos := 0
	for _, line := range cue.SplitKeepEOL(payload) {
		text, _ := cutEOL(line)
		v := visibleLine{end: pos + len(text)}
		for i := 0; i < len(text); {
			if n := tagLen(text[i:], srt); n > 0 {
				i += n
				continue
			}
			if text[i] == '&' {
				if dec, next, ok := markup.Entity(text, i, srt); ok {
					v.Add(dec, pos+i, pos+next, true)
					i = next
					continue
				}
			}
			v.AddEach(text[i:i+1], pos+i)
			i++
		}
		out = append(out, v)
		pos += len(line)
	}
	return out
}

// tagLen is the length of the tag s starts with (0: none): a '<' with a
// letter or '/' and a '>' on the line, or in SRT an override block {\...}.
func tagLen(s string, srt bool) int {
	switch {
	case len(s) > 1 && s[0] == '<' && (s[1] == '/' || s[1]|0x20 >= 'a' && s[1]|0x20 <= 'z'):
		return strings.IndexByte(s, '>') + 1 // 0 when unclosed
	case srt && strings.HasPrefix(s, "{\\"):
		return strings.IndexByte(s, '}') + 1
	}
	return 0
}

// place maps an edit on visible text to payload offsets (textpos.Line's
// Place); ok is false when it would cut a reference or span a tag, or
// when its new text holds '&' or '<', which the payload would read as a
// reference or a tag.
func (v *visibleLine) place(e textEdit) (from, to int, ok bool) {
	if strings.ContainsAny(e.s, "&<") {
		return 0, 0, false
	}
	if e.from == e.to && e.from == len(v.Text) {
		return v.end, v.end, true
	}
	return v.Place(e.from, e.to)
}

// textFix builds one fix for cue c from edits on the visible text of its
// display lines (only line j when j >= 0): nil when not fixing, a line's
// text cannot be mapped, or nothing changes; a declined fix with the
// reason where the format cannot take the edit (EBU STL limits, SCC).
func textFix(p *rule.Pass, c *cue.Cue, j int, msg string, edit func(j int, text string) []textEdit) []rule.SuggestedFix {
	if !p.Fixing() {
		return nil
	}
	switch p.Doc.Format {
	case "ttml":
		return mappedTextFix(p, c, j, msg, edit, ttmlLines(c), ttmlEscape)
	case "ssa":
		return mappedTextFix(p, c, j, msg, edit, ssa.MapLines, ssaEscape)
	case "stl":
		return stlTextFix(p, c, j, msg, edit)
	case "scc":
		if lineEdits(c, j, edit) != nil {
			return declined(sccTextReason)
		}
		return nil
	}
	if p.Doc.Format != "srt" && p.Doc.Format != "webvtt" {
		return nil
	}
	base, _, ok := p.File.Fix.Span(c.TextSrc, false)
	if !ok {
		return nil
	}
	payload := string(p.File.Fix.Bytes(c.TextSrc, false))
	lines := visibleLines(payload, p.Doc.Format == "srt")
	if len(lines) != len(c.Lines) {
		return nil
	}
	var edits []rule.TextEdit
	for k := range lines {
		if j >= 0 && k != j {
			continue
		}
		if lines[k].Text != c.Lines[k].Text {
			return nil
		}
		for _, e := range editsOf(edit, k, lines[k].Text) {
			a, z, ok := lines[k].place(e)
			if !ok {
				return nil
			}
			edits = append(edits, rule.TextEdit{Start: base + int64(a), End: base + int64(z), New: e.s})
		}
	}
	return fixOf(msg, edits)
}

// mappedTextFix is textFix for the formats whose lines are not their
// payload's lines (TTML, SSA/ASS): the edits of each line are computed on
// its visible text, then placed through a map of where each visible byte
// came from (textpos.Line), made only when some line has an edit. The map
// must give the reader's very lines; a line whose edit would cut a source
// unit (an entity, an escape), touch markup or span a tag drops the whole
// fix, as an unmappable SRT line does. escape writes the new text in the
// format's syntax; ok false refuses it.
func mappedTextFix(p *rule.Pass, c *cue.Cue, j int, msg string, edit func(j int, text string) []textEdit,
	mapLines func(src string) []textpos.Line, escape func(s string) (string, bool)) []rule.SuggestedFix {
	edits := lineEdits(c, j, edit)
	if edits == nil {
		return nil
	}
	base, _, ok := p.File.Fix.Span(c.TextSrc, false)
	if !ok {
		return nil
	}
	lines := mapLines(string(p.File.Fix.Bytes(c.TextSrc, false)))
	if !sameLines(lines, c.Lines) {
		return nil
	}
	var out []rule.TextEdit
	for k, es := range edits {
		for _, e := range es {
			a, z, ok := lines[k].Place(e.from, e.to)
			s, safe := escape(e.s)
			if !ok || !safe {
				return nil
			}
			out = append(out, rule.TextEdit{Start: base + int64(a), End: base + int64(z), New: s})
		}
	}
	return fixOf(msg, out)
}

// lineEdits computes the edits of each line of c (only line j when j >=
// 0); nil when there are none.
func lineEdits(c *cue.Cue, j int, edit func(j int, text string) []textEdit) [][]textEdit {
	edits := make([][]textEdit, len(c.Lines))
	any := false
	for k, l := range c.Lines {
		if j < 0 || k == j {
			edits[k] = editsOf(edit, k, l.Text)
			any = any || len(edits[k]) > 0
		}
	}
	if !any {
		return nil
	}
	return edits
}

// sccTextReason is why SCC text is not rewritten.
const sccTextReason = "SCC: the text is CEA-608 byte pairs sent one pair per frame; adding or deleting a character " +
	"shifts every code after it (and so when each caption loads and shows), and a character outside the basic set " +
	"is a two-byte special or extended code, so the text is not rewritten"

// sameLines reports whether a map gives the reader's lines.
func sameLines(mapped []textpos.Line, lines []cue.Line) bool {
	if len(mapped) != len(lines) {
		return false
	}
	for k := range lines {
		if mapped[k].Text != lines[k].Text {
			return false
		}
	}
	return true
}

// ttmlLines maps a <p>'s content in the default xml:space, or else in
// preserve (which the <p> may inherit from its ancestors): the one whose
// lines are the reader's is the reading.
func ttmlLines(c *cue.Cue) func(src string) []textpos.Line {
	return func(src string) []textpos.Line {
		for _, preserve := range []bool{false, true} {
			if lines, ok := ttml.MapLines(src, preserve); ok && sameLines(lines, c.Lines) {
				return lines
			}
		}
		return nil
	}
}

// ttmlEscape writes new text as XML character data (& < > as entities).
func ttmlEscape(s string) (string, bool) { return ttml.EscapeText(s), true }

// ssaEscape refuses new text that SSA would read as markup: an override
// block, an escape or a line end.
func ssaEscape(s string) (string, bool) { return s, !strings.ContainsAny(s, "{}\\\r\n") }

// replaceRunes edits every rune of text for which to returns a different
// string.
func replaceRunes(text string, to func(i int, r rune) (string, bool)) []textEdit {
	var out []textEdit
	for i, r := range text {
		if s, ok := to(i, r); ok {
			out = append(out, textEdit{i, i + utf8.RuneLen(r), s})
		}
	}
	return out
}

// runeBefore is the rune that ends text[:i] (utf8.RuneError at the start).
func runeBefore(text string, i int) rune {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return r
}

func cueLabel(c *cue.Cue) string { return " in cue " + itoa(int64(c.Index)) }
