package checks

import (
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/format/markup"
	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/textcount"
)

var (
	LineTooLong = &rule.Rule{
		Code: "L001", Name: "line-too-long", Family: "layout",
		Summary: "A display line has more characters than the limit",
		Doc: "Counted as for reading speed (T005): grapheme clusters, spaces and punctuation included, markup excluded, " +
			"half-width characters weighted in CJK languages. Rebreak the lines or condense the text.",
		Params: []rule.ParamSpec{
			{Name: "max_chars", Kind: rule.KindFloat, Doc: "most characters allowed on one line"},
			{Name: "half_width_weight", Kind: rule.KindFloat, Doc: "weight of a half-width character (1 = counts fully)"},
		},
		Run: runLineTooLong, DefaultSeverity: rule.Error,
	}
	TooManyLines = &rule.Rule{
		Code: "L002", Name: "too-many-lines", Family: "layout",
		Summary: "A cue has more display lines than allowed",
		Doc:     "More lines cover the picture and exceed what viewers read in the time. Split the cue.",
		Params:  []rule.ParamSpec{{Name: "max_lines", Kind: rule.KindInt, Doc: "most lines allowed in one cue"}},
		Run:     runTooManyLines, DefaultSeverity: rule.Error,
	}
	EmptyCue = &rule.Rule{
		Code: "L003", Name: "empty-cue", Family: "layout",
		Summary: "A cue has no visible text",
		Doc:     "A timed event with no text (or only spaces or markup) blanks the screen for nothing and trips some ingest tools. Delete it.",
		Run:     runEmptyCue, DefaultSeverity: rule.Warning,
	}
	StrayWhitespace = &rule.Rule{
		Code: "L004", Name: "stray-whitespace", Family: "layout",
		Summary: "A line has leading or trailing spaces, double spaces or an empty line",
		Doc: "Stray spaces shift centred text and show up in burnt-in or rendered subtitles; an empty line inside a cue " +
			"pushes the text up. Spaces required by a language's typography (the French space before ! and ?) are " +
			"single spaces and are not reported.",
		Run: runStrayWhitespace, DefaultSeverity: rule.Warning,
	}
	UnbalancedMarkup = &rule.Rule{
		Code: "L005", Name: "unbalanced-markup", Family: "layout",
		Summary: "Formatting tags are not closed, not opened, or wrongly nested",
		Doc: "An <i> never closed makes every following line italic in some players; a stray </b> shows as text in " +
			"others. Checked in SRT and WebVTT payloads (TTML markup errors are XML errors, E000).",
		Run: runUnbalancedMarkup, DefaultSeverity: rule.Warning,
	}
)

var layoutRules = []*rule.Rule{LineTooLong, TooManyLines, EmptyCue, StrayWhitespace, UnbalancedMarkup}

func runLineTooLong(p *rule.Pass) {
	max, weight := p.Float("max_chars"), p.Float("half_width_weight")
	widths := lineWidths(p, weight)
	// The line facts, which the text rules take anyway, hold each cue's
	// longest line in bytes: a cue whose lines are all short enough in
	// bytes is passed without reading it.
	_, tf := textFactsOf(p)
	if widths.bounded() && float64(tf.longest) <= max {
		return // every line passes by its bytes, as below
	}
	var limit, want string // the same for every line: built once, at the first finding
	for i, widest := range tf.widest {
		c := &p.Doc.Cues[i]
		if widths.bounded() && float64(widest) <= max || c.Comment {
			continue
		}
		for j := range c.Lines {
			text := c.Lines[j].Text
			if widths.bounded() && (float64(len(text)) <= max || float64(widths.atMost(p, i, j)) <= max) {
				continue
			}
			n := widths.line(p, i, j)
			if n <= max {
				continue
			}
			if limit == "" {
				limit = num(max)
				want = "≤ " + limit + " characters"
			}
			// line N has C characters, more than L: "the line"; the
			// actual value, "C characters", is part of it.
			var from, to int // of the actual value in the message
			message := p.Text(func(b []byte) []byte {
				start := len(b) // the text begins here: b holds the texts before it
				b = append(strconv.AppendInt(append(b, "line "...), int64(j+1), 10), " has "...)
				from = len(b) - start
				b = append(appendNum(b, n), " characters"...)
				to = len(b) - start
				b = append(append(append(b, ", more than "...), limit...), ": "...)
				return appendQuotedLine(b, text)
			})
			reportLine(p, c, j, "max_chars", message, want, message[from:to], rebreakFix(p, c)...)
		}
	}
}

// maxQuoted is how many characters of a line a message quotes: enough to
// find the line, while a 100 MB line does not become a 100 MB message.
const maxQuoted = 200

