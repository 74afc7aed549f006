package stl

import (
	"fmt"

	"github.com/exportqc/exportqc/qc/cue"
)

// diagField adds a finding about GSI field name (line 0: the header).
func (h *Header) diagField(doc *cue.Document, code, name, format string, args ...any) {
	f, _ := fieldByName(name)
	doc.Diagnostics = append(doc.Diagnostics, cue.Diagnostic{
		Rule: code, Offset: int64(f.off), Message: fmt.Sprintf(format, args...),
	})
}

func (h *Header) quoted(name string) string {
	v, _ := h.Field(name)
	return fmt.Sprintf("%q", v)
}

// validate reports header fields that Tech 3264 does not allow.
func (h *Header) validate(doc *cue.Document) {
	if _, ok := gsiCharmap(h.CPN); !ok {
		h.diagField(doc, CodeHeaderInvalid, "CPN",
			"code page number CPN %s is not one Tech 3264 allows (437, 850, 860, 863, 865); header text read as code page 850",
			h.quoted("CPN"))
	}
	if r, ok := dfcRates[h.DFC]; !ok {
		h.diagField(doc, CodeUnknownFrameRate, "DFC",
			"disk format code DFC %s names no known frame rate (Tech 3264 defines STL25.01 and STL30.01); times are computed at 25 fps and may all be wrong",
			h.quoted("DFC"))
	} else if !r.standard {
		h.diagField(doc, CodeNonstandardFrameRate, "DFC",
			"disk format code DFC %q is not defined by Tech 3264 (only STL25.01 and STL30.01); read at %s fps",
			h.DFC, r.rate)
	}
	switch h.DSC {
	case ' ', '0', '1', '2':
	default:
		h.diagField(doc, CodeHeaderInvalid, "DSC",
			"display standard code DSC %s is not blank, 0 (open), 1 or 2 (teletext)", h.quoted("DSC"))
	}
	if n, ok := parseHex2(h.CCT); !ok || n > 4 {
		h.diagField(doc, CodeHeaderInvalid, "CCT",
			"character code table CCT %s is not 00-04; text read with the Latin table 00", h.quoted("CCT"))
	}
	if n, ok := parseHex2(h.LC); !ok || n > 0x7F {
		h.diagField(doc, CodeHeaderInvalid, "LC",
			"language code LC %s is not two hex digits 00-7F (Tech 3264 Appendix 3)", h.quoted("LC"))
	}
	if h.TCS != '0' && h.TCS != '1' {
		h.diagField(doc, CodeHeaderInvalid, "TCS",
			"time code status TCS %s is not 0 or 1", h.quoted("TCS"))
	}
	if !h.TCPValid {
		h.diagField(doc, CodeHeaderInvalid, "TCP",
			"start-of-programme timecode TCP %s is not a valid HHMMSSFF timecode at %d frames per second",
			h.quoted("TCP"), h.timer.nominal)
	}
	if !h.TCFValid {
		h.diagField(doc, CodeHeaderInvalid, "TCF",
			"first in-cue timecode TCF %s is not a valid HHMMSSFF timecode at %d frames per second",
			h.quoted("TCF"), h.timer.nominal)
	}
	for _, f := range [...]struct {
		name, what string
		v          int
	}{
		{"TNB", "total number of TTI blocks", h.TNB},
		{"TNS", "total number of subtitles", h.TNS},
		{"TNG", "total number of subtitle groups", h.TNG},
		{"MNC", "maximum number of characters per row", h.MNC},
		{"MNR", "maximum number of rows", h.MNR},
		{"TND", "total number of disks", h.TND},
		{"DSN", "disk sequence number", h.DSN},
	} {
		if f.v < 0 {
			h.diagField(doc, CodeHeaderInvalid, f.name, "%s %s %s is not a number", f.what, f.name, h.quoted(f.name))
		}
	}
	for _, f := range [...]struct{ name, what string }{{"CD", "creation date"}, {"RD", "revision date"}} {
		raw := h.rawField(f.name)
		if trimSpace(string(raw)) != "" && !validDate(raw) {
			h.diagField(doc, CodeHeaderInvalid, f.name, "%s %s %s is not a YYMMDD date", f.what, f.name, h.quoted(f.name))
		}
	}
}

// validDate accepts YYMMDD with a real month and a day the month can have
// (29 February is accepted in any year: the century is unknown).
func validDate(b []byte) bool {
	if len(b) != 6 || !isDigits(b) {
		return false
	}
	m := int(b[2]-'0')*10 + int(b[3]-'0')
	d := int(b[4]-'0')*10 + int(b[5]-'0')
	days := [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	return m >= 1 && m <= 12 && d >= 1 && d <= days[m]
}
