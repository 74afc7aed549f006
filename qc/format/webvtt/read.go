package webvtt

import (
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/format/internal/lineread"
	"github.com/exportqc/exportqc/qc/format/markup"
)

// maxStrayDiags caps the "text outside any cue" diagnostics.
const maxStrayDiags = 20

// maxInput is the largest text read (line offsets are kept in 32 bits).
const maxInput = 1<<31 - 1

// Read parses WebVTT text (decoded UTF-8). It never fails: what it cannot
// read becomes Diagnostics, and everything else becomes Cues.
func Read(text string) *cue.Document {
	doc, _ := ReadWithRegions(text)
	return doc
}

// ReadWithRegions is Read that also returns the regions defined in the
// header, in file order (a cue's Region names the last one with its id).
func ReadWithRegions(text string) (*cue.Document, []Region) {
	return read(text, false)
}

// read is ReadWithRegions; general reads every block by block.
func read(text string, general bool) (*cue.Document, []Region) {
	r := reader{doc: cue.NewDocument(), src: text, general: general}
	r.doc.Format, r.doc.TimePrecision = "webvtt", cue.Millisecond
	if len(text) > maxInput {
		r.doc.Diag(0, 0, 0, "file larger than 2 GiB: only its first 2 GiB are read")
		r.src = text[:maxInput]
	}
	r.dec.Dialect, r.dec.Doc = markup.WebVTT, r.doc
	r.split()
	r.hasNUL = r.ix.HasNUL()
	arrows := r.doc.MarkArrows(&r.ix) // r.ix.Arrow(i): line i holds "-->"
	r.doc.MakeCues(arrows)
	// Room for the display lines in one block: the lines that are neither
	// a cue's timing line nor the blank line after it (its identifier,
	// when it has one, is counted too), but no more than two per cue, the
	// most cues have: more lines get blocks of their own.
	r.dec.Reserve(max(0, min(r.ix.Len()-2*arrows, 2*arrows)))
	r.parse()
	r.reportLegacy()
	r.unlisted()
	return r.doc, r.regions
}

type reader struct {
	doc     *cue.Document
	src     string
	ix      cue.LineIndex
	dec     markup.Decoder
	regions []Region
	// regionIDs indexes regions once the cues start (regions come first).
	regionIDs map[string]bool
	seenCue   bool
	hasNUL    bool
	// general: every block is read by block, cueBlock is skipped (for
	// the tests that compare the two).
	general bool
	stray   int
	// badSignature: the first line is not a WEBVTT signature (reported).
	badSignature bool
	sigBlock     int // the line where that garbled first block starts
	// legacy counts the legacy spellings met, by kind, for one finding per
	// file; legacyLine is the first line where one was met.
	legacy     [numLegacyKinds]int
	legacyLine int
	// legacyRegions are the ids a legacy "Region:" header line defines:
	// cues naming them are counted with the legacy header, not reported
	// one by one as naming no region.
	legacyRegions    map[string]bool
	legacyRegionRefs int
	lastSettings     parsedSettings // the last cue's, see settings

	diags lineread.DiagCap
}

func (r *reader) split() { r.ix = r.doc.IndexLines(r.src) }

func (r *reader) text(i int) string { return r.ix.Text(i) }

func (r *reader) parse() {
	n := r.ix.Len()
	i := 0
	if n == 0 {
		r.doc.Diag(1, 0, 0, "file is empty: no \"WEBVTT\" signature")
		return
	}
	sig := r.text(0)
	if strings.HasPrefix(sig, "WEBVTT") && (len(sig) == 6 || sig[6] == ' ' || sig[6] == '\t') {
		i = 1
		if i < n {
			if r.text(i) != "" {
				i = r.block(i, true)
			} else {
				i++
			}
		}
	} else {
		found := "the first line is " + strconv.Quote(clip(sig))
		if sig == "" {
			found = "the file starts with a blank line"
		}
		r.diag(0, 0, "missing \"WEBVTT\" signature: "+found+" (players refuse the file); cues are read anyway")
		r.badSignature = true // the garbled first block is covered by this diagnostic
		for r.sigBlock < n && blankish(r.text(r.sigBlock)) && r.text(r.sigBlock) != "" {
			r.sigBlock++ // lines of spaces before it do not make it another block
		}
	}
	for {
		// A line of only spaces or tabs between blocks is read as a blank
		// line, unless a timing line follows (then it is the identifier " ",
		// as in the spec). The spec makes it the start of a block of stray
		// text, which swallows a following cue identifier; players show
		// nothing for it either way, and Netflix's exports carry such lines.
		for i < n && blankish(r.text(i)) && (r.text(i) == "" || i+1 >= n || !r.ix.Arrow(i+1)) {
			i++
		}
		if i >= n {
			return
		}
		if next, ok := r.cueBlock(i); ok {
			i = next
			continue
		}
		i = r.block(i, false)
	}
}

