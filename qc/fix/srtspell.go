package fix

import (
	"strconv"
	"strings"

	"github.com/exportqc/exportqc/qc/cue"
	"github.com/exportqc/exportqc/qc/format/srt"
	"github.com/exportqc/exportqc/qc/rule"
	"github.com/exportqc/exportqc/qc/textenc"
)

// The SRT reader reports misspelt timing lines ("00:00:01.5 -> 00:00:03")
// and counters that are not numbers as R001/R002/E000 diagnostics, not through a
// rule pass; their fix is built here from the file's bytes, like the
// encoding fixes: every timing line rewritten as HH:MM:SS,mmm --> HH:MM:SS,mmm
// (the times the reader understood, text after the end time kept) and the
// cues numbered 1..n (a counter line that is not a number may be misplaced
// text and is left alone). Only for files named .srt: a file named .vtt
// whose content reads as SRT is not turned further into SRT.

// srtSpellingFinding reports a finding the SRT spelling fix answers: the
// reader's timestamp-form warnings (R001 short millisecond fields, R002
// other spellings players read alike) and its E000 for timing lines and
// counters it could read only with a fallback.
func srtSpellingFinding(f *rule.Finding) bool {
	if f.Rule == "R001" || f.Rule == "R002" {
		return true
	}
	return f.Rule == "E000" && (strings.HasPrefix(f.Message, "counter line ") ||
		(strings.Contains(f.Message, " timing line") && strings.Contains(f.Message, " with ") && strings.Contains(f.Message, "(first on line")))
}

// srtSpellingFix builds the normalisation of an SRT file (nil when the
// file is not UTF-8 SRT or needs none).
func srtSpellingFix(data []byte) []rule.SuggestedFix {
	dec := textenc.Decode(data)
	if dec.Encoding != "UTF-8" || dec.Invalid > 0 {
		return nil
	}
	text := dec.Text
	at := int64(len(data) - len(text))
	doc := srt.Read(text)
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
	if len(edits) == 0 {
		return nil
	}
	return []rule.SuggestedFix{{Message: "write every timing line as HH:MM:SS,mmm --> HH:MM:SS,mmm and number the cues 1.." +
		strconv.Itoa(len(doc.Cues)), Edits: edits}}
}

func srtStamp(t cue.Time) string { return string(t.AppendTimecodeSep(nil, ',')) }
