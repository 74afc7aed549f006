package srt

import (
	"math/bits"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/format/internal/lineread"
	"github.com/exportqc/exportqc/qc/format/markup"
)

// maxStrayDiags caps the "text outside any cue" diagnostics, so that a file
// that is not SRT at all yields a few findings rather than thousands.
const maxStrayDiags = 20

// maxUsualInput is the largest text readUsual reads. It cannot know how
// many cues and display lines are coming, and makes room for them as they
// come, by estimate and doubling: on a file of a few MB (a feature film's
// subtitles are some 100 KB) that costs less than the general reading's
// counts; on one of hundreds of MB it could hold up to twice the memory
// the general reading's exact room does.
const maxUsualInput = 4 << 20

// maxInput is the largest text read (line offsets are kept in 32 bits);
// no real subtitle file comes near it.
const maxInput = 1<<31 - 1

// Read parses SRT text (decoded UTF-8). It never fails: what it cannot read
// becomes Diagnostics, and everything else becomes Cues.
func Read(text string) *cue.Document { return read(text, true) }

// read is Read, through readUsual first when usual is set; the tests read
// without it for the general reading to compare with.
func read(text string, usual bool) *cue.Document {
	r := reader{doc: cue.NewDocument(), src: text}
	r.doc.Format, r.doc.TimePrecision = "srt", cue.Millisecond
	if len(text) > maxInput {
		r.doc.Diag(0, 0, 0, "file larger than 2 GiB: only its first 2 GiB are read")
		r.src = text[:maxInput]
	}
	r.dec.Dialect, r.dec.Doc = markup.SRT, r.doc
	from := 0 // the line the general reading starts at
	if usual && len(r.src) <= maxUsualInput && strings.IndexByte(r.src, '\r') < 0 {
		var done bool
		if from, done = r.readUsual(); done {
			r.report()
			return r.doc
		}
	}
	r.split()
	r.doc.ReserveCues(r.timings)
	// Room for the display lines, but never more than a few per timing
	// line: a large text that is no SRT has many lines and no cues.
	r.dec.Reserve(min(r.texts, 3*r.timings))
	r.parse(from)
	r.report()
	return r.doc
}

type kind = uint8 // a byte per line, from the document's LineBytes

const (
	kindBlank  kind = iota
	kindTiming      // a timing line, readable or not
	kindCounter
	kindText
)

type reader struct {
	doc     *cue.Document
	src     string
	ix      cue.LineIndex
	kinds   []kind // per line, classified as the text is split
	timings int    // lines of kindTiming: at most that many cues
	texts   int    // lines of kindText: about as many display lines
	dec     markup.Decoder

	devCount [numDeviations]int
	devLine  [numDeviations]int
	stray    int
	boms     int // lines past the first starting with a BOM

	diags lineread.DiagCap
}

// split indexes the lines, then classifies each from its first bytes: a
// walk over the line spans, not over the text again (a call per line from
// inside the indexing walk measured no faster).
func (r *reader) split() {
	r.ix = r.doc.IndexLines(r.src)
	n := r.ix.Len()
	r.kinds = r.doc.LineBytes(n) // kindBlank, the zero kind, until classified
	for i := range n {
		text := r.ix.Text(i)
		if text == "" {
			continue // kindBlank, the zero kind
		}
		k := classify(text)
		r.kinds[i] = k
		switch k {
		case kindTiming:
			r.timings++
		case kindText:
			r.texts++
		}
	}
}

func (r *reader) text(i int) string { return r.ix.Text(i) }

func (r *reader) kind(i int) kind { return r.kinds[i] }

