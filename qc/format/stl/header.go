package stl

import (
	"errors"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"golang.org/x/text/encoding/charmap"
)

const (
	gsiSize = 1024
	ttiSize = 128
)

// gsiField is one field of the General Subtitle Information block
// (Tech 3264 §4.2): its mnemonic, offset and length.
type gsiField struct {
	name     string
	off, len int
}

var gsiFields = []gsiField{
	{"CPN", 0, 3}, {"DFC", 3, 8}, {"DSC", 11, 1}, {"CCT", 12, 2}, {"LC", 14, 2},
	{"OPT", 16, 32}, {"OET", 48, 32}, {"TPT", 80, 32}, {"TET", 112, 32}, {"TN", 144, 32},
	{"TCD", 176, 32}, {"SLR", 208, 16}, {"CD", 224, 6}, {"RD", 230, 6}, {"RN", 236, 2},
	{"TNB", 238, 5}, {"TNS", 243, 5}, {"TNG", 248, 3}, {"MNC", 251, 2}, {"MNR", 253, 2},
	{"TCS", 255, 1}, {"TCP", 256, 8}, {"TCF", 264, 8}, {"TND", 272, 1}, {"DSN", 273, 1},
	{"CO", 274, 3}, {"PUB", 277, 32}, {"EN", 309, 32}, {"ECD", 341, 32}, {"UDA", 448, 576},
}

func fieldByName(name string) (gsiField, bool) {
	for _, f := range gsiFields {
		if f.name == name {
			return f, true
		}
	}
	return gsiField{}, false
}

// Header is the GSI block of an EBU STL file. Text fields are decoded with
// the code page CPN names and lose their trailing padding spaces; Field
// returns any field exactly as stored. Numeric fields are -1 when the field
// does not hold a number.
type Header struct {
	CPN string // Code Page Number: "437", "850", "860", "863", "865"
	DFC string // Disk Format Code: "STL25.01", "STL30.01"
	DSC byte   // Display Standard Code: ' ' undefined, '0' open, '1'/'2' teletext level 1/2
	CCT string // Character Code Table of the text fields: "00" Latin … "04" Hebrew
	LC  string // Language Code as written: two hex digits (Appendix 3)
	// Language is LC mapped to a BCP-47 tag ("09" → "en"); "" when unknown.
	Language string

	OPT, OET string // original programme and episode titles
	TPT, TET string // translated programme and episode titles
	TN, TCD  string // translator's name and contact details
	SLR      string // subtitle list reference code
	CD, RD   string // creation and revision dates, YYMMDD
	RN       string // revision number
	TNB      int    // total number of TTI blocks
	TNS      int    // total number of subtitles
	TNG      int    // total number of subtitle groups
	MNC      int    // maximum number of displayable characters in a row
	MNR      int    // maximum number of displayable rows
	TCS      byte   // time code status: '1' intended for use, '0' not
	// TCP is the start of programme and TCF the in-time of the first cue,
	// at FrameRate (or 25 fps when the DFC is unknown). TCPValid and
	// TCFValid are false when the field is not a valid HHMMSSFF timecode.
	TCP, TCF           cue.Time
	TCPValid, TCFValid bool
	TND, DSN           int    // total number of disks, disk sequence number
	CO                 string // country of origin (3 letters)
	PUB, EN, ECD       string // publisher, editor's name, editor's contact details
	UDA                []byte // user-defined area, 576 raw bytes

	// FrameRate is the rate the DFC declares; zero when the DFC is unknown.
	FrameRate cue.FrameRate
	// FrameRateStandard is true for the two DFC values Tech 3264 defines.
	FrameRateStandard bool

	raw   [gsiSize]byte
	cm    *charmap.Charmap
	timer dfcRate // rate used for times (fallbackRate for an unknown DFC)
}

// Field returns a GSI field by its Tech 3264 mnemonic ("OPT", "TCP", …),
// decoded with the CPN code page but otherwise exactly as stored, padding
// included. ok is false for an unknown mnemonic.
func (h *Header) Field(name string) (value string, ok bool) {
	f, ok := fieldByName(name)
	if !ok {
		return "", false
	}
	cm := h.cm
	if cm == nil { // a zero Header, not one from ReadHeader
		cm, _ = gsiCharmap("850")
	}
	return decodeGSIText(cm, h.raw[f.off:f.off+f.len]), true
}

