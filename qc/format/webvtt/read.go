package webvtt

import (
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
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
	r := reader{doc: &cue.Document{Format: "webvtt", TimePrecision: cue.Millisecond}, src: text}
	if len(text) > maxInput {
		r.doc.Diag(0, 0, 0, "file larger than 2 GiB: only its first 2 GiB are read")
		r.src = text[:maxInput]
	}
	r.dec.Dialect = markup.WebVTT
	r.hasNUL = strings.IndexByte(r.src, 0) >= 0
	r.split()
	r.doc.Cues = make([]cue.Cue, 0, strings.Count(r.src, "-->"))
	r.parse()
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
	nulSeen   bool
	stray     int
	// badSignature: the first line is not a WEBVTT signature (reported).
	badSignature bool

	ndiag, firstUnlisted int
}

func (r *reader) split() { r.ix = cue.IndexLines(r.src) }

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
	}
	for {
		for i < n && r.text(i) == "" {
			i++
		}
		if i >= n {
			return
		}
		i = r.block(i, false)
	}
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
		if strings.Contains(line, "-->") {
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
				t.settings = r.noNUL(t.settings, i-1)
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
			if name, value, ok := strings.Cut(r.text(k), ":"); ok && strings.EqualFold(strings.TrimSpace(name), "Language") {
				r.doc.Language = strings.TrimSpace(value)
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
	if first == 0 && r.badSignature {
		return // the garbled signature block, already reported
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
	raw := r.noNUL(r.join(from, to), from)
	c := cue.Cue{
		Index:    index,
		ID:       r.noNUL(id, first),
		Line:     first + 1,
		Offset:   r.ix.Offset(first),
		Start:    t.start,
		End:      t.end,
		Raw:      raw,
		Lines:    r.dec.Lines(raw),
		Settings: t.settings,
	}
	r.sources(&c, timingLine, from, to, &t)
	if strings.IndexByte(raw, '<') >= 0 {
		for _, p := range markup.WebVTTTextProblems(raw) {
			r.diag(from+p.LineInPayload-1, index, p.Message)
		}
	}
	if t.settings != "" {
		st, probs := ParseSettings(t.settings)
		for _, p := range probs {
			r.diag(timingLine, index, p)
		}
		if st.Region != "" {
			if r.region(st.Region) {
				c.Region = st.Region
			} else {
				r.diag(timingLine, index, "cue setting region:"+st.Region+" names no region defined in the header")
			}
		}
	}
	r.doc.Cues = append(r.doc.Cues, c)
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

// noNUL replaces U+0000 by U+FFFD, as the spec's preprocessing does, and
// reports it once per file.
func (r *reader) noNUL(s string, line int) string {
	if !r.hasNUL || strings.IndexByte(s, 0) < 0 {
		return s
	}
	if !r.nulSeen {
		r.nulSeen = true
		r.diag(line, 0, "the file contains NUL characters (U+0000); they are read as U+FFFD")
	}
	return strings.ReplaceAll(s, "\x00", "\ufffd")
}

// join returns lines [a, b) joined by "\n" (see cue.LineIndex.Join).
func (r *reader) join(a, b int) string { return r.ix.Join(a, b) }

// maxDiags caps the diagnostics of one file: a file that breaks on every
// line needs a few hundred examples, not a finding per line.
const maxDiags = 500

func (r *reader) diag(i, cueIndex int, msg string) {
	r.ndiag++
	switch {
	case r.ndiag <= maxDiags:
		r.doc.Diag(i+1, r.ix.Offset(i), cueIndex, msg)
	case r.ndiag == maxDiags+1:
		r.firstUnlisted = i
	}
}

// unlisted closes the list of diagnostics with the count of those left out.
func (r *reader) unlisted() {
	if n := r.ndiag - maxDiags; n > 0 {
		i := r.firstUnlisted
		r.doc.Diag(i+1, r.ix.Offset(i), 0, strconv.Itoa(n)+" more problems from here on are not listed")
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