// classify says what a line is on its own; the parser decides from its
// neighbours what it means (a counter, text that looks like one).
func classify(text string) kind {
	if c := text[0]; c > ' ' && c < 0x80 && !digit(c) {
		// Nearly every line of text ("Hello", "- Hi", "<i>"; not "¿",
		// "1984" or "\u3000"): it is not blank, not a counter, and a
		// timing line only by isTimingCandidate's first test (its second
		// wants a digit first). Decided without the trims.
		k := 0
		for k < len(text) && timestampChar(text[k]) {
			k++
		}
		if k >= 2 && k < len(text) && text[k] == '>' && text[k-2:k] == "--" {
			return kindTiming
		}
		return kindText
	}
	if c := text[0]; c >= utf8.RuneSelf && !mayStartTrimmed(text) {
		// A line of Russian, Arabic or Chinese text (or "¿Qué?"): its
		// first character is not one trim removes, so it stays first,
		// and it is no digit, space or '-': the line is not blank, not
		// a counter and no timing candidate. Decided without decoding
		// the edge characters (trim) or walking the line.
		return kindText
	}
	if isNumber(text) {
		// A counter as written nearly always (no spaces, no BOM): what
		// the general tests below conclude, as a line of digits is no
		// timing candidate.
		return kindCounter
	}
	if canonicalShape(text) {
		// The timing line of nearly every cue: a timing line by
		// isTimingCandidate's first test, decided without its walk.
		return kindTiming
	}
	return classifyGeneral(text)
}

// classifyGeneral is the general answer classify's shortcuts agree with:
// the trims, then the timing and counter tests, as every line once went.
func classifyGeneral(text string) kind {
	t := trim(text)
	switch {
	case t == "":
		return kindBlank
	case isTimingCandidate(text), text[0] == bom0 && isTimingCandidate(strings.TrimPrefix(text, bom)):
		return kindTiming
	case isNumber(t):
		return kindCounter
	}
	return kindText
}

// bom is U+FEFF in UTF-8, and bom0 its first byte. One in the middle of
// the file is where files were joined together, each with its BOM.
const (
	bom  = "\ufeff"
	bom0 = 0xEF
)

// trim removes spaces and stray BOMs (files glued together keep theirs).
func trim(s string) string {
	if s == "" || (s[0] > ' ' && s[0] < 0x80 && s[len(s)-1] > ' ' && s[len(s)-1] < 0x80) {
		return s // the common case, without the cost of the general trims
	}
	// Every text line of a Korean, Russian or Arabic file starts or ends
	// with a letter beyond ASCII: look at the two edge characters before
	// paying for the general trims.
	if first, _ := utf8.DecodeRuneInString(s); keptAtEdge(first) {
		if last, _ := utf8.DecodeLastRuneInString(s); keptAtEdge(last) {
			return s
		}
	}
	return strings.Trim(strings.TrimSpace(s), "\ufeff")
}

// mayStartTrimmed reports whether s (s[0] ≥ 0x80) may start with a
// character trim removes from a line's edge: the Unicode spaces beyond
// ASCII (U+0085 and U+00A0, C2 85 and C2 A0; U+1680, E1 9A 80; U+2000 to
// U+205F, led by E2 80 or E2 81; U+3000, E3 80 80) and the BOM (EF BB
// BF). Any other start is a character trim keeps, or a byte that is no
// character, which it keeps as well. "¿" and "¡" (C2 BF, C2 A1), which
// start about one line of Spanish text in ten, are told apart from the
// two spaces led by C2, and the kana of Japanese lines (E3 81 to E3 83)
// from the ideographic space.
func mayStartTrimmed(s string) bool {
	switch s[0] {
	case 0xC2:
		return len(s) < 2 || s[1] == 0x85 || s[1] == 0xA0
	case 0xE1:
		return len(s) < 3 || s[1] == 0x9A && s[2] == 0x80
	case 0xE2:
		return len(s) < 2 || s[1] == 0x80 || s[1] == 0x81
	case 0xE3:
		return len(s) < 3 || s[1] == 0x80 && s[2] == 0x80
	case 0xEF:
		return len(s) < 3 || s[1] == 0xBB && s[2] == 0xBF
	}
	return false
}

// keptAtEdge says whether trim keeps r at either end of a line.
func keptAtEdge(r rune) bool { return r != '\ufeff' && !unicode.IsSpace(r) }

// maxCounterDigits is the longest line of digits read as a cue counter: a
// longer one is text (a phone number, a year run together).
const maxCounterDigits = 12

// isNumber reports whether s is a counter: 1 to maxCounterDigits digits.
func isNumber(s string) bool {
	if s == "" || len(s) > maxCounterDigits {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !digit(s[i]) {
			return false
		}
	}
	return true
}

