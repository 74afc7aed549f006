package audit

import (
	"encoding/binary"
	"errors"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/rule"
)

// The spill stores findings in a compact binary form of its own: length-
// prefixed strings and varints, one record per finding. Reading findings
// back as JSON cost about a third of a dense audit's CPU time (reflection
// per field); this form is read with no reflection. It must give back
// exactly what a JSON round trip would, since the reports were written from
// that: strings pass through jsonSafe, the only change JSON makes to them.

var errSpillCorrupt = errors.New("corrupt findings record")

// appendFindings encodes fs after b: a count, then each finding.
func appendFindings(b []byte, fs []Finding) []byte {
	b = binary.AppendUvarint(b, uint64(len(fs)))
	for i := range fs {
		f := &fs[i]
		b = appendString(b, f.Rule)
		b = binary.AppendVarint(b, int64(f.Severity))
		b = appendString(b, f.File)
		b = binary.AppendVarint(b, int64(f.Line))
		b = binary.AppendVarint(b, int64(f.Cue))
		b = appendString(b, f.Start)
		b = appendString(b, f.Message)
		b = appendString(b, f.Fingerprint)
		b = binary.AppendVarint(b, int64(f.More))
		if f.Waived == nil {
			b = append(b, 0)
			continue
		}
		b = append(b, 1)
		b = appendString(b, f.Waived.Reason)
		b = appendString(b, f.Waived.Expires)
		b = appendString(b, f.Waived.By)
		b = appendString(b, f.Waived.Source)
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// findingsDecoder reads what appendFindings wrote; the first error sticks.
type findingsDecoder struct {
	b   []byte
	err error
}

func decodeFindings(b []byte) ([]Finding, error) {
	d := &findingsDecoder{b: b}
	n := d.uvarint()
	// Every finding takes several bytes: a count above the bytes left is
	// corrupt, and is refused before it sizes an allocation.
	if d.err != nil || n > uint64(len(d.b)) {
		return nil, errSpillCorrupt
	}
	fs := make([]Finding, n)
	for i := range fs {
		f := &fs[i]
		f.Rule = d.string()
		f.Severity = rule.Severity(d.varint())
		f.File = d.string()
		f.Line = int(d.varint())
		f.Cue = int(d.varint())
		f.Start = d.string()
		f.Message = d.string()
		f.Fingerprint = d.string()
		f.More = int(d.varint())
		if d.byte() == 1 {
			f.Waived = &rule.Waiver{Reason: d.string(), Expires: d.string(), By: d.string(), Source: d.string()}
		}
	}
	if d.err != nil || len(d.b) != 0 {
		return nil, errSpillCorrupt
	}
	return fs, nil
}

func (d *findingsDecoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *findingsDecoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *findingsDecoder) byte() byte {
	if len(d.b) == 0 {
		d.fail()
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *findingsDecoder) string() string {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail()
		return ""
	}
	s := jsonSafe(string(d.b[:n]))
	d.b = d.b[n:]
	return s
}

func (d *findingsDecoder) fail() {
	if d.err == nil {
		d.err = errSpillCorrupt
	}
	d.b = nil
}

// jsonSafe returns s as a JSON round trip gives it back: encoding/json
// writes each byte of invalid UTF-8 as U+FFFD.
func jsonSafe(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	out := make([]rune, 0, len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		out = append(out, r) // RuneError for an invalid byte, size 1
		i += size
	}
	return string(out)
}