// cueBlock reads the block at line i as block does when it is the kind
// nearly every block of a file is: a cue after the first, its timing line
// first or after a one-line identifier, and a timing line that parses.
// It reports false, reading nothing, for any other block, which block
// then reads. block's general walk, with the header's keywords and its
// state per line, costs more than all the rest of a cue's reading; the
// two agree (TestCueBlockReadsAsBlock).
func (r *reader) cueBlock(i int) (next int, ok bool) {
	if !r.seenCue || r.general {
		return 0, false
	}
	n := r.ix.Len()
	first, timingLine := i, i
	var id string
	if !r.ix.Arrow(i) {
		if i+1 >= n || !r.ix.Arrow(i+1) {
			return 0, false
		}
		id, timingLine = r.text(i), i+1
	}
	t, err := parseTiming(r.text(timingLine))
	if err != "" {
		return 0, false // block reports it
	}
	t.settings = r.noNUL(t.settings)
	// The payload runs to a blank line, the next timing line or the end.
	from := timingLine + 1
	k := from
	for k < n {
		if r.text(k) == "" || r.ix.Arrow(k) {
			break
		}
		k++
	}
	r.addCue(first, timingLine, id, t, from, k)
	return k, true
}

// block runs the spec's "collect a WebVTT block" from line i and returns
// the line where the next block may start.
func (r *reader) block(i int, inHeader bool) int {
	n := r.ix.Len()
	first, lineCount, prev := i, 0, i
	bufFrom, bufTo := i, i // the buffer is lines [bufFrom, bufTo)
	seenArrow, isStyle, isRegion := false, false, false
	cueOK, timingLine, badLine := false, -1, -1
	var t timing
	var badMsg, id string
	for i < n {
		line := r.text(i)
		lineCount++
		i++
		if r.ix.Arrow(i - 1) {
			if inHeader || !(lineCount == 1 || (lineCount == 2 && !seenArrow)) {
				i = prev
				break
			}
			seenArrow = true
			prev = i
			var err string
			t, err = parseTiming(line)
			if err != "" {
				cueOK, badLine, badMsg = false, i-1, err
			} else {
				cueOK, timingLine = true, i-1
				if bufTo > bufFrom {
					first = bufFrom // the identifier line
				} else {
					first = i - 1
				}
				r.seenCue = true
				t.settings = r.noNUL(t.settings)
				// The buffer held the identifier; the payload starts here.
				idFrom, idTo := bufFrom, bufTo
				bufFrom, bufTo = i, i
				id = r.join(idFrom, idTo)
			}
		} else if line == "" {
			i-- // for the report below; the caller skips blank lines anyway
			break
		} else {
			if !inHeader && lineCount == 2 && !r.seenCue && bufTo-bufFrom == 1 {
				switch kw := r.text(bufFrom); {
				case keyword(kw, "STYLE"):
					isStyle, bufFrom, bufTo = true, i-1, i-1
				case keyword(kw, "REGION"):
					isRegion, bufFrom, bufTo = true, i-1, i-1
				}
			}
			if bufTo == bufFrom {
				bufFrom = i - 1
			}
			bufTo = i
			prev = i
		}
	}
	switch {
	case cueOK:
		r.addCue(first, timingLine, id, t, bufFrom, bufTo)
	case isStyle:
		// Style sheets do not change what QC checks.
	case isRegion:
		rg, probs := parseRegion(r.join(bufFrom, bufTo))
		rg.SourceLine = first + 1
		for _, p := range probs {
			r.diag(first, 0, p)
		}
		r.regions = append(r.regions, rg)
		r.regionIDs = nil
	case badLine >= 0:
		r.diag(badLine, 0, "timing line "+strconv.Quote(clip(strings.TrimSpace(r.text(badLine))))+" cannot be read ("+badMsg+"); the cue is skipped")
	case inHeader:
		// Header metadata (Kind:, Language:, X-TIMESTAMP-MAP=...): only the
		// declared language matters to QC (HLS and YouTube files carry it).
		for k := bufFrom; k < bufTo; k++ {
			name, value, ok := strings.Cut(r.text(k), ":")
			switch {
			case !ok:
			case strings.EqualFold(strings.TrimSpace(name), "Language"):
				r.doc.Language = strings.TrimSpace(value)
			case name == "Region":
				r.legacyRegionHeader(k, value)
			}
		}
	default:
		r.ignoredBlock(first, i)
	}
	return i
}