func (r *reader) isTiming(i int) bool { return i < r.ix.Len() && r.kind(i) == kindTiming }

// startsCue reports whether a cue starts at line i: a timing line, or any
// non-blank line directly followed by one (its counter, possibly garbled).
func (r *reader) startsCue(i int) bool {
	return r.isTiming(i) || (r.kind(i) != kindBlank && r.isTiming(i+1))
}

// parse reads the cues from line from on (0, or where readUsual stopped).
func (r *reader) parse(from int) {
	n := r.ix.Len()
	for i := from; i < n; {
		switch {
		case r.kind(i) == kindBlank:
			i++
		case r.isTiming(i):
			i = r.cue(-1, i)
		case r.isTiming(i + 1):
			i = r.cue(i, i+1)
		case r.kind(i) == kindCounter:
			end := r.payloadEnd(i + 1)
			msg := "cue " + trim(r.text(i)) + " has no timing line"
			if end > i+1 {
				msg += "; its text (lines " + strconv.Itoa(i+2) + "-" + strconv.Itoa(end) + ") is skipped"
			}
			r.diag(i, 0, msg)
			i = end
		default:
			end := r.payloadEnd(i + 1)
			r.strayText(i, end)
			i = end
		}
	}
}

// payloadEnd returns the end (exclusive) of the payload that starts at line
// j: where the next cue starts, or the end of the file, less trailing blanks.
func (r *reader) payloadEnd(j int) int {
	n, last := r.ix.Len(), j
	for j < n {
		switch {
		case r.kind(j) == kindBlank:
			k := j
			for k < n && r.kind(k) == kindBlank {
				k++
			}
			if k == n || r.startsCue(k) || r.kind(k) == kindCounter {
				return last
			}
			j = k // blank lines inside the cue: keep them and what follows
		case r.isTiming(j):
			return last
		case r.kind(j) == kindCounter && r.isTiming(j+1):
			return last // next cue's counter without a blank line before it
		default:
			j++
			last = j
		}
	}
	return last
}

// cue reads the cue whose counter is at line ci (-1 if none) and timing at
// ti, appends it unless its timing is unreadable, and returns the line after it.
func (r *reader) cue(ci, ti int) int {
	end := r.payloadEnd(ti + 1)
	first := ti
	id := ""
	if ci >= 0 {
		first = ci
		cl := r.text(ci)
		id = trim(cl)
		if cl[0] == bom0 {
			r.joined(ci, cl)
		}
	}
	tl, skip := r.text(ti), 0
	if tl[0] == bom0 {
		skip = r.joined(ti, tl)
		tl = tl[skip:]
	}
	var t timing // filled in place: a timing returned by value is copied
	var err string
	if start, end, ok := canonicalTimes(tl); ok {
		t.start, t.end, t.startAt, t.endAt = start, end, canonicalStartAt, canonicalEndAt
	} else {
		t, err = parseTiming(tl)
	}
	if skip > 0 {
		t.startAt[0], t.startAt[1] = t.startAt[0]+skip, t.startAt[1]+skip
		t.endAt[0], t.endAt[1] = t.endAt[0]+skip, t.endAt[1]+skip
	}
	if err != "" {
		what := "timing line"
		if id != "" {
			what = "cue " + id + ": timing line"
		}
		r.diag(ti, 0, what+" "+strconv.Quote(strings.TrimSpace(tl))+" cannot be read ("+err+"); the cue is skipped")
		return end
	}
	index := len(r.doc.Cues) + 1
	if id != "" && !isNumber(id) {
		r.diag(ci, index, "counter line "+strconv.Quote(id)+" is not a number")
		r.lastKind(cue.KindSpelling)
	}
	// The deviations of this line, lowest first: most lines have none,
	// and then no test per kind.
	for d := uint8(t.dev); d != 0; d &= d - 1 {
		k := bits.TrailingZeros8(d)
		if r.devCount[k] == 0 {
			r.devLine[k] = ti
		}
		r.devCount[k]++
	}
	if t.rangeMsg != "" {
		r.diag(ti, index, t.rangeMsg)
	}
	if t.start < 0 || t.end < 0 {
		// Kept as read, for the timing rules; but no player shows a time
		// before zero (most drop the cue, some clamp it to 0).
		r.diag(ti, index, "timing line "+strconv.Quote(strings.TrimSpace(tl))+" has a negative time: players drop the cue or show it from 00:00:00")
	}
	raw := r.join(ti+1, end)
	c := r.doc.NewCue()
	c.Index, c.ID, c.Line, c.Offset = index, id, first+1, r.ix.Offset(first)
	c.Start, c.End, c.Settings = t.start, t.end, t.settings
	c.Raw = raw
	if r.ix.Plain(ti+1, end) {
		c.Lines = r.dec.IndexLines(&r.ix, ti+1, end) // no markup to decode
	} else {
		c.Lines = r.dec.Lines(raw)
	}
	lineread.SetSources(c, &r.ix, ti, t.startAt, t.endAt, ti+1, end)
	return end
}

