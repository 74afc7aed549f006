package audit

import (
	"encoding/binary"
	"unicode/utf8"

	"github.com/exportqc/exportqc/qc/internal/binrec"
	"github.com/exportqc/exportqc/qc/rule"
)

// The spill stores findings in a compact binary form of its own: length-
// prefixed strings and varints, one record per finding. Reading findings
// back as JSON cost about a third of a dense audit's CPU time (reflection
// per field); this form is read with no reflection. It must give back
// exactly what a JSON round trip would, since the reports were written from
// that: strings pass through jsonSafe, the only change JSON makes to them.

// appendFindings encodes fs after b: a count, then each finding.
func appendFindings(b []byte, fs []Finding) []byte {
	b = binary.AppendUvarint(b, uint64(len(fs)))
	for i := range fs {
		f := &fs[i]
		b = binrec.AppendString(b, f.Rule)
		b = binary.AppendVarint(b, int64(f.Severity))
		b = binrec.AppendString(b, f.File)
		b = binary.AppendVarint(b, int64(f.Line))
		b = binary.AppendVarint(b, int64(f.Cue))
		b = binrec.AppendString(b, f.Start)
		b = binrec.AppendString(b, f.Message)
		b = binrec.AppendString(b, f.Fingerprint)
		b = binary.AppendVarint(b, int64(f.More))
		if f.Waived == nil {
			b = append(b, 0)
			continue
		}
		b = append(b, 1)
		b = binrec.AppendString(b, f.Waived.Reason)
		b = binrec.AppendString(b, f.Waived.Expires)
		b = binrec.AppendString(b, f.Waived.By)
		b = binrec.AppendString(b, f.Waived.Source)
	}
	return b
}

// decodeFindings reads what appendFindings wrote; binrec.ErrCorrupt for
// anything else.
func decodeFindings(b []byte) ([]Finding, error) {
	d := binrec.NewDecoder(b)
	str := func() string { return jsonSafe(d.String()) }
	n := d.Count()
	if d.Err() != nil {
		return nil, d.Err()
	}
	fs := make([]Finding, n)
	for i := range fs {
		f := &fs[i]
		f.Rule = str()
		f.Severity = rule.Severity(d.Varint())
		f.File = str()
		f.Line = int(d.Varint())
		f.Cue = int(d.Varint())
		f.Start = str()
		f.Message = str()
		f.Fingerprint = str()
		f.More = int(d.Varint())
		if d.Byte() == 1 {
			f.Waived = &rule.Waiver{Reason: str(), Expires: str(), By: str(), Source: str()}
		}
	}
	if d.Err() != nil || d.Left() != 0 {
		return nil, binrec.ErrCorrupt
	}
	return fs, nil
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