// keyword reports whether line is word followed only by ASCII whitespace.
func keyword(line, word string) bool {
	if !strings.HasPrefix(line, word) {
		return false
	}
	for k := len(word); k < len(line); k++ {
		if !isWS(line[k]) {
			return false
		}
	}
	return true
}

// ignoredBlock reports a block that is neither a cue nor a header block,
// unless it is a NOTE comment.
func (r *reader) ignoredBlock(first, end int) {
	line := r.text(first)
	if strings.HasPrefix(line, "NOTE") && (len(line) == 4 || line[4] == ' ' || line[4] == '\t') {
		return
	}
	if first == r.sigBlock && r.badSignature {
		return // the garbled signature block, already reported
	}
	if !r.seenCue && r.legacyRegionBlock(first, end) {
		return
	}
	switch {
	case keyword(line, "STYLE") && r.seenCue:
		r.diag(first, 0, "STYLE block after the first cue is ignored (style sheets must come before the cues)")
		return
	case keyword(line, "REGION") && r.seenCue:
		r.diag(first, 0, "REGION block after the first cue is ignored (regions must come before the cues)")
		return
	}
	r.stray++
	switch {
	case r.stray < maxStrayDiags:
		msg := "text outside any cue is ignored"
		if end-first > 1 {
			msg += " (lines " + strconv.Itoa(first+1) + "-" + strconv.Itoa(end) + ")"
		}
		r.diag(first, 0, msg+": "+strconv.Quote(clip(line)))
	case r.stray == maxStrayDiags:
		r.diag(first, 0, "more text outside any cue is ignored from here on (not reported further)")
	}
}

func (r *reader) addCue(first, timingLine int, id string, t timing, from, to int) {
	index := len(r.doc.Cues) + 1
	raw := r.noNUL(r.join(from, to))
	c := r.doc.NewCue() // the diagnostics below name their cue: none counts the cues
	c.Index, c.ID, c.Line, c.Offset = index, r.noNUL(id), first+1, r.ix.Offset(first)
	c.Start, c.End, c.Settings = t.start, t.end, t.settings
	c.Raw = raw
	plain := r.ix.Plain(from, to) // no markup, no NUL for noNUL to replace
	if plain {
		c.Lines = r.dec.IndexLines(&r.ix, from, to)
	} else {
		c.Lines = r.dec.Lines(raw)
	}
	lineread.SetSources(c, &r.ix, timingLine, t.startAt, t.endAt, from, to)
	if !plain && strings.IndexByte(raw, '<') >= 0 {
		for _, p := range markup.WebVTTTextProblems(raw) {
			r.diag(from+p.LineInPayload-1, index, p.Message)
		}
	}
	if t.settings != "" {
		ps := r.settings(t.settings)
		for _, p := range ps.probs {
			r.diag(timingLine, index, p)
		}
		for _, l := range ps.legacy {
			r.sawLegacy(l.Kind, timingLine)
		}
		if region := ps.st.Region; region != "" {
			switch {
			case r.region(region):
				c.Region = region
			case r.legacyRegions[region]:
				r.legacyRegionRefs++
			default:
				r.diag(timingLine, index, "cue setting region:"+region+" names no region defined in the header")
			}
		}
	}
}

// parsedSettings is one cue's settings as parseSettings read them.
type parsedSettings struct {
	text   string
	st     Settings
	probs  []string
	legacy []Legacy
}

// settings is parseSettings, which it skips when a cue's settings are
// written as the previous cue's were: most files give every cue the same
// line and alignment. What it returns is only read, and only until the
// next call (returned in place: Settings is too large to copy per cue).
func (r *reader) settings(s string) *parsedSettings {
	if p := &r.lastSettings; p.text == s && s != "" {
		return p
	}
	st, probs, legacy := parseSettings(s)
	r.lastSettings = parsedSettings{s, st, probs, legacy}
	return &r.lastSettings
}

