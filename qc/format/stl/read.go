package stl

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/cue"
)

// Read parses an EBU STL (Tech 3264) file. It never fails: input that is
// not STL at all gives a Document with one E000 diagnostic and no cues, and
// every other problem becomes a diagnostic while reading goes on.
//
// Mapping to the cue model:
//   - One cue per subtitle: a TTI block with EBN FFh plus the extension
//     blocks (EBN 00h–EFh) before it with the same subtitle number, their
//     text fields joined. User-data blocks (FEh) and reserved EBNs are skipped.
//   - Cue.ID is the subtitle number SN; Cue.Line is the 1-based TTI block
//     number of the subtitle's first block (block 1 follows the GSI), the
//     "line" of a binary file; Cue.Offset is that block's byte offset.
//   - Times are the TCI/TCO timecodes as written (TCP is not subtracted; it is
//     in Header.TCP), HH:MM:SS plus FF frames at the DFC rate, exact.
//   - Comment subtitles (CF=1) are kept with Cue.Comment set.
//   - Lines are the display rows: 8Ah starts a row, runs of 8Ah (teletext
//     double height writes two) count once, rows with no text are dropped,
//     and padding spaces at row ends are trimmed. A teletext control code
//     between two characters shows as a space, as on a teletext screen.
//   - Italics (80h/81h) and underline (82h/83h) become Spans; they carry
//     across rows until switched off. Boxing (84h/85h) has no cue.Style and
//     is dropped, as are the teletext colour and size attributes.
//   - Cue.Settings holds the raw layout fields: "sgn=1 vp=20 jc=2 cs=0".
//   - Cue.Raw is empty: STL has no textual markup for markup rules to check.
func Read(data []byte) *cue.Document {
	doc := cue.NewDocument()
	doc.Format = "stl"
	h, err := ReadHeader(data)
	if err != nil {
		doc.Diag(0, 0, 0, err.Error())
		return doc
	}
	doc.Profile = profile(h.DFC)
	doc.Language = h.Language
	doc.FrameRate = h.FrameRate
	doc.TimePrecision = h.timer.rate.Frames(1)
	doc.Respell = h.timer.respell
	h.validate(doc)

	r := newReader(&h, doc, data)
	r.readBlocks()
	r.finish()
	return doc
}

// profile is the DFC in lower case ("stl25.01"), when it is printable ASCII.
func profile(dfc string) string {
	for i := 0; i < len(dfc); i++ {
		if dfc[i] < 0x21 || dfc[i] > 0x7E {
			return ""
		}
	}
	return strings.ToLower(dfc)
}

// subtitle is the first block of a subtitle being assembled.
type subtitle struct {
	block  int // 1-based TTI block number
	offset int64
	sgn    byte
	sn     uint16
	cs     byte
	tci    timecode
	tco    timecode
	vp, jc byte
	cf     byte

	nblocks int // TTI blocks read so far (fixes rewrite single-block subtitles only)
}

func blockTimecode(b []byte) timecode {
	return timecode{int(b[0]), int(b[1]), int(b[2]), int(b[3])}
}

// lineRef and cueRef point into the reader's text arena; strings are cut
// from one conversion of the arena at the end, so a whole file costs a
// handful of allocations rather than several per cue.
type lineRef struct {
	start, end     int // arena offsets
	spanLo, spanHi int // r.spans indices
}

type spanRef struct {
	start, end int // arena offsets
	style      cue.Style
}

type cueRef struct {
	lineLo, lineHi int
	idLo, idHi     int
	setLo, setHi   int
}

type reader struct {
	h    *Header
	doc  *cue.Document
	data []byte
	cct  int

	arena   []byte
	lines   []lineRef
	spans   []spanRef
	refs    []cueRef
	scratch []byte // joined text fields of the subtitle being assembled

	open      bool // a subtitle is being assembled (extension blocks seen)
	cur       subtitle
	subtitles int
	groups    [256]bool
	blocks    int
}

func newReader(h *Header, doc *cue.Document, data []byte) *reader {
	n := (len(data) - gsiSize) / ttiSize
	r := &reader{h: h, doc: doc, data: data, blocks: n}
	if v, ok := parseHex2(h.CCT); ok && v <= 4 {
		r.cct = v
	}
	doc.MakeCues(n)
	r.refs = make([]cueRef, 0, n)
	r.lines = make([]lineRef, 0, 2*n)
	r.arena = make([]byte, 0, 96*n) // text, ID and settings of a typical two-row cue
	return r
}

