package checks

import (
	"path"
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/rule"
)

// The SRT reader reports timing lines and counters it understood only
// through a lenient spelling ("00:00:01.5 -> 00:00:03", a counter that is
// no number) as diagnostics of kind cue.KindSpelling: R001 and R002 for the
// timestamp forms, E000 for the rest. The rules that report them offer one
// fix for the whole file, built from the document the reader made: every
// timing line written as HH:MM:SS,mmm --> HH:MM:SS,mmm (the times the
// reader understood, text after the end time kept) and the cues numbered
// 1..n (a counter line that is not a number may be misplaced text and is
// left alone). Only for UTF-8 files named .srt: a file named .vtt whose
// content reads as SRT is not turned further into SRT.

// reportDiagnostic reports a reader diagnostic with the fix its kind has.
func reportDiagnostic(p *rule.Pass, d cue.Diagnostic) {
	var fixes []rule.SuggestedFix
	if d.Kind == cue.KindSpelling {
		fixes = srtSpellingFix(p)
	}
	p.ReportDiagnosticFix(d, fixes...)
}

// reportReaderDiagnostics is the Run of the rules a reader declares (R001,
// R002): their diagnostics, with fixes.
func reportReaderDiagnostics(p *rule.Pass) {
	if p.Doc == nil {
		return
	}
	for _, d := range p.Doc.Diagnostics {
		if d.Rule == p.Rule.Code {
			reportDiagnostic(p, d)
		}
	}
}

type srtSpellingKey struct{}

// srtSpellingFix is the file's normalisation, built once per file however
// many diagnostics offer it (nil when none is needed or possible).
func srtSpellingFix(p *rule.Pass) []rule.SuggestedFix {
	if !p.Fixing() || p.Doc.Format != "srt" || !strings.EqualFold(path.Ext(p.File.Path), ".srt") || !p.File.Fix.Mapped {
		return nil
	}
	return p.Memo(srtSpellingKey{}, func() any { return buildSRTSpelling(p.Doc, p.File.Fix) }).([]rule.SuggestedFix)
}

func buildSRTSpelling(doc *cue.Document, src *rule.FixSource) []rule.SuggestedFix {
	at := src.TextAt
	text := string(src.Data[at:])
	eol := "\n"
	if strings.Contains(text, "\r\n") {
		eol = "\r\n"
	} else if !strings.Contains(text, "\n") && strings.Contains(text, "\r") {
		eol = "\r"
	}
	var edits []rule.TextEdit
	for k := range doc.Cues {
		c := &doc.Cues[k]
		if !c.StartSrc.Valid() || !c.EndSrc.Valid() || c.Start < 0 || c.End < 0 {
			continue
		}
		want := srtStamp(c.Start) + " --> " + srtStamp(c.End)
		n := strconv.Itoa(k + 1)
		if c.ID == "" {
			// No counter: one edit writes it and the timing line.
			edits = append(edits, rule.TextEdit{Start: at + c.Offset, End: at + c.EndSrc.To,
				New: n + eol + text[c.Offset:c.StartSrc.From] + want})
			continue
		}
		if text[c.StartSrc.From:c.EndSrc.To] != want {
			edits = append(edits, rule.TextEdit{Start: at + c.StartSrc.From, End: at + c.EndSrc.To, New: want})
		}
		line := text[c.Offset:]
		if i := strings.IndexAny(line, "\r\n"); i >= 0 {
			line = line[:i]
		}
		// A counter that is not a number may be misplaced text: left alone.
		if _, err := strconv.Atoi(strings.TrimSpace(line)); err == nil && line != n {
			edits = append(edits, rule.TextEdit{Start: at + c.Offset, End: at + c.Offset + int64(len(line)), New: n})
		}
	}
	return fixOf("write every timing line as HH:MM:SS,mmm --> HH:MM:SS,mmm and number the cues 1.."+
		strconv.Itoa(len(doc.Cues)), edits)
}

func srtStamp(t cue.Time) string { return string(t.AppendTimecodeSep(nil, ',')) }