func (r *reader) region(id string) bool {
	if r.regionIDs == nil {
		r.regionIDs = make(map[string]bool, len(r.regions))
		for _, rg := range r.regions {
			r.regionIDs[rg.ID] = true
		}
	}
	return r.regionIDs[id]
}

// noNUL replaces U+0000 by U+FFFD, as the spec's preprocessing does. The
// NULs themselves are reported line by line for every text format by the
// engine (rule E005), so the reader does not repeat them.
func (r *reader) noNUL(s string) string {
	if !r.hasNUL {
		return s // small enough to inline: asked three times a cue
	}
	return replaceNUL(s)
}

func replaceNUL(s string) string {
	if strings.IndexByte(s, 0) < 0 {
		return s
	}
	return strings.ReplaceAll(s, "\x00", "\ufffd")
}

// legacyRegionHeader notes a "Region: id=... width=..." header line, the
// 2013 draft's way to define a region that REGION blocks replaced.
func (r *reader) legacyRegionHeader(line int, value string) {
	r.sawLegacy(LegacyRegionHeader, line)
	for rest := value; ; {
		var tok string
		if tok, rest = nextToken(rest); tok == "" {
			return
		}
		if id, ok := strings.CutPrefix(tok, "id="); ok && id != "" {
			if r.legacyRegions == nil {
				r.legacyRegions = map[string]bool{}
			}
			r.legacyRegions[id] = true
		}
	}
}

// legacyRegionBlock reads a block of "Region:" lines before the first cue
// as the legacy header lines they were meant to be (go-astisub writes them
// after its STYLE block). It reports false, reading nothing, for any other
// block.
func (r *reader) legacyRegionBlock(first, end int) bool {
	for k := first; k < end; k++ {
		if !strings.HasPrefix(r.text(k), "Region:") {
			return false
		}
	}
	for k := first; k < end; k++ {
		r.legacyRegionHeader(k, strings.TrimPrefix(r.text(k), "Region:"))
	}
	return true
}

func (r *reader) sawLegacy(k LegacyKind, line int) {
	if r.legacy == [numLegacyKinds]int{} {
		r.legacyLine = line
	}
	r.legacy[k]++
}

// reportLegacy gives the legacy spellings of the file one finding: each is
// a single fix in the authoring tool's export settings, not a defect per
// cue, and a file written by such a tool has one on every cue.
func (r *reader) reportLegacy() {
	var parts []string
	total := 0
	for k, n := range r.legacy {
		if n == 0 {
			continue
		}
		total += n
		kind := LegacyKind(k)
		parts = append(parts, kind.Old()+" ×"+strconv.Itoa(n)+" (now "+kind.Modern()+")")
	}
	if total == 0 {
		return
	}
	uses := " uses of legacy WebVTT spellings"
	if total == 1 {
		uses = " use of a legacy WebVTT spelling"
	}
	msg := strconv.Itoa(total) + uses + ", which players that follow the current spec ignore: " + strings.Join(parts, ", ")
	if r.legacyRegionRefs > 0 {
		msg += "; " + strconv.Itoa(r.legacyRegionRefs) + " cues name a region only a \"Region:\" header line defines"
	}
	i := r.legacyLine
	r.doc.Diagnostics = append(r.doc.Diagnostics, cue.Diagnostic{Rule: CodeLegacySetting, Line: i + 1,
		Offset: r.ix.Offset(i), Message: msg + "; first at line " + strconv.Itoa(i+1)})
}

// blankish reports a line that is empty or holds only spaces and tabs.
func blankish(line string) bool {
	for k := 0; k < len(line); k++ {
		if line[k] != ' ' && line[k] != '\t' {
			return false
		}
	}
	return true
}

// join returns lines [a, b) joined by "\n" (see cue.LineIndex.Join).
func (r *reader) join(a, b int) string { return r.ix.Join(a, b) }

// maxDiags caps the diagnostics of one file (lineread.DiagCap).
const maxDiags = lineread.MaxDiags

func (r *reader) diag(i, cueIndex int, msg string) { r.diags.Add(r.doc, &r.ix, i, cueIndex, msg) }

// unlisted closes the list of diagnostics with the count of those left out.
func (r *reader) unlisted() { r.diags.Close(r.doc, &r.ix) }

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
