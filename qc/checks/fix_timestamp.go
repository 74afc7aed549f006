package checks

import (
	"bytes"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// retime builds the edits that give cue c the in-time start and out-time
// end, each written where and as the file writes it. It returns nil when
// the file's format or encoding gives no safe place to write (a fix is then
// not offered): SRT and WebVTT timestamps are written here; other formats'
// readers record where their times are written and how to spell one
// (cue.Document.Respell: TTML begin/end attributes).
func retime(p *rule.Pass, c *cue.Cue, start, end cue.Time) []rule.TextEdit {
	if start >= end || start < 0 {
		return nil
	}
	var edits []rule.TextEdit
	for _, e := range [2]struct {
		at       cue.Range
		old, new cue.Time
	}{{c.StartSrc, c.Start, start}, {c.EndSrc, c.End, end}} {
		if e.old == e.new {
			continue
		}
		old := p.File.Fix.Bytes(e.at, false)
		text, ok := spellTime(p.Doc, old, e.old, e.new)
		if !ok {
			return nil
		}
		a, b, _ := p.File.Fix.Span(e.at, false)
		edits = append(edits, rule.TextEdit{Start: a, End: b, New: text})
	}
	return edits
}

// spellTime writes t as the format spells it, keeping the original's
// shape where the format allows a choice (WebVTT's optional hours).
func spellTime(doc *cue.Document, old []byte, was, t cue.Time) (string, bool) {
	if old == nil || t < 0 {
		return "", false
	}
	var b []byte
	switch doc.Format {
	case "srt":
		// Written as HH:MM:SS,mmm, but with the millisecond separator the
		// line already uses ('.' and ':' are common misspellings players
		// accept): a retimed cue does not mix two spellings on one line.
		sep := byte(',')
		if i := bytes.LastIndexAny(old, ",.:"); i >= 0 && bytes.Count(old, []byte{':'}) <= 3 && len(old)-i-1 == 3 {
			sep = old[i]
		}
		b = t.AppendTimecodeSep(b, sep)
	case "webvtt":
		b = t.AppendTimecode(b)
		if t < cue.Hour && bytes.Count(old, []byte{':'}) < 2 {
			b = b[3:] // the original wrote no hours (MM:SS.mmm): nor does its copy
		}
	default:
		if doc.Respell == nil {
			return "", false
		}
		return doc.Respell(string(old), was, t)
	}
	return string(b), true
}