// joined reports a byte-order mark starting line i (a counter or a timing
// line) past the file's start, and returns its length, or 0: the line is
// read without it, but a player that does not expect it there loses the
// cue. A BOM at the file's start is E002's.
func (r *reader) joined(i int, text string) int {
	if !strings.HasPrefix(text, bom) || r.ix.Offset(i) == 0 {
		return 0
	}
	r.boms++
	msg := ""
	switch {
	case r.boms < maxStrayDiags:
		msg = "line " + strconv.Itoa(i+1) + " starts with a byte-order mark (U+FEFF), as where files were joined " +
			"together; read without it, but a player that does not expect one there may lose the cue"
	case r.boms == maxStrayDiags:
		msg = "more lines start with a byte-order mark from here on (not reported further)"
	default:
		return len(bom)
	}
	r.doc.Diagnostics = append(r.doc.Diagnostics, cue.Diagnostic{Rule: CodeByteOrderMark, Line: i + 1, Offset: r.ix.Offset(i), Message: msg})
	return len(bom)
}

// join returns lines [a, b) joined by "\n" (see cue.LineIndex.Join).
func (r *reader) join(a, b int) string { return r.ix.Join(a, b) }

func (r *reader) strayText(a, b int) {
	r.stray++
	switch {
	case r.stray < maxStrayDiags:
		msg := "text outside any cue is ignored"
		if b-a > 1 {
			msg += " (lines " + strconv.Itoa(a+1) + "-" + strconv.Itoa(b) + ")"
		}
		r.diag(a, 0, msg+": "+strconv.Quote(clip(trim(r.text(a)))))
	case r.stray == maxStrayDiags:
		r.diag(a, 0, "more text outside any cue is ignored from here on (not reported further)")
	}
}

func clip(s string) string {
	if len(s) <= 60 {
		return s
	}
	cut := 60
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

// report closes the list of diagnostics and adds one per kind of
// timestamp deviation (these few are never capped).
func (r *reader) report() {
	r.unlisted()
	for k := 0; k < numDeviations; k++ {
		if c := r.devCount[k]; c > 0 {
			i := r.devLine[k]
			r.doc.Diagnostics = append(r.doc.Diagnostics, cue.Diagnostic{Rule: deviationRule(1 << k), Line: i + 1, Offset: r.ix.Offset(i),
				Message: plural(c, "timing line") + " with " + deviationText[k] + " (first on line " + strconv.Itoa(i+1) + ")",
				Kind:    cue.KindSpelling})
		}
	}
}

// maxDiags caps the diagnostics of one file (lineread.DiagCap).
const maxDiags = lineread.MaxDiags

// lastKind classes the diagnostic just made (if it was listed).
func (r *reader) lastKind(kind string) {
	if r.diags.LastListed() && len(r.doc.Diagnostics) > 0 {
		r.doc.Diagnostics[len(r.doc.Diagnostics)-1].Kind = kind
	}
}

func (r *reader) diag(i, cueIndex int, msg string) { r.diags.Add(r.doc, &r.ix, i, cueIndex, msg) }

// unlisted closes the list of diagnostics with the count of those left out.
func (r *reader) unlisted() { r.diags.Close(r.doc, &r.ix) }

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}