var (
	// ErrShort means the input is shorter than the 1024-byte GSI block.
	ErrShort = errors.New("stl: the GSI header is invalid: the file is shorter than its 1024 bytes")
	// ErrNotSTL means the first 1024 bytes do not look like a GSI block.
	ErrNotSTL = errors.New("stl: the GSI header is invalid: neither a code page number (three digits) at byte 0 nor a disk format code (STLnn.01) at byte 3; not an EBU STL file")
)

// ReadHeader decodes the GSI block at the start of data. It fails only when
// data cannot be an STL file; invalid field values are kept as found (Read
// reports them as S001 findings).
func ReadHeader(data []byte) (Header, error) {
	var h Header
	if len(data) < gsiSize {
		return h, ErrShort
	}
	if !looksLikeGSI(data) {
		return h, ErrNotSTL
	}
	copy(h.raw[:], data[:gsiSize])
	h.decode()
	return h, nil
}

// looksLikeGSI accepts a block whose DFC starts with "STL" or whose CPN is
// three digits: one damaged field must not hide a real STL file, but a
// file with neither is something else (an SRT, a video, an empty file).
func looksLikeGSI(b []byte) bool {
	if string(b[3:6]) == "STL" {
		return true
	}
	return isDigits(b[0:3])
}

func isDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}

func (h *Header) rawField(name string) []byte {
	f, _ := fieldByName(name)
	return h.raw[f.off : f.off+f.len]
}

func (h *Header) decode() {
	h.CPN = trimSpace(string(h.rawField("CPN")))
	h.cm, _ = gsiCharmap(h.CPN)
	text := func(name string) string {
		return strings.TrimRight(decodeGSIText(h.cm, h.rawField(name)), " ")
	}
	h.DFC = trimSpace(string(h.rawField("DFC")))
	h.DSC = h.raw[11]
	h.CCT = trimSpace(string(h.rawField("CCT")))
	h.LC = trimSpace(string(h.rawField("LC")))
	h.Language = LanguageTag(h.LC)
	h.OPT, h.OET, h.TPT, h.TET = text("OPT"), text("OET"), text("TPT"), text("TET")
	h.TN, h.TCD, h.SLR = text("TN"), text("TCD"), text("SLR")
	h.CD, h.RD, h.RN = text("CD"), text("RD"), text("RN")
	h.TNB, h.TNS, h.TNG = h.number("TNB"), h.number("TNS"), h.number("TNG")
	h.MNC, h.MNR = h.number("MNC"), h.number("MNR")
	h.TCS = h.raw[255]
	h.TND, h.DSN = h.number("TND"), h.number("DSN")
	h.CO = text("CO")
	h.PUB, h.EN, h.ECD = text("PUB"), text("EN"), text("ECD")
	// A copy, so that a Header value does not alias another one's array.
	h.UDA = append([]byte(nil), h.raw[448:gsiSize]...)

	if r, ok := dfcRates[h.DFC]; ok {
		h.timer = r
		h.FrameRate = r.rate
		h.FrameRateStandard = r.standard
	} else {
		h.timer = fallbackRate
	}
	var tc timecode
	tc, h.TCPValid = parseGSITimecode(h.rawField("TCP"), h.timer.nominal)
	h.TCP = tc.time(h.timer.rate)
	tc, h.TCFValid = parseGSITimecode(h.rawField("TCF"), h.timer.nominal)
	h.TCF = tc.time(h.timer.rate)
}

// number parses a numeric field. Writers pad with leading zeros ("00003")
// or with spaces on either side ("3    ", "    2"); all are accepted.
func (h *Header) number(name string) int {
	s := trimSpace(string(h.rawField(name)))
	if !isDigits([]byte(s)) {
		return -1
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

func trimSpace(s string) string { return strings.Trim(s, " ") }

// parseGSITimecode reads "HHMMSSFF". ok is false unless all eight
// characters are digits and each part is in range.
func parseGSITimecode(b []byte, nominal int) (timecode, bool) {
	if len(b) != 8 || !isDigits(b) {
		return timecode{}, false
	}
	two := func(i int) int { return int(b[i]-'0')*10 + int(b[i+1]-'0') }
	tc := timecode{two(0), two(2), two(4), two(6)}
	return tc, tc.valid(nominal)
}
