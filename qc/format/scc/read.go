// Package scc reads Scenarist SCC files: CEA-608 caption data, one hex word
// per frame, decoded as a television decoder would to find what is on
// screen and when.
//
// What the cues mean:
//   - one cue per caption as displayed: a pop-on caption from its EOC to the
//     EDM or EOC that removes it; a roll-up row from its first character to
//     the carriage return that scrolls it off (or EDM); a paint-on caption
//     from its first character to the EDM or EOC that removes it;
//   - Lines are the rows top to bottom, trailing spaces trimmed; positioning
//     (indent, tab offsets, leading mid-row codes, transparent spaces) is not
//     text, a mid-row code between words shows as a space;
//   - Region is the caption mode ("pop-on", "roll-up", "paint-on"); Settings
//     is "rows=14,15 cols=4,0", the row (1-15) and 0-based column of each
//     line's first character; Raw is the rows laid out from column 0;
//   - Line/Offset are those of the SCC line whose code made the cue visible.
//
// Only channel CC1 is decoded; other channels are counted (C009).
package scc

import (
	"math/bits"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
)

const header = "Scenarist_SCC V1.0"

// Read decodes an SCC file (decoded UTF-8 text; SCC is ASCII). It never
// fails: problems become diagnostics and decoding goes on.
func Read(text string) *cue.Document {
	d, _ := read(text)
	return d
}

// stats are facts about the file that tests compare with the corpus manifest.
type stats struct {
	dropFrame, nonDropFrame int
	mixLine                 int // first line whose timecode kind differs from the first one's
	mixOffset               int64
	firstDrop               bool

	parityBad  int
	parityLine int
	parityOff  int64

	otherWords int
	otherLine  int
	otherOff   int64
}

func read(text string) (*cue.Document, *stats) {
	d := newDecoder()
	sc := cue.NewLineScanner(text)
	seen := false
	var prevStart, prevEnd int64 = -1, -1
	for sc.Scan() {
		raw := sc.Text()
		trimmed := strings.TrimLeft(raw, " \t")
		lead := len(raw) - len(trimmed)
		line := strings.TrimRight(trimmed, " \t")
		if line == "" {
			continue
		}
		d.line, d.offset = sc.Line(), sc.Offset()
		if !seen {
			seen = true
			if strings.HasPrefix(line, "Scenarist_SCC") {
				if line != header {
					d.diag("", d.line, d.offset, 0, "unexpected header "+quote(line)+"; want "+quote(header))
				}
				continue
			}
			d.diag("", d.line, d.offset, 0, "missing "+quote(header)+" header")
		}
		start, n, ok := d.captionLine(line, int64(lead), prevStart, prevEnd)
		if ok {
			prevStart, prevEnd = start, start+int64(n)
		}
	}
	if !seen {
		d.diag("", 0, 0, 0, "empty file: no "+quote(header)+" header and no captions")
	}
	d.summarise()
	end := prevEnd
	if end < 0 {
		end = 0
	}
	d.finish(end)
	return d.doc, &d.stats
}

// captionLine decodes one "timecode<TAB>words" line; lead is the offset of
// line within the source line. It returns the frame of the first word and
// the number of words.
func (d *decoder) captionLine(line string, lead, prevStart, prevEnd int64) (start int64, n int, ok bool) {
	i := strings.IndexAny(line, " \t")
	tcText, rest := line, ""
	if i >= 0 {
		tcText, rest = line[:i], line[i:]
	}
	tc, ok := parseTimecode(tcText)
	if !ok {
		d.diag("", d.line, d.offset, 0, "not a caption line: want a timecode HH:MM:SS:FF (or ;FF) followed by hex words, got "+quote(line))
		return 0, 0, false
	}
	if why := tc.valid(); why != "" {
		d.diag("", d.line, d.offset, 0, "timecode "+tcText+" does not exist: "+why)
	}
	d.countKind(tc)
	start = tc.frames()
	if prevStart >= 0 {
		switch {
		case start <= prevStart:
			d.diag(CodeTimecodeOrder, d.line, d.offset, 0, "timecode "+tcText+" is not after the previous line's")
		case start < prevEnd:
			d.diag(CodeTimecodeOrder, d.line, d.offset, 0, "timecode "+tcText+" comes "+itoa(int(prevEnd-start))+
				" frame(s) before the previous line's data has been sent (one word per frame)")
		}
	}
	if start != prevEnd {
		d.lastCtrl = 0 // a gap in time: a repeat here is a new command, not a copy
	}
	base := d.offset + lead + int64(len(line)-len(rest))
	for k := 0; k < len(rest); {
		for k < len(rest) && (rest[k] == ' ' || rest[k] == '\t') {
			k++
		}
		if k >= len(rest) {
			break
		}
		j := k
		for j < len(rest) && rest[j] != ' ' && rest[j] != '\t' {
			j++
		}
		d.frame = start + int64(n)
		d.wordAt = base + int64(k)
		if w, ok := parseWord(rest[k:j]); ok {
			d.word(w)
		} else {
			d.lastCtrl = 0
			d.bad.addText(d, rest[k:j])
		}
		n++
		k = j
	}
	d.bad.flush(d)
	return start, n, true
}