// appendQuotedLine appends the line in double quotes, cut after maxQuoted
// characters with an ellipsis and the line's length in bytes when it is
// longer.
func appendQuotedLine(b []byte, text string) []byte {
	if len(text) <= maxQuoted {
		return append(append(append(b, '"'), text...), '"') // no more characters than bytes
	}
	n := 0
	for i := range text {
		if n == maxQuoted {
			b = append(append(append(b, '"'), text[:i]...), "…\" ("...)
			return append(strconv.AppendInt(b, int64(len(text)), 10), " bytes in all)"...)
		}
		n++
	}
	return append(append(append(b, '"'), text...), '"')
}

func runTooManyLines(p *rule.Pass) {
	max := p.Int("max_lines")
	for i := range p.Doc.Cues {
		c := &p.Doc.Cues[i]
		if c.Comment || int64(len(c.Lines)) <= max {
			continue
		}
		p.ReportCueFix(c, "max_lines", "cue has "+itoa(int64(len(c.Lines)))+" lines, more than "+itoa(max),
			"≤ "+itoa(max)+" lines", itoa(int64(len(c.Lines)))+" lines", rebreakFix(p, c)...)
	}
}

// blank reports a cue with no visible text (the line facts' blankLine
// on every line, which is how the rules learn it; the equivalence test
// uses this as reference).
func blank(c *cue.Cue) bool {
	for _, l := range c.Lines {
		if strings.TrimSpace(l.Text) != "" {
			return false
		}
	}
	return true
}

// runEmptyCue reports the cues, not comments, that the line facts found
// no text in: those textCues leaves out.
func runEmptyCue(p *rule.Pass) {
	idx, _ := textFactsOf(p)
	k := 0 // the next text cue (idx is in cue order)
	for i := range p.Doc.Cues {
		c := &p.Doc.Cues[i]
		if k < len(idx) && idx[k] == i {
			k++
			continue
		}
		if !c.Comment {
			p.ReportCue(c, "", "cue has no visible text", "text", "nothing")
		}
	}
}

