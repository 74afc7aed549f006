package engine

import (
	"encoding/binary"
	"strings"

	"github.com/exportqc/exportqc/qc/internal/binrec"
	"github.com/exportqc/exportqc/qc/report"
	"github.com/exportqc/exportqc/qc/rule"
)

// A big delivery's file results wait on disk for its delivery rules in
// this form (see resultSpill): every field of the result that the report
// shows, so that what comes back is what was put in, and the reports
// written from it are the same bytes. Strings are kept byte for byte (the
// report writers, not the spill, decide how to show invalid UTF-8).

// appendResult encodes what report() reads of r: its flags, record and
// findings.
func appendResult(b []byte, r *fileResult) []byte {
	b = binrec.AppendBool(b, r.skip)
	b = binrec.AppendBool(b, r.folder)
	b = appendRecord(b, &r.record)
	b = binary.AppendUvarint(b, uint64(len(r.findings)))
	for i := range r.findings {
		b = appendFinding(b, &r.findings[i])
	}
	return b
}

func decodeResult(b []byte) (fileResult, error) {
	d := binrec.NewDecoder(b)
	var r fileResult
	r.skip = d.Bool()
	r.folder = d.Bool()
	r.record = decodeRecord(d)
	if n := d.Count(); n > 0 {
		r.findings = make([]rule.Finding, n)
		for i := range r.findings {
			r.findings[i] = decodeFinding(d)
		}
	}
	if d.Err() != nil || d.Left() != 0 {
		return fileResult{}, binrec.ErrCorrupt
	}
	return r, nil
}

func appendRecord(b []byte, f *report.File) []byte {
	b = binrec.AppendString(b, f.Path)
	b = appendBytes(b, f.PathBytes)
	b = binrec.AppendString(b, f.Format)
	b = binrec.AppendString(b, f.Profile)
	b = binrec.AppendString(b, f.Encoding)
	b = binrec.AppendBool(b, f.BOM)
	b = binrec.AppendString(b, f.Language)
	b = binrec.AppendString(b, f.LanguageSource)
	b = binrec.AppendString(b, f.FrameRate)
	b = binrec.AppendString(b, f.FrameRateSource)
	b = binary.AppendVarint(b, int64(f.Cues))
	b = binary.AppendVarint(b, int64(f.Errors))
	b = binary.AppendVarint(b, int64(f.Warnings))
	b = binary.AppendVarint(b, int64(f.Infos))
	b = appendTimecode(b, f.FirstCue)
	b = appendTimecode(b, f.LastCue)
	b = binrec.AppendString(b, f.Delivery)
	b = binrec.AppendString(b, f.Kind)
	return binary.AppendVarint(b, int64(f.Episode))
}

func decodeRecord(d *binrec.Decoder) report.File {
	// The record outlives the file's findings (the report keeps each
	// file's record to the end), so its strings are copied out of the
	// decoder's one string: a path sharing it would keep every finding
	// of the file in memory.
	str := func() string { return strings.Clone(d.String()) }
	var f report.File
	f.Path = str()
	f.PathBytes = decodeBytes(d)
	f.Format = str()
	f.Profile = str()
	f.Encoding = str()
	f.BOM = d.Bool()
	f.Language = str()
	f.LanguageSource = str()
	f.FrameRate = str()
	f.FrameRateSource = str()
	f.Cues = int(d.Varint())
	f.Errors = int(d.Varint())
	f.Warnings = int(d.Varint())
	f.Infos = int(d.Varint())
	f.FirstCue = decodeTimecode(d)
	f.LastCue = decodeTimecode(d)
	f.Delivery = str()
	f.Kind = str()
	f.Episode = int(d.Varint())
	return f
}

func appendFinding(b []byte, f *rule.Finding) []byte {
	b = binrec.AppendString(b, f.Rule)
	b = binrec.AppendString(b, f.Name)
	b = binary.AppendVarint(b, int64(f.Severity))
	b = binrec.AppendString(b, f.File)
	b = binary.AppendVarint(b, int64(f.Line))
	b = binary.AppendVarint(b, int64(f.Cue))
	b = binrec.AppendString(b, f.CueID)
	b = appendTimecode(b, f.Start)
	b = appendTimecode(b, f.End)
	b = binrec.AppendString(b, f.Message)
	b = binrec.AppendString(b, f.Expected)
	b = binrec.AppendString(b, f.Actual)
	b = binrec.AppendString(b, f.Source)
	b = binrec.AppendBool(b, f.Waived != nil)
	if f.Waived != nil {
		b = binrec.AppendString(b, f.Waived.Reason)
		b = binrec.AppendString(b, f.Waived.Expires)
		b = binrec.AppendString(b, f.Waived.By)
		b = binrec.AppendString(b, f.Waived.Source)
	}
	// nil and empty Fixes differ to a JSON writer (omitempty treats them
	// alike, but keep what was there all the same).
	b = binrec.AppendBool(b, f.Fixes != nil)
	b = binary.AppendUvarint(b, uint64(len(f.Fixes)))
	for _, x := range f.Fixes {
		b = binrec.AppendString(b, x.Message)
		b = binrec.AppendBool(b, x.Edits != nil)
		b = binary.AppendUvarint(b, uint64(len(x.Edits)))
		for _, e := range x.Edits {
			b = binary.AppendVarint(b, e.Start)
			b = binary.AppendVarint(b, e.End)
			b = binrec.AppendString(b, e.New)
		}
	}
	b = binrec.AppendString(b, f.NoFix)
	return binary.AppendVarint(b, int64(f.More))
}

func decodeFinding(d *binrec.Decoder) rule.Finding {
	var f rule.Finding
	f.Rule = d.String()
	f.Name = d.String()
	f.Severity = rule.Severity(d.Varint())
	f.File = d.String()
	f.Line = int(d.Varint())
	f.Cue = int(d.Varint())
	f.CueID = d.String()
	f.Start = decodeTimecode(d)
	f.End = decodeTimecode(d)
	f.Message = d.String()
	f.Expected = d.String()
	f.Actual = d.String()
	f.Source = d.String()
	if d.Bool() {
		f.Waived = &rule.Waiver{Reason: d.String(), Expires: d.String(), By: d.String(), Source: d.String()}
	}
	hasFixes, n := d.Bool(), d.Count()
	if hasFixes {
		f.Fixes = make([]rule.SuggestedFix, n)
	}
	for i := 0; i < n && hasFixes; i++ {
		x := &f.Fixes[i]
		x.Message = d.String()
		hasEdits, m := d.Bool(), d.Count()
		if hasEdits {
			x.Edits = make([]rule.TextEdit, m)
		}
		for j := 0; j < m && hasEdits; j++ {
			x.Edits[j] = rule.TextEdit{Start: d.Varint(), End: d.Varint(), New: d.String()}
		}
	}
	f.NoFix = d.String()
	f.More = int(d.Varint())
	return f
}

func appendTimecode(b []byte, t *rule.Timecode) []byte {
	b = binrec.AppendBool(b, t != nil)
	if t != nil {
		b = binary.AppendVarint(b, int64(*t))
	}
	return b
}

func decodeTimecode(d *binrec.Decoder) *rule.Timecode {
	if !d.Bool() {
		return nil
	}
	t := rule.Timecode(d.Varint())
	return &t
}

func appendBytes(b, v []byte) []byte {
	b = binrec.AppendBool(b, v != nil)
	return binrec.AppendString(b, string(v))
}

func decodeBytes(d *binrec.Decoder) []byte {
	has, s := d.Bool(), d.String()
	if !has {
		return nil
	}
	return []byte(s)
}
