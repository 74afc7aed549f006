package srt

import "github.com/exportqc/exportqc/qc/rule"

// Rule codes of the findings the reader emits as cue.Diagnostics with a
// code of their own (the others are E000). They are stable: packs and
// waivers refer to them.
const (
	CodeShortMilliseconds = "R001"
	CodeTimestampForm     = "R002"
	// CodeByteOrderMark is the file rule about byte-order marks (checks'
	// E002): the reader finds those that start a line past the first.
	CodeByteOrderMark = "E002"
)

// deviationRule is the rule of a timestamp deviation's per-file finding;
// "" keeps it a parse error (E000).
func deviationRule(d deviation) string {
	switch d {
	case devShortMs:
		return CodeShortMilliseconds
	case devDot, devColon, devNoHours, devNoMs, devWidth:
		// Read the same way by every player we know of: a form to fix,
		// not a parse error. Mistyped arrows (ffmpeg drops the cue) and
		// text after the end time stay E000.
		return CodeTimestampForm
	}
	return ""
}

// Rules describes the SRT findings for the rule registry. Run is nil: the
// findings come from the reader's Diagnostics, which carry these codes.
var Rules = []*rule.Rule{
	{
		Code: CodeShortMilliseconds, Name: "srt-millisecond-digits", Family: "srt",
		Summary: "Timestamps have fewer than three millisecond digits",
		Doc: "SubRip times are HH:MM:SS,mmm. A file that writes \",97\" or \",5\" is read as 97 ms or 5 ms, as " +
			"ffmpeg, pysrt and python-srt read it (and as the files' own cue order confirms), but a tool that reads " +
			"the digits as a decimal fraction shows 970 ms or 500 ms. Reported once per file with the count and the " +
			"first line. Re-export the file, or pad the field to three digits.",
		DefaultSeverity: rule.Warning,
	},
	{
		Code: CodeTimestampForm, Name: "srt-timestamp-form", Family: "srt",
		Summary: "Timestamps depart from HH:MM:SS,mmm in a way players read alike",
		Doc: "'.' or ':' instead of ',' before the milliseconds, no hours field (MM:SS,mmm), no milliseconds, or an " +
			"hours, minutes or seconds field that is not two digits. ffmpeg, pysrt, python-srt and the usual players read " +
			"these times the same way, and so does this reader; strict ingest tools reject them. Reported once per file " +
			"and kind, with the count and the first line. A mistyped arrow (\"- >\", which ffmpeg drops) and text after the " +
			"end time are parse errors (E000) instead. Re-export the file with standard timestamps.",
		DefaultSeverity: rule.Warning,
	},
}