// runStrayWhitespace reads the text cues (not the empty ones: L003
// reports those) through their line facts, which say which lines can have
// stray white space.
func runStrayWhitespace(p *rule.Pass) {
	if !fileFacts(p).is(strayWhitespace) {
		return
	}
	textCueFacts(p, func(c *cue.Cue, facts []lineFacts) {
		for j, l := range c.Lines {
			if !facts[j].is(strayWhitespace) {
				continue
			}
			var what string
			switch {
			case l.Text == "" || strings.TrimSpace(l.Text) == "":
				what = "is empty"
			case isSpace(l.Text[0]):
				what = "starts with a space"
			case isSpace(l.Text[len(l.Text)-1]):
				what = "ends with a space"
			case strings.Contains(l.Text, "  "):
				what = "has a double space"
			default:
				continue
			}
			reportLine(p, c, j, "", "line "+itoa(int64(j+1))+" "+what+": \""+l.Text+"\"", "", "", whitespaceFix(p, c)...)
		}
	})
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' }

func runUnbalancedMarkup(p *rule.Pass) {
	if p.Doc.Format != "srt" && p.Doc.Format != "webvtt" {
		return
	}
	var left leftOpen // what the cue before left unclosed: a stray closer may end it
	for i := range p.Doc.Cues {
		c := &p.Doc.Cues[i]
		if c.Comment {
			continue
		}
		issues := markup.Balance(c.Raw)
		before := left
		left = leftOpenIn(c.Raw, issues)
		if len(issues) == 0 {
			continue
		}
		fixes := balanceFix(p, c, issues, before)
		for _, prob := range markup.Problems(issues) {
			f := rule.AtCue(c)
			f.Line, f.Message, f.Fixes = payloadLine(c, prob.LineInPayload), prob.Message, fixes
			p.Report(f)
		}
	}
}

// payloadLine turns a 1-based line of an SRT/WebVTT cue payload into a source
// line: the readers put Cue.Line on the identifier line when there is one
// (ID set), else on the timing line, and the payload follows the timing line.
func payloadLine(c *cue.Cue, k int) int {
	if k <= 0 {
		return c.Line
	}
	if c.ID != "" {
		return c.Line + 1 + k
	}
	return c.Line + k
}

// reportLine reports a finding about display line j (0-based) of cue c, at
// that line's own source line where the format keeps one payload line per
// display line (SRT, WebVTT), else at the cue's line.
func reportLine(p *rule.Pass, c *cue.Cue, j int, param, message, expected, actual string, fixes ...rule.SuggestedFix) {
	f := p.AtCue(c)
	f.Message, f.Expected, f.Actual, f.Fixes = message, expected, actual, fixes
	if p.Doc.Format == "srt" || p.Doc.Format == "webvtt" {
		f.Line = payloadLine(c, j+1)
	}
	if param != "" {
		f.Source = p.Source(param)
	}
	p.Report(f)
}

// widths are the weighted character counts of every line of a document,
// cue by cue: line length (L001) and reading speed (T005) both need them,
// so a line is counted at most once per file (rule.Pass.Memo), and only
// when a rule cannot decide without its count (see bounded).
type widths struct {
	doc    *cue.Document
	weight float64
	first  []int32   // first[i] is where cue i's lines start in most and n
	most   []uint64  // the bounds atMost gives (and exactBound), the line facts' (textFacts.bounds)
	n      []float64 // the counts, line by line, -1 until counted; made at the first count (most lines need none)
	keep   *widthsScratch
}

type widthsKey struct{ weight float64 }

// widthsScratch is the memory of the last file's widths, which the next
// file checked by the same worker reuses (rule.Pass.Scratch): where each
// cue's lines start, and each line's count once taken (the bounds are the
// line facts'): what these rules allocated most.
type widthsScratch struct {
	first []int32
	n     []float64
}

type widthsScratchKey struct{ weight float64 }

// maxKeptWidthLines bounds the slices a worker keeps from file to file: a file
// of a million lines does not leave 16 MB behind for the rest of the run.
const maxKeptWidthLines = 1 << 16

// scratchSlice returns n elements, in *keep's memory when it has room,
// else new (and kept, when small enough, for the next file). The elements
// hold whatever the last file left: the caller writes before it reads.
func scratchSlice[T any](keep *[]T, n int) []T {
	if cap(*keep) >= n {
		return (*keep)[:n]
	}
	s := make([]T, n)
	if n <= maxKeptWidthLines {
		*keep = s
	}
	return s
}

func lineWidths(p *rule.Pass, weight float64) *widths {
	return p.Memo(widthsKey{weight}, func() any {
		cues := p.Doc.Cues
		keep := p.Scratch(widthsScratchKey{weight}, func() any { return new(widthsScratch) }).(*widthsScratch)
		w := &widths{doc: p.Doc, weight: weight, first: scratchSlice(&keep.first, len(cues)), keep: keep}
		k := 0
		for i := range cues {
			w.first[i] = int32(k)
			k += len(cues[i].Lines)
		}
		return w
	}).(*widths)
}

// lines is the number of lines of the document.
func (w *widths) lines() int {
	if n := len(w.first); n > 0 {
		return int(w.first[n-1]) + len(w.doc.Cues[n-1].Lines)
	}
	return 0
}

// line is the count of cue i's line j. A line whose characters are each
// a cluster of their own (most lines: no marks, joiners or emoji) is
// counted by its code points, which the line facts hold, at weight 1, and
// by those and its wide ones at another; only the others are segmented
// by textcount.Count.
func (w *widths) line(p *rule.Pass, i, j int) float64 {
	k := int(w.first[i]) + j
	m := w.bounds(p)[k]
	if m&exactBound != 0 && w.weight == 1 {
		return float64(m &^ exactBound)
	}
	if w.n == nil {
		w.n = scratchSlice(&w.keep.n, w.lines())
		for k := range w.n {
			w.n[k] = -1 // a count is never negative
		}
	}
	if w.n[k] < 0 {
		text := w.doc.Cues[i].Lines[j].Text
		if m&exactBound != 0 {
			wide := textcount.Wide(text)
			w.n[k] = float64(wide) + float64(int(m&^exactBound)-wide)*w.weight
		} else {
			w.n[k] = textcount.Count(text, w.weight)
		}
	}
	return w.n[k]
}

// bounded reports whether a text's bytes, and atMost, bound its count, so
// that a rule can pass a line or cue short enough without counting it:
// each character is at least one code point (and byte) and counts at most
// 1 when the half-width weight is at most 1. Most lines are passed so: a
// 35-byte line against a limit of 42 by its bytes, a Korean line of 12
// syllables and 3 spaces (39 bytes) against 16 by its code points. The
// counts L001 and T005 took were a tenth of a file's time.
func (w *widths) bounded() bool { return w.weight <= 1 }

// atMost is a bound on the count of cue i's line j: its code points, from
// the line facts, or in a cue without text (white space only) its bytes.
// L001 asks it of a line too long in bytes (T005 sums a cue's bounds
// through cueBounds).
func (w *widths) atMost(p *rule.Pass, i, j int) uint64 {
	return w.bounds(p)[int(w.first[i])+j] &^ exactBound
}

// cueBounds is the bounds of cue i's lines.
func (w *widths) cueBounds(p *rule.Pass, i int) []uint64 {
	return w.bounds(p)[w.first[i]:][:len(w.doc.Cues[i].Lines)]
}

// exactBound marks a bound that is the line's count at weight 1: the line
// facts found no character that joins another in a cluster.
const exactBound = 1 << 63

// bounds is every line's bound, taken at the first call, with exactBound
// on those that are the line's count.
func (w *widths) bounds(p *rule.Pass) []uint64 {
	if w.most != nil {
		return w.most // the rules ask line by line: this much is inlined
	}
	return w.takeBounds(p)
}

func (w *widths) takeBounds(p *rule.Pass) []uint64 {
	// Should the line facts fail (a rule's panic is recovered and the next
	// rule runs), w.most stays nil rather than holding another file's.
	_, tf := textFactsOf(p)
	w.most = tf.bounds
	return w.most
}