func (r *reader) readBlocks() {
	for i := range r.blocks {
		off := gsiSize + i*ttiSize
		b := r.data[off : off+ttiSize]
		block := i + 1
		ebn := b[3]
		switch {
		case ebn == 0xFE:
			continue // user data: not subtitle text
		case ebn >= 0xF0 && ebn < 0xFE:
			r.doc.Diag(block, int64(off), 0, fmt.Sprintf(
				"TTI block %d has reserved extension block number %02Xh; block ignored", block, ebn))
			continue
		}
		sn := uint16(b[1]) | uint16(b[2])<<8
		if r.open && sn != r.cur.sn {
			r.doc.Diag(r.cur.block, r.cur.offset, len(r.doc.Cues)+1, fmt.Sprintf(
				"subtitle %d ends at TTI block %d without a last block (EBN FFh); its text so far is used",
				r.cur.sn, block-1))
			r.emit()
		}
		if !r.open {
			r.open = true
			r.cur = subtitle{
				block: block, offset: int64(off), sgn: b[0], sn: sn, cs: b[4],
				tci: blockTimecode(b[5:9]), tco: blockTimecode(b[9:13]),
				vp: b[13], jc: b[14], cf: b[15],
			}
			r.scratch = r.scratch[:0]
		}
		r.scratch = append(r.scratch, textBytes(b[16:])...)
		r.cur.nblocks++
		if ebn == 0xFF {
			r.emit()
		}
	}
	if r.open {
		r.doc.Diag(r.cur.block, r.cur.offset, len(r.doc.Cues)+1, fmt.Sprintf(
			"the file ends inside subtitle %d: no last block (EBN FFh) after TTI block %d", r.cur.sn, r.blocks))
		r.emit()
	}
}

// emit turns the assembled subtitle into a cue.
func (r *reader) emit() {
	r.open = false
	s := &r.cur
	r.subtitles++
	r.groups[s.sgn] = true
	idx := len(r.doc.Cues) + 1
	comment := s.cf == 1
	rate := r.h.timer
	c := cue.Cue{
		Index: idx, Line: s.block, Offset: s.offset,
		Start: s.tci.time(rate.rate), End: s.tco.time(rate.rate),
		Comment: comment,
	}
	sources(&c, s)
	for _, x := range [...]struct {
		name string
		v    timecode
	}{{"in-time TCI", s.tci}, {"out-time TCO", s.tco}} {
		if !x.v.valid(rate.nominal) {
			r.doc.Diagnostics = append(r.doc.Diagnostics, cue.Diagnostic{
				Rule: CodeTimecodeInvalid, Line: s.block, Offset: s.offset, Cue: idx,
				Message: fmt.Sprintf("subtitle %d %s %02d:%02d:%02d:%02d is not a valid timecode at %d frames per second",
					s.sn, x.name, x.v.h, x.v.m, x.v.s, x.v.f, rate.nominal),
			})
		}
	}

	ref := cueRef{lineLo: len(r.lines)}
	undefined := r.decodeText()
	ref.lineHi = len(r.lines)
	if undefined >= 0 {
		r.doc.Diag(s.block, s.offset, idx, fmt.Sprintf(
			"subtitle %d holds byte %02Xh, which has no character in code table %02d; shown as U+FFFD",
			s.sn, undefined, r.cct))
	}
	arena := r.arena // a local while appending, as in decodeText
	ref.idLo = len(arena)
	arena = strconv.AppendUint(arena, uint64(s.sn), 10)
	ref.idHi = len(arena)
	ref.setLo = len(arena)
	arena = append(arena, "sgn="...)
	arena = strconv.AppendUint(arena, uint64(s.sgn), 10)
	arena = append(arena, " vp="...)
	arena = strconv.AppendUint(arena, uint64(s.vp), 10)
	arena = append(arena, " jc="...)
	arena = strconv.AppendUint(arena, uint64(s.jc), 10)
	arena = append(arena, " cs="...)
	arena = strconv.AppendUint(arena, uint64(s.cs), 10)
	ref.setHi = len(arena)
	r.arena = arena

	if !comment {
		r.checkRows(ref, idx)
	}
	r.doc.Cues = append(r.doc.Cues, c)
	r.refs = append(r.refs, ref)
}