func parseWord(s string) (uint16, bool) {
	if len(s) != 4 {
		return 0, false
	}
	var w uint16
	for i := 0; i < 4; i++ {
		c := s[i]
		var v byte
		switch {
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			return 0, false
		}
		w = w<<4 | uint16(v)
	}
	return w, true
}

func (d *decoder) countKind(tc timecode) {
	s := &d.stats
	if s.dropFrame+s.nonDropFrame == 0 {
		s.firstDrop = tc.drop
	} else if tc.drop != s.firstDrop && s.mixLine == 0 {
		s.mixLine, s.mixOffset = d.line, d.offset
	}
	if tc.drop {
		s.dropFrame++
	} else {
		s.nonDropFrame++
	}
}

// checkParity counts bytes without odd parity. Many SCC files in the wild
// are written without parity bits, so this is noted once per file.
func (d *decoder) checkParity(b byte) {
	if bits.OnesCount8(b)%2 == 1 {
		return
	}
	s := &d.stats
	if s.parityBad == 0 {
		s.parityLine, s.parityOff = d.line, d.wordAt
	}
	s.parityBad++
}

func (d *decoder) otherData() {
	s := &d.stats
	if s.otherWords == 0 {
		s.otherLine, s.otherOff = d.line, d.wordAt
	}
	s.otherWords++
}

// summarise turns the per-file counts into their single diagnostics.
func (d *decoder) summarise() {
	s := &d.stats
	if s.mixLine > 0 {
		d.diag(CodeMixedTimecode, s.mixLine, s.mixOffset, 0, itoa(s.dropFrame)+" drop-frame and "+
			itoa(s.nonDropFrame)+" non-drop-frame timecodes in one file; this is the first that differs from the first timecode")
	}
	if s.parityBad > 0 {
		d.diag(CodeInvalidCode, s.parityLine, s.parityOff, 0, itoa(s.parityBad)+
			" byte(s) without odd parity (first here); parity was ignored")
	}
	if s.otherWords > 0 {
		d.diag(CodeOtherChannelData, s.otherLine, s.otherOff, 0, itoa(s.otherWords)+
			" word(s) of data for channels other than CC1 (first here) were not checked")
	}
}

// badWords gathers the invalid words of one SCC line into one diagnostic,
// so that a line of garbage gives one finding rather than dozens.
type badWords struct {
	n     int
	first int64
	descr []string
}

func (b *badWords) add(d *decoder, w uint16, why string) {
	b.note(d, hex4(w)+" ("+why+")")
}

func (b *badWords) addText(d *decoder, s string) {
	b.note(d, quote(s)+" (not four hex digits)")
}

func (b *badWords) note(d *decoder, s string) {
	if b.n == 0 {
		b.first = d.wordAt
	}
	b.n++
	if len(b.descr) < 4 {
		b.descr = append(b.descr, s)
	}
}

func (b *badWords) flush(d *decoder) {
	if b.n == 0 {
		return
	}
	msg := itoa(b.n) + " invalid word(s): " + strings.Join(b.descr, ", ")
	if b.n > len(b.descr) {
		msg += ", …"
	}
	d.diag(CodeInvalidCode, d.line, b.first, 0, msg)
	b.n, b.descr = 0, b.descr[:0]
}

func hex4(w uint16) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[w>>12], digits[w>>8&15], digits[w>>4&15], digits[w&15]})
}