// checkRows reports rows longer than MNC and subtitles taller than MNR.
func (r *reader) checkRows(ref cueRef, idx int) {
	s := &r.cur
	if mnc := r.h.MNC; mnc > 0 {
		for i := ref.lineLo; i < ref.lineHi; i++ {
			l := r.lines[i]
			if n := utf8.RuneCount(r.arena[l.start:l.end]); n > mnc {
				r.doc.Diagnostics = append(r.doc.Diagnostics, cue.Diagnostic{
					Rule: CodeRowTooLong, Line: s.block, Offset: s.offset, Cue: idx,
					Message: fmt.Sprintf("subtitle %d row %d has %d characters; the header's MNC allows %d",
						s.sn, i-ref.lineLo+1, n, mnc),
				})
			}
		}
	}
	if rows := ref.lineHi - ref.lineLo; r.h.MNR > 0 && rows > r.h.MNR {
		r.doc.Diagnostics = append(r.doc.Diagnostics, cue.Diagnostic{
			Rule: CodeTooManyRows, Line: s.block, Offset: s.offset, Cue: idx,
			Message: fmt.Sprintf("subtitle %d has %d rows; the header's MNR allows %d", s.sn, rows, r.h.MNR),
		})
	}
}

// finish checks the file as a whole and builds the cues' strings.
func (r *reader) finish() {
	h, doc := r.h, r.doc
	if rest := (len(r.data) - gsiSize) % ttiSize; rest != 0 {
		off := gsiSize + r.blocks*ttiSize
		doc.Diagnostics = append(doc.Diagnostics, cue.Diagnostic{
			Rule: CodeTruncated, Line: r.blocks + 1, Offset: int64(off),
			Message: fmt.Sprintf("the file is %d bytes, not 1024 + n*128: the last %d bytes are an incomplete TTI block and are ignored",
				len(r.data), rest),
		})
	}
	if h.TNB >= 0 && h.TNB != r.blocks {
		h.diagField(doc, CodeBlockCountMismatch, "TNB",
			"the header says %d TTI blocks (TNB) but the file holds %d", h.TNB, r.blocks)
	}
	if h.TNS >= 0 && h.TNS != r.subtitles {
		h.diagField(doc, CodeBlockCountMismatch, "TNS",
			"the header says %d subtitles (TNS) but the file holds %d", h.TNS, r.subtitles)
	}
	groups := 0
	for _, g := range r.groups {
		if g {
			groups++
		}
	}
	if h.TNG >= 0 && h.TNG != groups {
		h.diagField(doc, CodeBlockCountMismatch, "TNG",
			"the header says %d subtitle groups (TNG) but the file holds %d", h.TNG, groups)
	}

	text := string(r.arena)
	all := make([]cue.Line, len(r.lines))
	var spans []cue.Span
	if len(r.spans) > 0 {
		spans = make([]cue.Span, 0, len(r.spans))
	}
	for i, l := range r.lines {
		all[i].Text = text[l.start:l.end]
		if l.spanHi > l.spanLo {
			lo := len(spans)
			for _, sp := range r.spans[l.spanLo:l.spanHi] {
				spans = append(spans, cue.Span{Start: sp.start - l.start, End: sp.end - l.start, Style: sp.style})
			}
			all[i].Spans = spans[lo:len(spans):len(spans)]
		}
	}
	for i, ref := range r.refs {
		c := &doc.Cues[i]
		c.ID = text[ref.idLo:ref.idHi]
		c.Settings = text[ref.setLo:ref.setHi]
		if ref.lineHi > ref.lineLo {
			c.Lines = all[ref.lineLo:ref.lineHi:ref.lineHi]
		}
	}
	r.checkProgrammeStart()
}

// checkProgrammeStart reports, once, the displayed subtitles that start
// before TCP when the timecodes are meant to be used.
func (r *reader) checkProgrammeStart() {
	h, doc := r.h, r.doc
	if h.TCS == '0' || !h.TCPValid {
		return
	}
	first, n := -1, 0
	for i := range doc.Cues {
		c := &doc.Cues[i]
		if c.Comment || len(c.Lines) == 0 || c.Start >= h.TCP {
			continue
		}
		if first < 0 {
			first = i
		}
		n++
	}
	if first < 0 {
		return
	}
	c := &doc.Cues[first]
	tcp, _ := h.Field("TCP")
	msg := fmt.Sprintf("subtitle %s starts at %s, before the start of programme TCP %s", c.ID, c.Start, formatTCP(tcp))
	if n > 1 {
		msg = fmt.Sprintf("%d subtitles start before the start of programme TCP %s; the first is subtitle %s at %s",
			n, formatTCP(tcp), c.ID, c.Start)
	}
	doc.Diagnostics = append(doc.Diagnostics, cue.Diagnostic{
		Rule: CodeCueBeforeProgramme, Line: c.Line, Offset: c.Offset, Cue: c.Index, Message: msg,
	})
}

// formatTCP shows "10000000" as 10:00:00:00.
func formatTCP(s string) string {
	if len(s) != 8 {
		return s
	}
	return s[0:2] + ":" + s[2:4] + ":" + s[4:6] + ":" + s[6:8]
}
